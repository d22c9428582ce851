package io.niftyscanner.orders;

/** What an order does for its trade. */
public enum Role {
    /** Opens the position for a signal. */
    ENTRY('E'),
    /** The protective stop, an SL-M at the exchange. */
    STOP('S'),
    /** The profit target, a LIMIT at the exchange (or, when watched, never placed). */
    TARGET('T'),
    /** Closes the position at the market: square-off, stop trading, breaker, a failed stop, a watched target. */
    EXIT('X');

    final char code;

    Role(char code) {
        this.code = code;
    }

    static Role ofCode(char c) {
        for (Role r : values()) {
            if (r.code == c) {
                return r;
            }
        }
        throw new IllegalArgumentException("no order role '" + c + "'");
    }
}
