package io.niftyscanner.kite;

/** Insufficient funds or holdings (Kite MarginException / HoldingException). */
public class MarginException extends KiteException {
    public MarginException(String message, int httpStatus, String errorType) {
        super(message, httpStatus, errorType);
    }

    public MarginException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

}
