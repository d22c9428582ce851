package io.niftyscanner.ui.main;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The window's own state (the panes hold theirs): the banner, the theme, the selected symbol. */
public final class MainModel {
    final ObjectProperty<Banner> banner = new SimpleObjectProperty<>();
    final StringProperty selectedSymbol = new SimpleStringProperty("");
    final BooleanProperty lightTheme = new SimpleBooleanProperty(false);
    final BooleanProperty sessionRunning = new SimpleBooleanProperty(false);
    /** Table refreshes applied so far (tests wait on it; the status bar could show it). */
    final javafx.beans.property.LongProperty tableRefreshes = new javafx.beans.property.SimpleLongProperty();

    public ObjectProperty<Banner> banner() {
        return banner;
    }

    public StringProperty selectedSymbol() {
        return selectedSymbol;
    }

    public javafx.beans.property.ReadOnlyLongProperty tableRefreshes() {
        return tableRefreshes;
    }

    public BooleanProperty lightTheme() {
        return lightTheme;
    }
}
