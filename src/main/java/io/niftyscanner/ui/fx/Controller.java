package io.niftyscanner.ui.fx;

import javafx.scene.Parent;

/**
 * A pane's controller (Bisq 2's pattern): it creates its model and view, is the only class others talk to, opens its
 * subscriptions in {@link #onActivate()} and closes them in {@link #onDeactivate()}. The view is built on first use,
 * so a controller and its model can be driven in a test without the toolkit.
 */
public interface Controller {
    /** The view's root node (built on the FX thread the first time). */
    Parent root();

    default void onActivate() {}

    default void onDeactivate() {}
}
