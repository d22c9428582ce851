package io.niftyscanner.engine;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Timeframe;

/**
 * Builds one instrument's candles from its ticks (design.md 6). Exchange time decides everything: session
 * membership, the bucket (aligned to 09:15 IST) and when a bucket closes. Prices are minor units.
 *
 * <p>Volume: the cumulative day volume is tracked as a running maximum (a feed that goes backwards cannot make
 * a candle's volume negative); a candle's volume is that maximum at its last tick minus the maximum before the
 * bucket. The day's baseline is 0 when the first tick of the IST day falls in the 09:15 bucket, otherwise it is
 * that tick's cumulative volume and the candle is {@link CandleQuality#PARTIAL}.
 *
 * <p>Missed data is judged by time against the instrument's {@link GapTimeline}: a candle that overlaps a gap is
 * {@link CandleQuality#GAPPED}, never complete, and when data was missed between the previous tick and the start of
 * a bucket the volume before the gap is no baseline for it (the missed bucket's volume would leak into this candle):
 * the candle's first tick is its baseline, as when joining mid-session.
 *
 * <p>Not thread-safe: owned by the engine thread. The per-tick path allocates only when a candle closes.
 */
public final class CandleBuilder {
    /** What a tick did. */
    public enum Result {
        /** Went into the forming candle. */
        ADDED,
        /** Closed the forming candle (see {@link #takeClosed()}) and opened a new one with this tick. */
        CLOSED_AND_ADDED,
        /** Outside 09:15:00–15:29:59 IST on a trading day: ignored. */
        OUT_OF_SESSION,
        /** For a bucket that is already closed: not merged (see {@link #lateBucketStart()}). */
        LATE
    }

    private static final long NONE = Long.MIN_VALUE;

    private final long token;
    private final Timeframe timeframe;
    private final long bucketMillis;
    private final SessionCalendar calendar;

    private long bucketStart = NONE;
    private long open;
    private long high;
    private long low;
    private long close;
    private long closeTime;
    private int tickCount;
    private CandleQuality quality = CandleQuality.COMPLETE;

    private long day = NONE;
    private long cumulativeMax = -1;
    private long cumulativeBeforeBucket;
    private long lastClosedBucketStart = NONE;
    private long lateBucketStart = NONE;
    private long lastTickTime = NONE;
    private final GapTimeline gaps = new GapTimeline();
    private Candle closed;
    private long checkedDay = NONE;
    private boolean checkedDayTrades;

    /**
     * @param calendar when not null, ticks on its non-trading days (weekends, holidays) are out of session too; when
     *                 null only the time of day counts, so the exchange's timestamps decide (design.md 2): a special
     *                 session on a Saturday or a holiday the calendar does not know about is still built into candles
     */
    public CandleBuilder(long token, Timeframe timeframe, SessionCalendar calendar) {
        this.token = token;
        this.timeframe = timeframe;
        this.bucketMillis = timeframe.millis();
        this.calendar = calendar;
    }

    public Result onTick(long exchangeTimeMillis, long lastPrice, long cumulativeVolume) {
        if (!inSession(exchangeTimeMillis)) {
            return Result.OUT_OF_SESSION;
        }
        long bucket = SessionCalendar.bucketStart(exchangeTimeMillis, timeframe);
        if (bucket == bucketStart) {
            update(exchangeTimeMillis, lastPrice, cumulativeVolume);
            lastTickTime = Math.max(lastTickTime, exchangeTimeMillis);
            return Result.ADDED;
        }
        if ((bucketStart != NONE && bucket < bucketStart) || (lastClosedBucketStart != NONE && bucket <= lastClosedBucketStart)) {
            lateBucketStart = bucket;
            return Result.LATE;
        }
        boolean closedOne = false;
        if (bucketStart != NONE) {
            closeForming();
            closedOne = true;
        }
        open(bucket, exchangeTimeMillis, lastPrice, cumulativeVolume);
        lastTickTime = exchangeTimeMillis;
        return closedOne ? Result.CLOSED_AND_ADDED : Result.ADDED;
    }

    /** {@link SessionCalendar#inSession(long)} with the trading-day answer cached per IST day (no allocation per tick). */
    private boolean inSession(long time) {
        if (!SessionCalendar.inSessionHours(time)) {
            return false;
        }
        long epochDay = SessionCalendar.istEpochDay(time);
        if (calendar == null) {
            return true;
        }
        if (epochDay != checkedDay) {
            checkedDay = epochDay;
            checkedDayTrades = calendar.isTradingDay(java.time.LocalDate.ofEpochDay(epochDay));
        }
        return checkedDayTrades;
    }

