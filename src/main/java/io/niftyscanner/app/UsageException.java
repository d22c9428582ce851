package io.niftyscanner.app;

/** Bad command-line arguments; the message says what was wrong and what is accepted. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
