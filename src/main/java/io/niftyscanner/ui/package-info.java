/** The JavaFX desktop app. */
package io.niftyscanner.ui;
