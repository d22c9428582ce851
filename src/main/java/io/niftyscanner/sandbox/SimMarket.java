package io.niftyscanner.sandbox;

import io.niftyscanner.market.SessionCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated market: today's live session (advanced by market time) plus past sessions rebuilt on demand
 * from the same generator, so historical candles always match what the socket streamed. Thread-safe.
 */
final class SimMarket {
    /**
     * Version of the price model: bump it whenever a change makes a seed produce other prices, so caches of the old
     * market are not taken for the new one (see {@link #marketId()}).
     */
    static final int MODEL_VERSION = 1;
    /** How many trading days before the live date the historical route can serve. */
    static final int HISTORY_TRADING_DAYS = 60;
    private static final int CACHED_DAYS = 20;

    /** One candle: start (epoch ms) and OHLC in paise, volume. */
    record Bar(long startMillis, long open, long high, long low, long close, long volume) {}

    private final List<SimInstrument> universe;
    private final Map<Long, Integer> slotByToken = new HashMap<>();
    private final Map<String, Integer> slotByKey = new HashMap<>();
    private final long seed;
    private final double ticksPerSecond;
    private final SessionCalendar calendar;
    private final SessionDay live;
    private final Map<LocalDate, SessionDay> past = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, SessionDay> eldest) {
            return size() > CACHED_DAYS;
        }
    };

    SimMarket(List<SimInstrument> universe, long seed, double ticksPerSecond, SessionCalendar calendar, LocalDate liveDate) {
        this.universe = List.copyOf(universe);
        this.seed = seed;
        this.ticksPerSecond = ticksPerSecond;
        this.calendar = calendar;
        for (int i = 0; i < universe.size(); i++) {
            SimInstrument s = universe.get(i);
            slotByToken.put(s.token(), i);
            slotByKey.put(s.instrument().exchange() + ":" + s.symbol(), i);
        }
        SessionDay previous = pastDay(calendar.previousTradingDay(liveDate));
        this.live = new SessionDay(liveDate, this.universe, seed, ticksPerSecond, previous.closes());
    }

    List<SimInstrument> universe() {
        return universe;
    }

    LocalDate liveDate() {
        return live.date;
    }

    long seed() {
        return seed;
    }

    /**
     * Identifies the simulated market: every price the sandbox serves, live or historical, follows from the model
     * version, the seed and the tick rate (each instrument's path is its own, so the list of instruments does not
     * matter). Two sandboxes with the same id serve the same candles; clients key what they cache by it.
     */
    String marketId() {
        return "sim-v" + MODEL_VERSION + "-seed" + seed + "-tps" + ticksPerSecond;
    }

    Optional<SimInstrument> byToken(long token) {
        Integer slot = slotByToken.get(token);
        return slot == null ? Optional.empty() : Optional.of(universe.get(slot));
    }

    /** By Kite's quote key, e.g. {@code NSE:RELIANCE} or {@code NSE:NIFTY 50}. */
    Optional<SimInstrument> byKey(String exchangeColonSymbol) {
        Integer slot = slotByKey.get(exchangeColonSymbol);
        return slot == null ? Optional.empty() : Optional.of(universe.get(slot));
    }

    synchronized void advanceTo(long marketMillis, SessionDay.StepListener listener) {
        live.advanceTo(marketMillis, listener);
    }

    /** Whether the live session is open at the given market time and has data. */
    boolean inSession(long marketMillis) {
        return marketMillis >= live.openMillis && marketMillis < SessionCalendar.sessionCloseMillis(live.date);
    }

    synchronized QuoteSnapshot quote(long token, long marketMillis) {
        int slot = slotByToken.get(token);
        return DepthModel.snapshot(live, slot, seed, Math.min(marketMillis, SessionCalendar.sessionCloseMillis(live.date)));
    }

    /** The quote as it was sent for a step (exchange time = the step's time). Called from a step listener. */
    QuoteSnapshot quoteAtStep(SessionDay day, int slot, long stepMillis) {
        return DepthModel.snapshot(day, slot, seed, stepMillis);
    }

    /**
     * Candles of the instrument whose start lies in [from, to], as Kite's historical route serves them: past
     * sessions in full, the live session up to the market time already simulated (the last candle may be forming).
     */
    synchronized List<Bar> candles(long token, CandleInterval interval, long fromMillis, long toMillis) {
        int slot = slotByToken.get(token);
        List<Bar> out = new ArrayList<>();
        LocalDate first = SessionCalendar.istDate(fromMillis);
        LocalDate oldest = oldestHistoryDate();
        if (first.isBefore(oldest)) {
            first = oldest;
        }
        LocalDate lastDate = SessionCalendar.istDate(toMillis);
        if (lastDate.isAfter(live.date)) {
            lastDate = live.date;
        }
        for (LocalDate d = first; !d.isAfter(lastDate); d = d.plusDays(1)) {
            if (!calendar.isTradingDay(d)) {
                continue;
            }
            SessionDay day;
            int daySlot = slot;
            if (d.equals(live.date)) {
                day = live;
            } else if (slot == live.indexSlot || past.containsKey(d)) {
                day = pastDay(d);
            } else {
                // instruments have independent random streams: one instrument alone follows the same path, 50x cheaper
                day = new SessionDay(d, List.of(universe.get(slot)), seed, ticksPerSecond, null);
                day.finish();
                daySlot = 0;
            }
            for (Bar b : dayCandles(day, daySlot, interval)) {
                if (b.startMillis() >= fromMillis && b.startMillis() <= toMillis) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    LocalDate oldestHistoryDate() {
        LocalDate d = live.date;
        for (int i = 0; i < HISTORY_TRADING_DAYS; i++) {
            d = calendar.previousTradingDay(d);
        }
        return d;
    }

    private SessionDay pastDay(LocalDate d) {
        SessionDay day = past.get(d);
        if (day == null) {
            day = new SessionDay(d, universe, seed, ticksPerSecond, null);
            day.finish();
            past.put(d, day);
        }
        return day;
    }

    private static List<Bar> dayCandles(SessionDay day, int slot, CandleInterval interval) {
        List<Bar> out = new ArrayList<>();
        int len = interval == CandleInterval.DAY ? SessionDay.MINUTES : interval.minutes;
        for (int b = 0; b * len < SessionDay.MINUTES; b++) {
            long o = 0, h = Long.MIN_VALUE, l = Long.MAX_VALUE, c = 0, v = 0;
            boolean any = false;
            for (int m = b * len; m < Math.min(SessionDay.MINUTES, (b + 1) * len); m++) {
                if (day.barTicks[slot][m] == 0) {
                    continue;
                }
                if (!any) {
                    o = day.barOpen[slot][m];
                    any = true;
                }
                h = Math.max(h, day.barHigh[slot][m]);
                l = Math.min(l, day.barLow[slot][m]);
                c = day.barClose[slot][m];
                v += day.barVolume[slot][m];
            }
            if (any) {
                long start = interval == CandleInterval.DAY
                        ? SessionCalendar.istDayStart(day.openMillis)
                        : day.openMillis + (long) b * len * 60_000L;
                out.add(new Bar(start, o, h, l, c, v));
            }
        }
        return out;
    }
}
