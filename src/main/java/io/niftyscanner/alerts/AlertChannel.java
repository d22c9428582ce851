package io.niftyscanner.alerts;

/**
 * Somewhere an alert can go. {@link #deliver} runs on the channel's own thread (never the engine's, the journal's or
 * the FX thread) and may block there; it reports the outcome instead of throwing (an exception counts as a failure).
 */
public interface AlertChannel {
    /** Short lower-case name, as in the JSON alert line: window, notification, sound, telegram, webhook. */
    String name();

    /** Null when the channel can deliver now; otherwise why not, in words for the trader. Must be cheap. */
    default String unavailableReason() {
        return null;
    }

    Delivery deliver(Alert alert) throws Exception;

    /** Releases what the channel holds (tray icon, HTTP client). */
    default void close() {}
}
