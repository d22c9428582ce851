package io.niftyscanner.kite;

/** Kite answered HTTP 429: too many requests. */
public class RateLimitException extends KiteException {
    public RateLimitException(String message, int httpStatus, String errorType) {
        super(message, httpStatus, errorType);
    }

    public RateLimitException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
