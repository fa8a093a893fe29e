package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.frame.WireHeaderParser;
import org.java_websocket.framing.Framedata;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Pairs the frames Java-WebSocket decodes with their headers as they were on the wire.
 *
 * <p>The library hands back frames unmasked and decompressed, without the MASK bit, key or wire length, so
 * each read chunk goes through core's {@link WireHeaderParser} first (it reads by absolute index, so the
 * library's read position is untouched and no copy of the chunk is needed). Frames the library returns are
 * matched in order with the headers the parser completed. When the library throws instead, the frames it
 * had decoded in that call are lost to it, so everything seen but not yet stored is recorded from the raw
 * bytes (unmasked, still compressed), including the offending frame with whatever payload arrived.
 *
 * <p>It sees the frames {@link InboundReader} delegates to the library, and only those: a "chunk" here is the
 * part of a socket read that the library is given.
 *
 * <p>Raw bytes are kept only for the one frame that spans read chunks (the read buffer is reused after the
 * call); frames complete within a chunk are read back from the chunk, which stays intact during the call.
 * Used on the socket read thread only.
 */
final class InboundCapture implements WireHeaderParser.Listener {

    private static final byte[] NO_BYTES = new byte[0];
    /** Payload bytes of a data frame kept across chunks, only for the library-threw path. */
    static final int MAX_DATA_CARRY = 4096;

    /** A frame whose header was read but which is not stored yet; reused, so reading makes no garbage. */
    private static final class Pending {
        WireHeader header;
        boolean complete;
        /** Payload bytes that arrived in earlier chunks (only for a frame spanning chunks). */
        byte[] carry = NO_BYTES;
        int carryLength;
        /** Payload bytes that arrived in earlier chunks; more than carryLength once the carry was capped. */
        long seen;
        /** Payload bytes in the current chunk, as absolute indexes; -1 when none. */
        int sliceStart = -1;
        int sliceEnd = -1;

        Pending reset(WireHeader h) {
            header = h;
            complete = false;
            carry = NO_BYTES;
            carryLength = 0;
            seen = 0;
            sliceStart = -1;
            sliceEnd = -1;
            return this;
        }
    }

    private final WireHeaderParser parser = new WireHeaderParser(this);
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ArrayDeque<Pending> free = new ArrayDeque<>();
    private final FrameRecorder recorder;
    private final BooleanSupplier deflateNegotiated;
    private ByteBuffer chunk;
    /** Whether the data message in progress was compressed (its first frame had RSV1). */
    private boolean compressedMessage;
    private WireHeader lastHeader;

    InboundCapture(FrameRecorder recorder, BooleanSupplier deflateNegotiated) {
        this.recorder = recorder;
        this.deflateNegotiated = deflateNegotiated;
    }

    /** Reads the headers of a chunk before the library decodes it. */
    void beginChunk(ByteBuffer buffer) {
        chunk = buffer;
        for (Pending p : pending) {
            p.sliceStart = -1;
            p.sliceEnd = -1;
        }
        parser.feed(buffer);
    }

    /** Stores the frames the library decoded from this chunk, with their wire headers. */
    void storeDecoded(List<Framedata> frames) {
        for (Framedata frame : frames) {
            Pending p = pending.peekFirst();
            if (p != null && p.complete) {
                pending.pollFirst();
                if (p.header.opcode().isControl()) {
                    // Never compressed, at most 125 bytes, and the library's CloseFrame keeps a stale payload
                    // (its setPayload parses code and reason but getPayloadData returns the default 1000).
                    storeRaw(p);
                } else {
                    recorder.record(Direction.IN, p.header, inflated(p.header), frame.getPayloadData());
                }
                recycle(p);
            } else {
                // Never expected (parser and library read the same bytes), but a frame is better kept than lost.
                ByteBuffer payload = frame.getPayloadData();
                WireHeader header = WireHeader.of(firstByte(frame), false, 0, payload.remaining());
                recorder.record(Direction.IN, header, false, payload);
            }
        }
        while (pending.peekFirst() != null && pending.peekFirst().complete) {
            storeRaw(pending.pollFirst());
        }
        carryOver();
        chunk = null;
    }

