package dev.wsinspector.ui.detail;

import dev.wsinspector.core.filter.Expr;
import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.payload.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Text and JSON views mark as matches: the plain-text terms and regexes of the filter (not those under a
 * {@code not}) and the Find query, found in the view's text (terms ignoring case). {@link #apply} splits the
 * highlighter's segments so that matching characters also carry {@link #STYLE}. Plain code, immutable, safe on the
 * formatting thread.
 */
public final class Highlights {

    /** The style class of matching characters (besides their own). */
    public static final String STYLE = "search-match";
    public static final Highlights NONE = new Highlights(List.of(), List.of());
    /** Texts longer than this are not scanned for matches (the views cap what they show anyway). */
    static final int MAX_CHARS = 1 << 20;

    private final List<String> terms;
    private final List<Pattern> patterns;

    private Highlights(List<String> terms, List<Pattern> patterns) {
        this.terms = List.copyOf(terms);
        this.patterns = List.copyOf(patterns);
    }

    /** @param filter the filter applied (null: none); @param find the Find query (null or empty: none) */
    public static Highlights of(Filter filter, String find) {
        List<String> terms = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        if (filter != null) {
            collect(filter.tree(), terms, patterns);
        }
        if (find != null && !find.isEmpty() && !find.regionMatches(true, 0, "hex:", 0, 4)) {
            terms.add(find);
        }
        return terms.isEmpty() && patterns.isEmpty() ? NONE : new Highlights(terms, patterns);
    }

    private static void collect(Expr e, List<String> terms, List<Pattern> patterns) {
        if (e instanceof Expr.Text t && !t.text().isEmpty()) {
            terms.add(t.text());
        } else if (e instanceof Expr.Regex r) {
            patterns.add(r.pattern());
        } else if (e instanceof Expr.And a) {
            a.terms().forEach(x -> collect(x, terms, patterns));
        } else if (e instanceof Expr.Or o) {
            o.terms().forEach(x -> collect(x, terms, patterns));
        }
    }

    public boolean isEmpty() {
        return terms.isEmpty() && patterns.isEmpty();
    }

    /** The segments again, with matching characters split off and marked; the text is unchanged. */
    public List<Segment> apply(List<Segment> segments) {
        if (isEmpty()) {
            return segments;
        }
        StringBuilder all = new StringBuilder();
        for (Segment s : segments) {
            all.append(s.text());
        }
        if (all.length() > MAX_CHARS) {
            return segments;
        }
        boolean[] marked = marks(all.toString());
        List<Segment> out = new ArrayList<>(segments.size());
        int at = 0;
        for (Segment s : segments) {
            String text = s.text();
            int from = 0;
            while (from < text.length()) {
                boolean m = marked[at + from];
                int end = from + 1;
                while (end < text.length() && marked[at + end] == m) {
                    end++;
                }
                String style = !m ? s.styleClass() : s.isPlain() ? STYLE : s.styleClass() + " " + STYLE;
                out.add(new Segment(text.substring(from, end), style));
                from = end;
            }
            at += text.length();
        }
        return out;
    }

    private boolean[] marks(String text) {
        boolean[] marked = new boolean[text.length()];
        for (String term : terms) {
            int n = term.length();
            for (int i = 0; i + n <= text.length(); i++) {
                if (text.regionMatches(true, i, term, 0, n)) {
                    java.util.Arrays.fill(marked, i, i + n, true);
                    i += n - 1;
                }
            }
        }
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                java.util.Arrays.fill(marked, m.start(), m.end(), true);
                if (m.end() == m.start() && m.end() >= text.length()) {
                    break;
                }
            }
        }
        return marked;
    }
}
