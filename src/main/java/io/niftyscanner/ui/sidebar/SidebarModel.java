package io.niftyscanner.ui.sidebar;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.feed.FeedState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The sidebar's state: only properties, written by its controller on the FX thread. */
public final class SidebarModel {
    final StringProperty exchangeLabel = new SimpleStringProperty("Starting the scanner…");
    final BooleanProperty sandbox = new SimpleBooleanProperty(false);
    final ObjectProperty<DataMode> mode = new SimpleObjectProperty<>(DataMode.STREAM);
    final IntegerProperty pollIntervalSeconds = new SimpleIntegerProperty(60);
    final ObjectProperty<FeedState> state = new SimpleObjectProperty<>(FeedState.INITIALIZING);
    final StringProperty stateTitle = new SimpleStringProperty("Starting");
    final StringProperty stateDetail = new SimpleStringProperty("Starting…");
    /** Toggles with each refresh that saw new ticks while streaming: the LIVE dot beats with the data. */
    final BooleanProperty beat = new SimpleBooleanProperty(false);
    final BooleanProperty connected = new SimpleBooleanProperty(false);
    /** Alert switches: whether the channel exists (configured) and whether it is on (not muted). */
    final BooleanProperty soundAvailable = new SimpleBooleanProperty(false);
    final BooleanProperty soundOn = new SimpleBooleanProperty(false);
    final BooleanProperty notificationsAvailable = new SimpleBooleanProperty(false);
    final BooleanProperty notificationsOn = new SimpleBooleanProperty(false);

    public BooleanProperty soundOn() {
        return soundOn;
    }

    public BooleanProperty notificationsOn() {
        return notificationsOn;
    }

    public ObjectProperty<DataMode> mode() {
        return mode;
    }

    public ObjectProperty<FeedState> state() {
        return state;
    }

    public StringProperty stateTitle() {
        return stateTitle;
    }

    public StringProperty stateDetail() {
        return stateDetail;
    }

    public StringProperty exchangeLabel() {
        return exchangeLabel;
    }

    public BooleanProperty sandbox() {
        return sandbox;
    }
}
