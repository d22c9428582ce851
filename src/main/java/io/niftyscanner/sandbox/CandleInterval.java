package io.niftyscanner.sandbox;

import java.util.Optional;

/** Kite's historical intervals; minute-based ones are anchored at 09:15 (kite-protocol.md 3). */
enum CandleInterval {
    MINUTE("minute", 1),
    THREE_MINUTES("3minute", 3),
    FIVE_MINUTES("5minute", 5),
    TEN_MINUTES("10minute", 10),
    FIFTEEN_MINUTES("15minute", 15),
    THIRTY_MINUTES("30minute", 30),
    SIXTY_MINUTES("60minute", 60),
    DAY("day", 0);

    final String kiteName;
    final int minutes;

    CandleInterval(String kiteName, int minutes) {
        this.kiteName = kiteName;
        this.minutes = minutes;
    }

    static Optional<CandleInterval> parse(String s) {
        for (CandleInterval i : values()) {
            if (i.kiteName.equals(s)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    static String names() {
        StringBuilder b = new StringBuilder();
        for (CandleInterval i : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(i.kiteName);
        }
        return b.toString();
    }
}
