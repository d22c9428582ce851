package io.niftyscanner.ui.watchlist;

import io.niftyscanner.app.WatchRow;
import io.niftyscanner.market.CandleQuality;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One instrument's watchlist line. It keeps its identity for the whole session and its values are updated in place,
 * so the table's sort, selection and scroll position survive every refresh.
 */
public final class WatchItem {
    final String symbol;
    final long token;
    final DoubleProperty lastPrice = new SimpleDoubleProperty(Double.NaN);
    final DoubleProperty changePercent = new SimpleDoubleProperty(Double.NaN);
    final LongProperty volume = new SimpleLongProperty();
    final DoubleProperty rsi = new SimpleDoubleProperty(Double.NaN);
    final StringProperty trend = new SimpleStringProperty("");
    final StringProperty lastSignal = new SimpleStringProperty("");
    final StringProperty quality = new SimpleStringProperty("");

    WatchItem(String symbol, long token) {
        this.symbol = symbol;
        this.token = token;
    }

    public String symbol() {
        return symbol;
    }

    public long token() {
        return token;
    }

    public double lastPrice() {
        return lastPrice.get();
    }

    public double changePercent() {
        return changePercent.get();
    }

    public double rsi() {
        return rsi.get();
    }

    public String quality() {
        return quality.get();
    }

    /** What the table's sort listens to. */
    Observable[] observables() {
        return new Observable[] {lastPrice, changePercent, volume, rsi, trend, lastSignal, quality};
    }

    void update(WatchRow row) {
        set(lastPrice, row.lastPrice());
        set(changePercent, row.changePercent());
        volume.set(row.dayVolume());
        set(rsi, row.rsi());
        trend.set(trend(row.emaFast(), row.emaSlow()));
        lastSignal.set(row.lastSignal() == null ? "" : row.lastSignal().name());
        quality.set(quality(row.candleQuality()));
    }

    /** NaN never equals NaN: without this every refresh would count as a change. */
    private static void set(DoubleProperty p, double v) {
        if (Double.compare(p.get(), v) != 0) {
            p.set(v);
        }
    }

    static String trend(double emaFast, double emaSlow) {
        if (Double.isNaN(emaFast) || Double.isNaN(emaSlow)) {
            return "";
        }
        return emaFast > emaSlow ? "Up" : emaFast < emaSlow ? "Down" : "Flat";
    }

    /** The last closed candle's quality as the trader needs it: silent when all is well. */
    static String quality(String candleQuality) {
        if (candleQuality == null || candleQuality.isEmpty()) {
            return "";
        }
        switch (CandleQuality.valueOf(candleQuality)) {
            case GAPPED:
                return "GAPPED · awaiting repair";
            case PARTIAL:
                return "PARTIAL · awaiting repair";
            case REPAIRED:
                return "REPAIRED";
            default:
                return "";
        }
    }
}
