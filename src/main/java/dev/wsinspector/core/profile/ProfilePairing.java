package dev.wsinspector.core.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A profile's {@code "pairing"} setting: {@code {"request": "$.id", "reply": "$.replyTo", "method": "$.type",
 * "timeoutSeconds": 10}}, every member optional. It is kept in the profile's {@link UnknownFields} (so the editor,
 * which does not show it yet, writes it back unchanged) and read here.
 *
 * @param request        JSON path of a sent message's id, null for the protocol's ids
 * @param reply          JSON path of the id a received message answers, null for the protocol's ids
 * @param method         JSON path of a request's method, null for none
 * @param timeoutSeconds how long a request waits for its reply, negative for the default
 */
public record ProfilePairing(String request, String reply, String method, double timeoutSeconds) {

    public static final ProfilePairing NONE = new ProfilePairing(null, null, null, -1);

    /** @throws ProfileFormatException when {@code "pairing"} is there but not an object of strings and a number */
    public static ProfilePairing of(ConnectionProfile profile) throws ProfileFormatException {
        JsonNode node = profile.unknown().get("pairing");
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            throw new ProfileFormatException("\"pairing\" must be an object like {\"request\": \"$.id\", \"reply\": \"$.id\"}");
        }
        JsonNode timeout = node.get("timeoutSeconds");
        if (timeout != null && (!timeout.isNumber() || timeout.asDouble() < 0)) {
            throw new ProfileFormatException("\"pairing\": \"timeoutSeconds\" must be a number, 0 or more");
        }
        return new ProfilePairing(text(node, "request"), text(node, "reply"), text(node, "method"),
                timeout == null ? -1 : timeout.asDouble());
    }

    private static String text(JsonNode node, String member) throws ProfileFormatException {
        JsonNode v = node.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ProfileFormatException("\"pairing\": \"" + member + "\" must be a JSON path in a string");
        }
        return v.asText();
    }
}
