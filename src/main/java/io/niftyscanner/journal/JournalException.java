package io.niftyscanner.journal;

/** The journal could not read or write its database; the message says which file and what to do. */
public class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
