package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.payload.protocol.Decoded;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The frame a filter is looking at, with everything beyond the header read only when a term asks (the payload,
 * its UTF-8 text, its capture time, its sub-protocol reading), once. One per thread; reused for every frame.
 */
final class FrameCursor {

    final FrameStore store;
    private final ProtocolDecoders decoders;
    private final ProtocolHint hint;
    final Pairing pairing;

    long seq;
    int firstByte;
    boolean inbound;
    /** Part of a text message (MessageKinds' rule). */
    boolean text;
    int length;

    private byte[] payload;
    private int offset;
    private boolean loaded;
    private byte[] scratch = new byte[256];
    private long epochMicros;
    private boolean epochRead;
    private String utf8;
    private Optional<Decoded> decoded;

    FrameCursor(FrameStore store, FilterContext context) {
        this.store = store;
        this.decoders = context.decoders();
        this.hint = context.hint();
        this.pairing = context.pairing();
    }

    /** Moves to frame {@code seq}; its payload will be read from the store if a term needs it. */
    void at(long seq, int firstByte, boolean inbound, boolean text, int length) {
        this.seq = seq;
        this.firstByte = firstByte;
        this.inbound = inbound;
        this.text = text;
        this.length = length;
        loaded = false;
        epochRead = false;
        utf8 = null;
        decoded = null;
    }

    /** The payload is {@code bytes[offset, offset + length)} (a batch the caller filled). */
    void payloadIn(byte[] bytes, int offset) {
        this.payload = bytes;
        this.offset = offset;
        loaded = true;
    }

    Opcode opcode() {
        return Opcode.of(firstByte);
    }

    byte[] payload() {
        if (!loaded) {
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            int n = store.readPayload(seq, 0, scratch, 0, length);
            length = n;
            payload = scratch;
            offset = 0;
            loaded = true;
        }
        return payload;
    }

    /** Where the payload starts in {@link #payload()} (call that first). */
    int offset() {
        return offset;
    }

    long epochMicros() {
        if (!epochRead) {
            epochMicros = store.epochMicros(seq);
            epochRead = true;
        }
        return epochMicros;
    }

    String utf8() {
        if (utf8 == null) {
            byte[] p = payload();
            utf8 = new String(p, offset, length, StandardCharsets.UTF_8);
        }
        return utf8;
    }

    Optional<Decoded> decoded() {
        if (decoded == null) {
            byte[] p = payload();
            try {
                decoded = decoders.decode(Arrays.copyOfRange(p, offset, offset + length), text, hint);
            } catch (RuntimeException e) {
                decoded = Optional.empty();
            }
        }
        return decoded;
    }
}
