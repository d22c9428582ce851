package io.niftyscanner.kite;

/** Order placement or fetch failed (Kite OrderException). */
public class OrderException extends KiteException {
    public OrderException(String message, int httpStatus, String errorType) {
        super(message, httpStatus, errorType);
    }

    public OrderException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

}
