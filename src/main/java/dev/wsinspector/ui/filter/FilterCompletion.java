package dev.wsinspector.ui.filter;

import dev.wsinspector.core.payload.protocol.ProtocolId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the filter field offers as one types: the keywords of the language (README, "Filters") that start with the
 * word at the caret. Nothing inside quotes or a {@code /regex/}, nothing for an empty word. Plain code.
 */
public final class FilterCompletion {

    /** Offered words; those ending in {@code :}, {@code >} or {@code <} wait for a value. */
    static final List<String> WORDS;

    static {
        List<String> words = new ArrayList<>(List.of("dir:in", "dir:out", "type:text", "type:binary",
                "type:control", "type:ping", "type:pong", "type:close", "type:event", "type:error", "size>", "size<",
                "time>", "time<", "event:", "method:", "command:", "and", "or", "not", "heartbeat", "unanswered",
                "latency>"));
        for (String id : ProtocolId.ids()) {
            words.add("protocol:" + id);
        }
        WORDS = List.copyOf(words);
    }

    /**
     * Words for the caret's word.
     *
     * @param start where the word being typed starts (what accepting replaces, up to the caret)
     * @param items the words that fit, in the order above
     */
    public record Suggestions(int start, int caret, List<String> items) {
        public static final Suggestions NONE = new Suggestions(0, 0, List.of());

        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    private FilterCompletion() {
    }

    public static Suggestions suggest(String text, int caret) {
        if (text == null || caret < 0 || caret > text.length() || insideLiteral(text, caret)) {
            return Suggestions.NONE;
        }
        int start = caret;
        while (start > 0 && !separates(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, caret).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return Suggestions.NONE;
        }
        List<String> items = new ArrayList<>();
        for (String w : WORDS) {
            if (w.startsWith(word) && !w.equals(word)) {
                items.add(w);
            }
        }
        return new Suggestions(start, caret, List.copyOf(items));
    }

    /** The text with {@code item} in place of the word; the caret goes to {@link #caretAfter}. */
    public static String accept(String text, Suggestions s, String item) {
        return text.substring(0, s.start()) + item + spaceAfter(item) + text.substring(s.caret());
    }

    public static int caretAfter(Suggestions s, String item) {
        return s.start() + item.length() + spaceAfter(item).length();
    }

    private static String spaceAfter(String item) {
        char last = item.charAt(item.length() - 1);
        return last == ':' || last == '>' || last == '<' ? "" : " ";
    }

    private static boolean separates(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')';
    }

    /** True when the caret is inside a quoted string or a regex (an odd number of them open before it). */
    private static boolean insideLiteral(String text, int caret) {
        char open = 0;
        for (int i = 0; i < caret; i++) {
            char c = text.charAt(i);
            if (open != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == open) {
                    open = 0;
                }
            } else if (c == '"' || (c == '/' && (i == 0 || separates(text.charAt(i - 1))))) {
                open = c;
            }
        }
        return open != 0;
    }
}
