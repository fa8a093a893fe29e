package dev.wsinspector.core.journal;

/** A journal or session that cannot be used, with a one-line message meant for people. */
public final class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
