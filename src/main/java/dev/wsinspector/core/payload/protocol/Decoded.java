package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A payload read as a sub-protocol message, in two shapes: rows for people (the Protocol view's table, the
 * timeline's summary) and a JSON object for scripts (the JSONL {@code "decoded"} member, {@link #toJson()}).
 *
 * @param id       the protocol's machine name, e.g. {@link ProtocolId#SOCKET_IO}
 * @param protocol the display name, possibly more precise than the id's ({@code STOMP 1.2}, {@code Engine.IO})
 * @param summary  one line for a list (made so: control characters become spaces, cut at 300), e.g. {@code EVENT "chat message" (ack 12) on /admin}, {@code RPC add #7}
 * @param fields   name/value rows in protocol order (packet type, namespace, id, method, headers…)
 * @param body     the message body (pretty-printed when it is JSON), empty when there is none
 * @param jsonBody true when {@code body} is JSON, to be highlighted as such
 * @param problem  why the payload is not a valid message of the protocol, empty when it is
 * @param data     the decoded members for scripts (see {@link #toJson()}), without {@code protocol}, {@code summary}
 *                 or {@code malformed}; never shared
 */
public record Decoded(ProtocolId id, String protocol, String summary, List<DetailFields.Field> fields, String body,
                      boolean jsonBody, String problem, ObjectNode data) {

    public Decoded {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        summary = oneLine(Objects.requireNonNull(summary, "summary"));
        fields = List.copyOf(fields);
        body = body == null ? "" : body;
        problem = problem == null ? "" : problem;
        data = data == null ? JsonNodeFactory.instance.objectNode() : data.deepCopy();
    }

    /** A message with rows for people written by the decoder, and {@code data} for scripts. */
    public static Decoded of(ProtocolId id, String protocol, String summary, List<DetailFields.Field> fields,
                             String body, boolean jsonBody, ObjectNode data) {
        return new Decoded(id, protocol, summary, fields, body, jsonBody, "", data);
    }

    /**
     * A message whose rows are its {@code data}'s members, named for people ({@code invocationId} → {@code
     * Invocation id}), values cut to one line.
     */
    public static Decoded of(ProtocolId id, String protocol, String summary, ObjectNode data, String body,
                             boolean jsonBody) {
        return new Decoded(id, protocol, summary, rows(data), body, jsonBody, "", data);
    }

    /** A payload of the protocol that could not be read; {@code fields} holds what was read before the problem. */
    public static Decoded malformed(ProtocolId id, String protocol, String problem, List<DetailFields.Field> fields) {
        return new Decoded(id, protocol, "malformed: " + problem, fields, "", false, problem, null);
    }

    public boolean malformed() {
        return !problem.isEmpty();
    }

    /** A copy: the record stays immutable. */
    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }

    /**
     * The message for a JSON line: {@code {"protocol":"socket.io","summary":…,"packet":"EVENT","event":…,
     * "args":[…]}}, and {@code "malformed": problem} for a payload of the protocol that could not be read.
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("protocol", id.id());
        node.put("summary", summary);
        if (malformed()) {
            node.put("malformed", problem);
        }
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            if (!node.has(e.getKey())) { // the envelope's members win over a decoder's same-named one
                node.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return node;
    }

    /** The value of the first field called {@code name}, or null. */
    public String field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(DetailFields.Field::value).findFirst().orElse(null);
    }

    private static final int MAX_ROW_VALUE = 200;
    private static final int MAX_SUMMARY = 300;

    /** A list shows one line: control characters (a hostile payload's line breaks) become spaces, long text is cut. */
    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SUMMARY));
        for (int i = 0; i < s.length() && out.length() < MAX_SUMMARY; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        if (out.length() < s.length()) {
            out.setLength(MAX_SUMMARY - 1);
            out.append('…');
        }
        return out.toString();
    }

    /** One row per member: scalars as text, containers as compact JSON. */
    static List<DetailFields.Field> rows(ObjectNode data) {
        List<DetailFields.Field> rows = new ArrayList<>();
        if (data == null) {
            return rows;
        }
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            rows.add(new DetailFields.Field(label(e.getKey()), ProtocolJson.text(e.getValue(), MAX_ROW_VALUE)));
        }
        return rows;
    }

    /** {@code invocationId} → {@code Invocation id}. */
    static String label(String key) {
        StringBuilder s = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (i == 0) {
                s.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c) && Character.isLowerCase(key.charAt(i - 1))) {
                s.append(' ').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
