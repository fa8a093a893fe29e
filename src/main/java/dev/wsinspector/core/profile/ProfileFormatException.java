package dev.wsinspector.core.profile;

/** A profile file that cannot be read as a profile (bad JSON, wrong types, bad values); the message says where. */
public class ProfileFormatException extends Exception {

    public ProfileFormatException(String message) {
        super(message);
    }

    public ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
