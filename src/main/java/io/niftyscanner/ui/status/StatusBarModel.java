package io.niftyscanner.ui.status;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status bar's texts. */
public final class StatusBarModel {
    final StringProperty marketTime = new SimpleStringProperty("Market time –");
    final StringProperty ticksPerSecond = new SimpleStringProperty("");
    final StringProperty latency = new SimpleStringProperty("");
    final StringProperty pollCycle = new SimpleStringProperty("");
    final StringProperty awaitingRepair = new SimpleStringProperty("");
    final StringProperty journal = new SimpleStringProperty("");

    public StringProperty marketTime() {
        return marketTime;
    }

    public StringProperty ticksPerSecond() {
        return ticksPerSecond;
    }

    public StringProperty pollCycle() {
        return pollCycle;
    }

    public StringProperty awaitingRepair() {
        return awaitingRepair;
    }

    public StringProperty journal() {
        return journal;
    }

    public StringProperty latency() {
        return latency;
    }
}
