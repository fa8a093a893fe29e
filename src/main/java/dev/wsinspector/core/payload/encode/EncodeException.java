package dev.wsinspector.core.payload.encode;

/** Why an input cannot be encoded, in words for the person who typed it (no stack trace is shown). */
public final class EncodeException extends Exception {

    public EncodeException(String message) {
        super(message, null, false, false);
    }
}
