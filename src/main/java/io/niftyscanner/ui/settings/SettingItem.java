package io.niftyscanner.ui.settings;

import io.niftyscanner.config.ScannerPropertiesFile;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable setting: the file's entry and the value being edited. */
public final class SettingItem {
    final ScannerPropertiesFile.Entry entry;
    final StringProperty value;

    SettingItem(ScannerPropertiesFile.Entry entry) {
        this.entry = entry;
        this.value = new SimpleStringProperty(entry.value());
    }

    public String key() {
        return entry.key();
    }

    public StringProperty value() {
        return value;
    }

    boolean changed() {
        return !value.get().trim().equals(entry.value());
    }
}
