package dev.wsinspector.core.payload.encode;

import java.util.List;
import java.util.Objects;

/**
 * One input of a {@link MessageFormat} besides its body: what the composer shows as a field and what a saved
 * message stores by {@link #name()}.
 *
 * @param name         the key in {@link EncodeRequest#params()} (a contract for saved messages: add, never rename)
 * @param label        for people
 * @param kind         how to edit it
 * @param defaultValue the value when the user gives none ("" for none)
 * @param choices      the allowed values of a {@link Kind#CHOICE}, else empty
 * @param hint         a one-line explanation (a tooltip / prompt text)
 */
public record Param(String name, String label, Kind kind, String defaultValue, List<String> choices, String hint) {

    /** How a parameter is edited. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, CHOICE, LINES }

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        defaultValue = defaultValue == null ? "" : defaultValue;
        choices = List.copyOf(choices);
        hint = hint == null ? "" : hint;
    }

    static Param text(String name, String label, String defaultValue, String hint) {
        return new Param(name, label, Kind.TEXT, defaultValue, List.of(), hint);
    }

    static Param number(String name, String label, String defaultValue, String hint) {
        return new Param(name, label, Kind.NUMBER, defaultValue, List.of(), hint);
    }

    static Param bool(String name, String label, boolean defaultValue, String hint) {
        return new Param(name, label, Kind.BOOLEAN, String.valueOf(defaultValue), List.of(), hint);
    }

    static Param choice(String name, String label, String defaultValue, List<String> choices, String hint) {
        return new Param(name, label, Kind.CHOICE, defaultValue, choices, hint);
    }

    static Param lines(String name, String label, String hint) {
        return new Param(name, label, Kind.LINES, "", List.of(), hint);
    }
}
