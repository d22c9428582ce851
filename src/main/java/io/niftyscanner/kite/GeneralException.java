package io.niftyscanner.kite;

/** An unclassified Kite error (GeneralException, UserException, unknown types, 5xx). */
public class GeneralException extends KiteException {
    public GeneralException(String message, int httpStatus, String errorType) {
        super(message, httpStatus, errorType);
    }

    public GeneralException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

}
