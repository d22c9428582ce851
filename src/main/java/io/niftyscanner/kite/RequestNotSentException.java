package io.niftyscanner.kite;

/** A write never left this machine (connection refused, unknown host, no route): sending it again is safe. */
public class RequestNotSentException extends NetworkException {
    public RequestNotSentException(String message, Throwable cause) {
        super(message, 0, "", cause);
    }
}
