package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * ClusterWS (clusterws-client-js): every message is {@code {"#":[kind, name, data]}} (v3; bare {@code [kind,
 * name, data]} in v4), kind {@code e} emit, {@code p} publish, {@code s} system ({@code s}ubscribe,
 * {@code u}nsubscribe, {@code c}onfiguration). Heartbeats: the server's {@code #0} answered {@code #1} (v3), or
 * the single bytes {@code 9} and {@code A} (v4), text or binary. With binary on, messages are the same JSON as
 * bytes in binary frames.
 *
 * <p>Without the hint (only a forced decoder: ClusterWS has no subprotocol or fixed path) only {@code {"#":[…]}}
 * with a known kind is claimed.
 */
public final class ClusterWsDecoder implements ProtocolDecoder {

    static final String NAME = "ClusterWS";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.CLUSTERWS;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this);
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        String s = new String(payload, StandardCharsets.UTF_8);
        String beat = switch (s) {
            case "#0", "9" -> "ping";
            case "#1", "A" -> "pong";
            default -> null;
        };
        if (beat != null) {
            return hinted ? Optional.of(Decoded.of(id(), NAME, beat + " (" + s + ")", ProtocolJson.object()
                    .put("packet", beat).put("raw", s), "", false)) : Optional.empty();
        }
        String trimmed = s.strip();
        if (!(trimmed.startsWith("{\"#\"") || (hinted && (trimmed.startsWith("{") || trimmed.startsWith("["))))) {
            return hinted ? Optional.of(malformed("not a ClusterWS message ({\"#\":[…]})")) : Optional.empty();
        }
        ProtocolJson.Parsed parsed = ProtocolJson.parse(s);
        if (!parsed.ok()) {
            return hinted ? Optional.of(malformed(parsed.error())) : Optional.empty();
        }
        JsonNode root = parsed.node();
        JsonNode array = root.isObject() && root.size() == 1 ? root.get("#") : hinted && root.isArray() ? root : null;
        if (array == null || !array.isArray() || array.size() < 2 || array.size() > 3 || !array.get(0).isTextual()
                || !array.get(1).isTextual()) {
            return hinted ? Optional.of(malformed("a message is {\"#\":[kind, name, data]}")) : Optional.empty();
        }
        String kind = array.get(0).asText();
        String name = array.get(1).asText();
        JsonNode data = array.size() > 2 ? array.get(2) : null;
        String packet = switch (kind) {
            case "e" -> "emit";
            case "p" -> "publish";
            case "s" -> switch (name) {
                case "s" -> "subscribe";
                case "u" -> "unsubscribe";
                case "c" -> "configuration";
                default -> null;
            };
            default -> null;
        };
        if (packet == null) {
            return hinted ? Optional.of(malformed("unknown kind \"" + ProtocolJson.excerpt(kind + " " + name, 40) + "\""))
                    : Optional.empty();
        }
        ObjectNode out = ProtocolJson.object().put("packet", packet);
        String summary;
        if (kind.equals("s")) {
            summary = packet + (data != null && data.isTextual() ? " " + ProtocolJson.excerpt(data.asText(), 80)
                    : data != null && data.isArray() ? " " + data.size() + " channels" : "");
        } else {
            out.put(kind.equals("e") ? "event" : "channel", name);
            summary = (kind.equals("e") ? "EVENT " : "PUBLISH ") + ProtocolJson.excerpt(name, 80);
        }
        if (data != null) {
            out.set("data", data);
        }
        return Optional.of(Decoded.of(id(), NAME, summary, out, data == null ? "" : ProtocolJson.pretty(data),
                data != null));
    }

    private Decoded malformed(String problem) {
        return Decoded.malformed(id(), NAME, problem, List.of());
    }
}
