package dev.wsinspector.core.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an expression into tokens, each with its position. Bare words end at white space, parentheses, a quote
 * and the comparison characters {@code < > =} (and {@code !=}), so {@code size>1k} is three tokens and
 * {@code dir:in} one; a word ending in {@code :} takes a quoted string right after it as its value
 * ({@code event:"chat message"}).
 */
final class FilterLexer {

    enum Kind { WORD, QUOTED, REGEX, PATH, OP, LPAREN, RPAREN, END }

    /**
     * @param text  the token as written (for a WORD with a quoted value: the key with its colon)
     * @param value the unquoted string (QUOTED, a WORD's quoted value, a REGEX's pattern), else null
     * @param flags a REGEX's flag letters
     */
    record Token(Kind kind, String text, String value, String flags, int pos, int end) {
    }

    private final String s;
    private int i;

    private FilterLexer(String s) {
        this.s = s;
    }

    static List<Token> tokens(String expression) {
        FilterLexer lexer = new FilterLexer(expression);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.END);
        return out;
    }

    private Token next() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i >= s.length()) {
            return new Token(Kind.END, "", null, "", start, start);
        }
        char c = s.charAt(i);
        switch (c) {
            case '(' -> {
                i++;
                return new Token(Kind.LPAREN, "(", null, "", start, i);
            }
            case ')' -> {
                i++;
                return new Token(Kind.RPAREN, ")", null, "", start, i);
            }
            case '"' -> {
                String value = quoted();
                return new Token(Kind.QUOTED, s.substring(start, i), value, "", start, i);
            }
            case '/' -> {
                return regex();
            }
            case '$' -> {
                return path();
            }
            default -> {
                if (isOpStart(i)) {
                    return op();
                }
                return word();
            }
        }
    }

    private boolean isOpStart(int at) {
        char c = s.charAt(at);
        return c == '<' || c == '>' || c == '=' || (c == '!' && at + 1 < s.length() && s.charAt(at + 1) == '=');
    }

    private Token op() {
        int start = i;
        char c = s.charAt(i++);
        if (i < s.length() && s.charAt(i) == '=' && c != '=') {
            i++; // >=, <=, !=
        } else if (c == '=' && i < s.length() && s.charAt(i) == '=') {
            i++; // ==
        }
        String text = s.substring(start, i);
        return new Token(Kind.OP, text.equals("=") ? "==" : text, null, "", start, i);
    }

    private Token word() {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"' || isOpStart(i)) {
                break;
            }
            i++;
        }
        String text = s.substring(start, i);
        if (text.endsWith(":") && i < s.length() && s.charAt(i) == '"') {
            String value = quoted();
            return new Token(Kind.WORD, text, value, "", start, i);
        }
        return new Token(Kind.WORD, text, null, "", start, i);
    }

    /** Reads a double-quoted string at {@code i} ({@code \"} and {@code \\} escape); {@code i} ends after it. */
    private String quoted() {
        int start = i;
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\' && i < s.length()) {
                b.append(s.charAt(i++));
            } else {
                b.append(c);
            }
        }
        throw new FilterSyntaxException(start, "the quote that starts here is not closed");
    }

    private Token regex() {
        int start = i;
        i++;
        StringBuilder b = new StringBuilder();
        boolean closed = false;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '/') {
                closed = true;
                break;
            }
            if (c == '\\' && i < s.length() && s.charAt(i) == '/') {
                b.append('/');
                i++;
            } else {
                b.append(c);
                if (c == '\\' && i < s.length()) {
                    b.append(s.charAt(i++));
                }
            }
        }
        if (!closed) {
            throw new FilterSyntaxException(start, "the regex that starts here has no closing '/'");
        }
        int flagsStart = i;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return new Token(Kind.REGEX, s.substring(start, i), b.toString(), s.substring(flagsStart, i), start, i);
    }

    private Token path() {
        int start = i;
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[') {
                int close = bracketEnd(i);
                if (close < 0) {
                    throw new FilterSyntaxException(i, "the '[' here is not closed");
                }
                i = close + 1;
                continue;
            }
            if (Character.isWhitespace(c) || c == '(' || c == ')' || isOpStart(i)) {
                break;
            }
            i++;
        }
        return new Token(Kind.PATH, s.substring(start, i), null, "", start, i);
    }

    /** Index of the ']' closing the '[' at {@code at}, skipping quoted names; -1 when there is none. */
    private int bracketEnd(int at) {
        char quote = 0;
        for (int k = at + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == '\\') {
                    k++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return k;
            }
        }
        return -1;
    }
}