    /** The library threw: stores every frame seen but not stored, from the raw bytes. */
    void storeUndecoded() {
        while (!pending.isEmpty()) {
            storeRaw(pending.pollFirst());
        }
        chunk = null;
    }

    /** True while its parser is inside a frame (a delegated frame goes on in the next read). */
    boolean midFrame() {
        return parser.isMidFrame();
    }

    /** Header of the most recent frame whose header was read, or null. */
    WireHeader lastHeader() {
        return lastHeader;
    }

    @Override
    public void onHeader(WireHeader header) {
        lastHeader = header;
        Pending p = free.pollFirst();
        pending.addLast((p == null ? new Pending() : p).reset(header));
    }

    @Override
    public void onPayload(ByteBuffer part, long payloadOffset) {
        Pending p = pending.peekLast();
        if (p.sliceStart < 0) {
            p.sliceStart = part.position();
        }
        p.sliceEnd = part.limit();
    }

    @Override
    public void onFrameEnd(WireHeader header) {
        pending.peekLast().complete = true;
    }

    private void recycle(Pending p) {
        if (free.size() < 16) {
            free.addLast(p.reset(null));
        }
    }

    /** Keeps this chunk's part of the unfinished frame, since the library reuses the read buffer. */
    private void carryOver() {
        for (Pending p : pending) {
            int n = p.sliceStart < 0 ? 0 : p.sliceEnd - p.sliceStart;
            p.seen += n;
            if (!p.header.opcode().isControl()) {
                // Data frames are stored from the library's decoded payload; raw bytes matter only if the
                // library throws, so keep a bounded prefix (the store records the true wire length).
                n = Math.min(n, MAX_DATA_CARRY - p.carryLength);
            }
            if (n > 0) {
                if (p.carryLength + n > p.carry.length) {
                    p.carry = Arrays.copyOf(p.carry, Math.max(p.carryLength + n, p.carry.length * 2));
                }
                chunk.duplicate().position(p.sliceStart).get(p.carry, p.carryLength, n);
                p.carryLength += n;
                p.sliceStart = -1;
                p.sliceEnd = -1;
            }
        }
    }

    private void storeRaw(Pending p) {
        // After a capped carry the bytes in this chunk are not contiguous with it: keep the prefix only.
        int inChunk = p.sliceStart < 0 || chunk == null || p.seen != p.carryLength ? 0 : p.sliceEnd - p.sliceStart;
        byte[] raw = Arrays.copyOf(p.carry, p.carryLength + inChunk);
        if (inChunk > 0) {
            chunk.duplicate().position(p.sliceStart).get(raw, p.carryLength, inChunk);
        }
        if (p.header.masked()) {
            WireHeaderParser.unmask(raw, 0, raw.length, p.header.maskKey(), 0);
        }
        inflated(p.header); // keeps the message state in step, but raw bytes are never decompressed
        recorder.record(Direction.IN, p.header, false, ByteBuffer.wrap(raw));
    }

    /** True when this frame belongs to a compressed message, so the library decompressed its payload. */
    private boolean inflated(WireHeader header) {
        if (header.opcode().isDataStart()) {
            compressedMessage = header.rsv1() && deflateNegotiated.getAsBoolean();
            return compressedMessage;
        }
        return header.opcode() == Opcode.CONTINUATION && compressedMessage;
    }

    static int firstByte(Framedata frame) {
        int opcode = switch (frame.getOpcode()) {
            case CONTINUOUS -> 0x0;
            case TEXT -> 0x1;
            case BINARY -> 0x2;
            case CLOSING -> 0x8;
            case PING -> 0x9;
            case PONG -> 0xA;
        };
        return (frame.isFin() ? 0x80 : 0) | (frame.isRSV1() ? 0x40 : 0) | (frame.isRSV2() ? 0x20 : 0)
                | (frame.isRSV3() ? 0x10 : 0) | opcode;
    }
}
