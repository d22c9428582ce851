package io.niftyscanner.ui.watchlist;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The watchlist's state: the items (identity kept; value changes reported so a sort follows them) and the filter. */
public final class WatchlistModel {
    final ObservableList<WatchItem> items = FXCollections.observableArrayList(WatchItem::observables);
    final StringProperty filter = new SimpleStringProperty("");

    public ObservableList<WatchItem> items() {
        return items;
    }

    public StringProperty filter() {
        return filter;
    }
}
