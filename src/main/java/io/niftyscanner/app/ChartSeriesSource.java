package io.niftyscanner.app;

import io.niftyscanner.engine.IndicatorSet;
import io.niftyscanner.engine.IndicatorSets;
import io.niftyscanner.engine.IndicatorValues;
import io.niftyscanner.engine.InstrumentView;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Signal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link ChartSeries}: the warm-up history older than the engine's retained candles comes from the journal's
 * candle cache (read once per window, then reused), the rest from the engine's snapshot; the indicators are
 * recomputed over the whole series with the engine's own indicator code, so they match the engine's values.
 * Called from one thread at a time (the window's refresher).
 */
final class ChartSeriesSource {
    private static final Logger LOG = LoggerFactory.getLogger(ChartSeriesSource.class);

    /** Cached candles of one instrument in [from, to), oldest first. */
    interface History {
        List<Candle> candles(long token, long fromMillis, long toMillis);
    }

    private final Supplier<IndicatorSet> indicators;
    private final ChartSeries.Bands bands;
    private final SessionCalendar calendar;
    private final int historyDays;
    private final History history;
    private long cachedToken = -1;
    private long cachedFrom;
    private long cachedTo;
    private List<Candle> cachedOlder = List.of();

    ChartSeriesSource(StrategyParams params, SessionCalendar calendar, int historyDays, History history) {
        this.indicators = IndicatorSets.incremental(params);
        this.bands = new ChartSeries.Bands(params.emaFast(), params.emaSlow(), params.rsiPeriod(), params.rsiBuyMin(),
                params.rsiBuyMax(), params.rsiSellMin(), params.rsiSellMax());
        this.calendar = calendar;
        this.historyDays = historyDays;
        this.history = history;
    }

    ChartSeries build(InstrumentView view, List<Signal> allSignals, long marketTimeMillis) {
        long token = view.instrument().token();
        List<Candle> retained = view.recentCandles();
        long anchor = marketTimeMillis > 0 ? marketTimeMillis
                : !retained.isEmpty() ? retained.get(retained.size() - 1).startMillis() : 0;
        List<Candle> closed = new ArrayList<>();
        if (anchor > 0) {
            long to = retained.isEmpty() ? (view.forming() != null ? view.forming().startMillis() : anchor)
                    : retained.get(0).startMillis();
            closed.addAll(older(token, windowStart(anchor), to));
        }
        closed.addAll(retained);
        Candle forming = view.forming();
        int n = closed.size() + (forming == null ? 0 : 1);
        double[] emaFast = new double[n];
        double[] emaSlow = new double[n];
        double[] rsi = new double[n];
        IndicatorSet set = indicators.get();
        for (int i = 0; i < closed.size(); i++) {
            Candle c = closed.get(i);
            put(i, set.add(c.highPrice(), c.lowPrice(), c.closePrice()), emaFast, emaSlow, rsi);
        }
        if (forming != null) {
            put(n - 1, set.preview(forming.highPrice(), forming.lowPrice(), forming.closePrice()), emaFast, emaSlow, rsi);
        }
        List<Signal> mine = new ArrayList<>();
        for (Signal s : allSignals) {
            if (s.token() == token) {
                mine.add(s);
            }
        }
        return new ChartSeries(view.instrument().symbol(), token, closed, forming, emaFast, emaSlow, rsi, mine, bands);
    }

    private static void put(int i, IndicatorValues v, double[] emaFast, double[] emaSlow, double[] rsi) {
        emaFast[i] = v.emaFast();
        emaSlow[i] = v.emaSlow();
        rsi[i] = v.rsi();
    }

    /** The open of the earliest session the chart shows: as many trading days back as the warm-up loads. */
    long windowStart(long marketTimeMillis) {
        LocalDate day = SessionCalendar.istDate(marketTimeMillis);
        for (int i = 0; i < historyDays; i++) {
            day = calendar.previousTradingDay(day);
        }
        return SessionCalendar.sessionOpenMillis(day);
    }

    private List<Candle> older(long token, long from, long to) {
        if (from >= to) {
            return List.of();
        }
        if (token != cachedToken || from != cachedFrom || to != cachedTo) {
            try {
                cachedOlder = List.copyOf(history.candles(token, from, to));
            } catch (RuntimeException e) {
                LOG.warn("chart: the journal's older candles could not be read ({}); showing the session's only", e.getMessage());
                return List.of();
            }
            cachedToken = token;
            cachedFrom = from;
            cachedTo = to;
        }
        return cachedOlder;
    }
}
