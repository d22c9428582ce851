/** Alert service: desktop notification and sound. */
package io.niftyscanner.alerts;
