package io.niftyscanner.sandbox;

import java.util.Optional;

/** KiteTicker streaming modes; a new subscription starts in QUOTE (kite-protocol.md 1.2). */
enum TickMode {
    LTP("ltp"),
    QUOTE("quote"),
    FULL("full");

    final String wireName;

    TickMode(String wireName) {
        this.wireName = wireName;
    }

    static Optional<TickMode> parse(String s) {
        for (TickMode m : values()) {
            if (m.wireName.equals(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
