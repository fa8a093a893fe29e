package dev.wsinspector.core.payload.protocol;

import dev.wsinspector.core.payload.DetailFields;

import java.util.List;
import java.util.Objects;

/**
 * A payload read as a sub-protocol message.
 *
 * @param protocol e.g. {@code Socket.IO}, {@code JSON-RPC 2.0}, {@code STOMP 1.2}, {@code GraphQL over WebSocket}
 * @param summary  one line, e.g. {@code EVENT "chat message" (ack 12) on /admin}
 * @param fields   name/value rows in protocol order (packet type, namespace, id, method, headers…)
 * @param body     the message body (pretty-printed when it is JSON), empty when there is none
 * @param jsonBody true when {@code body} is JSON, to be highlighted as such
 * @param problem  why the payload is not a valid message of the protocol, empty when it is
 */
public record Decoded(String protocol, String summary, List<DetailFields.Field> fields, String body,
                      boolean jsonBody, String problem) {

    public Decoded {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(summary, "summary");
        fields = List.copyOf(fields);
        body = body == null ? "" : body;
        problem = problem == null ? "" : problem;
    }

    public static Decoded of(String protocol, String summary, List<DetailFields.Field> fields, String body,
                             boolean jsonBody) {
        return new Decoded(protocol, summary, fields, body, jsonBody, "");
    }

    /** A payload of the protocol that could not be read; {@code fields} holds what was read before the problem. */
    public static Decoded malformed(String protocol, String problem, List<DetailFields.Field> fields) {
        return new Decoded(protocol, "malformed: " + problem, fields, "", false, problem);
    }

    public boolean malformed() {
        return !problem.isEmpty();
    }

    /** The value of the first field called {@code name}, or null. */
    public String field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(DetailFields.Field::value).findFirst().orElse(null);
    }
}
