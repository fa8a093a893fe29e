package dev.wsinspector.ui.detail;

import dev.wsinspector.core.payload.Segment;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyledSegment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns highlighter {@link Segment}s into a RichTextFX document. The document is immutable data, so it is
 * built on a background thread; the FX thread only swaps it into the area, which keeps big payloads from
 * stalling the window.
 *
 * <p>Lines longer than {@link #MAX_LINE_CHARS} are broken into several paragraphs. The area virtualizes by
 * paragraph, and a single paragraph of a megabyte (minified JSON, a base64 blob) is laid out as one text node,
 * which froze the window for seconds in tests; broken up, only the visible part is laid out.
 */
final class StyledDocuments {

    static final int MAX_LINE_CHARS = 2_000;

    /** The document and whether any line had to be broken (worth telling the user). */
    record Built(ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document, boolean linesBroken) {
    }

    private StyledDocuments() {
    }

    static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> of(List<Segment> segments) {
        return build(segments).document();
    }

    /** One paragraph per line (long lines broken); a {@code \r} before a line break is dropped, it has no glyph. */
    static Built build(List<Segment> segments) {
        return new Builder().addAll(segments).finish();
    }

    private static final class Builder {
        private final ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> doc =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), List.of());
        private List<StyledSegment<String, Collection<String>>> line = new ArrayList<>();
        private int lineChars;
        private boolean broken;

        Builder addAll(List<Segment> segments) {
            for (Segment s : segments) {
                add(s.text(), s.isPlain() ? List.of() : List.of(s.styleClass().split(" "))); // "json-key search-match"
            }
            return this;
        }

        private void add(String text, Collection<String> style) {
            int from = 0;
            while (from < text.length()) {
                char c = text.charAt(from);
                if (c == '\n') {
                    endLine();
                    from++;
                } else if (c == '\r' && from + 1 < text.length() && text.charAt(from + 1) == '\n') {
                    from++;
                } else {
                    int end = runEnd(text, from);
                    int room = MAX_LINE_CHARS - lineChars;
                    if (end - from > room) {
                        end = from + room;
                        if (Character.isHighSurrogate(text.charAt(end - 1)) && end - 1 > from) {
                            end--;
                        }
                    }
                    line.add(new StyledSegment<>(text.substring(from, end), style));
                    lineChars += end - from;
                    from = end;
                    if (lineChars >= MAX_LINE_CHARS && from < text.length() && text.charAt(from) != '\n') {
                        broken = true;
                        endLine();
                    }
                }
            }
        }

        /** End of the run of ordinary characters starting at {@code from}. */
        private static int runEnd(String text, int from) {
            int i = from;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                    break;
                }
                i++;
            }
            return i;
        }

        private void endLine() {
            if (line.isEmpty()) {
                line.add(new StyledSegment<>("", List.of()));
            }
            doc.addParagraph(line);
            line = new ArrayList<>();
            lineChars = 0;
        }

        Built finish() {
            endLine();
            return new Built(doc.build(), broken);
        }
    }
}
