package io.niftyscanner.ui.main;

import io.niftyscanner.app.WatchRow;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.market.Signal;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the main window. Only properties; written by the controller on the FX thread. */
public final class MainModel {
    final ObservableList<WatchRow> rows = FXCollections.observableArrayList();
    final ObservableList<Signal> signals = FXCollections.observableArrayList();
    final ObjectProperty<DataMode> mode = new SimpleObjectProperty<>(DataMode.STREAM);
    final StringProperty state = new SimpleStringProperty("INITIALIZING");
    final StringProperty stateDetail = new SimpleStringProperty("Starting…");
    final StringProperty exchangeLabel = new SimpleStringProperty("");
    final BooleanProperty sandbox = new SimpleBooleanProperty(false);
    final StringProperty footer = new SimpleStringProperty("");
}
