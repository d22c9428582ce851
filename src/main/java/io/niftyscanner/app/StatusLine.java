package io.niftyscanner.app;

import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.SessionCalendar;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The one-line human description of a feed status, shared by the window and the headless runner. */
public final class StatusLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(SessionCalendar.IST);
    private static final DateTimeFormatter OPEN = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm 'IST'", Locale.ENGLISH)
            .withZone(SessionCalendar.IST);

    private StatusLine() {}

    public static String describe(FeedStatus s) {
        if (s == null) {
            return "Starting…";
        }
        String extra = s.message() == null || s.message().isBlank() ? "" : s.message();
        if (s.candlesAwaitingRepair() > 0) {
            String repair = s.candlesAwaitingRepair() + (s.candlesAwaitingRepair() == 1 ? " candle awaits" : " candles await")
                    + " repair from the exchange's history";
            extra = extra.isEmpty() ? repair : extra + " · " + repair;
        }
        switch (s.state()) {
            case LIVE:
                return join(String.format(Locale.ROOT, "Streaming · %.0f ticks/s · last tick %s", s.ticksPerSecond(),
                        s.lastTickAgeMillis() < 0 ? "none yet" : String.format(Locale.ROOT, "%.1f s ago", s.lastTickAgeMillis() / 1000.0)), extra);
            case POLLING:
                return join("Polling · last cycle " + (s.pollCycleMillis() < 0 ? "pending" : s.pollCycleMillis() + " ms")
                        + (s.nextCycle() == null ? "" : " · next " + TIME.format(s.nextCycle())), extra);
            case RECONNECTING:
                return join(String.format(Locale.ROOT, "Reconnecting · attempt %d · next try in %.1f s", s.attempt(), s.nextTryMillis() / 1000.0), extra);
            case MARKET_CLOSED:
                return join("Market closed" + (s.nextOpen() == null ? "" : " · opens " + OPEN.format(s.nextOpen())), extra);
            default:
                return extra.isEmpty() ? s.state().name() : extra;
        }
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + " · " + b;
    }
}
