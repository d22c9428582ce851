package io.niftyscanner.kite;

/** The access token (or API key) was rejected: the daily login must be run again. Never retried. */
public class TokenException extends KiteException {
    public static final String MESSAGE = "Kite session expired or invalid: run ./scanner login";

    public TokenException(int httpStatus, String errorType) {
        super(MESSAGE, httpStatus, errorType);
    }
}
