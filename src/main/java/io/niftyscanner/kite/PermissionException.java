package io.niftyscanner.kite;

/** The API key is not allowed to do this (Kite PermissionException). */
public class PermissionException extends KiteException {
    public PermissionException(String message, int httpStatus, String errorType) {
        super(message, httpStatus, errorType);
    }

    public PermissionException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

}
