package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Protobuf's wire format without a schema, the way {@code protoc --decode_raw} reads it: each field is a number
 * and a wire type (varint, 64-bit, length-delimited, 32-bit; groups are refused as protoc 3 does). A
 * length-delimited field is guessed to be a string when its bytes are printable UTF-8 on one line, else a nested
 * message when they parse completely as one (to {@link #MAX_DEPTH}), else a string when they are UTF-8 text with line
 * breaks, else bytes (protoc tries the message first; short words like {@code hi} parse as one, text rarely means
 * a message). Varints also show their
 * zigzag reading (sint32/sint64), fixed fields their float/double reading. In JSON each field is {@code
 * {"field":n, <kind>:value}} with kind {@code varint}, {@code fixed64}, {@code fixed32}, {@code message},
 * {@code string} or {@code bytes} (hex). Work is linear in the input per level
 * and the levels are bounded, so hostile bytes stay cheap.
 */
final class ProtobufWire {

    static final int MAX_DEPTH = 8;
    private static final int MAX_FIELDS = 10_000;

    /** The fields as JSON, the decode_raw text, or why the bytes are not a message. */
    record Result(ArrayNode fields, String text, String problem) {
    }

    private ProtobufWire() {
    }

    static Result read(byte[] payload) {
        StringBuilder text = new StringBuilder();
        int[] budget = {MAX_FIELDS};
        String problem = parse(payload, 0, payload.length, 0, null, null, budget);
        if (problem != null) {
            return new Result(null, "", problem);
        }
        ArrayNode fields = JsonNodeFactory.instance.arrayNode();
        budget[0] = MAX_FIELDS;
        parse(payload, 0, payload.length, 0, fields, text, budget);
        return new Result(fields, ProtocolJson.cut(text.toString()), null);
    }

    /**
     * Reads {@code b[from, to)} as fields, into {@code out}/{@code text} when given (null: only checks).
     *
     * @return null when every byte belongs to a field, else the problem
     */
    private static String parse(byte[] b, int from, int to, int depth, ArrayNode out, StringBuilder text, int[] budget) {
        int i = from;
        String indent = "  ".repeat(depth);
        while (i < to) {
            if (--budget[0] < 0) {
                return "more than " + MAX_FIELDS + " fields";
            }
            long[] key = varint(b, i, to);
            if (key == null) {
                return "cut-off field key at byte " + i;
            }
            i = (int) key[1];
            long number = key[0] >>> 3;
            int wire = (int) (key[0] & 7);
            if (number < 1 || number > 536_870_911L) {
                return "field number " + number + " at byte " + i;
            }
            ObjectNode field = out == null ? null : out.addObject().put("field", number);
            switch (wire) {
                case 0 -> {
                    long[] v = varint(b, i, to);
                    if (v == null) {
                        return "cut-off varint in field " + number;
                    }
                    i = (int) v[1];
                    if (field != null) {
                        long zigzag = (v[0] >>> 1) ^ -(v[0] & 1);
                        field.put("varint", Long.toUnsignedString(v[0]));
                        if (zigzag != v[0]) {
                            field.put("zigzag", zigzag);
                        }
                        text.append(indent).append(number).append(": ").append(Long.toUnsignedString(v[0]))
                                .append(zigzag != v[0] && zigzag != 0 ? "  (zigzag " + zigzag + ")" : "").append('\n');
                    }
                }
                case 1, 5 -> {
                    int size = wire == 1 ? 8 : 4;
                    if (to - i < size) {
                        return "cut-off " + (size * 8) + "-bit value in field " + number;
                    }
                    if (field != null) {
                        ByteBuffer buf = ByteBuffer.wrap(b, i, size).order(ByteOrder.LITTLE_ENDIAN);
                        String fixed = wire == 1 ? "0x" + String.format("%016x", buf.getLong(i))
                                : "0x" + String.format("%08x", buf.getInt(i));
                        String real = wire == 1 ? Double.toString(buf.getDouble(i)) : Float.toString(buf.getFloat(i));
                        field.put(wire == 1 ? "fixed64" : "fixed32", fixed).put(wire == 1 ? "double" : "float", real);
                        text.append(indent).append(number).append(": ").append(fixed).append("  (").append(real)
                                .append(")\n");
                    }
                    i += size;
                }
                case 2 -> {
                    long[] len = varint(b, i, to);
                    if (len == null || len[0] < 0 || len[0] > to - len[1]) {
                        return "length-delimited field " + number + " runs past the end";
                    }
                    int start = (int) len[1];
                    int end = start + (int) len[0];
                    if (field != null) {
                        int[] probe = {budget[0]};
                        String line = utf8(b, start, end, false);
                        if (line == null && end > start && depth + 1 < MAX_DEPTH
                                && parse(b, start, end, depth + 1, null, null, probe) == null) {
                            text.append(indent).append(number).append(" {\n");
                            parse(b, start, end, depth + 1, field.putArray("message"), text, budget);
                            text.append(indent).append("}\n");
                        } else {
                            String s = line != null ? line : utf8(b, start, end, true);
                            if (s != null) {
                                field.put("string", s);
                                text.append(indent).append(number).append(": \"").append(escape(s)).append("\"\n");
                            } else {
                                String hex = BinaryJson.hex(b, start, end, 4096);
                                field.put("bytes", hex);
                                text.append(indent).append(number).append(": 0x").append(hex).append('\n');
                            }
                        }
                    }
                    i = end;
                }
                default -> {
                    return "wire type " + wire + " (groups or invalid) in field " + number;
                }
            }
        }
        return null;
    }

    /** {value, next index}, or null when cut off or over 10 bytes. */
    private static long[] varint(byte[] b, int i, int to) {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (i >= to) {
                return null;
            }
            byte x = b[i++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return new long[]{v, i};
            }
        }
        return null;
    }

    /** The bytes as text when they are valid UTF-8 without control characters (but line breaks and tabs if allowed). */
    private static String utf8(byte[] b, int from, int to, boolean whitespace) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from)).toString();
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if ((c < 0x20 || c == 0x7F) && !(whitespace && (c == '\n' || c == '\r' || c == '\t'))) {
                    return null;
                }
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
