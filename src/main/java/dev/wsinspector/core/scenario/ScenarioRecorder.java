package dev.wsinspector.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * <em>Save as test</em>: turns a recorded session (or a range of its frames) into a scenario. Sent messages become
 * {@code send} steps, received ones {@code expect} steps; pings, pongs and closes become {@code ping},
 * {@code expectPong}, {@code close} and {@code expectClose}. What changes from run to run is loosened and listed
 * for review: in a JSON message, a UUID, an ISO-8601 timestamp, or a number under a key that names an id, a
 * sequence or a time ({@code id}, {@code userId}, {@code req_id}, {@code seq}, {@code ts}, {@code createdAt}, …)
 * is left out of the matcher and captured into a variable instead; a later sent message holding that value sends
 * the variable. In plain text, UUIDs and timestamps become regex groups. Everything else is expected exactly.
 */
public final class ScenarioRecorder {

    /** One value the recorder did not expect exactly, and what it put in its place. */
    public record Loosening(long seq, String where, String original, String replacement, String why) {
    }

    /** The scenario as JSON text, ready to save, and the loosenings to show before saving. */
    public record Recorded(String json, List<Loosening> loosenings, int sends, int expects) {
    }

    /** A UUID anywhere in a text (the recorder's and the mock rule seeder's one rule for it). */
    public static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** An ISO-8601 timestamp anywhere in a text. */
    public static final Pattern ISO_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern ID_KEY = Pattern.compile(
            "(?i)(id|.*[a-z_-]id|.*_id|.*Id|uuid|guid|seq|.*seq|.*Seq|sequence|nonce|ts|time|timestamp|.*At|.*_at|"
                    + "created|updated|expires?|token|.*Token)");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_PATHS = 64;

    private final List<Loosening> loosenings = new ArrayList<>();
    private final Map<String, String> captured = new LinkedHashMap<>(); // value -> variable
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private int sends;
    private int expects;

    private ScenarioRecorder() {
    }

    /** The whole session as a scenario named {@code name}. */
    public static Recorded record(Session session, String name) {
        return record(session, name, 0, session.frames().size());
    }

    /** Frames {@code from} (inclusive) to {@code to} (exclusive) of {@code session} as a scenario. */
    public static Recorded record(Session session, String name, long from, long to) {
        return new ScenarioRecorder().build(session, name, from, Math.min(to, session.frames().size()));
    }

    private Recorded build(Session session, String name, long from, long to) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", Scenario.SCHEMA_VERSION);
        root.put("name", name);
        ObjectNode connection = root.putObject("connection");
        String url = session.opened().map(ConnectionEvent.Opened::url).orElse("ws://127.0.0.1/");
        connection.put("url", url);
        session.opened().flatMap(o -> o.handshake() == null ? java.util.Optional.empty() : o.handshake().subprotocol())
                .ifPresent(p -> connection.putArray("subprotocols").add(p));
        ArrayNode steps = root.putArray("steps");
        FrameStore store = session.frames();
        ByteArrayOutputStream[] partial = new ByteArrayOutputStream[2];
        long[] first = new long[2];
        boolean[] binary = new boolean[2];
        for (long seq = from; seq < to; seq++) {
            Frame f = store.get(seq);
            int d = f.direction() == Direction.OUT ? 0 : 1;
            Opcode op = f.opcode();
            if (op.isDataStart() || op == Opcode.CONTINUATION) {
                if (partial[d] == null) {
                    if (op == Opcode.CONTINUATION) {
                        continue; // the range starts inside a message
                    }
                    partial[d] = new ByteArrayOutputStream();
                    first[d] = seq;
                    binary[d] = op == Opcode.BINARY;
                }
                partial[d].writeBytes(f.payloadBytes());
                if (f.fin()) {
                    byte[] bytes = partial[d].toByteArray();
                    partial[d] = null;
                    steps.add(d == 0 ? send(bytes, binary[0]) : expect(first[1], bytes, binary[1]));
                }
            } else if (op == Opcode.PING && d == 0) {
                steps.addObject().put("ping", new String(f.payloadBytes(), StandardCharsets.UTF_8));
            } else if (op == Opcode.PONG && d == 1) {
                steps.addObject().put("expectPong", new String(f.payloadBytes(), StandardCharsets.UTF_8));
            } else if (op == Opcode.CLOSE) {
                byte[] p = f.payloadBytes();
                int code = p.length >= 2 ? ((p[0] & 0xFF) << 8) | (p[1] & 0xFF) : 1000;
                if (d == 0) {
                    steps.addObject().putObject("close").put("code", code < 1000 || code > 4999 ? 1000 : code);
                } else if (code >= 1000 && code <= 4999) {
                    steps.addObject().put("expectClose", code);
                } else {
                    steps.addObject().putNull("expectClose");
                }
            }
        }
        try {
            return new Recorded(JSON.writeValueAsString(root) + "\n", List.copyOf(loosenings), sends, expects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scenario", e);
        }
    }

    private ObjectNode send(byte[] bytes, boolean isBinary) {
        sends++;
        ObjectNode step = JSON.createObjectNode();
        String text = isBinary ? null : utf8(bytes);
        if (text == null) {
            step.putObject("send").put("base64", Base64.getEncoder().encodeToString(bytes));
            return step;
        }
        String escaped = Templates.escape(text);
        for (Map.Entry<String, String> c : captured.entrySet()) {
            if (c.getKey().length() >= 4 || c.getKey().matches("\\d+")) {
                escaped = replaceValue(escaped, c.getKey(), "{{" + c.getValue() + "}}");
            }
        }
        step.put("send", escaped);
        return step;
    }

