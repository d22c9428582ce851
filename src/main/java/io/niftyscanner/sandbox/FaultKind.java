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
    /**
     * For the duration, POST /orders places the order and then closes the connection without an answer: the client
     * cannot know whether its order exists (it does) until it reads the order book.
     */
    DROP_ORDER_RESPONSE,
    /** The next tick frame carries one equity packet whose exchange timestamp is a day ahead (a corrupt value). */
    FUTURE_TIMESTAMP,
    /** The next tick frame carries one equity packet whose last price is 0 (a corrupt value). */
    ZERO_PRICE,
    /** Ends stall, malformed, rate_limit, server_error and drop_order_response now, and disarms future_timestamp and zero_price. */
    CLEAR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean timed() {
        return this == STALL || this == MALFORMED || this == RATE_LIMIT || this == SERVER_ERROR || this == DROP_ORDER_RESPONSE;
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
