package dev.wsinspector.core.replay;

import dev.wsinspector.core.profile.ConnectionProfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves {@code {{name}}} in URLs, headers and messages.
 *
 * <p>Names: letters, digits, {@code _ . -}; spaces inside the braces are allowed ({@code {{ token }}}).
 * Values come from the profile's variables, overridden by the chosen environment's; the built-ins
 * {@code {{uuid}} {{timestamp}}} (epoch ms) {@code {{isoTime}} {{counter}} {{randomInt}}} (0..1000) are used
 * when no variable of that name exists (a variable called {@code counter} wins). Values are inserted as they
 * are: a value containing {@code {{x}}} is not resolved again, so there are no cycles.
 *
 * <p>{@code {{counter}}} counts messages per connection: {@link #resolveMessage} increments it once per
 * message (every {@code {{counter}}} in one message gets the same value, the first message gets 1);
 * {@link #resolve} (URL, headers) and {@link #preview} use the value without counting.
 *
 * <p>Escaping: {@code \{{} is a literal {@code {{}. Backslashes count only right before {@code {{}: an odd
 * run keeps half of them (rounded down) and makes the braces literal, an even run keeps half and the variable
 * still resolves ({@code \\{{x}}} gives a backslash and x's value). Backslashes elsewhere stay as they are, so
 * JSON escapes like {@code \n} are untouched. Any other {@code {{} that does not start a well-formed
 * {@code {{name}}} is an error, not literal text, so a typo never goes out silently.
 *
 * <p>An unknown name is an {@link UnknownVariablesException} listing every unknown name of the template.
 */
public final class Templates {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final Map<String, String> variables;
    private final BuiltIns builtIns;

    public Templates(Map<String, String> variables, BuiltIns builtIns) {
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.builtIns = builtIns;
    }

    /**
     * The profile's variables with {@code environment} applied (null or empty: none).
     *
     * @throws IllegalArgumentException for an environment the profile does not have
     */
    public static Templates forProfile(ConnectionProfile profile, String environment, BuiltIns builtIns) {
        return new Templates(profile.variablesFor(environment), builtIns);
    }

    public Map<String, String> variables() {
        return variables;
    }

    public BuiltIns builtIns() {
        return builtIns;
    }

    /** For a URL or header: resolves without counting a message. */
    public String resolve(String template) {
        return render(template, builtIns.counter());
    }

    /** For a message about to be sent: counts it, then resolves. Nothing is counted when it fails. */
    public String resolveMessage(String template) {
        check(template);
        return render(template, builtIns.nextCounter());
    }

    /** What {@link #resolveMessage} would send now, without counting (for the composer's preview). */
    public String preview(String template) {
        return render(template, builtIns.counter() + 1);
    }

    /** Throws what resolving would throw (syntax error, unknown variables), without producing anything. */
    public void check(String template) {
        List<String> unknown = new ArrayList<>();
        scan(template, null, 0, unknown);
        if (!unknown.isEmpty()) {
            throw new UnknownVariablesException(unknown);
        }
    }

    /** Names used in {@code template} that are neither variables nor built-ins, in order of first use. */
    public List<String> unknownVariables(String template) {
        List<String> unknown = new ArrayList<>();
        scan(template, null, 0, unknown);
        return unknown;
    }

    /** Every name used in {@code template}, known or not (throws on a syntax error). */
    public static Set<String> referencedNames(String template) {
        Set<String> names = new LinkedHashSet<>();
        new Templates(Map.of(), null).scan(template, null, 0, null, names);
        return names;
    }

    /** {@code text} with every {@code {{} escaped, so it resolves to itself. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            int k = 0;
            while (i + k < text.length() && text.charAt(i + k) == '\\') {
                k++;
            }
            if (text.startsWith("{{", i + k)) {
                // k backslashes and "{{" must come back: 2k+1 backslashes make an odd run that keeps k.
                sb.append("\\".repeat(2 * k + 1)).append("{{");
                i += k + 2;
            } else if (k > 0) {
                sb.append("\\".repeat(k));
                i += k;
            } else {
                sb.append(text.charAt(i++));
            }
        }
        return sb.toString();
    }

    private String render(String template, long counter) {
        StringBuilder out = new StringBuilder(template.length());
        List<String> unknown = new ArrayList<>();
        scan(template, out, counter, unknown);
        if (!unknown.isEmpty()) {
            throw new UnknownVariablesException(unknown);
        }
        return out.toString();
    }

    private void scan(String s, StringBuilder out, long counter, List<String> unknown) {
        scan(s, out, counter, unknown, null);
    }

    /** One pass over the template: appends the result to {@code out} (if given), collects names. */
    private void scan(String s, StringBuilder out, long counter, List<String> unknown, Set<String> all) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                int k = 0;
                while (i + k < s.length() && s.charAt(i + k) == '\\') {
                    k++;
                }
                boolean beforeBraces = s.startsWith("{{", i + k);
                append(out, "\\".repeat(beforeBraces ? k / 2 : k));
                i += k;
                if (beforeBraces && k % 2 == 1) {
                    append(out, "{{");
                    i += 2;
                }
                continue;
            }
            if (c == '{' && s.startsWith("{{", i)) {
                int end = s.indexOf("}}", i + 2);
                String name = end < 0 ? null : s.substring(i + 2, end).strip();
                if (name == null || !NAME.matcher(name).matches()) {
                    throw new TemplateException("'{{' at position " + (i + 1) + " does not start a {{name}}"
                            + " (write \\{{ for a literal '{{')");
                }
                if (all != null) {
                    all.add(name);
                }
                String value = lookup(name, counter, out != null);
                if (value == null) {
                    if (unknown != null && !unknown.contains(name)) {
                        unknown.add(name);
                    }
                } else {
                    append(out, value);
                }
                i = end + 2;
                continue;
            }
            if (out != null) {
                out.append(c);
            }
            i++;
        }
    }

    /** Null when unknown; built-ins are only evaluated when output is wanted (a uuid costs randomness). */
    private String lookup(String name, long counter, boolean evaluate) {
        String value = variables.get(name);
        if (value != null) {
            return value;
        }
        if (builtIns != null && BuiltIns.isBuiltIn(name)) {
            return evaluate ? builtIns.value(name, counter) : "";
        }
        return null;
    }

    private static void append(StringBuilder out, String s) {
        if (out != null) {
            out.append(s);
        }
    }
}
