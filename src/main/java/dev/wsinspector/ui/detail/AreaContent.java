package dev.wsinspector.ui.detail;

import dev.wsinspector.core.payload.Segment;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;

import java.util.Collection;
import java.util.List;

/**
 * What a text area of the detail pane shows: a styled document built off the FX thread, and a one-line
 * notice above it (caps, invalid bytes, a JSON error with its position).
 *
 * @param document    the styled text
 * @param notice      shown above the text; empty for none
 * @param error       true when the notice reports a problem with the payload (styled as an error)
 * @param errorLine   1-based line of the problem, 0 when there is none
 * @param errorColumn 1-based column of the problem, 0 when there is none
 */
public record AreaContent(ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document,
                          String notice, boolean error, int errorLine, int errorColumn) {

    public static final AreaContent EMPTY = message("");

    /** No text, only a notice (work in progress, a size limit). */
    public static AreaContent message(String notice) {
        return new AreaContent(StyledDocuments.of(List.of()), notice, false, 0, 0);
    }

    public static AreaContent of(List<Segment> segments, String notice) {
        return of(segments, notice, false, 0, 0);
    }

    /** Builds the document (off the FX thread) and adds a note to {@code notice} if long lines were broken. */
    public static AreaContent of(List<Segment> segments, String notice, boolean error, int errorLine, int errorColumn) {
        StyledDocuments.Built built = StyledDocuments.build(segments);
        String note = notice;
        if (built.linesBroken()) {
            String broken = "lines longer than " + StyledDocuments.MAX_LINE_CHARS + " characters are broken for display";
            note = notice.isEmpty() ? Character.toUpperCase(broken.charAt(0)) + broken.substring(1)
                    : notice + " · " + broken;
        }
        return new AreaContent(built.document(), note, error, errorLine, errorColumn);
    }

    /** The plain text, for tests and copy. */
    public String text() {
        return document.getText();
    }
}
