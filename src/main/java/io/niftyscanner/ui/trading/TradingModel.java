package io.niftyscanner.ui.trading;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The sidebar's trading section: the auto-trade switch, the breaker, stop and resume. */
public final class TradingModel {
    /** The switch's positions. PAPER reads "Sandbox" when orders go to the sandbox's book. */
    public enum Position { OFF, PAPER, LIVE }

    final ObjectProperty<Position> position = new SimpleObjectProperty<>(Position.OFF);
    final BooleanProperty available = new SimpleBooleanProperty(false);
    final BooleanProperty sandbox = new SimpleBooleanProperty(false);
    final StringProperty where = new SimpleStringProperty("");
    final StringProperty breaker = new SimpleStringProperty("");
    final BooleanProperty breakerTripped = new SimpleBooleanProperty(false);
    final StringProperty entryBlock = new SimpleStringProperty("");
    final BooleanProperty stopped = new SimpleBooleanProperty(false);

    public ObjectProperty<Position> position() {
        return position;
    }

    public StringProperty breaker() {
        return breaker;
    }

    public StringProperty entryBlock() {
        return entryBlock;
    }
}
