package dev.wsinspector.core.frame;

/**
 * Consecutive frames of a {@link FrameStore} as arrays, filled by {@link FrameStore#read(long, long, FrameBatch)}:
 * what a sequential reader that visits every frame (the session journal's writer) needs, without an object or
 * a look-up per frame and field. Reused from call to call; not thread-safe.
 *
 * <p>Frame {@code first() + i} for {@code i < count()}: {@link #monoNanos}, {@link #flags} (the layout below),
 * {@link #maskKey}, {@link #wirePayloadLength}, {@link #payloadLength}, and its stored payload at
 * {@code payload()[payloadOffset[i], payloadOffset[i] + payloadLength[i])}.
 */
public final class FrameBatch {

    /** Flags bits 0-7: the first header byte as on the wire (FIN, RSV1-3, opcode). */
    public static final int FIRST_BYTE = 0xFF;
    public static final int MASKED = 1 << 8;
    public static final int INBOUND = 1 << 9;
    /** The payload was inflated by permessage-deflate. */
    public static final int INFLATED = 1 << 10;
    /** Flags bits 12-13: how the length was encoded on the wire (0: 7-bit, 1: 16-bit, 2: 64-bit). */
    public static final int LENGTH_CODE_SHIFT = 12;
    /** The frame was crafted by the user and written past the library's encoder ({@link FrameStore#appendCrafted}). */
    public static final int CRAFTED = 1 << 14;

    public final long[] monoNanos;
    public final int[] flags;
    public final int[] maskKey;
    public final long[] wirePayloadLength;
    public final int[] payloadLength;
    public final int[] payloadOffset;
    private byte[] payload;
    private final int defaultPayloadBytes;
    private long first;
    private int count;

    /**
     * @param frames       most frames per batch
     * @param payloadBytes payload bytes a batch holds before it stops taking frames (a single larger frame
     *                     grows it for that batch)
     */
    public FrameBatch(int frames, int payloadBytes) {
        monoNanos = new long[frames];
        flags = new int[frames];
        maskKey = new int[frames];
        wirePayloadLength = new long[frames];
        payloadLength = new int[frames];
        payloadOffset = new int[frames];
        payload = new byte[payloadBytes];
        defaultPayloadBytes = payloadBytes;
    }

    public int capacity() {
        return flags.length;
    }

    /** Seq of the batch's first frame. */
    public long first() {
        return first;
    }

    public int count() {
        return count;
    }

    /** The bytes holding the payloads; may be replaced by a larger array by the next fill. */
    public byte[] payload() {
        return payload;
    }

    /** Payload bytes the batch holds before it stops taking frames (store implementations outside this package). */
    public int payloadCapacity() {
        return payload.length;
    }

    /**
     * A payload array of at least {@code bytes}, for a fill about to copy that many (contents not kept); for
     * {@link FrameStore#read(long, long, FrameBatch)} implementations.
     */
    public byte[] payloadFor(long bytes) {
        if (bytes <= defaultPayloadBytes && payload.length > 8 * defaultPayloadBytes) {
            payload = new byte[defaultPayloadBytes]; // let go of what one huge frame needed
        } else if (bytes > payload.length) {
            payload = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(bytes, 2L * payload.length))];
        }
        return payload;
    }

    /** Marks frames {@code first} to {@code first + count - 1} as filled in; for {@code read} implementations. */
    public void filled(long first, int count) {
        this.first = first;
        this.count = count;
    }

    public boolean inbound(int i) {
        return (flags[i] & INBOUND) != 0;
    }
}
