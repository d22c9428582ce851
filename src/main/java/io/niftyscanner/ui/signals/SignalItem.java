package io.niftyscanner.ui.signals;

import io.niftyscanner.market.Signal;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One signal's line; the signal never changes, its order status may. */
public final class SignalItem {
    final Signal signal;
    final StringProperty orderStatus = new SimpleStringProperty("");

    SignalItem(Signal signal) {
        this.signal = signal;
    }

    public Signal signal() {
        return signal;
    }

    public StringProperty orderStatus() {
        return orderStatus;
    }
}
