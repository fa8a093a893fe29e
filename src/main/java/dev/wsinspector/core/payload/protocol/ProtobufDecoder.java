package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Protocol Buffers. With a schema in the hint ({@link ProtocolHint#protobufSchema()}, from a descriptor set) the
 * payload is parsed as that message type with protobuf-java's DynamicMessage and shown with its field names, as
 * protobuf's JSON mapping would (enums by name, 64-bit integers as strings, bytes as base64). Without one it is
 * read like {@code protoc --decode_raw} ({@link ProtobufWire}). Raw protobuf has no signature (almost any bytes
 * parse), so this decoder only reads payloads when forced or given a schema, never by content.
 */
public final class ProtobufDecoder implements ProtocolDecoder {

    static final String NAME = "Protocol Buffers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.PROTOBUF;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && (hint.protobufSchema().isPresent()
                || hint.subprotocolContains("protobuf")));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        if (!matchesHint(hint)) {
            return Optional.empty();
        }
        Optional<ProtobufSchema> schema = hint.protobufSchema();
        if (schema.isPresent()) {
            return Optional.of(typed(payload, schema.get()));
        }
        ProtobufWire.Result raw = ProtobufWire.read(payload);
        if (raw.problem() != null) {
            return Optional.of(Decoded.malformed(id(), NAME, raw.problem(), List.of()));
        }
        ObjectNode data = ProtocolJson.object().put("schema", "none");
        data.set("fields", raw.fields());
        int n = raw.fields().size();
        String summary = "protobuf message, " + n + (n == 1 ? " field" : " fields") + " (no schema)";
        List<Field> rows = new ArrayList<>();
        rows.add(new Field("Fields", Integer.toString(n)));
        rows.add(new Field("Schema", "none: field numbers and wire types only"));
        return Optional.of(Decoded.of(id(), NAME, summary, rows, raw.text(), false, data));
    }

    private Decoded typed(byte[] payload, ProtobufSchema schema) {
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(schema.descriptor(), payload);
        } catch (InvalidProtocolBufferException e) {
            return Decoded.malformed(id(), NAME, "not a " + schema.messageType() + ": "
                    + ProtocolJson.excerpt(String.valueOf(e.getMessage()), 120), List.of());
        }
        ObjectNode value = json(message, 0);
        ObjectNode data = ProtocolJson.object().put("type", schema.messageType());
        data.set("value", value);
        int unknown = message.getUnknownFields().asMap().size();
        if (unknown > 0) {
            data.put("unknownFields", unknown);
        }
        String summary = schema.descriptor().getName() + " " + ProtocolJson.compact(value, 160);
        List<Field> rows = new ArrayList<>();
        rows.add(new Field("Type", schema.messageType()));
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            rows.add(new Field(e.getKey(), ProtocolJson.text(e.getValue(), 200)));
        }
        if (unknown > 0) {
            rows.add(new Field("Unknown fields", Integer.toString(unknown)));
        }
        return Decoded.of(id(), NAME, summary, rows, ProtocolJson.pretty(value), true, data);
    }

    /** The message as protobuf's JSON mapping, field names as in the .proto. Nesting is bounded by the parser's. */
    private static ObjectNode json(Message message, int depth) {
        ObjectNode out = ProtocolJson.object();
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            if (f.isRepeated() && !f.isMapField()) {
                ArrayNode items = out.putArray(f.getName());
                for (Object item : (List<?>) e.getValue()) {
                    items.add(value(f, item, depth));
                }
            } else if (f.isMapField()) {
                ObjectNode map = out.putObject(f.getName());
                for (Object entry : (List<?>) e.getValue()) {
                    Message m = (Message) entry;
                    FieldDescriptor k = f.getMessageType().findFieldByNumber(1);
                    FieldDescriptor v = f.getMessageType().findFieldByNumber(2);
                    map.set(String.valueOf(m.getField(k)), value(v, m.getField(v), depth));
                }
            } else {
                out.set(f.getName(), value(f, e.getValue(), depth));
            }
        }
        return out;
    }

    private static JsonNode value(FieldDescriptor f, Object v, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (f.getJavaType()) {
            case MESSAGE -> json((Message) v, depth + 1);
            case ENUM -> nodes.textNode(((EnumValueDescriptor) v).getName());
            case BYTE_STRING -> nodes.textNode(java.util.Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
            case LONG -> nodes.textNode(v.toString()); // as protobuf's JSON mapping: 64-bit numbers do not fit a double
            case INT -> nodes.numberNode((Integer) v);
            case FLOAT -> nodes.numberNode((Float) v);
            case DOUBLE -> nodes.numberNode((Double) v);
            case BOOLEAN -> nodes.booleanNode((Boolean) v);
            case STRING -> nodes.textNode((String) v);
        };
    }
}
