package io.niftyscanner.orders;

/**
 * The request never reached the venue, or the venue refused it before execution (no connection, rate limited): the
 * order does not exist and sending it again, with the same tag, is safe.
 */
public final class OrderNotSent extends OrderFailure {
    public OrderNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
