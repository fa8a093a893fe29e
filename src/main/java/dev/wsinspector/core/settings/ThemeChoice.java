package dev.wsinspector.core.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * The user's theme: {@link #SYSTEM} (the first start's, until they pick one) follows the desktop's light or dark
 * preference; the other two are a fixed pick. Written to settings.json as its lower-case name.
 */
public enum ThemeChoice {
    SYSTEM, LIGHT, DARK;

    /** As written in settings.json: {@code "system"}, {@code "light"}, {@code "dark"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice a settings.json name stands for, whatever its case; empty for anything else. */
    public static Optional<ThemeChoice> fromJsonName(String name) {
        for (ThemeChoice choice : values()) {
            if (choice.jsonName().equalsIgnoreCase(name)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
