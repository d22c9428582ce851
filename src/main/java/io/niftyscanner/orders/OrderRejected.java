package io.niftyscanner.orders;

/** The venue said no (bad input, margin, session, an order already complete): nothing was executed; do not retry as is. */
public final class OrderRejected extends OrderFailure {
    public OrderRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
