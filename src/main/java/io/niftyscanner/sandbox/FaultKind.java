package io.niftyscanner.sandbox;

import java.util.Locale;
import java.util.Optional;

/** Faults the sandbox can inject (design.md 7), plus CLEAR to end every timed fault at once. */
public enum FaultKind {
    /** Close every socket abruptly (no close frame: clients see 1006). */
    DROP,
    /** Sockets stay open and send nothing, not even heartbeats, for the duration. */
    STALL,
    /** Binary frames are malformed (truncated, unknown packet length, count too high) for the duration. */
    MALFORMED,
    /** Every REST request gets HTTP 429 for the duration. */
    RATE_LIMIT,
    /** Every REST request gets HTTP 500 (POST, PUT, DELETE) or 503 (GET) for the duration. */
    SERVER_ERROR,
    /** Every current access token becomes invalid until a new session is generated. */
    EXPIRE_TOKEN,
    /** The next tick frame carries one equity packet whose exchange timestamp is a day ahead (a corrupt value). */
    FUTURE_TIMESTAMP,
    /** The next tick frame carries one equity packet whose last price is 0 (a corrupt value). */
    ZERO_PRICE,
    /** Ends stall, malformed, rate_limit and server_error now. */
    CLEAR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean timed() {
        return this == STALL || this == MALFORMED || this == RATE_LIMIT || this == SERVER_ERROR;
    }

    public static Optional<FaultKind> parse(String s) {
        for (FaultKind k : values()) {
            if (k.wireName().equals(s)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static String names() {
        StringBuilder b = new StringBuilder();
        for (FaultKind k : values()) {
            b.append(b.length() == 0 ? "" : "|").append(k.wireName());
        }
        return b.toString();
    }
}
