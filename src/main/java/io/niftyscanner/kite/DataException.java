package io.niftyscanner.kite;

/** A response could not be parsed (Kite DataException, or an unexpected body). */
public class DataException extends KiteException {
    public DataException(String message, int httpStatus, String errorType) {
        super(message, httpStatus, errorType);
    }

    public DataException(String message, int httpStatus, String errorType, Throwable cause) {
        super(message, httpStatus, errorType, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
