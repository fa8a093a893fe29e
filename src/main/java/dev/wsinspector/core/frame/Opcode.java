package dev.wsinspector.core.frame;

/**
 * The 4-bit WebSocket opcode. All sixteen values are represented so that a frame carrying a reserved
 * opcode (a protocol error) can still be captured and shown.
 */
public enum Opcode {
    CONTINUATION(0x0, "continuation"),
    TEXT(0x1, "text"),
    BINARY(0x2, "binary"),
    RESERVED_3(0x3, "reserved-3"),
    RESERVED_4(0x4, "reserved-4"),
    RESERVED_5(0x5, "reserved-5"),
    RESERVED_6(0x6, "reserved-6"),
    RESERVED_7(0x7, "reserved-7"),
    CLOSE(0x8, "close"),
    PING(0x9, "ping"),
    PONG(0xA, "pong"),
    RESERVED_B(0xB, "reserved-b"),
    RESERVED_C(0xC, "reserved-c"),
    RESERVED_D(0xD, "reserved-d"),
    RESERVED_E(0xE, "reserved-e"),
    RESERVED_F(0xF, "reserved-f");

    private static final Opcode[] BY_CODE = values();

    private final int code;
    private final String jsonName;

    Opcode(int code, String jsonName) {
        this.code = code;
        this.jsonName = jsonName;
    }

    /** The opcode for the low four bits of {@code code}. */
    public static Opcode of(int code) {
        return BY_CODE[code & 0x0F];
    }

    public int code() {
        return code;
    }

    /** Name used in JSONL export and the CLI ({@code "text"}, {@code "ping"}, ...). */
    public String jsonName() {
        return jsonName;
    }

    /** Control frames (close, ping, pong and the reserved 0xB-0xF) have the high opcode bit set. */
    public boolean isControl() {
        return (code & 0x8) != 0;
    }

    public boolean isReserved() {
        return name().startsWith("RESERVED");
    }

    /** Text or binary: the first frame of a data message. */
    public boolean isDataStart() {
        return this == TEXT || this == BINARY;
    }
}
