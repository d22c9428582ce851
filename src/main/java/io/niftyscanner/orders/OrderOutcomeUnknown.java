package io.niftyscanner.orders;

/**
 * The request may have reached the exchange (timeout, dropped connection, an unclear 5xx). Never resend blindly:
 * read the day's orders back by tag first.
 */
public final class OrderOutcomeUnknown extends OrderFailure {
    public OrderOutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}
