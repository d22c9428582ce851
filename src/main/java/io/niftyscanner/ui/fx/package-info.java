/** Small pieces every pane uses: the controller contract, dialogs and cell helpers. */
package io.niftyscanner.ui.fx;
