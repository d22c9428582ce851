package io.niftyscanner.kite;

/**
 * A write (an order, a cancel, a modification) may or may not have been executed: the request left this machine and no
 * clear answer came back (timeout, dropped connection, a 5xx that does not say the order system refused it, a success
 * without an order id). Never transient: sending it again could place a second order. Read the order book first.
 */
public class OutcomeUnknownException extends KiteException {
    public OutcomeUnknownException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
