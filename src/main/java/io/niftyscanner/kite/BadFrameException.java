package io.niftyscanner.kite;

/** A binary ticker frame that breaks Kite's layout; it is rejected whole, and nothing from it is delivered. */
public final class BadFrameException extends Exception {
    public BadFrameException(String reason) {
        super(reason, null, false, false);
    }
}
