package io.niftyscanner.ui;

import javafx.application.Platform;

/** Runs UI work on the FX thread: now if already there, later otherwise. */
public final class FxThread {
    private FxThread() {}

    public static void run(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }
}
