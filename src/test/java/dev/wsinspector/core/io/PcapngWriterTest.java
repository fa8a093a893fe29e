package dev.wsinspector.core.io;

import dev.wsinspector.testutil.FixedCaptureClock;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PcapngWriter}: the file parsed back block by block here, and read by the real tshark (skipped when it is
 * not installed) to check that Wireshark's own WebSocket dissector sees the same frames.
 */
class PcapngWriterTest {

    /** 2026-11-26T05:48:36.000000Z; the test clock maps monotonic nanos 0 to this. */
    private static final long T0 = 1_795_672_116_000_000L;
    private static final String URL = "ws://example.test:8080/chat?room=2";
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private final ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(T0));
    private final Session session = new Session(store);

    // ---- structure, parsed back here ----

    @Test
    void blocksInterfaceAndTcpStreamsHoldTheHandshakeAndTheFramesAsOnTheWire() throws Exception {
        Expected expected = buildRfcExamples();
        Path file = write("rfc.pcapng");

        Capture capture = Capture.parse(Files.readAllBytes(file));

        assertThat(capture.blockTypes.get(0)).isEqualTo(0x0A0D0D0A);
        assertThat(capture.blockTypes.get(1)).isEqualTo(1);
        assertThat(capture.blockTypes.subList(2, capture.blockTypes.size())).containsOnly(6);
        assertThat(capture.linkType).isEqualTo(1);
        assertThat(capture.tsresol).isEqualTo(6);
        assertThat(capture.connections).hasSize(1);
        Connection c = capture.connections.values().iterator().next();
        assertThat(c.serverPort).isEqualTo(80);
        assertThat(c.client.toByteArray()).isEqualTo(expected.client.toByteArray());
        assertThat(c.server.toByteArray()).isEqualTo(expected.server.toByteArray());
        assertThat(c.flags.get(0)).isEqualTo("SYN");
        assertThat(c.flags.get(1)).isEqualTo("SYN,ACK");
        assertThat(c.flags.get(2)).isEqualTo("ACK");
        assertThat(c.flags.subList(c.flags.size() - 3, c.flags.size())).containsExactly("FIN,ACK", "FIN,ACK", "ACK");
        // 3 handshake + request + response + 8 frames (the 64 KiB one in two segments) + 3 closing packets.
        assertThat(capture.packets).isEqualTo(3 + 2 + 9 + 3);
        assertThat(c.maxSegment).isLessThanOrEqualTo(PcapngWriter.MAX_SEGMENT);
        assertThat(c.dataTimestamps).containsExactly(T0, T0 + 500, T0 + 1_000, T0 + 2_000, T0 + 3_000, T0 + 4_000,
                T0 + 4_000, T0 + 5_000, T0 + 6_000, T0 + 7_000, T0 + 7_000);
        assertThat(c.firstComment).isEqualTo("WebSocket " + URL);
    }

    @Test
    void nonMinimalLengthsStayAndACutShortFrameKeepsWhatWasCaptured() throws Exception {
        session.onEvent(new ConnectionEvent.Opened(T0, 0, URL, handshake(List.of())));
        // "Hello" with a 16-bit length, and one with a 64-bit length, both legal if wasteful.
        store.append(Direction.IN, new WireHeader(true, false, false, false, Opcode.TEXT, false, 0, 5, 4), false,
                1_000_000L, ByteBuffer.wrap(utf8("Hello")));
        store.append(Direction.OUT, new WireHeader(true, false, false, false, Opcode.TEXT, true, 0x37fa213d, 5, 14),
                false, 2_000_000L, ByteBuffer.wrap(utf8("Hello")));
        // The header announced 100 bytes; the connection broke after 10.
        store.append(Direction.IN, WireHeader.of(0x82, false, 0, 100), false, 3_000_000L,
                ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        Path file = write("lengths.pcapng");

        Connection c = Capture.parse(Files.readAllBytes(file)).connections.values().iterator().next();

        String head = handshake(List.of()).rawResponseHead();
        assertThat(c.server.toByteArray()).isEqualTo(concat(utf8(head),
                HEX.parseHex("817e000548656c6c6f" + "8264" + "0102030405060708090a")));
        assertThat(Arrays.copyOfRange(c.client.toByteArray(), handshake(List.of()).rawRequest().length(),
                c.client.size())).isEqualTo(HEX.parseHex("81ff000000000000000537fa213d7f9f4d5158"));
    }

    @Test
    void everyReconnectIsItsOwnTcpConnection() throws Exception {
        session.onEvent(new ConnectionEvent.Connecting(T0, 0, URL));
        session.onEvent(new ConnectionEvent.Opened(T0 + 100, 0, URL, handshake(List.of())));
        append(Direction.OUT, 0x81, true, 0x01020304, 1_000, utf8("first"));
        session.onEvent(new ConnectionEvent.Closed(T0 + 2_000, 1, 1006, "", true, false));
        session.onEvent(new ConnectionEvent.Reconnecting(T0 + 2_001, 1, 1, 5, 1000));
        session.onEvent(new ConnectionEvent.Connecting(T0 + 3_000, 1, URL));
        session.onEvent(new ConnectionEvent.Opened(T0 + 3_100, 1, URL, handshake(List.of())));
        append(Direction.IN, 0x81, false, 0, 4_000, utf8("second"));
        Path file = write("reconnect.pcapng");

        Capture capture = Capture.parse(Files.readAllBytes(file));

        assertThat(capture.connections).hasSize(2);
        List<Connection> cs = List.copyOf(capture.connections.values());
        assertThat(cs.get(0).clientPort).isNotEqualTo(cs.get(1).clientPort);
        String request = handshake(List.of()).rawRequest();
        assertThat(cs.get(0).client.toByteArray())
                .isEqualTo(concat(utf8(request), wire(0x81, 0x01020304, utf8("first"))));
        assertThat(cs.get(1).server.toByteArray())
                .isEqualTo(concat(utf8(handshake(List.of()).rawResponseHead()), wire(0x81, null, utf8("second"))));
        assertThat(cs.get(0).flags).as("the drop was the server's: it sends FIN first")
                .containsSubsequence("FIN,ACK", "FIN,ACK", "ACK");
        assertThat(cs.get(0).finFromServerFirst).isTrue();
        assertThat(cs.get(1).flags).as("still open when saved").doesNotContain("FIN,ACK");
    }

    @Test
    void aRefusedUpgradeIsItsHttpExchange() throws Exception {
        Handshake refused = new Handshake("GET /chat HTTP/1.1", List.of(new HttpHeader("Host", "h"),
                new HttpHeader("Authorization", "Bearer s3cret")), 401, "HTTP/1.1 401 Unauthorized",
                List.of(new HttpHeader("Content-Length", "12")), utf8("who are you?"));
        session.onEvent(new ConnectionEvent.Connecting(T0, 0, "ws://h/chat"));
        session.onEvent(new ConnectionEvent.Failed(T0 + 2_000, 0, FailureKind.HANDSHAKE_REJECTED, "HTTP 401", refused));
        session.onEvent(new ConnectionEvent.Closed(T0 + 2_001, 0, 1006, "", true, false));
        Path file = write("refused.pcapng");

        Capture capture = Capture.parse(Files.readAllBytes(file));

        assertThat(capture.connections).hasSize(1);
        Connection c = capture.connections.values().iterator().next();
        assertThat(new String(c.client.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("GET /chat HTTP/1.1\r\nHost: h\r\nAuthorization: " + Secrets.MASK + "\r\n\r\n");
        assertThat(new String(c.server.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("HTTP/1.1 401 Unauthorized\r\nContent-Length: 12\r\n\r\nwho are you?");
        assertThat(c.flags).contains("FIN,ACK");
    }

    @Test
    void framesWithoutAHandshakeGetAMinimalUpgrade() throws Exception {
        append(Direction.OUT, 0x81, true, 0x37fa213d, 1_000, utf8("Hello"));
        Path file = write("bare.pcapng");

        Capture capture = Capture.parse(Files.readAllBytes(file));

        Connection c = capture.connections.values().iterator().next();
        String request = new String(c.client.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(request).startsWith("GET / HTTP/1.1\r\n").contains("\r\nUpgrade: websocket\r\n")
                .endsWith("\r\n\r\n" + new String(wire(0x81, 0x37fa213d, utf8("Hello")), StandardCharsets.ISO_8859_1));
        assertThat(new String(c.server.toByteArray(), StandardCharsets.ISO_8859_1))
                .startsWith("HTTP/1.1 101 Switching Protocols\r\n").contains("\r\nUpgrade: websocket\r\n");
    }

    @Test
    void compressedFramesAreDeflatedAgainToTheSameText() throws Exception {
        buildCompressed();
        Path file = write("deflate.pcapng");

        Capture capture = Capture.parse(Files.readAllBytes(file));

        Connection c = capture.connections.values().iterator().next();
        byte[] server = c.server.toByteArray();
        String head = handshake(List.of(new HttpHeader("Sec-WebSocket-Extensions", "permessage-deflate")))
                .rawResponseHead();
        assertThat(Arrays.copyOf(server, head.length())).isEqualTo(utf8(head));
        List<byte[]> frames = parseFrames(Arrays.copyOfRange(server, head.length(), server.length));
        assertThat(frames).hasSize(4);
        assertThat(frames.get(0)[0] & 0xFF).isEqualTo(0xC1);
        assertThat(inflate(payloadOf(frames.get(0)))).isEqualTo("compressed hello");
        assertThat(frames.get(1)[0] & 0xFF).isEqualTo(0x41);
        assertThat(frames.get(2)[0] & 0xFF).isEqualTo(0x80);
        assertThat(inflate(concat(payloadOf(frames.get(1)), payloadOf(frames.get(2))))).isEqualTo("part one, part two");
        assertThat(inflate(payloadOf(frames.get(3)))).isEqualTo("compressed again");
        byte[] client = c.client.toByteArray();
        byte[] sent = Arrays.copyOfRange(client, handshake(List.of()).rawRequest().length(), client.length);
        assertThat(sent[0] & 0xFF).isEqualTo(0xC1);
        assertThat(sent[1] & 0x80).as("mask bit").isEqualTo(0x80);
        int key = ByteBuffer.wrap(sent, 2, 4).getInt();
        assertThat(key).isEqualTo(0x0badf00d);
        assertThat(sent[1] & 0x7F).isEqualTo(sent.length - 6);
        assertThat(inflate(mask(Arrays.copyOfRange(sent, 6, sent.length), key))).isEqualTo("the client compresses too");
    }

    @Test
    void captureFilesWritesPcapngButWillNotOpenIt() throws Exception {
        buildRfcExamples();
        Path file = dir.resolve("capture.pcapng");
        Files.writeString(file, "old");

        CaptureFiles.write(session, file, false, "test");

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Capture.parse(Files.readAllBytes(file)).connections).hasSize(1);
        assertThatThrownBy(() -> CaptureFiles.read(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("pcapng files can be exported, not opened");
        assertThat(CaptureFormat.of(file)).contains(CaptureFormat.PCAPNG);
        assertThat(CaptureFormat.readableOf(file)).isEmpty();
        assertThat(CaptureFormat.readableOf(Path.of("a.har"))).contains(CaptureFormat.HAR);
    }

    // ---- tshark ----

    @Test
    void tsharkDecodesEveryFrameWithItsOwnDissector() throws Exception {
        assumeTshark();
        buildRfcExamples();
        Path file = write("rfc.pcapng");

        List<String> rows = tshark(file, "websocket", "websocket.opcode", "websocket.mask",
                "websocket.payload_length", "websocket.payload_length_ext_16", "websocket.payload_length_ext_64",
                "websocket.masking_key", "websocket.payload.text", "websocket.payload.close.status_code");

        // tshark prints booleans as 1/0 and bytes as plain hex.
        assertThat(rows).containsExactly(
                "1\t0\t5\t\t\t\tHello\t",
                "1\t1\t5\t\t\t37fa213d\tHello\t",
                "2\t0\t126\t256\t\t\t\t",
                "2\t1\t127\t\t65536\t01020304\t\t",
                "9\t1\t5\t\t\t0a0b0c0d\t\t",
                "10\t0\t5\t\t\t\t\t",
                "8\t1\t2\t\t\t55667788\t\t1000",
                "8\t0\t2\t\t\t\t\t1000");
    }

    @Test
    void tsharkInflatesPermessageDeflateMessages() throws Exception {
        assumeTshark();
        buildCompressed();
        Path file = write("deflate.pcapng");

        List<String> rows = tshark(file, "websocket", "websocket.opcode", "websocket.pmc", "websocket.fin",
                "websocket.mask", "websocket.payload.text");

        // Wireshark 4.0 inflates whole compressed messages; a fragmented one it reassembles but shows still
        // compressed (it takes RSV1 from the last fragment), so those texts are checked with Inflater above.
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo("1\t1\t1\t0\tcompressed hello");
        assertThat(rows.get(1)).startsWith("1\t1\t0\t0\t");
        assertThat(rows.get(2)).startsWith("0\t0\t1\t0\t");
        assertThat(rows.get(3)).as("a later message still inflates: each is compressed on its own")
                .isEqualTo("1\t1\t1\t0\tcompressed again");
        assertThat(rows.get(4)).as("masked and compressed").isEqualTo("1\t1\t1\t1\tthe client compresses too");
        assertThat(tshark(file, "websocket.decompression.failed.expert", "frame.number")).isEmpty();
    }

    @Test
    void tsharkSeesEachConnectionAndTheRefusal() throws Exception {
        assumeTshark();
        session.onEvent(new ConnectionEvent.Connecting(T0, 0, URL));
        session.onEvent(new ConnectionEvent.Failed(T0 + 100, 0, FailureKind.HANDSHAKE_REJECTED, "HTTP 403",
                new Handshake("GET /chat HTTP/1.1", List.of(new HttpHeader("Host", "h")), 403,
                        "HTTP/1.1 403 Forbidden", List.of(new HttpHeader("Content-Length", "0")), new byte[0])));
        session.onEvent(new ConnectionEvent.Closed(T0 + 101, 0, 1006, "", true, false));
        for (int n = 0; n < 2; n++) {
            session.onEvent(new ConnectionEvent.Connecting(T0 + 1_000 + n * 10_000, n, URL));
            session.onEvent(new ConnectionEvent.Opened(T0 + 1_100 + n * 10_000, n, URL, handshake(List.of())));
            append(Direction.OUT, 0x81, true, 0x11223344, 2_000 + n * 10_000, utf8("attempt " + n));
            session.onEvent(new ConnectionEvent.Closed(T0 + 3_000 + n * 10_000, n + 1, 1000, "", false, true));
        }
        Path file = write("three.pcapng");

        assertThat(tshark(file, "http.response", "tcp.stream", "http.response.code"))
                .containsExactly("0\t403", "1\t101", "2\t101");
        assertThat(tshark(file, "websocket", "tcp.stream", "websocket.payload.text"))
                .containsExactly("1\tattempt 0", "2\tattempt 1");
        assertThat(tshark(file, "tcp.analysis.flags || _ws.malformed || _ws.expert.severity >= warning",
                "frame.number")).as("no TCP problems, nothing malformed").isEmpty();
        List<String> checksums = tshark(file, List.of("-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE"),
                "tcp", "ip.checksum.status", "tcp.checksum.status");
        assertThat(checksums).as("every packet, its checksums checked: 1 is Good").hasSize(26).containsOnly("1\t1");
    }

    // ---- the sessions ----

    /** RFC 6455 section 5.7's examples and more; returns the TCP payload each side must carry. */
    private Expected buildRfcExamples() {
        Handshake hs = handshake(List.of());
        session.onEvent(new ConnectionEvent.Connecting(T0, 0, URL));
        session.onEvent(new ConnectionEvent.Opened(T0 + 500, 0, URL, hs));
        byte[] binary256 = new byte[256];
        for (int i = 0; i < binary256.length; i++) {
            binary256[i] = (byte) i;
        }
        byte[] binary64k = new byte[65_536];
        for (int i = 0; i < binary64k.length; i++) {
            binary64k[i] = (byte) (i * 31);
        }
        append(Direction.IN, 0x81, false, 0, 1_000, utf8("Hello"));
        append(Direction.OUT, 0x81, true, 0x37fa213d, 2_000, utf8("Hello"));
        append(Direction.IN, 0x82, false, 0, 3_000, binary256);
        append(Direction.OUT, 0x82, true, 0x01020304, 4_000, binary64k);
        append(Direction.OUT, 0x89, true, 0x0a0b0c0d, 5_000, utf8("Hello"));
        append(Direction.IN, 0x8A, false, 0, 6_000, utf8("Hello"));
        append(Direction.OUT, 0x88, true, 0x55667788, 7_000, new byte[] {0x03, (byte) 0xE8});
        append(Direction.IN, 0x88, false, 0, 7_000, new byte[] {0x03, (byte) 0xE8});
        session.onEvent(new ConnectionEvent.Closed(T0 + 8_000, 8, 1000, "", false, true));

        Expected e = new Expected();
        e.client.writeBytes(utf8(hs.rawRequest()));
        e.server.writeBytes(utf8(hs.rawResponseHead()));
        e.server.writeBytes(HEX.parseHex("810548656c6c6f"));
        e.client.writeBytes(HEX.parseHex("818537fa213d7f9f4d5158"));
        e.server.writeBytes(HEX.parseHex("827e0100"));
        e.server.writeBytes(binary256);
        e.client.writeBytes(HEX.parseHex("82ff000000000001000001020304"));
        e.client.writeBytes(mask(binary64k, 0x01020304));
        e.client.writeBytes(wire(0x89, 0x0a0b0c0d, utf8("Hello")));
        e.server.writeBytes(HEX.parseHex("8a0548656c6c6f"));
        e.client.writeBytes(HEX.parseHex("888255667788"));
        e.client.writeBytes(mask(new byte[] {0x03, (byte) 0xE8}, 0x55667788));
        e.server.writeBytes(HEX.parseHex("880203e8"));
        return e;
    }

    private void buildCompressed() {
        Handshake hs = handshake(List.of(new HttpHeader("Sec-WebSocket-Extensions", "permessage-deflate")));
        session.onEvent(new ConnectionEvent.Connecting(T0, 0, URL));
        session.onEvent(new ConnectionEvent.Opened(T0 + 500, 0, URL, hs));
        // Wire lengths are what the server's compressor made; the rewrite makes its own.
        appendInflated(Direction.IN, 0xC1, 18, 1_000, utf8("compressed hello"));
        appendInflated(Direction.IN, 0x41, 12, 2_000, utf8("part one, "));
        appendInflated(Direction.IN, 0x80, 10, 3_000, utf8("part two"));
        appendInflated(Direction.IN, 0xC1, 15, 4_000, utf8("compressed again"));
        store.append(Direction.OUT, WireHeader.of(0xC1, true, 0x0badf00d, 20), true, 5_000_000L,
                ByteBuffer.wrap(utf8("the client compresses too")));
    }

    private static Handshake handshake(List<HttpHeader> extraResponse) {
        List<HttpHeader> response = new ArrayList<>(List.of(new HttpHeader("Upgrade", "websocket"),
                new HttpHeader("Connection", "Upgrade"),
                new HttpHeader("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")));
        response.addAll(extraResponse);
        return new Handshake("GET /chat?room=2 HTTP/1.1",
                List.of(new HttpHeader("Host", "example.test:8080"), new HttpHeader("Upgrade", "websocket"),
                        new HttpHeader("Connection", "Upgrade"),
                        new HttpHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
                        new HttpHeader("Sec-WebSocket-Version", "13")),
                101, "HTTP/1.1 101 Switching Protocols", response, new byte[0]);
    }

    private void append(Direction dir, int firstByte, boolean masked, int maskKey, long micros, byte[] payload) {
        store.append(dir, WireHeader.of(firstByte, masked, maskKey, payload.length), false, micros * 1_000,
                ByteBuffer.wrap(payload));
    }

    private void appendInflated(Direction dir, int firstByte, long wireLength, long micros, byte[] payload) {
        store.append(dir, WireHeader.of(firstByte, false, 0, wireLength), true, micros * 1_000,
                ByteBuffer.wrap(payload));
    }

    private Path write(String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            new PcapngWriter().write(session.eventsFrom(0), store, out);
        }
        return file;
    }

    private static final class Expected {
        final ByteArrayOutputStream client = new ByteArrayOutputStream();
        final ByteArrayOutputStream server = new ByteArrayOutputStream();
    }

    // ---- frames, built independently of the writer ----

    /** A frame with the minimal length encoding; {@code maskKey} null for unmasked. */
    private static byte[] wire(int firstByte, Integer maskKey, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int m = maskKey == null ? 0 : 0x80;
        if (payload.length <= 125) {
            out.write(m | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(m | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(m | 127);
            out.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        if (maskKey != null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(maskKey).array());
            out.writeBytes(mask(payload, maskKey));
        } else {
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static byte[] mask(byte[] payload, int key) {
        byte[] k = ByteBuffer.allocate(4).putInt(key).array();
        byte[] out = payload.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= k[i % 4];
        }
        return out;
    }

    /** Splits unmasked frames back apart. */
    private static List<byte[]> parseFrames(byte[] bytes) {
        List<byte[]> frames = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int len7 = bytes[pos + 1] & 0x7F;
            int head = 2;
            long len = len7;
            if (len7 == 126) {
                len = ((bytes[pos + 2] & 0xFF) << 8) | (bytes[pos + 3] & 0xFF);
                head = 4;
            } else if (len7 == 127) {
                len = ByteBuffer.wrap(bytes, pos + 2, 8).getLong();
                head = 10;
            }
            frames.add(Arrays.copyOfRange(bytes, pos, pos + head + (int) len));
            pos += head + (int) len;
        }
        return frames;
    }

    private static byte[] payloadOf(byte[] frame) {
        int len7 = frame[1] & 0x7F;
        int head = len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
        return Arrays.copyOfRange(frame, head, frame.length);
    }

    private static String inflate(byte[] compressed) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(concat(compressed, new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}));
        byte[] out = new byte[1024];
        int n = inflater.inflate(out);
        inflater.end();
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- the pcapng reader of this test ----

    /** One TCP connection's payload per direction and its packets' flags, in file order. */
    private static final class Connection {
        int clientPort;
        int serverPort;
        int nextClientSeq;
        int nextServerSeq;
        boolean finFromServerFirst;
        boolean sawFin;
        int maxSegment;
        String firstComment;
        final ByteArrayOutputStream client = new ByteArrayOutputStream();
        final ByteArrayOutputStream server = new ByteArrayOutputStream();
        final List<String> flags = new ArrayList<>();
        final List<Long> dataTimestamps = new ArrayList<>();
    }

    private static final class Capture {
        final List<Integer> blockTypes = new ArrayList<>();
        int linkType = -1;
        int tsresol = -1;
        int packets;
        final Map<Integer, Connection> connections = new LinkedHashMap<>();

        static Capture parse(byte[] file) {
            Capture c = new Capture();
            ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            while (b.remaining() > 0) {
                int start = b.position();
                int type = b.getInt();
                int total = b.getInt();
                assertThat(total % 4).as("block at %d is padded to 32 bits", start).isZero();
                assertThat(b.getInt(start + total - 4)).as("block at %d repeats its length", start).isEqualTo(total);
                c.blockTypes.add(type);
                if (type == 0x0A0D0D0A) {
                    assertThat(b.getInt(start + 8)).isEqualTo(0x1A2B3C4D);
                    assertThat(b.getShort(start + 12)).isEqualTo((short) 1);
                } else if (type == 1) {
                    c.linkType = b.getShort(start + 8) & 0xFFFF;
                    options(b, start + 16, start + total - 4, (code, value) -> {
                        if (code == 9) {
                            c.tsresol = value[0];
                        }
                    });
                } else if (type == 6) {
                    assertThat(b.getInt(start + 8)).as("interface id").isZero();
                    long ts = ((long) b.getInt(start + 12) << 32) | (b.getInt(start + 16) & 0xFFFFFFFFL);
                    int captured = b.getInt(start + 20);
                    assertThat(b.getInt(start + 24)).isEqualTo(captured);
                    byte[] data = Arrays.copyOfRange(file, start + 28, start + 28 + captured);
                    String[] comment = new String[1];
                    options(b, start + 28 + ((captured + 3) & ~3), start + total - 4, (code, value) -> {
                        if (code == 1) {
                            comment[0] = new String(value, StandardCharsets.UTF_8);
                        }
                    });
                    c.packet(ts, data, comment[0]);
                }
                b.position(start + total);
            }
            return c;
        }

        interface OptionSink {
            void accept(int code, byte[] value);
        }

        static void options(ByteBuffer b, int from, int to, OptionSink sink) {
            int pos = from;
            while (pos + 4 <= to) {
                int code = b.getShort(pos) & 0xFFFF;
                int len = b.getShort(pos + 2) & 0xFFFF;
                if (code == 0) {
                    return;
                }
                byte[] value = new byte[len];
                b.get(pos + 4, value);
                sink.accept(code, value);
                pos += 4 + ((len + 3) & ~3);
            }
        }

        void packet(long ts, byte[] p, String comment) {
            packets++;
            ByteBuffer b = ByteBuffer.wrap(p);
            assertThat(b.getShort(12)).as("IPv4 EtherType").isEqualTo((short) 0x0800);
            assertThat(p[14]).isEqualTo((byte) 0x45);
            int ipLength = b.getShort(16) & 0xFFFF;
            assertThat(ipLength).isEqualTo(p.length - 14);
            assertThat(PcapngWriter.checksum(0, p, 14, 20)).as("IPv4 header checksum").isZero();
            assertThat(p[23]).as("TCP").isEqualTo((byte) 6);
            int src = b.getInt(26);
            int dst = b.getInt(30);
            int tcpLength = ipLength - 20;
            long pseudo = (src >>> 16) + (src & 0xFFFF) + (dst >>> 16) + (dst & 0xFFFF) + 6 + tcpLength;
            assertThat(PcapngWriter.checksum(pseudo, p, 34, tcpLength)).as("TCP checksum").isZero();
            int sport = b.getShort(34) & 0xFFFF;
            int dport = b.getShort(36) & 0xFFFF;
            int seq = b.getInt(38);
            int ack = b.getInt(42);
            int flags = p[47] & 0xFF;
            boolean fromClient = dport == 80;
            Connection c = connections.computeIfAbsent(fromClient ? sport : dport, k -> new Connection());
            if (c.flags.isEmpty()) {
                c.clientPort = sport;
                c.serverPort = dport;
                c.firstComment = comment;
                c.nextClientSeq = seq;
            }
            List<String> names = new ArrayList<>();
            if ((flags & 0x01) != 0) {
                names.add("FIN");
            }
            if ((flags & 0x02) != 0) {
                names.add("SYN");
            }
            if ((flags & 0x10) != 0) {
                names.add("ACK");
            }
            c.flags.add(String.join(",", names));
            if ((flags & 0x02) != 0 && !fromClient) {
                c.nextServerSeq = seq;
            }
            assertThat(seq).as("sequence number of packet %d", packets)
                    .isEqualTo(fromClient ? c.nextClientSeq : c.nextServerSeq);
            if ((flags & 0x10) != 0) {
                assertThat(ack).as("ack number of packet %d", packets)
                        .isEqualTo(fromClient ? c.nextServerSeq : c.nextClientSeq);
            }
            int payload = tcpLength - 20;
            int advance = payload + ((flags & 0x03) != 0 ? 1 : 0);
            if (fromClient) {
                c.nextClientSeq += advance;
                c.client.write(p, 54, payload);
            } else {
                c.nextServerSeq += advance;
                c.server.write(p, 54, payload);
            }
            if ((flags & 0x01) != 0 && !c.sawFin) {
                c.sawFin = true;
                c.finFromServerFirst = !fromClient;
            }
            if (payload > 0) {
                c.maxSegment = Math.max(c.maxSegment, payload);
                c.dataTimestamps.add(ts);
            }
        }
    }

    // ---- tshark ----

    private static void assumeTshark() {
        Assumptions.assumeTrue(onPath("tshark"), "tshark is not installed: apt-get install tshark");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    /** tshark's rows of tab-separated fields for the packets matching {@code filter}. */
    private List<String> tshark(Path file, String filter, String... fields) throws Exception {
        return tshark(file, List.of(), filter, fields);
    }

    private List<String> tshark(Path file, List<String> options, String filter, String... fields) throws Exception {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        command.addAll(options);
        command.addAll(List.of("-Y", filter, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|"));
        for (String f : fields) {
            command.add("-e");
            command.add(f);
        }
        Path stdout = dir.resolve("tshark-" + System.nanoTime() + ".out");
        Path stderr = dir.resolve("tshark-" + System.nanoTime() + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // A fresh, empty configuration: the user's Wireshark preferences do not change what is decoded.
        pb.environment().put("WIRESHARK_CONFIG_DIR", Files.createDirectories(dir.resolve("wireshark-config")).toString());
        pb.environment().put("HOME", dir.toString());
        Process process = pb.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("tshark finished within a minute").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("tshark's exit code; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readAllLines(stdout, StandardCharsets.UTF_8);
    }
}
