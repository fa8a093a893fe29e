package dev.wsinspector.core.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireHeaderParserTest {

    /** A frame the parser should report: header as on the wire and the payload after unmasking. */
    record Expected(WireHeader header, byte[] payload) {
    }

    /** A sample byte stream and the frames in it. */
    record Sample(String name, byte[] wire, List<Expected> frames) {
        @Override
        public String toString() {
            return name + " (" + wire.length + " bytes)";
        }
    }

    // ---- samples -----------------------------------------------------------------------------------

    static Stream<Sample> samples() {
        List<Sample> s = new ArrayList<>();
        // The literal examples of RFC 6455 section 5.7: independent of this test's encoder.
        s.add(new Sample("RFC unmasked text Hello", bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f),
                List.of(expect(0x81, false, 0, 5, 2, "Hello"))));
        s.add(new Sample("RFC masked text Hello",
                bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
                List.of(expect(0x81, true, 0x37fa213d, 5, 6, "Hello"))));
        s.add(new Sample("RFC fragmented unmasked text",
                bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f),
                List.of(expect(0x01, false, 0, 3, 2, "Hel"), expect(0x80, false, 0, 2, 2, "lo"))));
        s.add(new Sample("RFC unmasked ping", bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f),
                List.of(expect(0x89, false, 0, 5, 2, "Hello"))));
        s.add(new Sample("RFC masked pong",
                bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
                List.of(expect(0x8a, true, 0x37fa213d, 5, 6, "Hello"))));

        byte[] close = closePayload(4000, "bye now");
        s.add(sample("masked close 4000 with reason", frame(0x88, 0x0badf00d, close)));
        s.add(sample("unmasked close without payload", frame(0x88, null, new byte[0])));
        s.add(sample("empty payloads: text, masked binary, ping, pong, continuation",
                frame(0x81, null, new byte[0]), frame(0x82, 0x01020304, new byte[0]),
                frame(0x89, null, new byte[0]), frame(0x8a, 0xffffffff, new byte[0]),
                frame(0x80, null, new byte[0])));
        s.add(sample("7-bit length at its maximum, 125 bytes", frame(0x82, null, pattern(125))));
        s.add(sample("16-bit length at its minimum, 126 bytes, unmasked", frame(0x82, null, pattern(126))));
        s.add(sample("16-bit length, 126 bytes, masked", frame(0x82, 0xa1b2c3d4, pattern(126))));
        s.add(sample("16-bit length, 1000 bytes, masked", frame(0x81, 0x00000000, pattern(1000))));
        s.add(sample("16-bit length at its maximum, 65535 bytes", frame(0x82, null, pattern(65535))));
        s.add(sample("64-bit length, 65536 bytes, unmasked", frame(0x82, null, pattern(65536))));
        s.add(sample("64-bit length, 70000 bytes, masked", frame(0x82, 0x7f00ff80, pattern(70000))));
        // Non-minimal encodings break RFC 6455 but a capture must still show them as sent.
        s.add(sample("16-bit encoding of a 5-byte payload", frame(0x81, null, ascii("short"), 2)));
        s.add(sample("64-bit encoding of a 5-byte payload, masked", frame(0x81, 0x11223344, ascii("short"), 8)));
        s.add(sample("RSV1 (compressed) first fragment, then continuation",
                frame(0x41, null, pattern(7)), frame(0x80, null, pattern(3))));
        s.add(sample("RSV2 and RSV3 on binary, masked", frame(0xb2, 0x55aa55aa, pattern(9))));
        s.add(sample("all RSV bits on a ping", frame(0xf9, null, ascii("p"))));
        s.add(sample("reserved opcodes 0x3 and 0xB", frame(0x83, null, pattern(2)), frame(0x8b, null, pattern(1))));
        s.add(sample("several frames back to back: fragments, ping between them, close",
                frame(0x01, 0x01010101, ascii("frag-1 ")), frame(0x89, 0x02020202, ascii("are you there")),
                frame(0x00, 0x03030303, pattern(130)), frame(0x80, 0x04040404, ascii(" end")),
                frame(0x8a, null, new byte[0]), frame(0x82, null, pattern(200)),
                frame(0x88, 0x05050505, closePayload(1000, ""))));
        return s.stream();
    }

    // ---- tests -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parsesTheWholeWireInOneFeed(Sample sample) {
        assertParses(sample, new int[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parsesEverySplitIntoTwoFeeds(Sample sample) {
        splitPoints(sample.wire.length).forEach(split -> assertParses(sample, new int[] {split}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parsesOneByteAtATime(Sample sample) {
        int[] splits = IntStream.range(1, sample.wire.length).toArray();
        assertParses(sample, splits);
    }

    @Test
    void parsesEveryPairOfSplitsOfBackToBackFrames() {
        Sample sample = sample("pairs", frame(0x01, 0x01020304, ascii("Hel")), frame(0x89, null, ascii("?")),
                frame(0x80, 0x0a0b0c0d, ascii("lo")), frame(0x82, null, new byte[0]),
                frame(0x82, 0x99887766, pattern(127)));
        byte[] wire = sample.wire;
        for (int a = 0; a <= wire.length; a++) {
            for (int b = a; b <= wire.length; b++) {
                assertParses(sample, new int[] {a, b});
            }
        }
    }

    @Test
    void reportsTheStateInTheMiddleOfAFrame() {
        byte[] wire = frame(0x82, 0x01020304, pattern(300));
        Recorder recorder = new Recorder();
        WireHeaderParser parser = new WireHeaderParser(recorder);
        assertThat(parser.isMidFrame()).isFalse();

        parser.feed(ByteBuffer.wrap(wire, 0, 3)); // inside the 16-bit length
        assertThat(parser.isMidFrame()).isTrue();
        assertThat(parser.currentHeader()).isNull();

        parser.feed(ByteBuffer.wrap(wire, 3, 5 + 100)); // rest of the header and 100 payload bytes
        assertThat(parser.currentHeader()).isEqualTo(WireHeader.of(0x82, true, 0x01020304, 300));
        assertThat(parser.currentPayloadRead()).isEqualTo(100);
        assertThat(parser.framesParsed()).isZero();

        parser.feed(ByteBuffer.wrap(wire, 108, wire.length - 108));
        assertThat(parser.isMidFrame()).isFalse();
        assertThat(parser.currentHeader()).isNull();
        assertThat(parser.framesParsed()).isEqualTo(1);
    }

    @Test
    void resetForgetsAPartialFrame() {
        Recorder recorder = new Recorder();
        WireHeaderParser parser = new WireHeaderParser(recorder);
        byte[] broken = frame(0x81, null, ascii("never finished"));
        parser.feed(ByteBuffer.wrap(broken, 0, 6));
        assertThat(parser.isMidFrame()).isTrue();

        parser.reset();
        assertThat(parser.isMidFrame()).isFalse();
        parser.feed(ByteBuffer.wrap(frame(0x81, null, ascii("next"))));

        assertThat(recorder.ended).hasSize(1);
        assertThat(recorder.ended.get(0).header).isEqualTo(WireHeader.of(0x81, false, 0, 4));
        assertThat(recorder.ended.get(0).payload).isEqualTo(ascii("next"));
    }

    @Test
    void sixtyFourBitLengthWithTheTopBitSetIsKeptNonNegative() {
        Recorder recorder = new Recorder();
        WireHeaderParser parser = new WireHeaderParser(recorder);
        parser.feed(ByteBuffer.wrap(bytes(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0x01, 0x00)));

        assertThat(recorder.headers).hasSize(1);
        assertThat(recorder.headers.get(0).payloadLength()).isEqualTo(256);
        assertThat(recorder.headers.get(0).headerLength()).isEqualTo(10);
    }

    @Test
    void feedHonoursPositionAndLimitAndLeavesThemUnchanged() {
        byte[] frame = frame(0x82, 0x31323334, pattern(40));
        byte[] padded = new byte[frame.length + 20];
        Arrays.fill(padded, (byte) 0x81); // junk that would parse as a header if read
        System.arraycopy(frame, 0, padded, 7, frame.length);
        ByteBuffer heap = ByteBuffer.wrap(padded).position(7).limit(7 + frame.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded).position(7).limit(7 + frame.length);

        for (ByteBuffer buffer : List.of(heap, direct)) {
            Recorder recorder = new Recorder();
            new WireHeaderParser(recorder).feed(buffer);
            assertThat(buffer.position()).isEqualTo(7);
            assertThat(buffer.limit()).isEqualTo(7 + frame.length);
            assertThat(recorder.ended).hasSize(1);
            assertThat(recorder.ended.get(0).payload).isEqualTo(pattern(40));
        }
    }

    @Test
    void unmaskMatchesAStraightforwardReferenceAtEveryOffsetAndLength() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int key = random.nextInt();
            byte[] data = new byte[40];
            random.nextBytes(data);
            for (long payloadOffset = 0; payloadOffset < 9; payloadOffset++) {
                for (int off = 0; off < 4; off++) {
                    for (int len = 0; off + len <= data.length; len++) {
                        byte[] actual = data.clone();
                        WireHeaderParser.unmask(actual, off, len, key, payloadOffset);
                        assertThat(actual).isEqualTo(referenceUnmask(data, off, len, key, payloadOffset));
                    }
                }
            }
        }
    }

    @Test
    void unmaskOfLargePayloadOffsetsUsesTheOffsetModuloFour() {
        byte[] data = pattern(16);
        byte[] actual = data.clone();
        long offset = (1L << 40) + 3;
        WireHeaderParser.unmask(actual, 0, data.length, 0xdeadbeef, offset);
        assertThat(actual).isEqualTo(referenceUnmask(data, 0, data.length, 0xdeadbeef, 3));
    }

    @Test
    void unmaskIsItsOwnInverseAndPiecewiseEqualsWhole() {
        byte[] plain = pattern(101);
        int key = 0x37fa213d;
        byte[] whole = plain.clone();
        WireHeaderParser.unmask(whole, 0, whole.length, key, 0);
        byte[] pieces = plain.clone();
        for (int at = 0, step = 1; at < pieces.length; at += step, step = step % 7 + 1) {
            int n = Math.min(step, pieces.length - at);
            WireHeaderParser.unmask(pieces, at, n, key, at);
        }
        assertThat(pieces).isEqualTo(whole);
        WireHeaderParser.unmask(whole, 0, whole.length, key, 0);
        assertThat(whole).isEqualTo(plain);
    }

    // ---- the check ---------------------------------------------------------------------------------

    /** Feeds the sample cut at {@code splits} (ascending, may repeat or include 0 / length) and checks all. */
    private static void assertParses(Sample sample, int[] splits) {
        Recorder recorder = new Recorder();
        WireHeaderParser parser = new WireHeaderParser(recorder);
        int from = 0;
        for (int i = 0; i <= splits.length; i++) {
            int to = i < splits.length ? splits[i] : sample.wire.length;
            ByteBuffer part = ByteBuffer.wrap(sample.wire, from, to - from);
            parser.feed(part);
            assertThat(part.position()).as("position after feed").isEqualTo(from);
            assertThat(part.limit()).as("limit after feed").isEqualTo(to);
            from = to;
        }
        String where = sample.name + " split at " + Arrays.toString(splits);
        assertThat(recorder.problems).as(where).isEmpty();
        assertThat(recorder.headers).as(where + ": headers").hasSize(sample.frames.size());
        assertThat(recorder.ended).as(where + ": ended frames").hasSize(sample.frames.size());
        for (int f = 0; f < sample.frames.size(); f++) {
            Expected expected = sample.frames.get(f);
            WireHeader header = recorder.headers.get(f);
            String which = where + ", frame " + f;
            assertThat(header.fin()).as(which + " fin").isEqualTo(expected.header.fin());
            assertThat(header.rsv1()).as(which + " rsv1").isEqualTo(expected.header.rsv1());
            assertThat(header.rsv2()).as(which + " rsv2").isEqualTo(expected.header.rsv2());
            assertThat(header.rsv3()).as(which + " rsv3").isEqualTo(expected.header.rsv3());
            assertThat(header.opcode()).as(which + " opcode").isEqualTo(expected.header.opcode());
            assertThat(header.masked()).as(which + " masked").isEqualTo(expected.header.masked());
            assertThat(header.maskKey()).as(which + " mask key").isEqualTo(expected.header.maskKey());
            assertThat(header.payloadLength()).as(which + " payload length").isEqualTo(expected.header.payloadLength());
            assertThat(header.headerLength()).as(which + " header length").isEqualTo(expected.header.headerLength());
            assertThat(recorder.ended.get(f).header).as(which + " end header").isSameAs(header);
            assertThat(recorder.ended.get(f).payload).as(which + " payload").isEqualTo(expected.payload);
        }
        assertThat(parser.framesParsed()).as(where).isEqualTo(sample.frames.size());
        assertThat(parser.isMidFrame()).as(where + ": mid frame at the end").isFalse();
    }

    /** Every split point for small wires; for large ones all points near the edges plus a stride. */
    private static IntStream splitPoints(int length) {
        if (length <= 4096) {
            return IntStream.rangeClosed(0, length);
        }
        // Feeding a 64 KiB wire 65 537 times copies 4 GiB; the header and the frame end are where the
        // parser's states change, so take every point there and a prime stride through the payload.
        return IntStream.rangeClosed(0, length)
                .filter(i -> i <= 64 || i >= length - 64 || i % 509 == 0);
    }

    /** Collects what the parser reports and notes contract violations as they happen. */
    private static final class Recorder implements WireHeaderParser.Listener {
        record Ended(WireHeader header, byte[] payload) {
        }

        final List<WireHeader> headers = new ArrayList<>();
        final List<Ended> ended = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        private WireHeader open;

        @Override
        public void onHeader(WireHeader header) {
            if (open != null) {
                problems.add("header before the end of the previous frame");
            }
            open = header;
            headers.add(header);
            payload.reset();
        }

        @Override
        public void onPayload(ByteBuffer part, long payloadOffset) {
            if (open == null) {
                problems.add("payload outside a frame");
                return;
            }
            if (payloadOffset != payload.size()) {
                problems.add("payload offset " + payloadOffset + " after " + payload.size() + " bytes");
            }
            if (!part.hasRemaining()) {
                problems.add("empty payload part");
            }
            byte[] bytes = new byte[part.remaining()];
            part.get(bytes);
            if (open.masked()) {
                WireHeaderParser.unmask(bytes, 0, bytes.length, open.maskKey(), payloadOffset);
            }
            payload.writeBytes(bytes);
        }

        @Override
        public void onFrameEnd(WireHeader header) {
            if (header != open) {
                problems.add("end of a frame that was not open");
            }
            if (payload.size() != header.payloadLength()) {
                problems.add("frame ended after " + payload.size() + " of " + header.payloadLength() + " bytes");
            }
            ended.add(new Ended(header, payload.toByteArray()));
            open = null;
        }
    }

    // ---- an independent encoder and small helpers ---------------------------------------------------

    /** Encodes a frame with the minimal length encoding; {@code maskKey} null means unmasked. */
    static byte[] frame(int firstByte, Integer maskKey, byte[] payload) {
        int extended = payload.length <= 125 ? 0 : payload.length <= 0xFFFF ? 2 : 8;
        return frame(firstByte, maskKey, payload, extended);
    }

    /** Encodes a frame with {@code extendedBytes} (0, 2 or 8) of extended length. */
    static byte[] frame(int firstByte, Integer maskKey, byte[] payload, int extendedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = maskKey != null ? 0x80 : 0;
        if (extendedBytes == 0) {
            out.write(maskBit | payload.length);
        } else {
            out.write(maskBit | (extendedBytes == 2 ? 126 : 127));
            for (int i = extendedBytes - 1; i >= 0; i--) {
                out.write((int) ((long) payload.length >>> (8 * i)));
            }
        }
        byte[] body = payload.clone();
        if (maskKey != null) {
            byte[] key = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) (int) maskKey};
            out.writeBytes(key);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= key[i % 4];
            }
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A sample whose expected frames are decoded from this test's own encoder output. */
    private static Sample sample(String name, byte[]... frames) {
        List<Expected> expected = new ArrayList<>();
        for (byte[] f : frames) {
            expected.add(decodeReference(f));
        }
        return new Sample(name, concat(frames), expected);
    }

    /** Straightforward whole-frame decoder, the reference the incremental parser is checked against. */
    private static Expected decodeReference(byte[] f) {
        int first = f[0] & 0xFF;
        boolean masked = (f[1] & 0x80) != 0;
        int len7 = f[1] & 0x7F;
        int at = 2;
        long length = len7;
        if (len7 >= 126) {
            int n = len7 == 126 ? 2 : 8;
            length = 0;
            for (int i = 0; i < n; i++) {
                length = length << 8 | (f[at++] & 0xFF);
            }
        }
        int key = 0;
        byte[] keyBytes = new byte[4];
        if (masked) {
            System.arraycopy(f, at, keyBytes, 0, 4);
            key = ByteBuffer.wrap(keyBytes).getInt();
            at += 4;
        }
        byte[] payload = Arrays.copyOfRange(f, at, f.length);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= keyBytes[i % 4];
        }
        WireHeader header = new WireHeader((first & 0x80) != 0, (first & 0x40) != 0, (first & 0x20) != 0,
                (first & 0x10) != 0, Opcode.of(first), masked, key, length, at);
        return new Expected(header, payload);
    }

    private static Expected expect(int firstByte, boolean masked, int key, long length, int headerLength,
                                   String payload) {
        return new Expected(new WireHeader((firstByte & 0x80) != 0, (firstByte & 0x40) != 0,
                (firstByte & 0x20) != 0, (firstByte & 0x10) != 0, Opcode.of(firstByte), masked, key, length,
                headerLength), ascii(payload));
    }

    private static byte[] referenceUnmask(byte[] data, int off, int len, int key, long payloadOffset) {
        byte[] keyBytes = ByteBuffer.allocate(4).putInt(key).array();
        byte[] out = data.clone();
        for (int i = 0; i < len; i++) {
            out[off + i] = (byte) (data[off + i] ^ keyBytes[(int) ((payloadOffset + i) % 4)]);
        }
        return out;
    }

    static byte[] closePayload(int code, String reason) {
        byte[] text = ascii(reason);
        return ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).array();
    }

    static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8) * 7);
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
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
}