    /** Replaces whole occurrences of {@code value} (not inside a longer number or word). */
    private static String replaceValue(String text, String value, String with) {
        return text.replaceAll("(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9])",
                java.util.regex.Matcher.quoteReplacement(with));
    }

    private ObjectNode expect(long seq, byte[] bytes, boolean isBinary) {
        expects++;
        ObjectNode step = JSON.createObjectNode();
        String text = isBinary ? null : utf8(bytes);
        if (text == null) {
            step.putObject("expect").put("binary", true);
            loosenings.add(new Loosening(seq, "message", bytes.length + " bytes", "any binary message",
                    "binary messages are matched by kind only"));
            return step;
        }
        JsonNode tree = parseJson(text);
        if (tree != null && (tree.isObject() || tree.isArray())) {
            ObjectNode match = step.putObject("expect").putObject("json");
            ObjectNode capture = JSON.createObjectNode();
            walk(seq, tree, "$", null, match, capture);
            if (match.isEmpty() && capture.isEmpty()) {
                step.set("expect", JSON.createObjectNode().put("text", Templates.escape(text)));
            }
            if (!capture.isEmpty()) {
                step.set("capture", capture);
            }
            return step;
        }
        return textExpect(seq, text, step);
    }

    private void walk(long seq, JsonNode node, String path, String key, ObjectNode match, ObjectNode capture) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                String child = k.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + k
                        : path + "['" + k.replace("'", "") + "']";
                walk(seq, e.getValue(), child, k, match, capture);
            }
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(seq, node.get(i), path + "[" + i + "]", key, match, capture);
            }
            return;
        }
        String why = volatility(node, key);
        if (why != null) {
            String value = JsonPaths.asVariable(node);
            String var = captured.computeIfAbsent(value, v -> name(key));
            capture.put(var, path);
            loosenings.add(new Loosening(seq, path, node.toString(), "captured as {{" + var + "}}", why));
        } else if (match.size() < MAX_PATHS) {
            match.set(path, node.isTextual() ? JSON.getNodeFactory().textNode(Templates.escape(node.asText())) : node);
        }
    }

    /**
     * Why a JSON scalar {@code node} under {@code key} (null in an array at the top) changes from run to run ("a
     * UUID", "an ISO-8601 timestamp", "a number under \"id\" …"), or null when it is expected to stay the same.
     * Also what {@code core.mock.RuleSeeder} loosens.
     */
    public static String volatility(JsonNode node, String key) {
        if (node.isTextual()) {
            String s = node.asText();
            if (UUID.matcher(s).matches()) {
                return "a UUID";
            }
            if (ISO_TIME.matcher(s).matches()) {
                return "an ISO-8601 timestamp";
            }
        }
        if (key != null && ID_KEY.matcher(key).matches() && (node.isNumber() || node.isTextual())) {
            return node.isNumber() ? "a number under \"" + key + "\" (an id, sequence or time)"
                    : "a value under \"" + key + "\" (an id, token or time)";
        }
        return null;
    }

    private String name(String key) {
        String base = key == null ? "value" : key.replaceAll("[^A-Za-z0-9_]", "_");
        if (base.isEmpty() || BuiltInNames.contains(base)) {
            base = "v_" + base;
        }
        int n = names.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + n;
    }

    private static final java.util.Set<String> BuiltInNames = java.util.Set.of("uuid", "timestamp", "isoTime",
            "counter", "randomInt");

    private ObjectNode textExpect(long seq, String text, ObjectNode step) {
        StringBuilder regex = new StringBuilder("^");
        java.util.regex.Matcher m = Pattern.compile(UUID.pattern() + "|" + ISO_TIME.pattern()).matcher(text);
        int at = 0;
        boolean loosened = false;
        while (m.find()) {
            regex.append(quote(text.substring(at, m.start())));
            String value = m.group();
            boolean uuid = UUID.matcher(value).matches();
            String var = captured.computeIfAbsent(value, v -> name(uuid ? "uuid" : "time"));
            if (var.matches("[A-Za-z][A-Za-z0-9]*")) {
                regex.append("(?<").append(var).append(">");
            } else {
                regex.append("(");
            }
            regex.append(uuid ? "[0-9a-fA-F-]{36}" : "\\d{4}-\\d{2}-\\d{2}[T ][0-9:.]+(?:Z|[+-][0-9:]+)?").append(")");
            loosenings.add(new Loosening(seq, "text", value, "captured as {{" + var + "}}",
                    uuid ? "a UUID" : "an ISO-8601 timestamp"));
            at = m.end();
            loosened = true;
        }
        if (!loosened) {
            step.put("expect", Templates.escape(text));
            return step;
        }
        regex.append(quote(text.substring(at))).append("$");
        step.putObject("expect").put("regex", regex.toString());
        return step;
    }

    /** {@code literal} with regex metacharacters escaped, readable (no \\Q…\\E); the mock rule seeder's too. */
    public static String quote(String literal) {
        StringBuilder b = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static JsonNode parseJson(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(t);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        return new Received(0, 0, false, bytes, 0).text();
    }
}
