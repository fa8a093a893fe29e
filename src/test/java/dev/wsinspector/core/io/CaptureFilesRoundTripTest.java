package dev.wsinspector.core.io;

import dev.wsinspector.testutil.FixedCaptureClock;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions written with {@link CaptureFiles#write} and read back with {@link CaptureFiles#read}. */
class CaptureFilesRoundTripTest {

    /** 2026-11-26T05:48:36.000000Z; the test clock maps monotonic nanos 0 to this. */
    private static final long T0 = 1_795_672_116_000_000L;
    private static final String URL = "ws://h:1/chat?room=2";
    private static final byte[] ALL_BYTES = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL_BYTES[i] = (byte) i;
        }
    }

    @TempDir
    Path dir;

    private final ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(T0));
    private final Session session = new Session(store);

    @Test
    void jsonlKeepsEveryFrameBitForBitAndTheEvents() throws Exception {
        buildSession();
        Path file = dir.resolve("capture.jsonl");

        CaptureFiles.write(session, file, true, "test");
        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.captures()).hasSize(1);
        ImportedCapture capture = result.captures().get(0);
        assertThat(capture.url()).isEqualTo(URL);
        FrameStore read = capture.session().frames();
        assertThat(read.size()).isEqualTo(store.size());
        for (long seq = 0; seq < store.size(); seq++) {
            Frame expected = store.get(seq);
            Frame actual = read.get(seq);
            assertThat(actual.direction()).as("direction of frame %d", seq).isEqualTo(expected.direction());
            assertThat(actual.header()).as("header of frame %d", seq).isEqualTo(expected.header());
            assertThat(actual.inflated()).as("inflated of frame %d", seq).isEqualTo(expected.inflated());
            assertThat(actual.payloadBytes()).as("payload of frame %d", seq).isEqualTo(expected.payloadBytes());
            assertThat(actual.epochMicros()).as("time of frame %d", seq).isEqualTo(expected.epochMicros());
            assertThat(read.epochMicros(seq)).isEqualTo(expected.epochMicros());
        }
        assertThat(read.get(6).truncated()).isFalse();
        assertThat(read.get(10).truncated()).as("a frame cut short stays cut short").isTrue();

        List<ConnectionEvent> events = capture.session().eventsFrom(0);
        assertThat(events).extracting(e -> e.getClass().getSimpleName(), ConnectionEvent::frameIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Connecting", 0L),
                        org.assertj.core.groups.Tuple.tuple("Opened", 0L),
                        org.assertj.core.groups.Tuple.tuple("Note", 3L),
                        org.assertj.core.groups.Tuple.tuple("Closed", 13L));
        assertThat(((ConnectionEvent.Connecting) events.get(0)).url()).isEqualTo(URL);
        ConnectionEvent.Opened opened = (ConnectionEvent.Opened) events.get(1);
        assertThat(opened.epochMicros()).isEqualTo(T0 + 500);
        assertThat(opened.url()).isEqualTo(URL);
        assertSameHandshake(opened.handshake(), handshake());
        assertThat(events.get(2)).isEqualTo(new ConnectionEvent.Note(T0 + 3_500, 3, "warning", "replay step 1 skipped"));
        assertThat(events.get(3)).isEqualTo(new ConnectionEvent.Closed(T0 + 14_000, 13, 1000, "bye", false, true));
        assertThat(capture.session().closed()).isPresent();
    }

    @Test
    void harKeepsMessagesTimesAndTheHandshake() throws Exception {
        buildSession();
        Path file = dir.resolve("capture.har");

        CaptureFiles.write(session, file, true, "test");
        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.captures()).hasSize(1);
        ImportedCapture capture = result.captures().get(0);
        assertThat(capture.url()).isEqualTo(URL);
        FrameStore read = capture.session().frames();
        byte[] close = closePayload(1000, "bye");
        // HAR holds whole messages: fragments joined (stamped with the last one), compressed ones inflated.
        List<Expected> expected = List.of(
                new Expected(Direction.OUT, Opcode.TEXT, utf8("hello"), 1_000),
                new Expected(Direction.IN, Opcode.TEXT, utf8("héllo"), 2_000),
                new Expected(Direction.OUT, Opcode.BINARY, ALL_BYTES, 3_000),
                new Expected(Direction.OUT, Opcode.PING, utf8("p"), 4_000),
                new Expected(Direction.IN, Opcode.PONG, utf8("p"), 5_000),
                new Expected(Direction.IN, Opcode.TEXT, utf8("aéb"), 7_000),
                new Expected(Direction.IN, Opcode.TEXT, utf8("compressed hello"), 8_000),
                new Expected(Direction.IN, Opcode.TEXT, utf8("part one, part two"), 10_000),
                new Expected(Direction.IN, Opcode.BINARY, Arrays.copyOf(ALL_BYTES, 10), 11_000),
                new Expected(Direction.OUT, Opcode.CLOSE, close, 12_000),
                new Expected(Direction.IN, Opcode.CLOSE, close, 13_000));
        assertThat(read.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            Frame f = read.get(i);
            assertThat(f.direction()).as("direction of frame %d", i).isEqualTo(e.direction);
            assertThat(f.opcode()).as("opcode of frame %d", i).isEqualTo(e.opcode);
            assertThat(f.payloadBytes()).as("payload of frame %d", i).isEqualTo(e.payload);
            assertThat(f.epochMicros()).as("time of frame %d", i).isEqualTo(T0 + e.micros);
            assertThat(f.fin()).isTrue();
            assertThat(f.header().rsv1() || f.header().rsv2() || f.header().rsv3()).isFalse();
            assertThat(f.masked()).as("sent frames are masked, as a client's are").isEqualTo(e.direction == Direction.OUT);
            assertThat(f.inflated()).isFalse();
            assertThat(f.header().payloadLength()).isEqualTo(e.payload.length);
        }

        // HAR has no note and no close event; the attempt's start and answer are there.
        List<ConnectionEvent> events = capture.session().eventsFrom(0);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new ConnectionEvent.Connecting(T0, 0, URL));
        ConnectionEvent.Opened opened = (ConnectionEvent.Opened) events.get(1);
        assertThat(opened.epochMicros()).isEqualTo(T0 + 500);
        assertThat(opened.frameIndex()).isZero();
        assertSameHandshake(opened.handshake(), handshake());
    }

    @Test
    void secretsMaskedOnExportStayMaskedOnImport() throws Exception {
        String url = "ws://h:1/chat?token=abc&room=2";
        session.onEvent(new ConnectionEvent.Opened(T0, 0, url, handshake()));
        append(Direction.OUT, 0x81, true, 0x01020304, false, 2, 1_000, utf8("hi"));

        for (String name : List.of("masked.jsonl", "masked.har")) {
            Path file = dir.resolve(name);
            CaptureFiles.write(session, file, false, "test");
            ImportedCapture capture = CaptureFiles.read(file).captures().get(0);
            assertThat(Files.readString(file)).doesNotContain("s3cret").doesNotContain("token=abc");
            assertThat(capture.url()).as(name).isEqualTo("ws://h:1/chat?token=" + Secrets.MASK + "&room=2");
            Handshake hs = capture.session().opened().orElseThrow().handshake();
            assertThat(hs.requestHeaders()).as(name).contains(new HttpHeader("Authorization", Secrets.MASK));
        }
    }

    @Test
    void jsonlKeepsARefusedUpgrade() throws Exception {
        Handshake refused = new Handshake("GET / HTTP/1.1", List.of(new HttpHeader("Host", "h")), 401,
                "HTTP/1.1 401", List.of(new HttpHeader("WWW-Authenticate", "Bearer")),
                "who are you?".getBytes(StandardCharsets.UTF_8));
        session.onEvent(new ConnectionEvent.Connecting(T0, 0, "ws://h/"));
        session.onEvent(new ConnectionEvent.Failed(T0 + 2_000, 0, FailureKind.HANDSHAKE_REJECTED,
                "HTTP 401 Unauthorized", refused));
        session.onEvent(new ConnectionEvent.Closed(T0 + 2_001, 0, 1006, "", true, false));
        Path file = dir.resolve("refused.jsonl");

        CaptureFiles.write(session, file, false, "test");
        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).isEmpty();
        Session read = result.captures().get(0).session();
        ConnectionEvent.Failed failed = read.lastFailure().orElseThrow();
        assertThat(failed.kind()).isEqualTo(FailureKind.HANDSHAKE_REJECTED);
        assertThat(failed.message()).isEqualTo("HTTP 401 Unauthorized");
        assertThat(failed.epochMicros()).isEqualTo(T0 + 2_000);
        assertThat(failed.handshake().statusCode()).isEqualTo(401);
        assertThat(failed.handshake().responseHeaders()).containsExactly(new HttpHeader("WWW-Authenticate", "Bearer"));
        assertThat(new String(failed.handshake().responseBody(), StandardCharsets.UTF_8)).isEqualTo("who are you?");
        assertThat(read.closed()).contains(new ConnectionEvent.Closed(T0 + 2_001, 0, 1006, "", true, false));
    }

    @Test
    void writingLeavesNoTempFileAndReplacesTheOldContent() throws Exception {
        buildSession();
        Path file = dir.resolve("capture.jsonl");
        Files.writeString(file, "old content\n");

        CaptureFiles.write(session, file, true, "test");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.readString(file)).doesNotContain("old content").contains("\"type\":\"open\"");
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoTempFile() throws Exception {
        buildSession();
        Session broken = new Session(new FailingStore(store, 5));
        session.eventsFrom(0).forEach(broken::onEvent);
        for (String name : List.of("keep.har", "keep.jsonl", "keep.pcapng")) {
            Path file = dir.resolve(name);
            Files.writeString(file, "previous capture");

            assertThatThrownBy(() -> CaptureFiles.write(broken, file, true, "test"))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(Files.readString(file)).isEqualTo("previous capture");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("keep.har", "keep.jsonl", "keep.pcapng");
        }
    }

    @Test
    void writingToAnotherExtensionIsRefused() {
        Path file = dir.resolve("capture.txt");
        assertThatThrownBy(() -> CaptureFiles.write(session, file, true, "test"))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining(".har, .jsonl or .pcapng");
        assertThat(file).doesNotExist();
    }

    // ---- the session ----

    private void buildSession() {
        session.onEvent(new ConnectionEvent.Connecting(T0, 0, URL));
        session.onEvent(new ConnectionEvent.Opened(T0 + 500, 0, URL, handshake()));
        byte[] accented = utf8("aéb");
        append(Direction.OUT, 0x81, true, 0x11223344, false, 5, 1_000, utf8("hello"));
        append(Direction.IN, 0x81, false, 0, false, 6, 2_000, utf8("héllo"));
        append(Direction.OUT, 0x82, true, 0xCAFEBABE, false, 256, 3_000, ALL_BYTES);
        session.onEvent(new ConnectionEvent.Note(T0 + 3_500, 3, "warning", "replay step 1 skipped"));
        append(Direction.OUT, 0x89, true, 0x0A0B0C0D, false, 1, 4_000, utf8("p"));
        append(Direction.IN, 0x8A, false, 0, false, 1, 5_000, utf8("p"));
        // A text message whose two fragments split "é" (each fragment alone is not valid UTF-8).
        append(Direction.IN, 0x01, false, 0, false, 2, 6_000, Arrays.copyOfRange(accented, 0, 2));
        append(Direction.IN, 0x80, false, 0, false, 2, 7_000, Arrays.copyOfRange(accented, 2, 4));
        // Compressed: one whole message, then one in two fragments (RSV1 on the first only).
        append(Direction.IN, 0xC1, false, 0, true, 12, 8_000, utf8("compressed hello"));
        append(Direction.IN, 0x41, false, 0, true, 9, 9_000, utf8("part one, "));
        append(Direction.IN, 0x80, false, 0, true, 7, 10_000, utf8("part two"));
        // A frame cut short: the header announced 100 bytes, 10 were captured.
        append(Direction.IN, 0x82, false, 0, false, 100, 11_000, Arrays.copyOf(ALL_BYTES, 10));
        append(Direction.OUT, 0x88, true, 0x55667788, false, 5, 12_000, closePayload(1000, "bye"));
        append(Direction.IN, 0x88, false, 0, false, 5, 13_000, closePayload(1000, "bye"));
        session.onEvent(new ConnectionEvent.Closed(T0 + 14_000, 13, 1000, "bye", false, true));
    }

    private static Handshake handshake() {
        return new Handshake("GET /chat?room=2 HTTP/1.1",
                List.of(new HttpHeader("Host", "h:1"), new HttpHeader("Authorization", "Bearer s3cret"),
                        new HttpHeader("Sec-WebSocket-Protocol", "chat, superchat")),
                101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Upgrade", "websocket"), new HttpHeader("Connection", "Upgrade"),
                        new HttpHeader("Sec-WebSocket-Protocol", "chat")), new byte[0]);
    }

    private static void assertSameHandshake(Handshake actual, Handshake expected) {
        assertThat(actual.requestLine()).isEqualTo(expected.requestLine());
        assertThat(actual.requestHeaders()).isEqualTo(expected.requestHeaders());
        assertThat(actual.statusCode()).isEqualTo(expected.statusCode());
        assertThat(actual.statusLine()).isEqualTo(expected.statusLine());
        assertThat(actual.responseHeaders()).isEqualTo(expected.responseHeaders());
        assertThat(actual.responseBody()).isEqualTo(expected.responseBody());
        assertThat(actual.subprotocol()).contains("chat");
    }

    private void append(Direction dir, int firstByte, boolean masked, int maskKey, boolean inflated,
                        long wireLength, long micros, byte[] payload) {
        store.append(dir, WireHeader.of(firstByte, masked, maskKey, wireLength), inflated, micros * 1_000,
                ByteBuffer.wrap(payload));
    }

    private static byte[] closePayload(int code, String reason) {
        byte[] r = utf8(reason);
        return ByteBuffer.allocate(2 + r.length).putShort((short) code).put(r).array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Expected(Direction direction, Opcode opcode, byte[] payload, long micros) {
    }

    /** A store whose frame {@code failAt} cannot be read, to make a write fail halfway. */
    private static final class FailingStore implements FrameStore {
        private final FrameStore delegate;
        private final long failAt;

        FailingStore(FrameStore delegate, long failAt) {
            this.delegate = delegate;
            this.failAt = failAt;
        }

        @Override
        public Frame get(long seq) {
            if (seq == failAt) {
                throw new IllegalStateException("frame " + seq + " is unreadable");
            }
            return delegate.get(seq);
        }

        @Override
        public long append(Direction direction, WireHeader header, boolean inflated, long monoNanos,
                           ByteBuffer payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public CaptureClock clock() {
            return delegate.clock();
        }

        @Override
        public Direction direction(long seq) {
            return delegate.direction(seq);
        }

        @Override
        public Opcode opcode(long seq) {
            return delegate.opcode(seq);
        }

        @Override
        public int firstByte(long seq) {
            return delegate.firstByte(seq);
        }

        @Override
        public boolean masked(long seq) {
            return delegate.masked(seq);
        }

        @Override
        public boolean inflated(long seq) {
            return delegate.inflated(seq);
        }

        @Override
        public long monoNanos(long seq) {
            return delegate.monoNanos(seq);
        }

        @Override
        public long epochMicros(long seq) {
            return delegate.epochMicros(seq);
        }

        @Override
        public int payloadLength(long seq) {
            return delegate.payloadLength(seq);
        }

        @Override
        public long wirePayloadLength(long seq) {
            return delegate.wirePayloadLength(seq);
        }

        @Override
        public int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len) {
            return delegate.readPayload(seq, offset, dst, dstOffset, len);
        }

        @Override
        public long payloadBytes() {
            return delegate.payloadBytes();
        }

        @Override
        public long retainedBytes() {
            return delegate.retainedBytes();
        }
    }
}
