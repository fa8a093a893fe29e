package dev.wsinspector.core.payload;

import java.util.Objects;

/**
 * A run of text with one CSS style class, the output of the pure highlighters. The UI turns a list of these
 * into styled text; concatenating the texts of a list gives back the highlighted input exactly.
 *
 * @param text       the characters, never empty in highlighter output
 * @param styleClass a CSS class name, or {@link #PLAIN} for unstyled text
 */
public record Segment(String text, String styleClass) {

    /** Style class of text that gets the view's default look. */
    public static final String PLAIN = "";

    public Segment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(styleClass, "styleClass");
    }

    public boolean isPlain() {
        return styleClass.isEmpty();
    }
}
