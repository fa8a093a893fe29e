package dev.wsinspector.core.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.payload.protocol.Decoded;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Correlation keys read from a protocol decoder's message ({@link Decoded#data()}): JSON-RPC request id ↔
 * response id; Socket.IO {@code EVENT} with an ack id ↔ {@code ACK} (per namespace); SignalR invocation
 * {@code invocationId} ↔ {@code StreamItem}/{@code Completion}; graphql-ws {@code subscribe} id ↔
 * {@code next}/{@code error}/{@code complete}; SocketCluster {@code cid} ↔ {@code rid}; STOMP {@code receipt}
 * header ↔ {@code RECEIPT}/{@code ERROR} {@code receipt-id}; MQTT packet id: {@code PUBLISH} (QoS 1, 2) ↔
 * {@code PUBACK}/{@code PUBREC}, {@code PUBREL} ↔ {@code PUBCOMP}, {@code SUBSCRIBE} ↔ {@code SUBACK},
 * {@code UNSUBSCRIBE} ↔ {@code UNSUBACK}. Batches (JSON-RPC, SignalR records, SocketCluster) give one each.
 */
public final class ProtocolKeys implements CorrelationKeys {

    private final ProtocolDecoders decoders;
    private volatile ProtocolHint hint;

    public ProtocolKeys(ProtocolDecoders decoders, ProtocolHint hint) {
        this.decoders = Objects.requireNonNull(decoders, "decoders");
        this.hint = hint == null ? ProtocolHint.NONE : hint;
    }

    /** What the connection's open said (subprotocol, URL), for the messages after it. */
    public void hint(ProtocolHint hint) {
        this.hint = hint == null ? ProtocolHint.NONE : hint;
    }

    @Override
    public List<Correlation> of(Direction direction, byte[] payload, boolean text) {
        return decoders.decode(payload, text, hint).map(ProtocolKeys::of).orElse(List.of());
    }

    /** The correlations of a decoded message; none for a malformed one. */
    public static List<Correlation> of(Decoded decoded) {
        if (decoded.malformed()) {
            return List.of();
        }
        List<Correlation> out = new ArrayList<>(1);
        JsonNode data = decoded.data();
        switch (decoded.id()) {
            case JSON_RPC -> each(data, "messages", m -> jsonRpc(m, out));
            case SOCKET_IO -> socketIo(data, out);
            case SIGNALR -> each(data, "records", m -> signalR(m, out));
            case GRAPHQL_WS -> graphQl(data, out);
            case SOCKETCLUSTER -> each(data, "messages", m -> socketCluster(m, out));
            case STOMP -> stomp(data, out);
            case MQTT -> mqtt(data, out);
            default -> {
            }
        }
        return out;
    }

    private static void each(JsonNode data, String batch, java.util.function.Consumer<JsonNode> one) {
        JsonNode all = data.get(batch);
        if (all != null && all.isArray()) {
            all.forEach(one);
        } else {
            one.accept(data);
        }
    }

    /** Ids as text that keeps a string apart from a number: {@code 7} and {@code "7"} are different ids. */
    private static String id(JsonNode id) {
        if (id == null || id.isNull() || id.isMissingNode() || id.isContainerNode()) {
            return null;
        }
        return (id.isTextual() ? "s:" : "v:") + id.asText();
    }

