package dev.wsinspector.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One server frame as a test writes it on the wire: any first byte, optional mask, and any length encoding
 * (minimal, or 16/64-bit on purpose).
 *
 * @param lengthBytes 0 for the shortest encoding, else 2 or 8 extended length bytes
 * @param maskKey     null for an unmasked frame
 */
record WireFrame(int firstByte, byte[] payload, int lengthBytes, Integer maskKey) {

    static WireFrame of(int firstByte, byte[] payload) {
        return new WireFrame(firstByte, payload, 0, null);
    }

    static WireFrame text(String s) {
        return of(0x81, utf8(s));
    }

    static WireFrame binary(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return of(0x82, b);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    WireFrame withLengthBytes(int n) {
        return new WireFrame(firstByte, payload, n, maskKey);
    }

    WireFrame masked(int key) {
        return new WireFrame(firstByte, payload, lengthBytes, key);
    }

    int opcode() {
        return firstByte & 0x0F;
    }

    int headerLength() {
        int n = payload.length;
        int ext = lengthBytes != 0 ? lengthBytes : n <= 125 ? 0 : n <= 0xFFFF ? 2 : 8;
        return 2 + ext + (maskKey != null ? 4 : 0);
    }

    byte[] wire() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(firstByte);
        int n = payload.length;
        int mask = maskKey != null ? 0x80 : 0;
        int ext = headerLength() - 2 - (maskKey != null ? 4 : 0);
        if (ext == 0) {
            b.write(mask | n);
        } else if (ext == 2) {
            b.write(mask | 126);
            b.write(n >> 8);
            b.write(n);
        } else {
            b.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b.write((int) ((long) n >> shift));
            }
        }
        byte[] body = payload.clone();
        if (maskKey != null) {
            int k = maskKey;
            for (int s = 24; s >= 0; s -= 8) {
                b.write(k >>> s);
            }
            for (int i = 0; i < body.length; i++) {
                body[i] ^= (byte) (k >>> (24 - 8 * (i & 3)));
            }
        }
        b.writeBytes(body);
        return b.toByteArray();
    }

    static byte[] stream(List<WireFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (WireFrame f : frames) {
            out.writeBytes(f.wire());
        }
        return out.toByteArray();
    }
}
