package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SocketCluster's protocol (v1 and v2, socketcluster-client): events {@code {"event":…,"data":…,"cid":N}} (system
 * events start with {@code #}: {@code #handshake}, {@code #publish}, {@code #subscribe}, {@code #unsubscribe},
 * {@code #setAuthToken}, {@code #removeAuthToken}, {@code #disconnect}, …), responses {@code {"rid":N,"data":…}}
 * or {@code {"rid":N,"error":…}}, batches as a JSON array of those, and pings: {@code #1} answered {@code #2} in
 * v1, the empty string both ways in v2.
 *
 * <p>Without the hint (a {@code /socketcluster} URL or a forced decoder) only {@code #} events and objects whose
 * keys are exactly SocketCluster's are claimed; the pings, being next to nothing, need the hint.
 */
public final class SocketClusterDecoder implements ProtocolDecoder {

    static final String NAME = "SocketCluster";
    private static final Set<String> EVENT_KEYS = Set.of("event", "data", "cid");
    private static final Set<String> RESPONSE_KEYS = Set.of("rid", "data", "error");
    private static final int MAX_BATCH = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.SOCKETCLUSTER;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && hint.pathContains("/socketcluster"));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!text) {
            return Optional.empty();
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        if (s.isEmpty() || s.equals("#1") || s.equals("#2")) {
            if (!hinted) {
                return Optional.empty();
            }
            String what = s.isEmpty() ? "ping/pong (v2)" : s.equals("#1") ? "ping (v1)" : "pong (v1)";
            return Optional.of(Decoded.of(id(), NAME, what, ProtocolJson.object().put("packet", s.isEmpty() ? "heartbeat"
                    : s.equals("#1") ? "ping" : "pong").put("version", s.isEmpty() ? 2 : 1), "", false));
        }
        String trimmed = s.strip();
        if (!hinted && (!(trimmed.startsWith("{") || trimmed.startsWith("["))
                || !(s.contains("\"event\"") || s.contains("\"rid\"")))) {
            return Optional.empty(); // cheap: ordinary JSON is not parsed a second time
        }
        ProtocolJson.Parsed parsed = ProtocolJson.parse(s);
        if (!parsed.ok()) {
            return hinted ? Optional.of(malformed(parsed.error())) : Optional.empty();
        }
        JsonNode root = parsed.node();
        if (root.isArray()) {
            return batch(root, hinted);
        }
        Msg m = message(root, hinted);
        if (m == null) {
            return Optional.empty();
        }
        if (m.problem != null) {
            return Optional.of(malformed(m.problem));
        }
        return Optional.of(Decoded.of(id(), NAME, m.summary, m.data, m.body, m.body.startsWith("{")
                || m.body.startsWith("[")));
    }

    private Decoded malformed(String problem) {
        return Decoded.malformed(id(), NAME, problem, List.of());
    }

    private Optional<Decoded> batch(JsonNode root, boolean hinted) {
        if (root.isEmpty()) {
            return hinted ? Optional.of(malformed("empty batch")) : Optional.empty();
        }
        ObjectNode data = ProtocolJson.object().put("packet", "batch");
        var all = data.putArray("messages");
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Messages", Integer.toString(root.size())));
        String first = "";
        for (int i = 0; i < root.size(); i++) {
            Msg m = message(root.get(i), hinted);
            if (m == null || (m.problem != null && !hinted)) {
                return Optional.empty();
            }
            all.add(m.problem != null ? ProtocolJson.object().put("malformed", m.problem) : m.data);
            String shown = m.problem != null ? "malformed: " + m.problem : m.summary;
            if (i == 0) {
                first = shown;
            }
            if (i < MAX_BATCH) {
                fields.add(new Field("[" + i + "]", shown));
            }
        }
        return Optional.of(Decoded.of(id(), NAME, "batch of " + root.size() + ": " + first
                + (root.size() > 1 ? ", …" : ""), fields, ProtocolJson.pretty(root), true, data));
    }

    /** One message; null when it is not SocketCluster and the decoder is not hinted. */
    private record Msg(String summary, ObjectNode data, String body, String problem) {
        static Msg bad(String problem) {
            return new Msg("", null, "", problem);
        }
    }

    private static Msg message(JsonNode node, boolean hinted) {
        if (!node.isObject()) {
            return hinted ? Msg.bad("a message must be a JSON object, not " + ProtocolJson.shape(node)) : null;
        }
        List<String> keys = new ArrayList<>();
        node.properties().forEach(e -> keys.add(e.getKey()));
        JsonNode event = node.get("event");
        JsonNode rid = node.get("rid");
        JsonNode cid = node.get("cid");
        JsonNode data = node.get("data");
        if (event != null && event.isTextual() && EVENT_KEYS.containsAll(keys)) {
            String name = event.asText();
            if (!hinted && !name.startsWith("#") && !(cid != null && cid.isIntegralNumber())) {
                return null; // {"event":…,"data":…} alone is how many apps talk
            }
            if (cid != null && !cid.isIntegralNumber()) {
                return hinted ? Msg.bad("cid must be an integer") : null;
            }
            ObjectNode out = ProtocolJson.object().put("packet", "event").put("event", name);
            if (cid != null) {
                out.set("cid", cid);
            }
            String summary = name;
            if ((name.equals("#publish") || name.equals("#subscribe") || name.equals("#unsubscribe")) && data != null) {
                JsonNode channel = data.isTextual() ? data : data.get("channel");
                if (channel != null && channel.isTextual()) {
                    out.put("channel", channel.asText());
                    summary += " " + ProtocolJson.excerpt(channel.asText(), 80);
                }
                if (name.equals("#publish") && data.has("data")) {
                    data = data.get("data");
                }
            } else if (!name.startsWith("#")) {
                summary = "EVENT " + ProtocolJson.excerpt(name, 80);
            }
            if (data != null) {
                out.set("data", data);
            }
            summary += cid == null ? "" : " (cid " + cid.asText() + ")";
            return new Msg(summary, out, data == null ? "" : ProtocolJson.pretty(data), null);
        }
        if (rid != null && RESPONSE_KEYS.containsAll(keys)) {
            if (!rid.isIntegralNumber()) {
                return hinted ? Msg.bad("rid must be an integer") : null;
            }
            ObjectNode out = ProtocolJson.object().put("packet", "response");
            out.set("rid", rid);
            JsonNode error = node.get("error");
            String summary = "response rid " + rid.asText();
            if (error != null && !error.isNull()) {
                out.set("error", error);
                summary += " error: " + (error.path("message").isTextual() ? ProtocolJson.excerpt(error.get("message").asText(), 80)
                        : ProtocolJson.compact(error, 80));
            } else if (data != null && data.isObject() && data.has("pingTimeout")) {
                summary = "handshake response rid " + rid.asText() + (data.path("id").isTextual()
                        ? " id " + data.get("id").asText() : "");
            }
            if (data != null) {
                out.set("data", data);
            }
            return new Msg(summary, out, data == null ? "" : ProtocolJson.pretty(data), null);
        }
        if (!hinted) {
            return null;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!EVENT_KEYS.contains(e.getKey()) && !RESPONSE_KEYS.contains(e.getKey())) {
                return Msg.bad("unexpected member \"" + ProtocolJson.excerpt(e.getKey(), 40) + "\"");
            }
        }
        return Msg.bad("neither an event (\"event\") nor a response (\"rid\")");
    }
}
