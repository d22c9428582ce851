package io.niftyscanner.ui;

import io.niftyscanner.app.ScannerView;
import io.niftyscanner.app.WatchRow;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.main.DashboardSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made snapshots for testing panes without a runtime. */
public final class Snapshots {
    /** 2026-11-23 10:00 IST. */
    public static final long T0 = Instant.parse("2026-11-23T04:30:00Z").toEpochMilli();

    private Snapshots() {}

    public static WatchRow row(String symbol, long token, double price) {
        return new WatchRow(symbol, token, price, 0.5, 1000, price - 1, price - 2, 55, T0, "COMPLETE", null, T0);
    }

    public static FeedStatus status(FeedState state) {
        return new FeedStatus(Instant.ofEpochMilli(T0), DataMode.STREAM, "stream", state, "", 12, 100, -1, null, 0, 0, null);
    }

    public static ScannerView view(List<WatchRow> rows, List<Signal> signals, FeedState state, long ticks) {
        return new ScannerView(rows, signals, status(state), true, "SANDBOX exchange", T0, ticks, 10, 0, 0, Path.of("journal.db"));
    }

    public static DashboardSnapshot tables(List<WatchRow> rows, List<Signal> signals) {
        return new DashboardSnapshot(view(rows, signals, FeedState.LIVE, 100), null, true);
    }

    /** A BUY signal on RELIANCE at the 10:00 candle, with values worked out by hand in the tests that use it. */
    public static Signal buy(String symbol, long token, long candleStart) {
        Candle c = new Candle(token, candleStart, 250_000, 251_000, 249_500, 250_800, 12_345, 87, CandleQuality.COMPLETE);
        Map<String, Double> thresholds = new LinkedHashMap<>();
        thresholds.put("ema_fast", 9.0);
        thresholds.put("ema_slow", 21.0);
        thresholds.put("rsi_period", 14.0);
        thresholds.put("rsi_buy_min", 50.0);
        thresholds.put("rsi_buy_max", 70.0);
        thresholds.put("rsi_sell_min", 30.0);
        thresholds.put("rsi_sell_max", 50.0);
        thresholds.put("stop_atr", 1.5);
        thresholds.put("target_atr", 3.0);
        return new Signal(token, symbol, Side.BUY, candleStart + 300_500, c, 250_800, 2504.10, 2503.90, 2503.20, 2503.50,
                58.25, 6.0, 2499.00, 2526.00, false, "EMA9 crossed above EMA21, RSI14 in [50,70]", thresholds);
    }
}
