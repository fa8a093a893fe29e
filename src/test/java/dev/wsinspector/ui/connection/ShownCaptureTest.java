package dev.wsinspector.ui.connection;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a tab knows about the frames of its capture, on a real in-memory session. */
class ShownCaptureTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore();
    private final Session session = new Session(store);
    private final ShownCapture capture = new ShownCapture();

    private long frame(int firstByte, byte[] payload) {
        return store.append(Direction.IN, WireHeader.of(firstByte, false, 0, payload.length), false,
                System.nanoTime(), ByteBuffer.wrap(payload));
    }

    private long text(int firstByte, String payload) {
        return frame(firstByte, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static ConnectionEvent.Opened opened(long frameIndex, String subprotocol) {
        return new ConnectionEvent.Opened(1L, frameIndex, "ws://x/" + subprotocol, new Handshake("GET / HTTP/1.1",
                List.of(), 101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Sec-WebSocket-Protocol", subprotocol)), new byte[0]));
    }

    @Test
    void showingTheSameCaptureAgainIsNoChangeAndANewOneStartsAfresh() {
        assertThat(capture.show(null)).isFalse();
        assertThat(capture.frameCount()).isZero();
        assertThat(capture.show(session)).isTrue();
        assertThat(capture.show(session)).isFalse();
        text(0x81, "a");
        capture.advance(System.nanoTime());
        assertThat(capture.frameCount()).isEqualTo(1);
        assertThat(capture.show(null)).isTrue();
        assertThat(capture.frameCount()).isZero();
    }

    @Test
    void aContinuationOfATextMessageIsSavedAsTextOrJsonAndBinaryAsHex() {
        capture.show(session);
        long start = text(0x01, "{\"a\":");
        long end = text(0x80, "{{1}}");
        long json = text(0x81, "{\"price\": 1}");
        long binary = frame(0x82, new byte[] {0x01, (byte) 0xff});
        capture.advance(System.nanoTime());

        assertThat(capture.isText(start)).isTrue();
        assertThat(capture.isText(end)).as("a continuation takes its message's type").isTrue();
        assertThat(capture.isText(binary)).isFalse();
        SavedMessage continuation = capture.asMessage(end);
        assertThat(continuation.type()).isEqualTo(MessageMode.TEXT);
        assertThat(continuation.body()).as("{{ stays literal").isEqualTo(Templates.escape("{{1}}")).isNotEqualTo("{{1}}");
        assertThat(capture.asMessage(json).type()).isEqualTo(MessageMode.JSON);
        assertThat(capture.asMessage(json).name()).isEqualTo("Frame " + json);
        SavedMessage hex = capture.asMessage(binary);
        assertThat(hex.type()).isEqualTo(MessageMode.HEX);
        assertThat(hex.body()).isEqualTo("01 ff");
    }

    @Test
    void invalidUtf8InATextFrameIsKeptAsHex() {
        capture.show(session);
        long broken = frame(0x81, new byte[] {(byte) 0xc3, 0x28});
        capture.advance(System.nanoTime());
        assertThat(capture.asMessage(broken).type()).isEqualTo(MessageMode.HEX);
    }

    @Test
    void eachFrameHasTheSubprotocolOfTheLastOpenBeforeIt() {
        capture.show(session);
        long before = text(0x81, "early");
        session.onEvent(opened(store.size(), "stomp"));
        long first = text(0x81, "one");
        session.onEvent(opened(store.size(), "mqtt"));
        long second = text(0x81, "two");

        assertThat(capture.protocolHint(before)).isEqualTo(ProtocolHint.NONE);
        assertThat(capture.protocolHint(first).subprotocol()).isEqualTo("stomp");
        assertThat(capture.protocolHint(second).subprotocol()).isEqualTo("mqtt");
    }

    @Test
    void countsArePublishedByAdvanceOnAnyThreadAndANewCaptureStartsFromNothing() throws Exception {
        capture.show(session);
        assertThat(capture.figures()).isSameAs(CaptureStats.Snapshot.NONE);
        text(0x81, "abc");
        text(0x81, "de");
        Thread sampler = new Thread(() -> capture.advance(System.nanoTime()), "sampler");
        sampler.start();
        sampler.join(10_000);

        CaptureStats.Snapshot figures = capture.figures();
        assertThat(figures.framesIn()).isEqualTo(2);
        assertThat(figures.bytesIn()).isEqualTo(5);
        assertThat(capture.figures()).as("unchanged until the next advance").isSameAs(figures);
        assertThat(capture.retainedBytes()).isEqualTo(store.retainedBytes());

        capture.show(new Session(new ColumnarFrameStore()));
        assertThat(capture.figures()).isSameAs(CaptureStats.Snapshot.NONE);
        assertThat(capture.retainedBytes()).isZero();
    }
}
