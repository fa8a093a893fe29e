package dev.wsinspector.core.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.TemplateException;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.scenario.JsonPaths;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server's reply templates: {@code core.replay.Templates} ({@code {{name}}} of the profile's variables and
 * of a rule's regex named groups, {@code {{client}}} the client's number, {@code {{now}}} the ISO time, the
 * built-ins {@code {{uuid}} {{counter}} {{timestamp}} {{isoTime}} {{randomInt}}}; {@code {{counter}}} counts the
 * replies to that client), plus {@code {{$.path}}}: a value of the received message read as JSON (a string as
 * its text, anything else as JSON). In a JSON reply, a string that is only {@code "{{$.path}}"} becomes the value
 * itself, quotes and all, so {@code {"id": "{{$.id}}"}} answers {@code 7} with {@code 7} and {@code "a"} with
 * {@code "a"}. A path that is not in the message (or a message that is no JSON) gives {@code null} there and an empty
 * text elsewhere.
 */
public final class MockTemplates {

    private static final Pattern PATH = Pattern.compile("\\{\\{\\s*(\\$[^}\\s]*)\\s*}}");
    private static final Pattern QUOTED_PATH = Pattern.compile("\"\\{\\{\\s*(\\$[^}\\s]*)\\s*}}\"");

    private MockTemplates() {
    }

    /** Throws {@link TemplateException} for a template that cannot resolve (a bad path, a broken {@code {{}). */
    public static void check(String template) {
        Matcher m = PATH.matcher(template);
        while (m.find()) {
            try {
                JsonPaths.parse(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new TemplateException(e.getMessage());
            }
        }
        Templates.referencedNames(PATH.matcher(template).replaceAll("x"));
    }

    /** True when {@code template} refers to anything (so it can only be checked as JSON or hex once resolved). */
    public static boolean hasReferences(String template) {
        return PATH.matcher(template).find() || !Templates.referencedNames(template).isEmpty();
    }

    /**
     * Resolves {@code template} for one reply.
     *
     * @param json      the received message as JSON, or null
     * @param variables the profile's variables, the rule's captures, {@code client}, {@code now}
     * @param jsonReply true for a JSON reply (a quoted path is replaced by the value with its quotes)
     */
    public static String render(String template, JsonNode json, Map<String, String> variables, BuiltIns builtIns,
                                boolean jsonReply) {
        return render(template, json, variables, builtIns, jsonReply, true);
    }

    /** As {@link #render(String, JsonNode, Map, BuiltIns, boolean)}; {@code count} false leaves the counter as it is. */
    public static String render(String template, JsonNode json, Map<String, String> variables, BuiltIns builtIns,
                                boolean jsonReply, boolean count) {
        String s = template;
        if (s.contains("{{$")) {
            if (jsonReply) {
                s = replace(QUOTED_PATH, s, json, true);
            }
            s = replace(PATH, s, json, false);
        }
        Templates templates = new Templates(variables, builtIns);
        return count ? templates.resolveMessage(s) : templates.resolve(s);
    }

    private static String replace(Pattern p, String s, JsonNode json, boolean asJson) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            JsonNode value = json == null ? null : JsonPaths.find(json, m.group(1));
            String text = asJson ? (value == null ? "null" : value.toString())
                    : (value == null || value.isNull() ? "" : JsonPaths.asVariable(value));
            m.appendReplacement(out, Matcher.quoteReplacement(Templates.escape(text)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
