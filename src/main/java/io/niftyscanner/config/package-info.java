/** Configuration: scanner.properties, .env and environment, validation, secrets masking, instrument and constituent files. */
package io.niftyscanner.config;
