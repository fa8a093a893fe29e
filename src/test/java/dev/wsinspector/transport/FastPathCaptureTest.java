package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.testutil.RawWebSocketServer.ClientFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import static dev.wsinspector.testutil.EventRecorder.frames;
import static dev.wsinspector.transport.WireFrame.bytes;
import static dev.wsinspector.transport.WireFrame.concat;
import static dev.wsinspector.transport.WireFrame.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture fast path through a real connection on loopback: a raw-socket server writes frames in odd
 * pieces (1, 2, 3, 5, … bytes, flushed one by one with Nagle off), and what is captured must be exactly
 * what was sent; the library still answers pings, runs the close handshake, decompresses, and refuses
 * invalid UTF-8 (1007) and oversized frames (1009).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FastPathCaptureTest {

    private static final int[] ODD_PIECES = {1, 2, 3, 5, 7, 11, 13, 17, 64, 257, 1000, 4093, 1, 1, 19};

    private final JwsConnectionService service = new JwsConnectionService();
    private FrameStore store = new ColumnarFrameStore();
    private EventRecorder events = new EventRecorder();
    private final List<ClientFrame> serverSaw = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean closeLost = new java.util.concurrent.atomic.AtomicBoolean();
    private RawWebSocketServer server;
    private Connection connection;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ConnectionOptions options(URI uri) {
        return ConnectionOptions.of(uri).withPingInterval(Duration.ZERO).withConnectTimeout(Duration.ofSeconds(5));
    }

    private static List<Frame> inbound(FrameStore store) {
        return frames(store).stream().filter(f -> f.direction() == Direction.IN).toList();
    }

    private static void assertSame(List<Frame> captured, List<WireFrame> sent) {
        assertThat(captured).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            WireFrame w = sent.get(i);
            Frame f = captured.get(i);
            String as = "frame " + i;
            assertThat(f.header().firstByte()).as(as).isEqualTo(w.firstByte());
            assertThat(f.masked()).as(as).isEqualTo(w.maskKey() != null);
            assertThat(f.header().maskKey()).as(as).isEqualTo(w.maskKey() == null ? 0 : w.maskKey());
            assertThat(f.header().payloadLength()).as(as).isEqualTo(w.payload().length);
            assertThat(f.header().headerLength()).as(as).isEqualTo(w.headerLength());
            assertThat(f.payloadBytes()).as(as).isEqualTo(w.payload());
            assertThat(f.inflated()).as(as).isFalse();
        }
    }

    /** Data frames of every kind with control frames between them, then the server's close. */
    private static List<WireFrame> mixed() {
        List<WireFrame> frames = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            frames.add(WireFrame.text("message " + i + (i % 3 == 0 ? " ünïcödé €" : "")));
            if (i % 7 == 0) {
                frames.add(WireFrame.of(0x89, utf8("ping " + i)));
            }
            if (i % 5 == 0) {
                frames.add(WireFrame.binary(130 + i)); // 16-bit length
            }
            if (i % 11 == 0) {
                frames.add(WireFrame.of(0x01, utf8("frag-")));
                frames.add(WireFrame.of(0x89, utf8("between fragments")));
                frames.add(WireFrame.of(0x80, utf8("ment " + i)));
            }
            if (i == 20) {
                frames.add(WireFrame.binary(70_000));                      // 64-bit length, spans reads
                frames.add(WireFrame.text("masked by a server").masked(0x0BADF00D));
                frames.add(WireFrame.of(0x8A, utf8("unsolicited pong")));
                frames.add(WireFrame.text("").withLengthBytes(8));        // empty, non-minimal length
            }
        }
        frames.add(WireFrame.of(0x88, concat(bytes(0x03, 0xE8), utf8("all sent"))));
        return frames;
    }

    @Test
    void frameCutAnywhereByTheReadsAreCapturedByteForByte() throws Exception {
        List<WireFrame> sent = mixed();
        byte[] wire = WireFrame.stream(sent);
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.writeInPieces(wire, ODD_PIECES, 300);
            // Read what the client sends until it hangs up. (Not all of it may arrive: Java-WebSocket 1.6.0's
            // write thread drops what is still queued when it is interrupted in the middle of a write, which
            // the close after the server's close frame does; a library race, not the capture's.)
            try {
                while (true) {
                    serverSaw.add(peer.readFrame());
                }
            } catch (java.io.IOException endOfStream) {
                // the client closed
            }
        });
        // Lenient, so that the masked frame is flagged and passed on rather than failing the connection.
        connection = service.connect(options(server.uri("/mixed")).withLenient(true), store, events);

        ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class);
        assertThat(events.kinds()).as("%s", events.events()).containsExactly("Connecting", "Opened", "Note", "Closed");
        assertThat(events.first(ConnectionEvent.Note.class).message())
                .isEqualTo("Protocol violation: masked frame from server (RFC 6455 §5.1) — kept open (lenient)");
        assertThat(closed.code()).isEqualTo(1000);
        assertThat(closed.clean()).isTrue();
        assertSame(inbound(store), sent);
        assertThat(server.errors()).isEmpty();

        // The library still saw every ping (between fragments too) and answered each, in order.
        List<String> pings = sent.stream().filter(w -> w.firstByte() == 0x89).map(w -> new String(w.payload())).toList();
        List<String> pongs = frames(store).stream().filter(f -> f.direction() == Direction.OUT && f.opcode() == Opcode.PONG)
                .map(f -> new String(f.payloadBytes())).toList();
        assertThat(pongs).isEqualTo(pings);
        List<String> written = serverSaw.stream().filter(f -> f.opcode() == 0xA).map(ClientFrame::text).toList();
        assertThat(pongs.subList(0, written.size())).isEqualTo(written);
        List<Frame> all = frames(store);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).monoNanos()).isGreaterThanOrEqualTo(all.get(i - 1).monoNanos());
        }
    }

    @Test
    void largeFramesInLargeReadsAreCapturedByteForByte() throws Exception {
        StringBuilder text = new StringBuilder();
        while (text.length() < 300_000) {
            text.append("line of text with ünïcödé now and then ").append(text.length() % 13 == 0 ? "€\uD83D\uDE00" : "");
        }
        List<WireFrame> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(WireFrame.binary(65_536 + i));
            sent.add(WireFrame.text(text.substring(0, 100_000 + 30_000 * i)));
            sent.add(WireFrame.text("small " + i));
        }
        sent.add(WireFrame.of(0x88, bytes(0x03, 0xE8)));
        byte[] wire = WireFrame.stream(sent);
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.writeInPieces(wire, new int[] {65_536, 100_003, 7, 30_000}, 0);
            peer.echoCloseWhenItComes();
            peer.clientClosed(3000);
        });
        connection = service.connect(options(server.uri("/large")), store, events);

        events.await(ConnectionEvent.Closed.class);
        assertThat(events.kinds()).as("%s", events.events()).containsExactly("Connecting", "Opened", "Closed");
        assertSame(inbound(store), sent);
    }

    private ConnectionEvent.Failed expectFailure(List<WireFrame> sent, int code) throws Exception {
        byte[] wire = WireFrame.stream(sent);
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.writeInPieces(wire, ODD_PIECES, 100);
            try {
                serverSaw.add(peer.readFrame());
            } catch (java.io.EOFException lost) {
                // Java-WebSocket 1.6.0 can close the socket before its write thread sends the close frame (a
                // known library race, rare, seen under load): the code is then checked from the client's events.
                closeLost.set(true);
                return;
            }
            peer.clientClosed(3000);
        });
        connection = service.connect(options(server.uri("/bad")).withMaxFrameSize(1000), store, events);
        events.await(ConnectionEvent.Closed.class);
        assertThat(events.kinds()).as("%s", events.events()).containsExactly("Connecting", "Opened", "Failed", "Closed");
        assertThat(events.first(ConnectionEvent.Closed.class).code()).isEqualTo(code);
        org.awaitility.Awaitility.await().atMost(EventRecorder.WAIT).until(() -> !serverSaw.isEmpty() || closeLost.get());
        if (!closeLost.get()) {
            assertThat(serverSaw.get(0).opcode()).isEqualTo(0x8);
            assertThat(serverSaw.get(0).closeCode()).isEqualTo(code);
        }
        ConnectionEvent.Failed failed = events.first(ConnectionEvent.Failed.class);
        assertThat(failed.kind()).isEqualTo(FailureKind.PROTOCOL);
        return failed;
    }

    @Test
    void invalidUtf8InAWholeMessageFailsWith1007AndTheFrameIsCaptured() throws Exception {
        List<byte[]> cases = List.of(
                bytes(0xC0, 0xAF),                                     // overlong
                bytes(0xED, 0xA0, 0x80),                               // surrogate
                bytes(0xF4, 0x90, 0x80, 0x80),                         // above U+10FFFF
                concat(utf8("ends cut off"), bytes(0xE2, 0x82)));      // truncated at the end of a FIN frame
        for (byte[] bad : cases) {
            List<WireFrame> sent = List.of(WireFrame.text("good one"), WireFrame.binary(300), WireFrame.of(0x81, bad));
            ConnectionEvent.Failed failed = expectFailure(sent, 1007);
            assertThat(failed.message()).isEqualTo("Server sent a text message that is not valid UTF-8 (closed with 1007)");
            List<Frame> in = inbound(store);
            assertThat(in).hasSize(3);
            assertSame(in, sent);
            fresh();
        }
    }

    @Test
    void invalidUtf8SplitAcrossFragmentsFailsWith1007() throws Exception {
        List<List<WireFrame>> cases = List.of(
                // A code point split between fragments whose continuation is wrong.
                List.of(WireFrame.of(0x01, concat(utf8("a"), bytes(0xE2))), WireFrame.of(0x80, bytes(0x28))),
                // A surrogate in the last fragment.
                List.of(WireFrame.of(0x01, utf8("ok")), WireFrame.of(0x00, utf8(" still ok")),
                        WireFrame.of(0x80, bytes(0xED, 0xA0, 0x80))),
                // The message ends in the middle of a code point.
                List.of(WireFrame.of(0x01, utf8("ok")), WireFrame.of(0x80, bytes(0xE2, 0x82))));
        for (List<WireFrame> bad : cases) {
            List<WireFrame> sent = new ArrayList<>(List.of(WireFrame.text("good one")));
            sent.addAll(bad);
            ConnectionEvent.Failed failed = expectFailure(sent, 1007);
            assertThat(failed.message()).contains("1007");
            assertSame(inbound(store), sent);
            fresh();
        }
    }

    @Test
    void aCodePointSplitAcrossFragmentsOfAValidMessageIsFine() throws Exception {
        List<WireFrame> sent = List.of(WireFrame.text("first"),
                WireFrame.of(0x01, concat(utf8("a"), bytes(0xE2))), WireFrame.of(0x80, bytes(0x82, 0xAC)),
                WireFrame.text("after"), WireFrame.of(0x88, bytes(0x03, 0xE8)));
        byte[] wire = WireFrame.stream(sent);
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.writeInPieces(wire, ODD_PIECES, 100);
            peer.echoCloseWhenItComes();
            peer.clientClosed(3000);
        });
        connection = service.connect(options(server.uri("/split")), store, events);
        ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class);
        assertThat(events.kinds()).as("%s", events.events()).containsExactly("Connecting", "Opened", "Closed");
        assertThat(closed.code()).isEqualTo(1000);
        assertSame(inbound(store), sent);
    }

    @Test
    void aFrameOverTheLimitAfterFastFramesFailsWith1009() throws Exception {
        List<WireFrame> sent = List.of(WireFrame.text("fits"), WireFrame.binary(1000), WireFrame.text("x".repeat(1001)));
        ConnectionEvent.Failed failed = expectFailure(sent, 1009);
        assertThat(failed.message()).isEqualTo("Server sent a 1001-byte frame, over the 1000-byte limit (closed with 1009)");
        List<Frame> in = inbound(store);
        assertSame(in.subList(0, 2), sent.subList(0, 2));
        assertThat(in.get(2).header().payloadLength()).isEqualTo(1001);
        byte[] kept = in.get(2).payloadBytes(); // whatever part of it had arrived
        assertThat(kept).isEqualTo(Arrays.copyOf(utf8("x".repeat(1001)), kept.length));
    }

    @Test
    void compressedFramesAreStillDecodedByTheLibraryBetweenFastOnes() throws Exception {
        String one = "{\"kind\":\"compressed\",\"text\":\"" + "abc".repeat(200) + "\"}";
        String two = "ünïcödé, compressed and fragmented " + "€".repeat(300);
        byte[] three = WireFrame.binary(5_000).payload();
        byte[] c1 = deflate(utf8(one));
        byte[] c2 = deflate(utf8(two));
        byte[] c3 = deflate(three);
        List<WireFrame> sent = List.of(
                WireFrame.text("plain before"),
                WireFrame.of(0xC1, c1),                                            // TEXT, RSV1, FIN
                WireFrame.of(0x89, utf8("ping")),
                WireFrame.binary(200),
                WireFrame.of(0x41, Arrays.copyOfRange(c2, 0, c2.length / 2)),      // TEXT, RSV1, not FIN
                WireFrame.of(0x89, utf8("ping inside")),
                WireFrame.of(0x80, Arrays.copyOfRange(c2, c2.length / 2, c2.length)),
                WireFrame.of(0xC2, c3),                                            // BINARY, RSV1, FIN
                WireFrame.text("plain after"),
                WireFrame.of(0x88, bytes(0x03, 0xE8)));
        byte[] wire = WireFrame.stream(sent);
        server = new RawWebSocketServer(peer -> {
            peer.upgrade("Sec-WebSocket-Extensions: permessage-deflate");
            peer.writeInPieces(wire, ODD_PIECES, 100);
            peer.echoCloseWhenItComes();
            peer.clientClosed(3000);
        });
        connection = service.connect(options(server.uri("/deflate")).withDeflate(true), store, events);
        ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class);
        assertThat(events.kinds()).as("%s", events.events()).containsExactly("Connecting", "Opened", "Closed");
        assertThat(closed.code()).isEqualTo(1000);

        List<Frame> in = inbound(store);
        assertThat(in).hasSize(sent.size());
        assertSame(List.of(in.get(0), in.get(2), in.get(3), in.get(5), in.get(8), in.get(9)),
                List.of(sent.get(0), sent.get(2), sent.get(3), sent.get(5), sent.get(8), sent.get(9)));
        assertThat(in.get(1).inflated()).isTrue();
        assertThat(in.get(1).header().payloadLength()).isEqualTo(c1.length);
        assertThat(new String(in.get(1).payloadBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(one);
        byte[] twoSeen = concat(in.get(4).payloadBytes(), in.get(6).payloadBytes());
        assertThat(in.get(4).inflated()).isTrue();
        assertThat(in.get(6).inflated()).isTrue();
        assertThat(new String(twoSeen, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(two);
        assertThat(in.get(7).inflated()).isTrue();
        assertThat(in.get(7).payloadBytes()).isEqualTo(three);
    }

    @Test
    void aCompressedTextMessageEndingInTheMiddleOfACodePointFailsWith1007() throws Exception {
        byte[] plain = concat(utf8("compressed, and cut off at the end "), bytes(0xF0, 0x9F, 0x98));
        List<WireFrame> sent = List.of(WireFrame.text("plain"), WireFrame.of(0xC1, deflate(plain)));
        byte[] wire = WireFrame.stream(sent);
        server = new RawWebSocketServer(peer -> {
            peer.upgrade("Sec-WebSocket-Extensions: permessage-deflate");
            peer.writeInPieces(wire, ODD_PIECES, 100);
            try {
                serverSaw.add(peer.readFrame());
            } catch (java.io.EOFException lost) {
                // Java-WebSocket 1.6.0 can close the socket before its write thread sends the close frame (a
                // known library race, rare, seen under load): the code is then checked from the client's events.
                closeLost.set(true);
                return;
            }
            peer.clientClosed(3000);
        });
        connection = service.connect(options(server.uri("/deflate-bad")).withDeflate(true), store, events);
        events.await(ConnectionEvent.Closed.class);
        assertThat(events.kinds()).as("%s", events.events()).containsExactly("Connecting", "Opened", "Failed", "Closed");
        assertThat(events.first(ConnectionEvent.Closed.class).code()).isEqualTo(1007);
        org.awaitility.Awaitility.await().atMost(EventRecorder.WAIT).until(() -> !serverSaw.isEmpty());
        assertThat(serverSaw.get(0).closeCode()).isEqualTo(1007);
    }

    /** One message compressed on its own, as permessage-deflate puts it on the wire (no 00 00 ff ff). */
    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        byte[] buf = new byte[data.length + 1024];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(buf, n - 4);
    }

    /** Each failure case needs its own server, connection, store and events. */
    private void fresh() throws Exception {
        tearDown();
        connection = null;
        server = null;
        store = new ColumnarFrameStore();
        events = new EventRecorder();
        serverSaw.clear();
        closeLost.set(false);
    }
}
