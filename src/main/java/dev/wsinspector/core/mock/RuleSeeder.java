package dev.wsinspector.core.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.scenario.Matcher;
import dev.wsinspector.core.scenario.ScenarioRecorder;
import dev.wsinspector.core.session.Session;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mock rules seeded from a recorded session: each message the client sent becomes a rule that matches it, replying
 * with the messages the server sent until the client's next message (what the server sent before the client's
 * first message becomes the on-connect sends). What changes from run to run is loosened by the same rule as
 * <em>Save as test</em> ({@link ScenarioRecorder#volatility}): in a JSON request, a UUID, a timestamp or a value
 * under an id-like key is left out of the JSON-path matcher; in a text request, UUIDs and timestamps become regex
 * groups. A reply that echoes such a value gets a template in its place ({@code {{$.id}}}, or the regex group's
 * name), and a UUID or timestamp of the reply's own becomes a fresh one ({@code {{uuid}}}, {@code {{isoTime}}}).
 * A request whose matcher repeats an earlier one is left out (first match wins: it could never reply) and said so.
 * Pure: no I/O, no threads.
 */
public final class RuleSeeder {

    /** Template of a fresh UUID in a reply. */
    public static final String FRESH_UUID = "{{uuid}}";
    /** Template of the time of replying in a reply. */
    public static final String FRESH_TIME = "{{isoTime}}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PATHS = 16;
    private static final int MAX_PREFIX = 64;

    /** What a seeded rule matches. */
    public sealed interface When {
    }

    /** The whole text, exactly. */
    public record Text(String text) implements When {
    }

    /** A regex over the whole text; named groups become reply variables. */
    public record Regex(String pattern) implements When {
    }

    /** Every JSON path (in the order of the request) equals its value; empty: any JSON message. */
    public record JsonPaths(Map<String, JsonNode> equal) implements When {
        public JsonPaths {
            equal = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(equal));
        }
    }

    /** A binary message starting with these bytes (hex). */
    public record BinaryPrefix(String hex) implements When {
    }

    /** One message to send back: a template in {@code mode} (TEXT, JSON, or BASE64 for binary). */
    public record Reply(MessageMode mode, String template, long observedSeq) {
        public MockReply toMockReply() {
            return new MockReply(mode, template, null, null, 0, MockReply.Target.SENDER);
        }
    }

    /** One seeded rule: the request it came from, what it matches, its replies, and what was loosened. */
    public record Seeded(long requestSeq, When when, List<Reply> replies, List<String> loosened) {
        public Seeded {
            replies = List.copyOf(replies);
            loosened = List.copyOf(loosened);
        }
    }

    /** The rules in the session's order, the on-connect sends, and notes for review (requests left out, …). */
    public record Seeds(List<Seeded> rules, List<Reply> onConnect, List<String> notes) {
        public Seeds {
            rules = List.copyOf(rules);
            onConnect = List.copyOf(onConnect);
            notes = List.copyOf(notes);
        }
    }

    /** {@code seeds} as mock rules, in order (first match wins, as in the session). */
    public static List<MockRule> rules(Seeds seeds) {
        List<MockRule> out = new ArrayList<>();
        for (Seeded s : seeds.rules()) {
            byte[] prefix = null;
            Matcher when;
            if (s.when() instanceof Text t) {
                when = new Matcher(Templates.escape(t.text()), null, null, null, null, null, null, null, false);
            } else if (s.when() instanceof Regex r) {
                when = new Matcher(null, null, Pattern.compile(r.pattern()), null, null, null, null, null, false);
            } else if (s.when() instanceof JsonPaths j) {
                when = new Matcher(null, null, j.equal().isEmpty() ? Pattern.compile("^\\s*[\\[{]") : null,
                        escaped(j.equal()), null, null, null, null, false);
            } else {
                prefix = HexFormat.of().parseHex(((BinaryPrefix) s.when()).hex());
                when = new Matcher(null, null, null, null, null, null, null, null, true);
            }
            out.add(new MockRule("from #" + s.requestSeq(), when, prefix,
                    s.replies().stream().map(Reply::toMockReply).toList(), false, null, List.of()));
        }
        return out;
    }

    /** String values hold no variables in a seeded matcher: their braces are escaped. */
    private static Map<String, JsonNode> escaped(Map<String, JsonNode> equal) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        equal.forEach((k, v) -> out.put(k, v.isTextual() ? JSON.getNodeFactory().textNode(Templates.escape(v.asText())) : v));
        return out;
    }

    /** A whole data message of one direction, reassembled from its frames. */
    private record Message(long seq, Direction dir, boolean binary, byte[] bytes) {
    }

    private RuleSeeder() {
    }

    /**
     * A whole server profile seeded from {@code frames}, a client's capture: {@link #seed}'s rules and on-connect
     * sends, nothing else set (the CLI's and the tests' way; the app's tab shows the seeds for review first).
     */
    public static MockProfile profile(String name, dev.wsinspector.core.frame.FrameStore frames) {
        Seeds seeds = seed(new Session(frames));
        return new MockProfile(name, 0, List.of(), null,
                seeds.onConnect().stream().map(Reply::toMockReply).toList(), List.of(), null, false, List.of(),
                rules(seeds), Map.of());
    }

    /** Seeds rules from every frame of {@code session}. */
    public static Seeds seed(Session session) {
        List<Message> messages = messages(session.frames());
        List<Seeded> rules = new ArrayList<>();
        List<Reply> onConnect = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<When> seen = new LinkedHashSet<>();
        Request current = null;
        for (Message m : messages) {
            if (m.dir() == Direction.OUT) {
                if (current != null) {
                    finish(current, rules, seen, notes);
                }
                current = request(m);
            } else if (current == null) {
                onConnect.add(reply(m, null));
            } else {
                current.replies.add(reply(m, current));
            }
        }
        if (current != null) {
            finish(current, rules, seen, notes);
        }
        return new Seeds(rules, onConnect, notes);
    }

    /** A request being seeded: its matcher, the values a reply may echo (value → template), its replies. */
    private static final class Request {
        final long seq;
        When when;
        final Map<String, String> echoes = new LinkedHashMap<>();
        final List<Reply> replies = new ArrayList<>();
        final List<String> loosened = new ArrayList<>();

        Request(long seq) {
            this.seq = seq;
        }
    }

    private static void finish(Request r, List<Seeded> rules, Set<When> seen, List<String> notes) {
        if (!seen.add(r.when)) {
            notes.add("message #" + r.seq + " matches like an earlier one: left out (the first rule answers it)");
            return;
        }
        rules.add(new Seeded(r.seq, r.when, r.replies, r.loosened));
    }

    private static Request request(Message m) {
        Request r = new Request(m.seq());
        String text = m.binary() ? null : utf8(m.bytes());
        if (text == null) {
            byte[] prefix = Arrays.copyOf(m.bytes(), Math.min(MAX_PREFIX, m.bytes().length));
            r.when = new BinaryPrefix(HexFormat.of().formatHex(prefix));
            if (prefix.length < m.bytes().length) {
                r.loosened.add("binary: the first " + MAX_PREFIX + " of " + m.bytes().length + " bytes");
            }
            return r;
        }
        JsonNode tree = parseJson(text);
        if (tree != null && (tree.isObject() || tree.isArray())) {
            Map<String, JsonNode> equal = new LinkedHashMap<>();
            walkRequest(tree, "$", null, equal, r);
            r.when = new JsonPaths(equal);
            return r;
        }
        r.when = textMatcher(text, r);
        return r;
    }

    private static void walkRequest(JsonNode node, String path, String key, Map<String, JsonNode> equal, Request r) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walkRequest(e.getValue(), child(path, e.getKey()), e.getKey(), equal, r);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkRequest(node.get(i), path + "[" + i + "]", key, equal, r);
            }
        } else {
            String why = ScenarioRecorder.volatility(node, key);
            if (why != null) {
                r.echoes.putIfAbsent(node.asText(), "{{" + path + "}}");
                r.loosened.add(path + " " + node + ": any value (" + why + ")");
            } else if (equal.size() < MAX_PATHS) {
                equal.put(path, node);
            } else {
                r.loosened.add(path + ": not matched (only the first " + MAX_PATHS + " values are)");
            }
        }
    }

    private static String child(String path, String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + key : path + "['" + key.replace("'", "") + "']";
    }

    private static final Pattern VOLATILE_TEXT = Pattern.compile(
            ScenarioRecorder.UUID.pattern() + "|" + ScenarioRecorder.ISO_TIME.pattern());

    private static When textMatcher(String text, Request r) {
        java.util.regex.Matcher m = VOLATILE_TEXT.matcher(text);
        StringBuilder regex = new StringBuilder("^");
        int at = 0;
        int groups = 0;
        while (m.find()) {
            regex.append(ScenarioRecorder.quote(text.substring(at, m.start())));
            boolean uuid = ScenarioRecorder.UUID.matcher(m.group()).matches();
            String name = "g" + (++groups);
            regex.append("(?<").append(name).append(">")
                    .append(uuid ? "[0-9a-fA-F-]{36}" : "\\d{4}-\\d{2}-\\d{2}[T ][0-9:.]+(?:Z|[+-][0-9:]+)?")
                    .append(")");
            r.echoes.putIfAbsent(m.group(), "{{" + name + "}}");
            r.loosened.add("text " + m.group() + ": any " + (uuid ? "UUID" : "timestamp") + " ({{" + name + "}})");
            at = m.end();
        }
        if (groups == 0) {
            return new Text(text);
        }
        return new Regex(regex.append(ScenarioRecorder.quote(text.substring(at))).append("$").toString());
    }

    private static Reply reply(Message m, Request request) {
        String text = m.binary() ? null : utf8(m.bytes());
        if (text == null) {
            return new Reply(MessageMode.BASE64, java.util.Base64.getEncoder().encodeToString(m.bytes()), m.seq());
        }
        Map<String, String> echoes = request == null ? Map.of() : request.echoes;
        JsonNode tree = parseJson(text);
        if (tree != null && (tree.isObject() || tree.isArray())) {
            List<String> templates = new ArrayList<>();
            JsonNode marked = markReply(tree, null, echoes, templates);
            if (templates.isEmpty()) {
                return new Reply(MessageMode.JSON, Templates.escape(text), m.seq());
            }
            String json;
            try {
                json = Templates.escape(JSON.writeValueAsString(marked));
            } catch (JsonProcessingException e) {
                return new Reply(MessageMode.JSON, Templates.escape(text), m.seq());
            }
            for (int i = 0; i < templates.size(); i++) {
                // "{{$.id}}" alone in a string: the request's value goes in with its own type (MockTemplates).
                json = json.replace(marker(i), templates.get(i));
            }
            return new Reply(MessageMode.JSON, json, m.seq());
        }
        return new Reply(MessageMode.TEXT, textReply(text, echoes), m.seq());
    }

    /**
     * A copy of {@code node} whose echoed or fresh values are markers (strings); {@code templates} gets what each
     * marker stands for.
     */
    private static JsonNode markReply(JsonNode node, String key, Map<String, String> echoes, List<String> templates) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(),
                    markReply(e.getValue(), e.getKey(), echoes, templates)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(v -> copy.add(markReply(v, key, echoes, templates)));
            return copy;
        }
        if (!node.isValueNode() || node.isNull() || node.isBoolean()) {
            return node;
        }
        String value = node.asText();
        // A string is echoed wherever it is; a number only where it is id-like too (not a count that happens to be 7).
        String template = node.isTextual() || ScenarioRecorder.volatility(node, key) != null ? echoes.get(value) : null;
        if (template == null && node.isTextual()) {
            if (ScenarioRecorder.UUID.matcher(value).matches()) {
                template = FRESH_UUID;
            } else if (ScenarioRecorder.ISO_TIME.matcher(value).matches()) {
                template = FRESH_TIME;
            }
        }
        if (template == null) {
            return node;
        }
        templates.add(template);
        return JSON.getNodeFactory().textNode(marker(templates.size() - 1));
    }

    private static String marker(int i) {
        return "@@wsi-seed-" + i + "@@";
    }

    private static String textReply(String text, Map<String, String> echoes) {
        java.util.regex.Matcher m = VOLATILE_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            out.append(Templates.escape(text.substring(at, m.start())));
            String echoed = echoes.get(m.group());
            boolean uuid = ScenarioRecorder.UUID.matcher(m.group()).matches();
            out.append(echoed != null ? echoed : uuid ? FRESH_UUID : FRESH_TIME);
            at = m.end();
        }
        return out.append(Templates.escape(text.substring(at))).toString();
    }

    private static List<Message> messages(FrameStore store) {
        List<Message> out = new ArrayList<>();
        ByteArrayOutputStream[] partial = new ByteArrayOutputStream[2];
        long[] first = new long[2];
        boolean[] binary = new boolean[2];
        long size = store.size();
        for (long seq = 0; seq < size; seq++) {
            Frame f = store.get(seq);
            int d = f.direction() == Direction.OUT ? 0 : 1;
            Opcode op = f.opcode();
            if (!op.isDataStart() && op != Opcode.CONTINUATION) {
                continue;
            }
            if (partial[d] == null) {
                if (op == Opcode.CONTINUATION) {
                    continue;
                }
                partial[d] = new ByteArrayOutputStream();
                first[d] = seq;
                binary[d] = op == Opcode.BINARY;
            }
            partial[d].writeBytes(f.payloadBytes());
            if (f.fin()) {
                out.add(new Message(first[d], f.direction(), binary[d], partial[d].toByteArray()));
                partial[d] = null;
            }
        }
        return out;
    }

    private static JsonNode parseJson(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            return JSON.readTree(t);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
