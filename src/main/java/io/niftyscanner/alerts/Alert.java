package io.niftyscanner.alerts;

import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One alert: the signal that raised it and when it was raised. {@code signalTime} is market time (the exchange
 * clock), {@code alertTime} the wall clock at which the alert went to its channels.
 */
public record Alert(String signalKey, long token, String symbol, Side side, double price, double stop, double target,
                    double rsi, double emaFast, double emaSlow, String rule, boolean intrabar, Instant candleStart,
                    Instant signalTime, Instant alertTime) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public static Alert of(Signal s, Instant alertTime) {
        return new Alert(s.key(), s.token(), s.symbol(), s.side(), s.priceRupees(), s.stop(), s.target(), s.rsi(),
                s.emaFast(), s.emaSlow(), s.rule(), s.intrabar(), Instant.ofEpochMilli(s.candleStartMillis()),
                s.time(), alertTime);
    }

    /** Milliseconds from the signal (market time) to the alert (wall time); meaningful when both clocks agree. */
    public long signalToAlertMillis() {
        return alertTime.toEpochMilli() - signalTime.toEpochMilli();
    }

    /** "BUY RELIANCE at 2456.10". */
    public String title() {
        return side + " " + symbol + " at " + rupees(price);
    }

    /** The lines under the title: the rule, the RSI, stop and target, and the candle. */
    public String body() {
        StringBuilder b = new StringBuilder();
        if (rule != null && !rule.isBlank()) {
            b.append(rule).append('\n');
        }
        if (!Double.isNaN(rsi)) {
            b.append(String.format(Locale.ROOT, "RSI %.1f", rsi));
        }
        if (!Double.isNaN(stop) && !Double.isNaN(target)) {
            b.append(b.length() > 0 && b.charAt(b.length() - 1) != '\n' ? " · " : "")
                    .append("stop ").append(rupees(stop)).append(" · target ").append(rupees(target));
        }
        b.append(b.length() > 0 && b.charAt(b.length() - 1) != '\n' ? "\n" : "")
                .append(intrabar ? "forming candle " : "candle ")
                .append(HH_MM.format(SessionCalendar.ist(candleStart.toEpochMilli()))).append(" IST");
        return b.toString();
    }

    static String rupees(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