    private void open(long bucket, long time, long price, long cumulativeVolume) {
        long tickDay = SessionCalendar.istEpochDay(time);
        quality = CandleQuality.COMPLETE;
        if (tickDay != day) {
            day = tickDay;
            if (bucket == SessionCalendar.sessionOpenMillis(SessionCalendar.istDate(time))) {
                cumulativeMax = 0;
            } else {
                cumulativeMax = cumulativeVolume;
                quality = CandleQuality.PARTIAL;
            }
        } else if (lastTickTime != NONE && gaps.overlaps(lastTickTime + 1, bucket - 1)) {
            // data was missed before this bucket began: what traded then is not this candle's volume
            cumulativeMax = cumulativeVolume;
        }
        cumulativeBeforeBucket = Math.max(cumulativeMax, 0);
        bucketStart = bucket;
        open = price;
        high = price;
        low = price;
        close = price;
        closeTime = time;
        tickCount = 1;
        if (cumulativeVolume > cumulativeMax) {
            cumulativeMax = cumulativeVolume;
        }
        if (gaps.overlaps(bucket, time)) {
            quality = CandleQuality.GAPPED; // its beginning was missed
        }
    }

    private void update(long time, long price, long cumulativeVolume) {
        if (price > high) {
            high = price;
        }
        if (price < low) {
            low = price;
        }
        if (time >= closeTime) {
            close = price;
            closeTime = time;
        }
        if (cumulativeVolume > cumulativeMax) {
            cumulativeMax = cumulativeVolume;
        }
        tickCount++;
    }

    /** Closes the forming candle when market time has passed its end plus the grace; returns it, or null. */
    public Candle onMarketTime(long marketTimeMillis, long graceMillis) {
        if (bucketStart != NONE && marketTimeMillis >= bucketStart + bucketMillis + graceMillis) {
            closeForming();
            return takeClosed();
        }
        return null;
    }

    /** Closes the forming candle, if any (end of a replay); returns it, or null. */
    public Candle flush() {
        if (bucketStart == NONE) {
            return null;
        }
        closeForming();
        return takeClosed();
    }

    private void closeForming() {
        if (quality == CandleQuality.COMPLETE && gaps.overlaps(bucketStart, bucketStart + bucketMillis - 1)) {
            quality = CandleQuality.GAPPED;
        }
        closed = formingCandle();
        lastClosedBucketStart = bucketStart;
        cumulativeBeforeBucket = Math.max(cumulativeMax, 0);
        bucketStart = NONE;
    }

    /** The candle closed by the last {@link Result#CLOSED_AND_ADDED}; null once taken. */
    public Candle takeClosed() {
        Candle c = closed;
        closed = null;
        return c;
    }

    /** The forming candle as a value (allocates; for snapshots), or null. */
    public Candle forming() {
        return bucketStart == NONE ? null : formingCandle();
    }

    private Candle formingCandle() {
        long volume = Math.max(0, cumulativeMax - cumulativeBeforeBucket);
        return new Candle(token, bucketStart, open, high, low, close, volume, tickCount, quality);
    }

    /**
     * Data in [from, until] (inclusive) was missed: the forming candle, if it overlaps, is gapped, and so is any candle
     * that overlaps the stretch later (see {@link GapTimeline}).
     */
    public void markGap(long fromMillis, long untilMillis) {
        gaps.add(fromMillis, untilMillis);
        if (bucketStart != NONE && bucketStart + bucketMillis > fromMillis && bucketStart <= untilMillis
                && quality == CandleQuality.COMPLETE) {
            quality = CandleQuality.GAPPED;
        }
    }

    /** The stretches of missed data of this instrument. */
    public GapTimeline gaps() {
        return gaps;
    }

    public boolean hasForming() {
        return bucketStart != NONE;
    }

    public long formingBucketStart() {
        return bucketStart;
    }

    public long formingHigh() {
        return high;
    }

    public long formingLow() {
        return low;
    }

    public long formingClose() {
        return close;
    }

    public CandleQuality formingQuality() {
        return quality;
    }

    /** The bucket of the last {@link Result#LATE} tick. */
    public long lateBucketStart() {
        return lateBucketStart;
    }

    public long lastClosedBucketStart() {
        return lastClosedBucketStart;
    }

    /** The earliest market time at which the forming candle closes (Long.MAX_VALUE when none is forming). */
    public long closeDeadline(long graceMillis) {
        return bucketStart == NONE ? Long.MAX_VALUE : bucketStart + bucketMillis + graceMillis;
    }
}
