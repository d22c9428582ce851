package io.niftyscanner.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The settings dialog's state. */
public final class SettingsModel {
    final ObservableList<SettingItem> items = FXCollections.observableArrayList();
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty error = new SimpleBooleanProperty(false);
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final StringProperty file = new SimpleStringProperty("");

    public ObservableList<SettingItem> items() {
        return items;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty error() {
        return error;
    }
}
