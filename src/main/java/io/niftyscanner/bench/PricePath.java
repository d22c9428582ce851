package io.niftyscanner.bench;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Timeframe;
import io.niftyscanner.sandbox.LoadTicker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The market the end-to-end benchmarks stream: for each instrument a price that swings around its base on a
 * 45-to-65-minute wave with a little deterministic noise, so EMA9 crosses EMA21 every few candles with RSI inside
 * the default rule's bands and signals fire; cumulative volume grows through each session. A pure function of the
 * token and market time: the sender, the history and a re-run all see the same market.
 */
public final class PricePath implements LoadTicker.Script {
    private static final long BASE_TOKEN = 20_000;
    private static final long CANDLE = Timeframe.FIVE_MINUTES.millis();
    private static final double AMPLITUDE = 0.012;
    private static final double NOISE = 0.0015;

    private final int instruments;

    public PricePath(int instruments) {
        this.instruments = instruments;
    }

    /** The benchmark's instruments: SYM0, SYM1, ... with NSE equity tokens. */
    public static List<Instrument> instruments(int count) {
        List<Instrument> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(Instrument.nseEquity("SYM" + i, token(i)));
        }
        return list;
    }

    static long token(int index) {
        return (BASE_TOKEN + index) * 256 + 1;
    }

    private static int index(long token) {
        return (int) ((token >> 8) - BASE_TOKEN);
    }

    /** 09:15 IST on a weekday: the benchmarks stream from a session's first tick, so no candle is partial. */
    public static long sessionStart(LocalDate day) {
        return SessionCalendar.sessionOpenMillis(day);
    }

    @Override
    public long price(long token, long marketMillis) {
        int i = index(token);
        double base = 50_000 + (i * 7_919L) % 450_000;
        double periodMillis = (9 + i % 5) * CANDLE;
        double phase = (i * 0.618_034) % 1.0;
        double wave = Math.sin(2 * Math.PI * (marketMillis / periodMillis + phase));
        double price = base * (1 + AMPLITUDE * wave + NOISE * noise(i, marketMillis / 20_000));
        return Math.max(5, Math.round(price / 5) * 5);
    }

    @Override
    public long volume(long token, long marketMillis) {
        int i = index(token);
        long sinceOpen = marketMillis - SessionCalendar.sessionOpenMillis(SessionCalendar.istDate(marketMillis));
        return Math.max(0, sinceOpen / 1000) * (40 + i % 60);
    }

    /** A deterministic value in [-1, 1] for an instrument and a 20-second step. */
    private static double noise(int i, long step) {
        long h = i * 0x9E37_79B9_7F4A_7C15L + step * 0xC2B2_AE3D_27D4_EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58_476D_1CE4_E5B9L;
        h ^= h >>> 29;
        return ((h >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    /**
     * The {@code count} session candles before {@code startMillis} (a bucket start), oldest first, as the exchange's
     * historical route would serve them: OHLC from the path sampled every 30 s, volume from the cumulative curve.
     */
    public List<Candle> history(Instrument in, long startMillis, int count) {
        List<Long> buckets = new ArrayList<>(count);
        LocalDate day = SessionCalendar.istDate(startMillis);
        long bucket = startMillis - CANDLE;
        while (buckets.size() < count) {
            if (bucket < SessionCalendar.sessionOpenMillis(day)) {
                day = SessionCalendar.withoutHolidays().previousTradingDay(day);
                bucket = SessionCalendar.sessionCloseMillis(day) - CANDLE;
                continue;
            }
            buckets.add(0, bucket);
            bucket -= CANDLE;
        }
        List<Candle> candles = new ArrayList<>(count);
        for (long b : buckets) {
            long open = price(in.token(), b);
            long high = open;
            long low = open;
            long close = open;
            for (long t = b + 30_000; t < b + CANDLE; t += 30_000) {
                close = price(in.token(), t);
                high = Math.max(high, close);
                low = Math.min(low, close);
            }
            long volume = volume(in.token(), b + CANDLE - 1000) - volume(in.token(), b);
            candles.add(new Candle(in.token(), b, open, high, low, close, volume, 0, CandleQuality.HISTORICAL));
        }
        return candles;
    }

    public int instrumentCount() {
        return instruments;
    }
}
