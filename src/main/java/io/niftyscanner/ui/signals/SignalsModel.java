package io.niftyscanner.ui.signals;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The signals table's state: newest first, and the line whose reasons the "why" view shows. */
public final class SignalsModel {
    final ObservableList<SignalItem> items = FXCollections.observableArrayList(i -> new javafx.beans.Observable[] {i.orderStatus});
    final ObjectProperty<SignalItem> selected = new SimpleObjectProperty<>();
    final ObjectProperty<SignalExplanation> explanation = new SimpleObjectProperty<>();
    final StringProperty emaTitle = new SimpleStringProperty("EMA fast / slow");

    public ObservableList<SignalItem> items() {
        return items;
    }

    public ObjectProperty<SignalExplanation> explanation() {
        return explanation;
    }
}
