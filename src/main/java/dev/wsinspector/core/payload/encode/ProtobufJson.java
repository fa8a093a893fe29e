package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;

/**
 * A JSON object read as a protobuf message of a given type, following the proto3 JSON mapping for what a person
 * types: fields by their proto name or JSON (lowerCamel) name, 64-bit integers as numbers or strings, enums by
 * name or number, bytes as base64, maps as objects, {@code null} as "not set". protobuf-java-util's JsonFormat would
 * add a dependency (and Gson) for this walk; well-known types are read as ordinary messages.
 */
final class ProtobufJson {

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final int MAX_DEPTH = 100;

    private ProtobufJson() {
    }

    static DynamicMessage message(Descriptor type, JsonNode json) throws EncodeException {
        return message(type, json, type.getName(), 0);
    }

    private static DynamicMessage message(Descriptor type, JsonNode json, String path, int depth) throws EncodeException {
        if (!json.isObject()) {
            throw new EncodeException(path + ": expected a JSON object for " + type.getFullName() + ", got "
                    + EncodeJson.kind(json));
        }
        if (depth > MAX_DEPTH) {
            throw new EncodeException(path + ": nested deeper than " + MAX_DEPTH);
        }
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            FieldDescriptor field = field(type, e.getKey());
            String at = path + "." + e.getKey();
            if (field == null) {
                throw new EncodeException(at + ": " + type.getFullName() + " has no field \"" + e.getKey()
                        + "\" (it has " + String.join(", ", type.getFields().stream().map(FieldDescriptor::getName).toList()) + ")");
            }
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue;
            }
            if (field.isMapField()) {
                mapField(builder, field, value, at, depth);
            } else if (field.isRepeated()) {
                if (!value.isArray()) {
                    throw new EncodeException(at + ": a repeated field takes a JSON array, got " + EncodeJson.kind(value));
                }
                int i = 0;
                for (JsonNode item : value) {
                    builder.addRepeatedField(field, value(field, item, at + "[" + i++ + "]", depth));
                }
            } else {
                if (field.getContainingOneof() != null && builder.hasOneof(field.getContainingOneof())) {
                    throw new EncodeException(at + ": only one field of oneof " + field.getContainingOneof().getName()
                            + " may be set");
                }
                builder.setField(field, value(field, value, at, depth));
            }
        }
        return builder.build();
    }

    private static FieldDescriptor field(Descriptor type, String name) {
        FieldDescriptor f = type.findFieldByName(name);
        if (f != null) {
            return f;
        }
        return type.getFields().stream().filter(d -> d.getJsonName().equals(name)).findFirst().orElse(null);
    }

    private static void mapField(DynamicMessage.Builder builder, FieldDescriptor field, JsonNode value, String at,
                                 int depth) throws EncodeException {
        if (!value.isObject()) {
            throw new EncodeException(at + ": a map field takes a JSON object, got " + EncodeJson.kind(value));
        }
        Descriptor entry = field.getMessageType();
        FieldDescriptor keyField = entry.findFieldByName("key");
        FieldDescriptor valueField = entry.findFieldByName("value");
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String itemPath = at + "[" + EncodeJson.quoted(e.getKey()) + "]";
            JsonNode key = keyField.getJavaType() == FieldDescriptor.JavaType.BOOLEAN
                    ? bool(e.getKey(), itemPath) : com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey());
            builder.addRepeatedField(field, DynamicMessage.newBuilder(entry)
                    .setField(keyField, value(keyField, key, itemPath, depth))
                    .setField(valueField, value(valueField, e.getValue(), itemPath, depth)).build());
        }
    }

    private static JsonNode bool(String key, String at) throws EncodeException {
        return switch (key) {
            case "true" -> com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
            case "false" -> com.fasterxml.jackson.databind.node.BooleanNode.FALSE;
            default -> throw new EncodeException(at + ": a bool map key is \"true\" or \"false\"");
        };
    }

    private static Object value(FieldDescriptor field, JsonNode v, String at, int depth) throws EncodeException {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> (int) integer(v, at, BigInteger.valueOf(Integer.MIN_VALUE),
                    BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
            case UINT32, FIXED32 -> (int) integer(v, at, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)).longValue();
            case INT64, SINT64, SFIXED64 -> integer(v, at, BigInteger.valueOf(Long.MIN_VALUE),
                    BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            case UINT64, FIXED64 -> integer(v, at, BigInteger.ZERO, UINT64_MAX).longValue();
            case DOUBLE -> floating(v, at);
            case FLOAT -> (float) floating(v, at);
            case BOOL -> {
                if (!v.isBoolean()) {
                    throw new EncodeException(at + ": expected true or false, got " + EncodeJson.kind(v));
                }
                yield v.booleanValue();
            }
            case STRING -> {
                if (!v.isTextual()) {
                    throw new EncodeException(at + ": expected a string, got " + EncodeJson.kind(v));
                }
                yield v.textValue();
            }
            case BYTES -> bytes(v, at);
            case ENUM -> enumValue(field, v, at);
            case MESSAGE, GROUP -> message(field.getMessageType(), v, at, depth + 1);
        };
    }

    private static BigInteger integer(JsonNode v, String at, BigInteger min, BigInteger max) throws EncodeException {
        BigInteger n;
        try {
            if (v.isIntegralNumber()) {
                n = v.bigIntegerValue();
            } else if (v.isNumber() || v.isTextual()) {
                n = (v.isNumber() ? v.decimalValue() : new BigDecimal(v.textValue().strip())).toBigIntegerExact();
            } else {
                throw new EncodeException(at + ": expected a whole number, got " + EncodeJson.kind(v));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new EncodeException(at + ": expected a whole number, got " + EncodeJson.compact(v));
        }
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            throw new EncodeException(at + ": " + n + " is out of range [" + min + ", " + max + "]");
        }
        return n;
    }

    private static double floating(JsonNode v, String at) throws EncodeException {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            switch (v.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(v.textValue().strip());
                    } catch (NumberFormatException e) {
                        // reported below
                    }
            }
        }
        throw new EncodeException(at + ": expected a number, got " + EncodeJson.compact(v));
    }

    private static ByteString bytes(JsonNode v, String at) throws EncodeException {
        if (!v.isTextual()) {
            throw new EncodeException(at + ": bytes are a base64 string, got " + EncodeJson.kind(v));
        }
        String s = v.textValue().strip();
        try {
            return ByteString.copyFrom(s.indexOf('-') >= 0 || s.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw new EncodeException(at + ": not base64: " + e.getMessage());
        }
    }

    private static EnumValueDescriptor enumValue(FieldDescriptor field, JsonNode v, String at) throws EncodeException {
        var type = field.getEnumType();
        EnumValueDescriptor found = null;
        if (v.isTextual()) {
            found = type.findValueByName(v.textValue());
        } else if (v.isIntegralNumber() && v.canConvertToInt()) {
            found = type.isClosed() ? type.findValueByNumber(v.intValue())
                    : type.findValueByNumberCreatingIfUnknown(v.intValue());
        }
        if (found == null) {
            throw new EncodeException(at + ": " + EncodeJson.compact(v) + " is not a value of " + type.getFullName()
                    + " (" + String.join(", ", type.getValues().stream().map(EnumValueDescriptor::getName).toList()) + ")");
        }
        return found;
    }
}
