package io.niftyscanner.kite;

/**
 * Base of every error the Kite adapter raises. Messages are written for a trader and never carry secrets.
 * {@link #httpStatus()} is 0 when no HTTP response was received.
 */
public class KiteException extends RuntimeException {
    private final int httpStatus;
    private final String errorType;

    public KiteException(String message, int httpStatus, String errorType) {
        this(message, httpStatus, errorType, null);
    }

    public KiteException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorType = errorType == null ? "" : errorType;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Kite's {@code error_type}, e.g. {@code InputException}; empty when the server sent none. */
    public String errorType() {
        return errorType;
    }

    /** Whether the same read may succeed when tried again later (429, 5xx, network trouble). */
    public boolean isTransient() {
        return httpStatus == 429 || httpStatus >= 500;
    }
}