    private static String text(JsonNode node, String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    private static void jsonRpc(JsonNode m, List<Correlation> out) {
        String id = id(m.get("id"));
        String kind = text(m, "kind");
        if (id == null) {
            return;
        }
        if (kind.equals("request")) {
            out.add(Correlation.request("rpc:" + id, text(m, "method")));
        } else if (kind.equals("response") || kind.equals("error")) {
            out.add(Correlation.reply("rpc:" + id));
        }
    }

    private static void socketIo(JsonNode m, List<Correlation> out) {
        String ack = id(m.get("ack"));
        if (ack == null) {
            return;
        }
        String key = "sio:" + text(m, "namespace") + "#" + ack;
        switch (text(m, "packet")) {
            case "EVENT", "BINARY_EVENT" -> out.add(Correlation.request(key, text(m, "event")));
            case "ACK", "BINARY_ACK" -> out.add(Correlation.reply(key));
            default -> {
            }
        }
    }

    private static void signalR(JsonNode m, List<Correlation> out) {
        String id = id(m.get("invocationId"));
        if (id == null) {
            return;
        }
        String key = "signalr:" + id;
        switch (text(m, "type")) {
            case "Invocation", "StreamInvocation" -> out.add(Correlation.request(key, text(m, "target")));
            case "StreamItem" -> out.add(Correlation.streamReply(key));
            case "Completion" -> out.add(Correlation.reply(key));
            default -> {
            }
        }
    }

    private static void graphQl(JsonNode m, List<Correlation> out) {
        String id = id(m.get("id"));
        if (id == null) {
            return;
        }
        String key = "gql:" + id;
        switch (text(m, "type")) {
            case "subscribe", "start" -> out.add(Correlation.request(key, operation(m.path("payload"))));
            case "next", "data" -> out.add(Correlation.streamReply(key));
            case "error", "complete" -> out.add(Correlation.reply(key));
            default -> {
            }
        }
    }

    /** The operation name, else the word after {@code query}/{@code mutation}/{@code subscription}, else the kind. */
    static String operation(JsonNode payload) {
        String name = text(payload, "operationName");
        if (!name.isEmpty()) {
            return name;
        }
        String query = text(payload, "query").strip();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^(query|mutation|subscription)\\s*([_A-Za-z][_0-9A-Za-z]*)?").matcher(query);
        if (m.find()) {
            return m.group(2) != null ? m.group(2) : m.group(1);
        }
        return query.startsWith("{") ? "query" : "";
    }

    private static void socketCluster(JsonNode m, List<Correlation> out) {
        String packet = text(m, "packet");
        if (packet.equals("event") && id(m.get("cid")) != null) {
            out.add(Correlation.request("sc:" + id(m.get("cid")), text(m, "event")));
        } else if (packet.equals("response") && id(m.get("rid")) != null) {
            out.add(Correlation.reply("sc:" + id(m.get("rid"))));
        }
    }

    private static void stomp(JsonNode m, List<Correlation> out) {
        JsonNode headers = m.path("headers");
        String command = text(m, "command");
        if ((command.equals("RECEIPT") || command.equals("ERROR")) && headers.has("receipt-id")) {
            out.add(Correlation.reply("stomp:" + text(headers, "receipt-id")));
        } else if (headers.has("receipt") && !command.equals("RECEIPT")) {
            String destination = text(headers, "destination");
            out.add(Correlation.request("stomp:" + text(headers, "receipt"), destination.isEmpty() ? command : destination));
        }
    }

    private static void mqtt(JsonNode m, List<Correlation> out) {
        if (!m.has("packetId")) {
            return;
        }
        String id = text(m, "packetId");
        switch (text(m, "packet")) {
            case "PUBLISH" -> {
                if (m.path("qos").asInt() > 0) {
                    out.add(Correlation.request("mqtt-pub:" + id, text(m, "topic")));
                }
            }
            case "PUBACK", "PUBREC" -> out.add(Correlation.reply("mqtt-pub:" + id));
            case "PUBREL" -> out.add(Correlation.request("mqtt-rel:" + id, "PUBREL"));
            case "PUBCOMP" -> out.add(Correlation.reply("mqtt-rel:" + id));
            case "SUBSCRIBE" -> out.add(Correlation.request("mqtt-sub:" + id,
                    text(m.path("subscriptions").path(0), "topic")));
            case "SUBACK" -> out.add(Correlation.reply("mqtt-sub:" + id));
            case "UNSUBSCRIBE" -> out.add(Correlation.request("mqtt-unsub:" + id, m.path("topics").path(0).asText("")));
            case "UNSUBACK" -> out.add(Correlation.reply("mqtt-unsub:" + id));
            default -> {
            }
        }
    }
}
