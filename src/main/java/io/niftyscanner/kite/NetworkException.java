package io.niftyscanner.kite;

/** Kite could not reach the exchange's order system, or we could not reach Kite (Kite NetworkException, I/O errors). */
public class NetworkException extends KiteException {
    public NetworkException(String message, int httpStatus, String errorType) {
        super(message, httpStatus, errorType);
    }

    public NetworkException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
