package io.niftyscanner.kite;

/** Missing or bad parameters (Kite InputException, HTTP 400). */
public class InputException extends KiteException {
    public InputException(String message, int httpStatus, String errorType) {
        super(message, httpStatus, errorType);
    }

    public InputException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

}
