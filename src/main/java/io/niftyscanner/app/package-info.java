/** Wiring, command-line commands and the headless runner. Everything but the UI. */
package io.niftyscanner.app;
