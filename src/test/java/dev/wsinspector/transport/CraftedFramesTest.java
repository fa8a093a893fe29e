package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.testutil.ByteExactServer;
import dev.wsinspector.testutil.EventRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.EventRecorder.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crafted frames and raw bytes from the real client to a raw server that keeps every byte: what went on the wire is
 * exactly what was asked for, in order with the library's own frames, and the capture holds it marked crafted.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CraftedFramesTest {

    private static final HexFormat HEX = HexFormat.of();

    private final JwsConnectionService service = new JwsConnectionService();
    private final FrameStore store = new ColumnarFrameStore();
    private final EventRecorder events = new EventRecorder();
    private ByteExactServer server;
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

    private Connection open(URI uri) {
        connection = service.connect(ConnectionOptions.of(uri).withPingInterval(Duration.ZERO)
                .withConnectTimeout(Duration.ofSeconds(5)), store, events);
        events.await(ConnectionEvent.Opened.class);
        return connection;
    }

    private byte[] awaitReceived(int bytes) {
        await().atMost(EventRecorder.WAIT).until(() -> server.received().length >= bytes);
        return server.received();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "op=3,mask=off,text=reserved",                        // reserved data opcode
        "op=0xb,mask=01020304,hex=00",                        // reserved control opcode, given key
        "op=text,rsv1=1,rsv2=1,rsv3=1,mask=37fa213d,text=Hello", // RSV bits without an extension
        "op=binary,mask=off,hex=deadbeef",                    // a client frame without a mask
        "op=text,fin=0,mask=off,len=200,text=hello",          // a length field that lies
        "op=text,mask=off,fragments=3,between=ping,text=abcdefgh", // fragments with a ping between them
        "op=ping,mask=off,hex=" + "ab",                       // a ping the client crafted
    })
    void aCraftedFrameGoesOnTheWireByteForByte(String spec) throws Exception {
        server = new ByteExactServer(ByteExactServer.RECORD);
        open(server.uri());
        FrameSpec frame = FrameSpec.parse(spec);
        byte[] expected = frame.encode();

        connection.sendCrafted(frame).get(5, TimeUnit.SECONDS);

        assertThat(HEX.formatHex(awaitReceived(expected.length))).isEqualTo(HEX.formatHex(expected));
        List<Frame> captured = frames(store);
        assertThat(captured).hasSize(frame.frames().size()).allSatisfy(f -> {
            assertThat(f.crafted()).isTrue();
            assertThat(f.direction()).isEqualTo(Direction.OUT);
        });
        Frame first = captured.get(0);
        assertThat(first.opcode().code()).isEqualTo(frame.opcode());
        assertThat(first.header().rsv1()).isEqualTo(frame.rsv1());
        assertThat(first.masked()).isEqualTo(frame.mask().masked());
        assertThat(first.payloadBytes()).as("unmasked, as many bytes as were sent")
                .isEqualTo(frame.frames().get(0).payload());
        if (frame.lengthField() != FrameSpec.TRUE_LENGTH) {
            assertThat(first.header().payloadLength()).isEqualTo(frame.lengthField());
            assertThat(first.truncated()).isTrue();
        }
    }

    @Test
    void craftedFramesKeepTheirPlaceAmongTheLibrarysFrames() throws Exception {
        server = new ByteExactServer(ByteExactServer.RECORD);
        open(server.uri());
        CompletableFuture<Void> a = connection.sendText("a");
        CompletableFuture<Void> crafted = connection.sendCrafted(FrameSpec.parse("op=text,mask=off,text=b"));
        CompletableFuture<Void> c = connection.sendText("c");
        CompletableFuture.allOf(a, crafted, c).get(5, TimeUnit.SECONDS);

        byte[] wire = awaitReceived(7 + 3 + 7);
        assertThat(HEX.formatHex(wire, 7, 10)).as("the crafted frame, second").isEqualTo("810162");
        List<Frame> captured = frames(store);
        assertThat(captured).extracting(f -> new String(f.payloadBytes(), StandardCharsets.UTF_8))
                .containsExactly("a", "b", "c");
        assertThat(captured).extracting(Frame::crafted).containsExactly(false, true, false);
    }

    @Test
    void rawBytesAreCapturedAsTheFramesTheyMakeAndTheRestIsNoted() throws Exception {
        server = new ByteExactServer(ByteExactServer.RECORD);
        open(server.uri());
        connection.sendRaw(HEX.parseHex("8100" + "8a026869" + "817e")).get(5, TimeUnit.SECONDS);

        assertThat(HEX.formatHex(awaitReceived(8))).isEqualTo("81008a026869817e");
        List<Frame> captured = frames(store);
        assertThat(captured).extracting(Frame::opcode).containsExactly(Opcode.TEXT, Opcode.PONG);
        assertThat(captured).allSatisfy(f -> assertThat(f.crafted()).isTrue());
        ConnectionEvent.Note note = events.await(ConnectionEvent.Note.class);
        assertThat(note.level()).isEqualTo(ConnectionEvent.Note.WARNING);
        assertThat(note.message()).isEqualTo("Sent 2 raw byte(s) too few for a frame header: 81 7e");
        assertThat(note.frameIndex()).isEqualTo(2);
    }

    @Test
    void withAutoPongOffAPingIsCapturedButNotAnswered() throws Exception {
        assertPongs(false, 0);
    }

    @Test
    void byDefaultAPingIsAnswered() throws Exception {
        assertPongs(true, 1);
    }

    /**
     * Once the client said "go" (after auto-pong was set), the server pings, then sends "marker"; the client answers
     * "done" once it captured the marker. A pong, if any, is written when the ping is read, so before "done": the
     * server's frames up to "done" settle it, no sleep.
     */
    private void assertPongs(boolean autoPong, int expected) throws Exception {
        CompletableFuture<List<byte[]>> clientFrames = new CompletableFuture<>();
        server = new ByteExactServer(wire -> {
            wire.readFrame(); // "go"
            wire.write(HEX.parseHex("89026869" + "81066d61726b6572"));
            List<byte[]> frames = new java.util.ArrayList<>();
            while (true) {
                byte[] frame = wire.readFrame();
                frames.add(frame);
                if ((frame[0] & 0x0F) == 1) {
                    clientFrames.complete(frames);
                    return;
                }
            }
        });
        connection = service.connect(ConnectionOptions.of(server.uri()).withPingInterval(Duration.ZERO)
                .withConnectTimeout(Duration.ofSeconds(5)), store, events);
        connection.setAutoPong(autoPong);
        events.await(ConnectionEvent.Opened.class);
        connection.sendText("go");
        await().atMost(EventRecorder.WAIT).until(() -> frames(store).stream()
                .anyMatch(f -> f.direction() == Direction.IN && f.opcode() == Opcode.TEXT));
        connection.sendText("done");

        List<byte[]> got = clientFrames.get(10, TimeUnit.SECONDS);
        assertThat(got.stream().filter(f -> (f[0] & 0x0F) == 0xA).count()).isEqualTo(expected);
        assertThat(frames(store).stream().filter(f -> f.direction() == Direction.IN && f.opcode() == Opcode.PING))
                .as("the ping is captured either way").hasSize(1);
        assertThat(frames(store).stream().filter(f -> f.direction() == Direction.OUT && f.opcode() == Opcode.PONG))
                .hasSize(expected);
    }
}
