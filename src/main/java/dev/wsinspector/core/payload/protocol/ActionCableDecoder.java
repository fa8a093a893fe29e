package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rails Action Cable ({@code actioncable-v1-json}): the server sends {@code {"type":"welcome"}}, {@code
 * {"type":"ping","message":<epoch seconds>}}, {@code confirm_subscription} / {@code reject_subscription} with the
 * channel's identifier, {@code {"type":"disconnect","reason":…,"reconnect":…}} and broadcasts {@code
 * {"identifier":…,"message":…}}; the client sends {@code {"command":"subscribe"|"unsubscribe"|"message",
 * "identifier":…,"data":…}}. The identifier (and a message command's data) is JSON inside a JSON string; both are
 * read.
 *
 * <p>Without the hint (the subprotocol, a {@code /cable} URL or a forced decoder) only messages whose identifier
 * names a channel, and the server's typed messages with their members, are claimed.
 */
public final class ActionCableDecoder implements ProtocolDecoder {

    static final String NAME = "Action Cable";
    private static final Set<String> TYPES = Set.of("welcome", "ping", "confirm_subscription", "reject_subscription",
            "disconnect");
    private static final Set<String> COMMANDS = Set.of("subscribe", "unsubscribe", "message");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.ACTION_CABLE;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty()
                && (hint.subprotocolIs("actioncable-v1-json", "actioncable-unsupported") || hint.pathContains("/cable")));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!text) {
            return Optional.empty();
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        if (!hinted && !(s.contains("\"type\"") || s.contains("\"identifier\""))) {
            return Optional.empty();
        }
        ProtocolJson.Parsed parsed = ProtocolJson.parse(s);
        if (!parsed.ok() || !parsed.node().isObject()) {
            return hinted ? Optional.of(malformed(parsed.ok() ? "not a JSON object" : parsed.error())) : Optional.empty();
        }
        JsonNode node = parsed.node();
        ObjectNode out = ProtocolJson.object();
        JsonNode identifier = node.get("identifier");
        String channel = "";
        if (identifier != null) {
            JsonNode id = identifier.isTextual() ? ProtocolJson.parse(identifier.asText()).node() : null;
            if (id == null || !id.path("channel").isTextual()) {
                if (!hinted) {
                    return Optional.empty();
                }
            } else {
                channel = id.get("channel").asText();
                out.put("channel", channel);
            }
            out.set("identifier", identifier);
        }
        JsonNode type = node.get("type");
        JsonNode command = node.get("command");
        String summary;
        if (type != null && type.isTextual()) {
            String t = type.asText();
            if (!hinted && !claimable(t, node, channel)) {
                return Optional.empty();
            }
            if (!TYPES.contains(t)) {
                return Optional.of(malformed("unknown type \"" + ProtocolJson.excerpt(t, 40) + "\""));
            }
            out.put("type", t);
            summary = t;
            if (t.equals("ping") && node.has("message")) {
                out.set("message", node.get("message"));
                summary += " " + node.get("message").asText();
            } else if (t.equals("disconnect")) {
                node.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
                summary += node.path("reason").isTextual() ? " (" + ProtocolJson.excerpt(node.get("reason").asText(), 60) + ")" : "";
            }
            summary += channel.isEmpty() ? "" : " " + channel;
            return Optional.of(Decoded.of(id(), NAME, summary, out, "", false));
        }
        if (command != null && command.isTextual()) {
            String c = command.asText();
            if (!COMMANDS.contains(c) || identifier == null) {
                return hinted ? Optional.of(malformed("a command is subscribe, unsubscribe or message, with an identifier"))
                        : Optional.empty();
            }
            out.put("command", c);
            summary = c + " " + (channel.isEmpty() ? "?" : channel);
            JsonNode data = node.get("data");
            JsonNode body = null;
            if (data != null) {
                JsonNode inner = data.isTextual() ? ProtocolJson.parse(data.asText()).node() : null;
                body = inner != null ? inner : data;
                out.set("data", body);
                if (body.path("action").isTextual()) {
                    out.put("action", body.get("action").asText());
                    summary += " " + ProtocolJson.excerpt(body.get("action").asText(), 60);
                }
            }
            return Optional.of(Decoded.of(id(), NAME, summary, out, body == null ? "" : ProtocolJson.pretty(body),
                    body != null));
        }
        if (identifier != null && node.has("message") && (node.size() == 2 || hinted)) {
            out.set("message", node.get("message"));
            return Optional.of(Decoded.of(id(), NAME, "message " + (channel.isEmpty() ? "?" : channel), out,
                    ProtocolJson.pretty(node.get("message")), true));
        }
        return hinted ? Optional.of(malformed("neither a typed message, a command nor a broadcast")) : Optional.empty();
    }

    private Decoded malformed(String problem) {
        return Decoded.malformed(id(), NAME, problem, List.of());
    }

    /** Without the hint: the server's messages with exactly their members. */
    private static boolean claimable(String type, JsonNode node, String channel) {
        return switch (type) {
            case "welcome" -> node.size() == 1 || (node.size() == 2 && node.has("sid"));
            case "ping" -> node.size() == 2 && node.path("message").isIntegralNumber();
            case "confirm_subscription", "reject_subscription" -> node.size() == 2 && !channel.isEmpty();
            case "disconnect" -> node.path("reason").isTextual() && node.has("reconnect");
            default -> false;
        };
    }
}
