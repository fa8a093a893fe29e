package dev.wsinspector.core.payload;

import java.util.ArrayList;
import java.util.List;

/**
 * Syntax highlighting for JSON as a pure function from text to {@link Segment}s, so it can run on any thread
 * and be tested without a UI. It is a tolerant lexer, not a parser: invalid JSON still gets colours up to
 * and around the error, which is exactly when the user reads it most closely.
 */
public final class JsonHighlighter {

    public static final String KEY = "json-key";
    public static final String STRING = "json-string";
    public static final String NUMBER = "json-number";
    public static final String BOOLEAN = "json-boolean";
    public static final String NULL = "json-null";
    public static final String PUNCT = "json-punct";

    /** Beyond this, styling costs more than it helps (and millions of style runs slow the text view down). */
    public static final int DEFAULT_MAX_CHARS = 4 * 1024 * 1024;

    private JsonHighlighter() {
    }

    public static List<Segment> highlight(String text) {
        return highlight(text, DEFAULT_MAX_CHARS);
    }

    /**
     * Segments covering {@code text} exactly, in order; adjacent runs of one class are merged. Text longer
     * than {@code maxChars} comes back as a single plain segment.
     */
    public static List<Segment> highlight(String text, int maxChars) {
        List<Segment> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        if (text.length() > maxChars) {
            out.add(new Segment(text, Segment.PLAIN));
            return out;
        }
        // Runs are contiguous, so a run is just its start and style until the style changes: linear time.
        int runStart = 0;
        String runStyle = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int end;
            String style;
            if (c == '"') {
                end = stringEnd(text, i);
                style = followedByColon(text, end) ? KEY : STRING;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                end = scan(text, i, "0123456789+-.eE");
                style = NUMBER;
            } else if (Character.isLetter(c)) {
                end = wordEnd(text, i);
                style = wordStyle(text.substring(i, end));
            } else if ("{}[],:".indexOf(c) >= 0) {
                end = i + 1;
                style = PUNCT;
            } else {
                end = i + 1;
                style = Segment.PLAIN;
            }
            if (!style.equals(runStyle)) {
                if (runStyle != null) {
                    out.add(new Segment(text.substring(runStart, i), runStyle));
                }
                runStart = i;
                runStyle = style;
            }
            i = end;
        }
        out.add(new Segment(text.substring(runStart), runStyle));
        return out;
    }

    /** Index after the closing quote; an unterminated string stops at the end of its line. */
    private static int stringEnd(String text, int open) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return i;
            } else {
                i++;
            }
        }
        return i;
    }

    private static boolean followedByColon(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    private static int scan(String text, int from, String allowed) {
        int i = from;
        while (i < text.length() && allowed.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String wordStyle(String word) {
        switch (word) {
            case "true":
            case "false":
                return BOOLEAN;
            case "null":
                return NULL;
            default:
                return Segment.PLAIN;
        }
    }
}
