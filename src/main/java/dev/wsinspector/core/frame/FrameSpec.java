package dev.wsinspector.core.frame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A frame as someone who builds servers wants to send it, whatever RFC 6455 says: any opcode (reserved ones too),
 * FIN and RSV1-3 as given, masked with a random or a given key or not at all, a length field that may lie, and
 * optionally split into {@code fragments} frames with a control frame {@code between} each two. {@link #encode}
 * gives the exact wire bytes; nothing here checks the protocol, that is the point. {@link #parse} reads the
 * short form that {@code connect --send-frame} and the composer share (see {@link #SYNTAX}).
 *
 * <p>Pure and small on purpose: the CLI, the composer's Frame mode, and later the conformance run and a mock
 * server's fault injection all build their broken frames here, and tests can encode what a raw server expects.
 *
 * @param opcode      0-15
 * @param mask        how the payload is masked
 * @param payload     the payload bytes (before masking)
 * @param lengthField the payload length written in the header, or {@link #TRUE_LENGTH}; a different value lies
 *                    (the bytes that follow are still {@code payload})
 * @param fragments   1 for one frame; more splits the payload: the first frame carries the opcode and RSV bits,
 *                    continuation frames follow, and {@code fin} applies to the last one only
 * @param between     opcode of an empty control frame sent between two fragments, or {@link #NONE}
 */
public record FrameSpec(int opcode, boolean fin, boolean rsv1, boolean rsv2, boolean rsv3, Mask mask, byte[] payload,
                        long lengthField, int fragments, int between) {

    /** {@link #lengthField} that tells the truth. */
    public static final long TRUE_LENGTH = -1;
    /** {@link #between}: nothing between the fragments. */
    public static final int NONE = -1;
    /** Most fragments one spec may ask for; enough for any test, and bounds what a typo can send. */
    public static final int MAX_FRAGMENTS = 10_000;

    /** The SPEC syntax, for help texts. */
    public static final String SYNTAX = "key=value pairs separated by commas: op=text|binary|cont|close|ping|pong|0-15"
            + " (default text, binary with hex=), fin=1|0, rsv1=0|1, rsv2=0|1, rsv3=0|1,"
            + " mask=on|off|KEY (on: a random key, as a client must; KEY: 8 hex digits), len=N (the length field;"
            + " differs from the payload to lie), fragments=N (split into N frames: continuations follow, fin= is the"
            + " last one's), between=ping|pong|OPCODE (an empty control frame between fragments), code=N (a close"
            + " code in front of the payload), and last the payload: text=… or hex=… (takes the rest of the SPEC,"
            + " commas included)";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> KEYS = List.of("op", "fin", "rsv1", "rsv2", "rsv3", "mask", "len", "fragments",
            "between", "code", "text", "hex");

    /** How a frame's payload is masked. */
    public record Mask(Kind kind, int key) {

        public enum Kind { NONE, RANDOM, KEY }

        /** Unmasked (as a server sends; from a client, a protocol error). */
        public static final Mask NONE = new Mask(Kind.NONE, 0);
        /** A fresh random key per frame, as RFC 6455 wants from a client. */
        public static final Mask RANDOM = new Mask(Kind.RANDOM, 0);

        public Mask {
            if (kind == null) {
                throw new IllegalArgumentException("mask kind is required");
            }
            key = kind == Kind.KEY ? key : 0;
        }

        /** This exact 32-bit key, big-endian as on the wire. */
        public static Mask key(int key) {
            return new Mask(Kind.KEY, key);
        }

        public boolean masked() {
            return kind != Kind.NONE;
        }

        /** The SPEC form: on, off or eight hex digits. */
        public String spec() {
            return switch (kind) {
                case NONE -> "off";
                case RANDOM -> "on";
                case KEY -> String.format(Locale.ROOT, "%08x", key);
            };
        }
    }

    /** Thrown by {@link #parse} and the constructor; the message is one line that names the bad part. */
    public static final class SpecException extends IllegalArgumentException {
        public SpecException(String message) {
            super(message);
        }
    }

    public FrameSpec {
        if (opcode < 0 || opcode > 15) {
            throw new SpecException("op=" + opcode + ": an opcode is 0-15");
        }
        if (mask == null) {
            throw new SpecException("mask is required");
        }
        payload = payload == null ? new byte[0] : payload.clone();
        if (lengthField < TRUE_LENGTH) {
            throw new SpecException("len=" + lengthField + ": a length is 0 or more");
        }
        if (fragments < 1 || fragments > MAX_FRAGMENTS) {
            throw new SpecException("fragments=" + fragments + ": 1 to " + MAX_FRAGMENTS);
        }
        if (between < NONE || between > 15) {
            throw new SpecException("between=" + between + ": an opcode is 0-15");
        }
        if (fragments > 1 && lengthField != TRUE_LENGTH) {
            throw new SpecException("len= and fragments= do not go together: give each frame its own SPEC");
        }
    }

    /** One final frame with {@code opcode} and {@code payload}, masked with a random key: what a client sends. */
    public static FrameSpec of(Opcode opcode, byte[] payload) {
        return new FrameSpec(opcode.code(), true, false, false, false, Mask.RANDOM, payload, TRUE_LENGTH, 1, NONE);
    }

    /** A text frame of {@code text} in UTF-8. */
    public static FrameSpec text(String text) {
        return of(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public FrameSpec withFin(boolean value) {
        return new FrameSpec(opcode, value, rsv1, rsv2, rsv3, mask, payload, lengthField, fragments, between);
    }

    public FrameSpec withRsv(boolean one, boolean two, boolean three) {
        return new FrameSpec(opcode, fin, one, two, three, mask, payload, lengthField, fragments, between);
    }

    public FrameSpec withMask(Mask value) {
        return new FrameSpec(opcode, fin, rsv1, rsv2, rsv3, value, payload, lengthField, fragments, between);
    }

    public FrameSpec withLengthField(long value) {
        return new FrameSpec(opcode, fin, rsv1, rsv2, rsv3, mask, payload, value, fragments, between);
    }

    public FrameSpec withFragments(int count, int betweenOpcode) {
        return new FrameSpec(opcode, fin, rsv1, rsv2, rsv3, mask, payload, lengthField, count, betweenOpcode);
    }

    /** The frames this spec stands for, in wire order: itself, or its fragments with the control frames between. */
    public List<FrameSpec> frames() {
        if (fragments == 1) {
            return List.of(this);
        }
        FrameSpec control = between == NONE ? null
                : new FrameSpec(between, true, false, false, false, mask, new byte[0], TRUE_LENGTH, 1, NONE);
        return fragment(withFragments(1, NONE), fragments, control);
    }

    /**
     * Splits one frame's payload into {@code n} frames: the first keeps the opcode and RSV bits, the others are
     * continuations (opcode 0) without RSV bits, FIN is set on none but the last, which takes {@code message}'s
     * FIN; {@code between} (may be null) goes between each two. Sizes differ by at most one byte.
     */
    public static List<FrameSpec> fragment(FrameSpec message, int n, FrameSpec between) {
        if (n < 1 || n > MAX_FRAGMENTS) {
            throw new SpecException("fragments=" + n + ": 1 to " + MAX_FRAGMENTS);
        }
        byte[] all = message.payload;
        List<FrameSpec> out = new ArrayList<>(between == null ? n : 2 * n - 1);
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) all.length * i / n);
            int to = (int) ((long) all.length * (i + 1) / n);
            boolean first = i == 0;
            boolean last = i == n - 1;
            out.add(new FrameSpec(first ? message.opcode : Opcode.CONTINUATION.code(), last && message.fin,
                    first && message.rsv1, first && message.rsv2, first && message.rsv3, message.mask,
                    Arrays.copyOfRange(all, from, to), n == 1 ? message.lengthField : TRUE_LENGTH, 1, NONE));
            if (!last && between != null) {
                out.addAll(between.frames());
            }
        }
        return out;
    }

    /** The wire bytes of every frame, one array per frame; random mask keys from a secure source. */
    public List<byte[]> encodeFrames() {
        return encodeFrames(RANDOM);
    }

    public List<byte[]> encodeFrames(RandomGenerator random) {
        List<FrameSpec> frames = frames();
        List<byte[]> out = new ArrayList<>(frames.size());
        for (FrameSpec f : frames) {
            out.add(f.encodeOne(random));
        }
        return out;
    }

    /** All the wire bytes, the frames one after the other. */
    public byte[] encode() {
        return encode(RANDOM);
    }

    public byte[] encode(RandomGenerator random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : encodeFrames(random)) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private byte[] encodeOne(RandomGenerator random) {
        long length = lengthField == TRUE_LENGTH ? payload.length : lengthField;
        int extended = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        boolean masked = mask.masked();
        byte[] wire = new byte[2 + extended + (masked ? 4 : 0) + payload.length];
        wire[0] = (byte) ((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | (rsv2 ? 0x20 : 0) | (rsv3 ? 0x10 : 0) | opcode);
        int len7 = extended == 0 ? (int) length : extended == 2 ? 126 : 127;
        wire[1] = (byte) ((masked ? 0x80 : 0) | len7);
        int at = 2;
        for (int i = extended - 1; i >= 0; i--) {
            wire[at++] = (byte) (length >>> (8 * i));
        }
        if (masked) {
            int key = mask.kind() == Mask.Kind.KEY ? mask.key() : random.nextInt();
            for (int i = 3; i >= 0; i--) {
                wire[at++] = (byte) (key >>> (8 * i));
            }
            System.arraycopy(payload, 0, wire, at, payload.length);
            WireHeaderParser.unmask(wire, at, payload.length, key, 0); // masking is its own inverse
        } else {
            System.arraycopy(payload, 0, wire, at, payload.length);
        }
        return wire;
    }

    /**
     * Reads the SPEC syntax ({@link #SYNTAX}), e.g. {@code opcode=1,fin=0,rsv1=1,mask=off,len=200,text=hello} or
     * {@code op=ping,hex=0102}.
     *
     * @throws SpecException naming the part that is wrong
     */
    public static FrameSpec parse(String spec) {
        String rest = spec == null ? "" : spec.strip();
        Integer op = null;
        boolean fin = true;
        boolean[] rsv = new boolean[3];
        Mask mask = Mask.RANDOM;
        long length = TRUE_LENGTH;
        int fragments = 1;
        int between = NONE;
        Integer code = null;
        byte[] payload = new byte[0];
        boolean hexPayload = false;
        Set<String> seen = new HashSet<>();
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            int comma = rest.indexOf(',');
            if (eq < 0 || (comma >= 0 && comma < eq)) {
                String part = comma < 0 ? rest : rest.substring(0, comma);
                throw new SpecException("'" + part.strip() + "': expected key=value (keys: " + String.join(", ", KEYS) + ")");
            }
            String key = rest.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (key.equals("opcode")) {
                key = "op";
            } else if (key.equals("frag")) {
                key = "fragments";
            }
            if (key.equals("text") || key.equals("hex")) {
                String value = rest.substring(eq + 1);
                if (!seen.add("payload")) {
                    throw new SpecException("'" + key + "=': give the payload once, as text= or hex=");
                }
                hexPayload = key.equals("hex");
                payload = hexPayload ? hex(value) : value.getBytes(StandardCharsets.UTF_8);
                break; // the payload takes the rest, commas included
            }
            String value = (comma < 0 ? rest.substring(eq + 1) : rest.substring(eq + 1, comma)).strip();
            String part = key + "=" + value;
            rest = comma < 0 ? "" : rest.substring(comma + 1).strip();
            if (!KEYS.contains(key)) {
                throw new SpecException("'" + part + "': unknown key (keys: " + String.join(", ", KEYS) + ")");
            }
            if (!seen.add(key)) {
                throw new SpecException("'" + part + "': " + key + " is given twice");
            }
            switch (key) {
                case "op" -> op = opcode(part, value);
                case "fin" -> fin = bool(part, value);
                case "rsv1" -> rsv[0] = bool(part, value);
                case "rsv2" -> rsv[1] = bool(part, value);
                case "rsv3" -> rsv[2] = bool(part, value);
                case "mask" -> mask = mask(part, value);
                case "len" -> length = number(part, value, 0, Long.MAX_VALUE, "a length is 0 to 2^63-1");
                case "fragments" -> fragments = (int) number(part, value, 1, MAX_FRAGMENTS,
                        "fragments is 1 to " + MAX_FRAGMENTS);
                case "between" -> between = opcode(part, value);
                case "code" -> code = (int) number(part, value, 0, 0xFFFF, "a close code is 0-65535");
                default -> throw new IllegalStateException(key);
            }
        }
        if (code != null) {
            byte[] withCode = new byte[payload.length + 2];
            withCode[0] = (byte) (code >>> 8);
            withCode[1] = (byte) (int) code;
            System.arraycopy(payload, 0, withCode, 2, payload.length);
            payload = withCode;
        }
        int opcode = op != null ? op : code != null ? Opcode.CLOSE.code()
                : hexPayload ? Opcode.BINARY.code() : Opcode.TEXT.code();
        return new FrameSpec(opcode, fin, rsv[0], rsv[1], rsv[2], mask, payload, length, fragments, between);
    }

    /**
     * This spec in the {@link #parse} syntax, every field that differs from the default spelled out and the payload
     * as hex unless it is text that reads back the same (and the opcode is text).
     */
    public String toSpec() {
        StringBuilder s = new StringBuilder("op=").append(opcodeName(opcode));
        if (!fin) {
            s.append(",fin=0");
        }
        if (rsv1) {
            s.append(",rsv1=1");
        }
        if (rsv2) {
            s.append(",rsv2=1");
        }
        if (rsv3) {
            s.append(",rsv3=1");
        }
        if (mask.kind() != Mask.Kind.RANDOM) {
            s.append(",mask=").append(mask.spec());
        }
        if (lengthField != TRUE_LENGTH) {
            s.append(",len=").append(lengthField);
        }
        if (fragments > 1) {
            s.append(",fragments=").append(fragments);
        }
        if (between != NONE) {
            s.append(",between=").append(opcodeName(between));
        }
        if (payload.length > 0) {
            String text = new String(payload, StandardCharsets.UTF_8);
            if (opcode == Opcode.TEXT.code() && Arrays.equals(text.getBytes(StandardCharsets.UTF_8), payload)) {
                s.append(",text=").append(text);
            } else {
                s.append(",hex=").append(HexFormat.of().formatHex(payload));
            }
        }
        return s.toString();
    }

    /** A short label for the timeline's notes and the composer: "text fin=0 rsv1 mask=off len=200, 5 bytes". */
    public String describe() {
        StringBuilder s = new StringBuilder(opcodeName(opcode));
        if (!fin) {
            s.append(" fin=0");
        }
        if (rsv1) {
            s.append(" rsv1");
        }
        if (rsv2) {
            s.append(" rsv2");
        }
        if (rsv3) {
            s.append(" rsv3");
        }
        if (mask.kind() != Mask.Kind.RANDOM) {
            s.append(" mask=").append(mask.spec());
        }
        if (lengthField != TRUE_LENGTH) {
            s.append(" len=").append(lengthField);
        }
        if (fragments > 1) {
            s.append(" in ").append(fragments).append(" fragments");
            if (between != NONE) {
                s.append(" with ").append(opcodeName(between)).append(" between");
            }
        }
        return s.append(", ").append(payload.length).append(payload.length == 1 ? " byte" : " bytes").toString();
    }

    private static String opcodeName(int code) {
        return switch (Opcode.of(code)) {
            case CONTINUATION -> "cont";
            case TEXT, BINARY, CLOSE, PING, PONG -> Opcode.of(code).jsonName();
            default -> Integer.toString(code);
        };
    }

    private static int opcode(String part, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        switch (v) {
            case "cont", "continuation" -> {
                return 0;
            }
            case "text" -> {
                return 1;
            }
            case "binary" -> {
                return 2;
            }
            case "close" -> {
                return 8;
            }
            case "ping" -> {
                return 9;
            }
            case "pong" -> {
                return 10;
            }
            default -> {
                for (Opcode o : Opcode.values()) {
                    if (o.jsonName().equals(v)) {
                        return o.code();
                    }
                }
                return (int) number(part, value, 0, 15,
                        "an opcode is text, binary, cont, close, ping, pong or a number 0-15");
            }
        }
    }

    private static boolean bool(String part, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "on", "yes" -> true;
            case "0", "false", "off", "no" -> false;
            default -> throw new SpecException("'" + part + "': expected 1 or 0");
        };
    }

    private static Mask mask(String part, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        switch (v) {
            case "on", "1", "true", "random" -> {
                return Mask.RANDOM;
            }
            case "off", "0", "false", "none" -> {
                return Mask.NONE;
            }
            default -> {
                String digits = v.startsWith("0x") ? v.substring(2) : v;
                if (digits.length() != 8 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new SpecException("'" + part + "': mask is on, off or a key of 8 hex digits (e.g. 37fa213d)");
                }
                return Mask.key((int) Long.parseLong(digits, 16));
            }
        }
    }

    private static long number(String part, String value, long min, long max, String range) {
        long n;
        try {
            String v = value.toLowerCase(Locale.ROOT);
            n = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SpecException("'" + part + "': " + range);
        }
        if (n < min || n > max) {
            throw new SpecException("'" + part + "': " + range);
        }
        return n;
    }

    /** Hex digits; spaces, colons and a leading {@code 0x} are allowed, so dumps can be pasted. */
    public static byte[] hex(String value) {
        String digits = value.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        digits = digits.replaceAll("[\\s:]", "");
        if (digits.length() % 2 != 0) {
            throw new SpecException("'hex=" + value.strip() + "': hex needs an even number of digits, got "
                    + digits.length());
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new SpecException("'hex=" + value.strip() + "': not hex");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameSpec f && opcode == f.opcode && fin == f.fin && rsv1 == f.rsv1 && rsv2 == f.rsv2
                && rsv3 == f.rsv3 && mask.equals(f.mask) && Arrays.equals(payload, f.payload)
                && lengthField == f.lengthField && fragments == f.fragments && between == f.between;
    }

    @Override
    public int hashCode() {
        return ((opcode * 31 + mask.hashCode()) * 31 + Arrays.hashCode(payload)) * 31 + Long.hashCode(lengthField)
                + fragments * 7 + between;
    }

    @Override
    public String toString() {
        return "FrameSpec[" + toSpec() + "]";
    }
}
