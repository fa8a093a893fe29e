package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.frame.WireHeaderParser;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * One frame as the proxy moves it: the exact bytes read (header, mask key and payload as they came, so they
 * are forwarded byte for byte) and the payload unmasked for the capture. Frames the proxy makes itself (an
 * edit, an injection, its own close) are built by {@link #of}.
 *
 * @param header     the header as on the wire
 * @param wire       every byte of the frame as written
 * @param payload    the payload, unmasked (for masked frames a copy, else a view into {@code wire})
 * @param sourceSeq  the seq of this frame on the leg it was read from, -1 for a frame the proxy made
 * @param made       made by the proxy for the user (an injection or an edit): captured as crafted
 * @param captured   what the capture stores: {@code payload}, or its inflated bytes for a compressed message
 * @param inflated   {@code captured} was inflated
 */
record ProxyFrame(WireHeader header, byte[] wire, ByteBuffer payload, long sourceSeq, boolean made,
                  ByteBuffer captured, boolean inflated) {

    ProxyFrame(WireHeader header, byte[] wire, ByteBuffer payload, long sourceSeq, boolean made) {
        this(header, wire, payload, sourceSeq, made, payload, false);
    }

    /** This frame captured as {@code inflatedPayload} (a fragment of a compressed message). */
    ProxyFrame withInflated(ByteBuffer inflatedPayload) {
        return new ProxyFrame(header, wire, payload, sourceSeq, made, inflatedPayload, true);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Thrown when a frame announces more payload than the limit; the proxy closes with 1009. */
    static final class TooBig extends IOException {
        final long length;

        TooBig(long length) {
            super("a frame of " + length + " bytes is over the limit");
            this.length = length;
        }
    }

    Opcode opcode() {
        return header.opcode();
    }

    boolean isPingOrPong() {
        return header.opcode() == Opcode.PING || header.opcode() == Opcode.PONG;
    }

    int size() {
        return wire.length;
    }

    ProxyFrame withSourceSeq(long seq) {
        return new ProxyFrame(header, wire, payload, seq, made, captured, inflated);
    }

    /**
     * Reads one frame, or returns null at the end of the stream before its first byte.
     *
     * @throws EOFException when the stream ends inside a frame
     * @throws TooBig       when its payload is longer than {@code maxPayload}
     */
    static ProxyFrame read(InputStream in, long maxPayload) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = readByte(in);
        boolean masked = (b1 & 0x80) != 0;
        int len7 = b1 & 0x7f;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        byte[] ext = in.readNBytes(extended);
        if (ext.length < extended) {
            throw new EOFException("the stream ended inside a frame header");
        }
        long length = len7;
        if (extended > 0) {
            length = 0;
            for (byte b : ext) {
                length = length << 8 | (b & 0xff);
            }
        }
        if (length < 0 || length > maxPayload) {
            throw new TooBig(length);
        }
        int headerLength = 2 + extended + (masked ? 4 : 0);
        byte[] wire = new byte[headerLength + (int) length];
        wire[0] = (byte) b0;
        wire[1] = (byte) b1;
        System.arraycopy(ext, 0, wire, 2, extended);
        int got = in.readNBytes(wire, 2 + extended, wire.length - 2 - extended);
        if (got < wire.length - 2 - extended) {
            throw new EOFException("the stream ended inside a frame");
        }
        int maskKey = 0;
        if (masked) {
            int k = 2 + extended;
            maskKey = (wire[k] & 0xff) << 24 | (wire[k + 1] & 0xff) << 16 | (wire[k + 2] & 0xff) << 8 | (wire[k + 3] & 0xff);
        }
        WireHeader header = WireHeader.of(b0, masked, maskKey, length);
        ByteBuffer payload;
        if (masked) {
            byte[] plain = java.util.Arrays.copyOfRange(wire, headerLength, wire.length);
            WireHeaderParser.unmask(plain, 0, plain.length, maskKey, 0);
            payload = ByteBuffer.wrap(plain);
        } else {
            payload = ByteBuffer.wrap(wire, headerLength, (int) length).slice();
        }
        return new ProxyFrame(header, wire, payload, -1, false);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the stream ended inside a frame header");
        }
        return b;
    }

    /** A final frame of {@code opcode} carrying {@code payload}, masked with a random key when {@code mask}. */
    static ProxyFrame of(Opcode opcode, byte[] payload, boolean mask, boolean made) {
        int len = payload.length;
        int extended = len < 126 ? 0 : len <= 0xffff ? 2 : 8;
        int headerLength = 2 + extended + (mask ? 4 : 0);
        byte[] wire = new byte[headerLength + len];
        int b0 = 0x80 | opcode.code();
        wire[0] = (byte) b0;
        wire[1] = (byte) ((mask ? 0x80 : 0) | (extended == 0 ? len : extended == 2 ? 126 : 127));
        for (int i = 0; i < extended; i++) {
            wire[2 + i] = (byte) ((long) len >>> (8 * (extended - 1 - i)));
        }
        int maskKey = mask ? RANDOM.nextInt() : 0;
        if (mask) {
            int k = 2 + extended;
            wire[k] = (byte) (maskKey >>> 24);
            wire[k + 1] = (byte) (maskKey >>> 16);
            wire[k + 2] = (byte) (maskKey >>> 8);
            wire[k + 3] = (byte) maskKey;
        }
        System.arraycopy(payload, 0, wire, headerLength, len);
        if (mask) {
            WireHeaderParser.unmask(wire, headerLength, len, maskKey, 0); // XOR: masking and unmasking are one
        }
        return new ProxyFrame(WireHeader.of(b0, mask, maskKey, len), wire, ByteBuffer.wrap(payload.clone()), -1, made);
    }

    /** A close frame with {@code code} and {@code reason}. */
    static ProxyFrame close(int code, String reason, boolean mask) {
        byte[] r = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return of(Opcode.CLOSE, p, mask, false);
    }
}
