package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * MQTT's data representations (MQTT 5 section 1.5, 2.2.2): big-endian integers, length-prefixed UTF-8 strings and
 * binary data, variable byte integers and the v5 property list. Reading past the end throws {@link Cut}, which
 * {@link MqttDecoder} turns into "malformed"; nothing here allocates more than the bytes it was given.
 */
final class MqttReader {

    /** The packet ended (or a field was invalid) where more was expected. */
    static final class Cut extends Exception {
        Cut(String what) {
            super(what, null, false, false);
        }
    }

    private final byte[] b;
    private int at;
    private final int end;

    MqttReader(byte[] b, int from, int end) {
        this.b = b;
        this.at = from;
        this.end = end;
    }

    boolean more() {
        return at < end;
    }

    int remaining() {
        return end - at;
    }

    int u8(String what) throws Cut {
        if (at >= end) {
            throw new Cut("cut off before the " + what);
        }
        return b[at++] & 0xFF;
    }

    int u16(String what) throws Cut {
        return u8(what) << 8 | u8(what);
    }

    long u32(String what) throws Cut {
        return (long) u16(what) << 16 | u16(what);
    }

    /** A variable byte integer: at most 4 bytes. */
    int varint(String what) throws Cut {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int x = u8(what);
            value |= (x & 0x7F) << (7 * i);
            if (x < 0x80) {
                return value;
            }
        }
        throw new Cut("the " + what + " is longer than 4 bytes");
    }

    byte[] binary(String what) throws Cut {
        int n = u16(what);
        if (n > end - at) {
            throw new Cut("the " + what + " runs past the end");
        }
        byte[] out = java.util.Arrays.copyOfRange(b, at, at + n);
        at += n;
        return out;
    }

    String string(String what) throws Cut {
        byte[] raw = binary(what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new Cut("the " + what + " is not UTF-8");
        }
    }

    byte[] rest() {
        byte[] out = java.util.Arrays.copyOfRange(b, at, end);
        at = end;
        return out;
    }

    private static final Map<Integer, String> PROPERTIES = Map.ofEntries(
            Map.entry(0x01, "payloadFormatIndicator"), Map.entry(0x02, "messageExpiryInterval"),
            Map.entry(0x03, "contentType"), Map.entry(0x08, "responseTopic"), Map.entry(0x09, "correlationData"),
            Map.entry(0x0B, "subscriptionIdentifier"), Map.entry(0x11, "sessionExpiryInterval"),
            Map.entry(0x12, "assignedClientIdentifier"), Map.entry(0x13, "serverKeepAlive"),
            Map.entry(0x15, "authenticationMethod"), Map.entry(0x16, "authenticationData"),
            Map.entry(0x17, "requestProblemInformation"), Map.entry(0x18, "willDelayInterval"),
            Map.entry(0x19, "requestResponseInformation"), Map.entry(0x1A, "responseInformation"),
            Map.entry(0x1C, "serverReference"), Map.entry(0x1F, "reasonString"), Map.entry(0x21, "receiveMaximum"),
            Map.entry(0x22, "topicAliasMaximum"), Map.entry(0x23, "topicAlias"), Map.entry(0x24, "maximumQoS"),
            Map.entry(0x25, "retainAvailable"), Map.entry(0x26, "userProperties"), Map.entry(0x27, "maximumPacketSize"),
            Map.entry(0x28, "wildcardSubscriptionAvailable"), Map.entry(0x29, "subscriptionIdentifierAvailable"),
            Map.entry(0x2A, "sharedSubscriptionAvailable"));

    /** A v5 property list (length, then identifier/value pairs), as a JSON object; user properties as a list. */
    ObjectNode properties() throws Cut {
        int length = varint("property length");
        if (length > end - at) {
            throw new Cut("the properties run past the end");
        }
        int stop = at + length;
        ObjectNode out = ProtocolJson.object();
        while (at < stop) {
            int id = varint("property identifier");
            String name = PROPERTIES.get(id);
            if (name == null) {
                throw new Cut("unknown property 0x" + Integer.toHexString(id));
            }
            switch (id) {
                case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> out.put(name, u8(name));
                case 0x02, 0x11, 0x18, 0x27 -> out.put(name, u32(name));
                case 0x13, 0x21, 0x22, 0x23 -> out.put(name, u16(name));
                case 0x0B -> out.put(name, varint(name));
                case 0x09, 0x16 -> out.put(name, HexFormat.of().formatHex(binary(name)));
                case 0x26 -> out.withArray(name).addObject().put(string("user property name"),
                        string("user property value"));
                default -> out.put(name, string(name));
            }
            if (at > stop) {
                throw new Cut("a property runs past the property length");
            }
        }
        return out;
    }
}
