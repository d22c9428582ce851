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
        if (params.intrabar() && s.latest != null && s.unrepaired == 0
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
        s.recount();
        listener.onCandleClosed(candle, values);
        evaluateNewest(s, timeMillis);
    }

    /**
     * Runs the strategy on the newest closed candle once its whole series is the exchange's: no candle in it still
     * awaits repair (a gapped close would make every later EMA and RSI value wrong). A candle that could not be judged
     * at its close is judged when the repair that completes its series lands, if it is still the newest.
     */
    private void evaluateNewest(InstrumentState s, long timeMillis) {
        Candle newest = s.closed.peekLast();
        if (newest == null || s.latest == null || s.unrepaired > 0 || s.evaluatedStart == newest.startMillis()) {
            return;
        }
        s.evaluatedStart = newest.startMillis();
        Signal signal = signals.onClosed(s.index, s.instrument, newest, s.previous, s.latest, timeMillis);
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
        s.recount();
        s.version++;
        return byStart.size();
    }

    /**
     * Marks data between the two instants (inclusive) as missed for every instrument: see
     * {@link #markGap(long, long, long)}.
     */
    public void markGap(long fromMillis, long toMillis) {
        for (InstrumentState s : states) {
            markGap(s, fromMillis, toMillis);
        }
    }

    /**
     * Marks data between the two instants (inclusive) as missed: closed candles overlapping it and the forming candle
     * become {@link CandleQuality#GAPPED} (no signal fires from them, nor from any later candle until they are
     * repaired), any candle that overlaps the stretch later is gapped too, and buckets inside it that never got a candle
     * count as missing. Historical and repaired candles keep their quality.
     */
    public void markGap(long token, long fromMillis, long toMillis) {
        InstrumentState s = state(token, "markGap");
        if (s != null) {
            markGap(s, fromMillis, toMillis);
        }
    }

    private void markGap(InstrumentState s, long fromMillis, long toMillis) {
        if (toMillis < fromMillis) {
            return;
        }
        s.builder.markGap(fromMillis, toMillis);
        if (!s.closed.isEmpty()) {
            s.builder.gaps().forgetBefore(s.closed.peekFirst().startMillis());
        }
        List<Candle> list = new ArrayList<>(s.closed);
        boolean changed = false;
        for (int k = 0; k < list.size(); k++) {
            Candle c = list.get(k);
            boolean overlaps = c.startMillis() + TIMEFRAME.millis() > fromMillis && c.startMillis() <= toMillis;
            if (overlaps && c.quality() == CandleQuality.COMPLETE) {
                list.set(k, c.withQuality(CandleQuality.GAPPED));
                changed = true;
            }
        }
        if (changed) {
            s.closed.clear();
            s.closed.addAll(list);
            s.closedDirty = true;
        }
        s.recount();
        s.version++;
    }

    /**
     * What a repair did for one instrument.
     *
     * @param changed           candles replaced or filled
     * @param pendingFromMillis the first asked bucket still forming here (it and later ones cannot be repaired yet), or
     *                          {@link #NOTHING_PENDING}
     * @param unresolved        asked buckets before that which still await repair because the exchange's answer had no
     *                          candle for them
     * @param changedBuckets    the bucket starts whose candle was replaced or filled
     */
    public record RepairResult(int changed, long pendingFromMillis, List<Long> unresolved, List<Long> changedBuckets) {
        public static final long NOTHING_PENDING = Long.MAX_VALUE;

        public RepairResult {
            unresolved = List.copyOf(unresolved);
            changedBuckets = List.copyOf(changedBuckets);
        }

        public RepairResult(int changed, long pendingFromMillis) {
            this(changed, pendingFromMillis, List.of(), List.of());
        }

        /** Whether buckets of the asked range could not be repaired yet (still forming here): ask again later. */
        public boolean pending() {
            return pendingFromMillis != NOTHING_PENDING;
        }
    }

    /** {@link #repair(long, List, long, long)} over every bucket the engine still keeps; returns how many candles changed. */
    public int repair(long token, List<Candle> historical) {
        return repair(token, historical, Long.MIN_VALUE, Long.MAX_VALUE).changed();
    }

    /**
     * Replaces gapped and partial closed candles, and fills missing ones, in the buckets from {@code fromMillis} to
     * {@code toMillis} with the exchange's candles, marked {@link CandleQuality#REPAIRED}, and recomputes the indicators
     * from the first change. Buckets older than the retained series are left alone; buckets from the one still forming
     * here on cannot be repaired yet and are reported as pending. Once no candle of the series awaits repair, the newest
     * closed candle gets the strategy check it could not get at its close (at most one signal per candle still holds).
     */
    public RepairResult repair(long token, List<Candle> historical, long fromMillis, long toMillis) {
        InstrumentState s = state(token, "repair");
        if (s == null || (s.closed.isEmpty() && !s.builder.hasForming())) {
            return new RepairResult(0, RepairResult.NOTHING_PENDING);
        }
        long lastAsked = toMillis == Long.MAX_VALUE ? Long.MAX_VALUE : SessionCalendar.bucketStart(toMillis, TIMEFRAME);
        long forming = s.builder.hasForming() ? s.builder.formingBucketStart() : Long.MAX_VALUE;
        long pendingFrom = forming <= lastAsked ? forming : RepairResult.NOTHING_PENDING;
        if (s.closed.isEmpty()) {
            return new RepairResult(0, pendingFrom);
        }
        List<Candle> current = new ArrayList<>(s.closed);
        long first = current.get(0).startMillis();
        long lower = Math.max(first, fromMillis == Long.MIN_VALUE ? first : SessionCalendar.bucketStart(fromMillis, TIMEFRAME));
        long upper = s.builder.hasForming() ? forming
                : toMillis == Long.MAX_VALUE ? current.get(current.size() - 1).startMillis() + 1 : lastAsked + 1;
        TreeMap<Long, Candle> merged = new TreeMap<>();
        for (Candle c : current) {
            merged.put(c.startMillis(), c);
        }
        List<Candle[]> changes = new ArrayList<>();
        List<Candle> sortedHistory = new ArrayList<>(historical);
        sortedHistory.sort(Comparator.comparingLong(Candle::startMillis));
        for (Candle h : sortedHistory) {
            if (h.startMillis() < lower || h.startMillis() >= upper || h.startMillis() > lastAsked) {
                continue;
            }
            Candle before = merged.get(h.startMillis());
            if (before == null || before.quality() == CandleQuality.GAPPED || before.quality() == CandleQuality.PARTIAL) {
                Candle after = retag(h, token, CandleQuality.REPAIRED);
                merged.put(h.startMillis(), after);
                changes.add(new Candle[] {before, after});
            }
        }
        List<Long> unresolved = new ArrayList<>();
        long lastBucket = Math.min(upper - 1, lastAsked);
        if (lastBucket != Long.MAX_VALUE) {
            for (long b = lower; b <= lastBucket; b += TIMEFRAME.millis()) {
                Candle c = merged.get(b);
                boolean awaiting = c == null ? SessionCalendar.inSessionHours(b) && s.builder.gaps().overlaps(b, b + TIMEFRAME.millis() - 1)
                        : c.quality() == CandleQuality.GAPPED || c.quality() == CandleQuality.PARTIAL;
                if (awaiting) {
                    unresolved.add(b);
                }
            }
        }
        if (changes.isEmpty()) {
            return new RepairResult(0, pendingFrom, unresolved, List.of());
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
        s.recount();
        s.version++;
        for (Candle[] change : changes) {
            listener.onCandleRepaired(change[0], change[1]);
        }
        Candle newest = s.closed.peekLast();
        long end = newest.startMillis() + TIMEFRAME.millis();
        evaluateNewest(s, marketTime == NONE ? end : Math.max(end, marketTime));
        List<Long> changedBuckets = new ArrayList<>();
        for (Candle[] change : changes) {
            changedBuckets.add(change[1].startMillis());
        }
        return new RepairResult(changes.size(), pendingFrom, unresolved, changedBuckets);
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
            views.add(s.view(marketTime));
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
        final SharedTailDeque<Candle> closed = new SharedTailDeque<>();
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
        /** Closed candles of the series that are gapped, partial or missing inside a gap: no signal while above 0. */
        int unrepaired;
        /** Start of the newest closed candle the strategy has judged (NONE before any). */
        long evaluatedStart = NONE;
        private long viewMarketTime = NONE;

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

        /** Counts the closed candles that still await repair (see {@link #unrepaired}). */
        void recount() {
            int n = 0;
            Candle prev = null;
            for (Candle c : closed) {
                if (c.quality() == CandleQuality.GAPPED || c.quality() == CandleQuality.PARTIAL) {
                    n++;
                }
                if (prev != null) {
                    n += missingBetween(prev.startMillis(), c.startMillis());
                }
                prev = c;
            }
            unrepaired = n;
        }

        /** Session buckets strictly between two bucket starts that lie in a gap (no candle: missed, not empty). */
        private int missingBetween(long afterStart, long beforeStart) {
            GapTimeline gaps = builder.gaps();
            long bucket = TIMEFRAME.millis();
            if (gaps.isEmpty() || !gaps.overlaps(afterStart + bucket, beforeStart - 1)) {
                return 0; // the common case, one lookup: walking the buckets (and nights) costs calendar work per candle
            }
            int n = 0;
            for (long b = afterStart + bucket; b < beforeStart; b += bucket) {
                if (!SessionCalendar.inSessionHours(b)) {
                    long nextOpen = SessionCalendar.sessionOpenMillis(SessionCalendar.istDate(b).plusDays(
                            SessionCalendar.istMillisOfDay(b) < SessionCalendar.OPEN.toSecondOfDay() * 1000L ? 0 : 1));
                    if (nextOpen <= b) {
                        break;
                    }
                    b = nextOpen - bucket;
                    continue;
                }
                if (gaps.overlaps(b, b + bucket - 1)) {
                    n++;
                }
            }
            return n;
        }

        /** Candles of this instrument that await repair: closed ones, the forming one, and missing buckets up to now. */
        private int awaitingRepair(long marketTime) {
            int n = unrepaired;
            Candle forming = builder.forming();
            if (forming != null && (forming.quality() == CandleQuality.GAPPED || forming.quality() == CandleQuality.PARTIAL)) {
                n++;
            }
            Candle newest = closed.peekLast();
            if (newest != null) {
                long until = forming != null ? forming.startMillis()
                        : marketTime == NONE ? newest.startMillis() : SessionCalendar.bucketStart(marketTime, TIMEFRAME);
                n += missingBetween(newest.startMillis(), until);
            }
            return n;
        }

        InstrumentView view(long marketTime) {
            boolean timeMatters = !builder.gaps().isEmpty() && marketTime != viewMarketTime;
            if (viewVersion != version || view == null || closedDirty || timeMatters) {
                if (closedDirty) {
                    closedCopy = closed.snapshot();
                    closedDirty = false;
                }
                view = new InstrumentView(instrument, lastPrice, lastTickTime, builder.forming(), closedCopy, latest, lastSignal,
                        awaitingRepair(marketTime));
                viewVersion = version;
                viewMarketTime = marketTime;
            }
            return view;
        }
    }
}
