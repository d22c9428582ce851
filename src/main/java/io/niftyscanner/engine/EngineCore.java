package io.niftyscanner.engine;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;
import io.niftyscanner.market.Timeframe;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's market state and logic, single-threaded and synchronous: ticks in, 5-minute candles,
 * indicators and signals out through an {@link EngineListener}. Replay, tests and benchmarks drive it directly;
 * the live app drives it through {@link Engine}, which owns one on its thread. Not thread-safe.
 */
public final class EngineCore {
    /** Closed candles kept per instrument (for snapshots and repairs). */
    public static final int RETAINED_CANDLES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);
    private static final Timeframe TIMEFRAME = Timeframe.FIVE_MINUTES;
    private static final long NONE = Long.MIN_VALUE;

    private final StrategyParams params;
    private final EngineListener listener;
    private final Supplier<IndicatorSet> indicatorFactory;
    private final InstrumentState[] states;
    private final TokenIndex index;
    private final SignalEngine signals;
    private final long grace;

    private long marketTime = NONE;
    private long nextDeadline = Long.MAX_VALUE;
    private long ticks;
    private long candles;
    private long signalCount;
    private long lateTicks;
    private long outOfSession;
    private long unknownTokens;
    private long repaired;

    public EngineCore(List<Instrument> instruments, StrategyParams params, EngineListener listener) {
        this(instruments, params, listener, null, IndicatorSets.incremental(params));
    }

    /**
     * @param calendar   null (the default): a tick belongs to the session when its exchange time of day is in
     *                   09:15:00–15:29:59 IST, whatever the date, because the exchange's timestamps decide (design.md 2);
     *                   a calendar additionally drops ticks stamped on its weekends and holidays
     * @param indicators one fresh {@link IndicatorSet} per instrument (see {@link IndicatorSets})
     */
    public EngineCore(List<Instrument> instruments, StrategyParams params, EngineListener listener, SessionCalendar calendar,
                      Supplier<IndicatorSet> indicators) {
        this.params = params;
        this.listener = listener == null ? EngineListener.NONE : listener;
        this.indicatorFactory = indicators;
        this.grace = params.candleGraceMillis();
        this.states = new InstrumentState[instruments.size()];
        long[] tokens = new long[instruments.size()];
        for (int i = 0; i < states.length; i++) {
            Instrument in = instruments.get(i);
            tokens[i] = in.token();
            states[i] = new InstrumentState(i, in, new CandleBuilder(in.token(), TIMEFRAME, calendar), indicators.get());
        }
        this.index = new TokenIndex(tokens);
        this.signals = new SignalEngine(params, states.length);
    }

    /** Processes one tick: candle building by exchange time, closes, indicators and signals. */
    public void onTick(Tick tick) {
        int i = index.get(tick.token());
        if (i < 0) {
            unknownTokens++;
            listener.onUnknownToken(tick);
            return;
        }
        ticks++;
        InstrumentState s = states[i];
        long time = tick.exchangeTimeMillis();
        CandleBuilder.Result result = s.builder.onTick(time, tick.lastPrice(), tick.volume());
        switch (result) {
            case OUT_OF_SESSION:
                outOfSession++;
                return;
            case LATE:
                lateTicks++;
                listener.onLateTick(tick, s.builder.lateBucketStart());
                return;
            case CLOSED_AND_ADDED:
                closed(s, s.builder.takeClosed(), time);
                break;
            default:
                break;
        }
        if (time >= s.lastTickTime) {
            s.lastPrice = tick.lastPrice();
            s.lastTickTime = time;
        }
        s.version++;
        long deadline = s.builder.closeDeadline(grace);
        if (deadline < nextDeadline) {
            nextDeadline = deadline;
        }
        if (params.intrabar() && s.latest != null
                && signals.intrabarCheckDue(i, s.builder.formingBucketStart(), time)) {
            checkIntrabar(s, time);
        }
    }

    private void checkIntrabar(InstrumentState s, long time) {
        CandleBuilder b = s.builder;
        IndicatorValues preview = s.indicators.preview(s.instrument.toPrice(b.formingHigh()),
                s.instrument.toPrice(b.formingLow()), s.instrument.toPrice(b.formingClose()));
        Signal signal = signals.onForming(s.index, s.instrument, b.forming(), s.latest, preview, time, b.formingClose());
        if (signal != null) {
            emit(s, signal);
        }
    }

    /** Advances market time (exchange clock or heartbeat): closes every candle whose end plus grace has passed. */
    public void onMarketTime(long epochMillis) {
        if (marketTime == NONE || epochMillis > marketTime) {
            marketTime = epochMillis;
        }
        if (epochMillis < nextDeadline) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (InstrumentState s : states) {
            Candle c = s.builder.onMarketTime(epochMillis, grace);
            if (c != null) {
                closed(s, c, epochMillis);
            }
            next = Math.min(next, s.builder.closeDeadline(grace));
        }
        nextDeadline = next;
    }

    /** Closes every forming candle (end of a replay). */
    public void flush() {
        for (InstrumentState s : states) {
            Candle c = s.builder.flush();
            if (c != null) {
                closed(s, c, c.startMillis() + TIMEFRAME.millis());
            }
        }
        nextDeadline = Long.MAX_VALUE;
    }

    private void closed(InstrumentState s, Candle candle, long timeMillis) {
        Candle newest = s.closed.peekLast();
        if (newest != null && newest.startMillis() >= candle.startMillis()) {
            if (newest.startMillis() == candle.startMillis() && newest.quality() == CandleQuality.HISTORICAL) {
                // history loaded while this bucket was still forming: the live candle takes its place
                s.dropNewest();
                s.indicators.truncate(s.indicators.size() - 1);
            } else {
                LOG.debug("{}: live candle {} is older than the series' newest candle; dropped", s.instrument.symbol(),
                        candle.startMillis());
                return;
            }
        }
        candles++;
        IndicatorValues values = s.indicators.add(candle.highPrice(), candle.lowPrice(), candle.closePrice());
        s.append(candle, values);
        listener.onCandleClosed(candle, values);
        Signal signal = signals.onClosed(s.index, s.instrument, candle, s.previous, values, timeMillis);
        if (signal != null) {
            emit(s, signal);
        }
    }

    private void emit(InstrumentState s, Signal signal) {
        signalCount++;
        s.lastSignal = signal;
        s.version++;
        listener.onSignal(signal);
    }

    /**
     * Warm-up: primes the instrument's indicators with historical candles (oldest first or in any order) that lie
     * before its first live candle; fires no signals. Candles whose bucket has not ended on the market clock are
     * dropped. Returns how many candles were used.
     */
    public int loadHistory(long token, List<Candle> history) {
        InstrumentState s = state(token, "loadHistory");
        if (s == null) {
            return 0;
        }
        long firstLive = !s.closed.isEmpty() ? s.closed.peekFirst().startMillis()
                : s.builder.hasForming() ? s.builder.formingBucketStart() : Long.MAX_VALUE;
        TreeMap<Long, Candle> byStart = new TreeMap<>();
        for (Candle c : history) {
            boolean ended = marketTime == NONE || c.startMillis() + TIMEFRAME.millis() <= marketTime;
            if (c.startMillis() < firstLive && ended) {
                byStart.put(c.startMillis(), retag(c, token, CandleQuality.HISTORICAL));
            }
        }
        if (byStart.isEmpty()) {
            return 0;
        }
        List<Candle> series = new ArrayList<>(byStart.values());
        series.addAll(s.closed);
        s.indicators = indicatorFactory.get();
        s.resetSeries();
        for (Candle c : series) {
            s.append(c, s.indicators.add(c.highPrice(), c.lowPrice(), c.closePrice()));
        }
        s.version++;
        return byStart.size();
    }

    /**
     * Marks data between the two instants as missed: closed candles overlapping it and the forming candle become
     * {@link CandleQuality#GAPPED} (no signal fires from them), and so does any candle that opens before
     * {@code toMillis}. Historical and repaired candles keep their quality.
     */
    public void markGap(long token, long fromMillis, long toMillis) {
        InstrumentState s = state(token, "markGap");
        if (s == null) {
            return;
        }
        s.builder.markGap(fromMillis, toMillis);
        List<Candle> list = new ArrayList<>(s.closed);
        boolean changed = false;
        for (int k = 0; k < list.size(); k++) {
            Candle c = list.get(k);
            boolean overlaps = c.startMillis() + TIMEFRAME.millis() > fromMillis && c.startMillis() <= toMillis;
            if (overlaps && (c.quality() == CandleQuality.COMPLETE || c.quality() == CandleQuality.PARTIAL)) {
                list.set(k, c.withQuality(CandleQuality.GAPPED));
                changed = true;
            }
        }
        if (changed) {
            s.closed.clear();
            s.closed.addAll(list);
            s.closedDirty = true;
        }
        s.version++;
    }

    /**
     * Replaces gapped and partial closed candles (and fills missing ones) with the exchange's candles, marked
     * {@link CandleQuality#REPAIRED}, and recomputes the indicators from the first change. Only when the newest closed
     * candle was repaired may it fire the signal it could not fire at its close.
     * Only candles inside the retained window and before the forming bucket are considered. Returns how many
     * candles changed.
     */
    public int repair(long token, List<Candle> historical) {
        InstrumentState s = state(token, "repair");
        if (s == null || s.closed.isEmpty()) {
            return 0;
        }
        List<Candle> current = new ArrayList<>(s.closed);
        long first = current.get(0).startMillis();
        long upper = s.builder.hasForming() ? s.builder.formingBucketStart() : current.get(current.size() - 1).startMillis() + 1;
        TreeMap<Long, Candle> merged = new TreeMap<>();
        for (Candle c : current) {
            merged.put(c.startMillis(), c);
        }
        List<Candle[]> changes = new ArrayList<>();
        List<Candle> sortedHistory = new ArrayList<>(historical);
        sortedHistory.sort(Comparator.comparingLong(Candle::startMillis));
        for (Candle h : sortedHistory) {
            if (h.startMillis() < first || h.startMillis() >= upper) {
                continue;
            }
            Candle before = merged.get(h.startMillis());
            if (before == null || before.quality() == CandleQuality.GAPPED || before.quality() == CandleQuality.PARTIAL) {
                Candle after = retag(h, token, CandleQuality.REPAIRED);
                merged.put(h.startMillis(), after);
                changes.add(new Candle[] {before, after});
            }
        }
        if (changes.isEmpty()) {
            return 0;
        }
        List<Candle> rebuilt = new ArrayList<>(merged.values());
        int firstChanged = 0;
        while (firstChanged < current.size() && rebuilt.get(firstChanged) == current.get(firstChanged)) {
            firstChanged++;
        }
        List<IndicatorValues> oldValues = new ArrayList<>(s.closedValues);
        int seriesBase = s.indicators.size() - current.size();
        s.indicators.truncate(seriesBase + firstChanged);
        s.resetSeries();
        for (int k = 0; k < rebuilt.size(); k++) {
            Candle c = rebuilt.get(k);
            s.append(c, k < firstChanged ? oldValues.get(k) : s.indicators.add(c.highPrice(), c.lowPrice(), c.closePrice()));
        }
        repaired += changes.size();
        s.version++;
        for (Candle[] change : changes) {
            listener.onCandleRepaired(change[0], change[1]);
        }
        signalOnRepairedNewest(s, changes.get(changes.size() - 1)[1]);
        return changes.size();
    }

    /**
     * A candle that could not fire when it closed (gapped, partial, polled samples) gets its signal once the exchange's
     * candle replaced it, if it is still the newest closed candle. At most one signal per candle still holds.
     */
    private void signalOnRepairedNewest(InstrumentState s, Candle lastRepaired) {
        Candle newest = s.closed.peekLast();
        if (newest != lastRepaired || s.latest == null) {
            return;
        }
        long end = newest.startMillis() + TIMEFRAME.millis();
        Signal signal = signals.onClosed(s.index, s.instrument, newest, s.previous, s.latest, marketTime == NONE ? end : Math.max(end, marketTime));
        if (signal != null) {
            emit(s, signal);
        }
    }

    private static Candle retag(Candle c, long token, CandleQuality quality) {
        return new Candle(token, c.startMillis(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.tickCount(), quality);
    }

    private InstrumentState state(long token, String what) {
        int i = index.get(token);
        if (i < 0) {
            LOG.warn("{} for token {} ignored: the engine has no such instrument", what, token);
            return null;
        }
        return states[i];
    }

    /** An immutable picture of every instrument; views of unchanged instruments are reused. */
    public EngineSnapshot snapshot() {
        List<InstrumentView> views = new ArrayList<>(states.length);
        for (InstrumentState s : states) {
            views.add(s.view());
        }
        return new EngineSnapshot(marketTime == NONE ? 0 : marketTime, views, stats());
    }

    public EngineStats stats() {
        return new EngineStats(ticks, candles, signalCount, lateTicks, outOfSession, unknownTokens, repaired);
    }

    public StrategyParams params() {
        return params;
    }

    /** Market time: the newest instant passed to {@link #onMarketTime}, or Long.MIN_VALUE before any. */
    public long marketTime() {
        return marketTime;
    }

    /** Per-instrument mutable state, owned by the engine thread. */
    private static final class InstrumentState {
        final int index;
        final Instrument instrument;
        final CandleBuilder builder;
        IndicatorSet indicators;
        final ArrayDeque<Candle> closed = new ArrayDeque<>();
        final ArrayDeque<IndicatorValues> closedValues = new ArrayDeque<>();
        IndicatorValues latest;
        IndicatorValues previous;
        long lastPrice = -1;
        long lastTickTime;
        Signal lastSignal;
        long version;
        long viewVersion = -1;
        InstrumentView view;
        List<Candle> closedCopy = List.of();
        boolean closedDirty;

        InstrumentState(int index, Instrument instrument, CandleBuilder builder, IndicatorSet indicators) {
            this.index = index;
            this.instrument = instrument;
            this.builder = builder;
            this.indicators = indicators;
        }

        void append(Candle candle, IndicatorValues values) {
            closed.addLast(candle);
            closedValues.addLast(values);
            if (closed.size() > RETAINED_CANDLES) {
                closed.removeFirst();
                closedValues.removeFirst();
            }
            previous = latest;
            latest = values;
            closedDirty = true;
            version++;
        }

        void dropNewest() {
            closed.removeLast();
            closedValues.removeLast();
            latest = previous;
            previous = closedValues.size() >= 2 ? nthNewestValues(1) : null;
            closedDirty = true;
        }

        private IndicatorValues nthNewestValues(int n) {
            java.util.Iterator<IndicatorValues> it = closedValues.descendingIterator();
            IndicatorValues v = null;
            for (int k = 0; k <= n && it.hasNext(); k++) {
                v = it.next();
            }
            return v;
        }

        void resetSeries() {
            closed.clear();
            closedValues.clear();
            latest = null;
            previous = null;
            closedDirty = true;
        }

        InstrumentView view() {
            if (viewVersion != version || view == null || closedDirty) {
                if (closedDirty) {
                    closedCopy = List.copyOf(closed);
                    closedDirty = false;
                }
                view = new InstrumentView(instrument, lastPrice, lastTickTime, builder.forming(), closedCopy, latest, lastSignal);
                viewVersion = version;
            }
            return view;
        }
    }
}
