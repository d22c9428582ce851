package io.niftyscanner.ui.chart;

import io.niftyscanner.app.ChartSeries;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The chart's state: the series on show and a request to centre a candle. */
public final class ChartModel {
    final StringProperty symbol = new SimpleStringProperty("");
    final ObjectProperty<ChartSeries> series = new SimpleObjectProperty<>();
    /** Start of the candle to centre (a signal's candle), 0 for none; the view resets it once done. */
    final LongProperty centreOn = new SimpleLongProperty();
    final StringProperty placeholder = new SimpleStringProperty("Select a symbol in the watchlist or a signal to see its chart.");

    public ObjectProperty<ChartSeries> series() {
        return series;
    }

    public StringProperty symbol() {
        return symbol;
    }

    public LongProperty centreOn() {
        return centreOn;
    }
}
