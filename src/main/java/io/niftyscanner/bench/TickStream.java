package io.niftyscanner.bench;

import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, realistic tick stream for benchmarks: one session (09:15–15:30 IST) of ticks spread over the
 * instruments, prices following trending random walks with reversals, cumulative volume per instrument. The session
 * repeats on the following trading days, so candles keep closing and the indicator series keep growing.
 */
public final class TickStream {
    private static final long SESSION_MILLIS = 22_500_000L;

    private final List<Instrument> instruments;
    private final long[] offset;
    private final int[] instrument;
    private final long[] price;
    private final long[] volume;
    private int cursor;
    private LocalDate day;
    private long sessionOpen;

    public TickStream(int instrumentCount, int ticksPerSession, long seed) {
        Random random = new Random(seed);
        instruments = new ArrayList<>(instrumentCount);
        for (int i = 0; i < instrumentCount; i++) {
            instruments.add(Instrument.nseEquity("SYM" + i, (10_000L + i) * 256 + 1));
        }
        offset = new long[ticksPerSession];
        instrument = new int[ticksPerSession];
        price = new long[ticksPerSession];
        volume = new long[ticksPerSession];
        long[] last = new long[instrumentCount];
        long[] cumulative = new long[instrumentCount];
        double[] drift = new double[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            last[i] = 100_00 + random.nextInt(500_000);
        }
        for (int n = 0; n < ticksPerSession; n++) {
            int i = random.nextInt(instrumentCount);
            if (random.nextInt(200) == 0) {
                drift[i] = (random.nextDouble() - 0.5) * 0.0008;
            }
            long step = Math.round(last[i] * (drift[i] + random.nextGaussian() * 0.0005) / 5.0) * 5;
            last[i] = Math.max(5, last[i] + step);
            cumulative[i] += 1 + random.nextInt(500);
            offset[n] = n * SESSION_MILLIS / ticksPerSession;
            instrument[n] = i;
            price[n] = last[i];
            volume[n] = cumulative[i];
        }
        day = LocalDate.of(2026, 11, 23);
        sessionOpen = SessionCalendar.sessionOpenMillis(day);
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public int ticksPerSession() {
        return offset.length;
    }

    /** The next tick; after the session's last tick the stream continues on the next weekday. */
    public Tick next() {
        if (cursor == offset.length) {
            cursor = 0;
            do {
                day = day.plusDays(1);
            } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
            sessionOpen = SessionCalendar.sessionOpenMillis(day);
        }
        int n = cursor++;
        return new Tick(instruments.get(instrument[n]).token(), sessionOpen + offset[n], price[n], volume[n]);
    }
}
