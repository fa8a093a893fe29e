package dev.wsinspector.core.payload;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DetailFieldsTest {

    private static Map<String, String> map(List<DetailFields.Field> fields) {
        return fields.stream().collect(Collectors.toMap(DetailFields.Field::name, DetailFields.Field::value));
    }

    @Test
    void everyHeaderFieldOfAMaskedCompressedFrame() {
        WireHeader h = WireHeader.of(0xC1, true, 0x1a2b3c4d, 300);
        Frame f = new Frame(7, 1_714_564_800_123_456L, 42_000_000L, Direction.OUT, h, true,
                ByteBuffer.wrap(new byte[2000]));
        Map<String, String> m = map(DetailFields.of(f));
        assertThat(m).containsEntry("Seq", "7")
                .containsEntry("Direction", "out (sent)")
                .containsEntry("Opcode", "text (0x1)")
                .containsEntry("FIN", "1")
                .containsEntry("RSV1", "1 (permessage-deflate: compressed)")
                .containsEntry("RSV2", "0")
                .containsEntry("RSV3", "0")
                .containsEntry("MASK", "1")
                .containsEntry("Mask key", "0x1a2b3c4d")
                .containsEntry("Wire payload length", "300 B")
                .containsEntry("Stored payload length", "2,000 B (2 KiB)")
                .containsEntry("Compressed length", "300 B")
                .containsEntry("Header length", "8 B")
                .containsEntry("Frame length on wire", "308 B")
                .containsEntry("Time (UTC)", "2024-05-01T12:00:00.123456Z")
                .containsEntry("Monotonic time", "42,000,000 ns");
    }

    @Test
    void uncompressedUnmaskedFrameAndCloseCode() {
        byte[] close = {0x03, (byte) 0xE8, 'b', 'y', 'e'};
        Frame f = new Frame(0, 0, 0, Direction.IN, WireHeader.of(0x88, false, 0, 5), false, ByteBuffer.wrap(close));
        Map<String, String> m = map(DetailFields.of(f));
        assertThat(m).containsEntry("Mask key", "none")
                .containsEntry("Compressed length", "not compressed")
                .containsEntry("Direction", "in (received)")
                .containsEntry("Close", "1000 Normal Closure bye");
    }

    @Test
    void aFrameCutShortSaysSo() {
        Frame f = new Frame(0, 0, 0, Direction.IN, WireHeader.of(0x82, false, 0, 100), false,
                ByteBuffer.wrap(new byte[10]));
        assertThat(map(DetailFields.of(f)).get("Stored payload length")).contains("cut short");
    }

    @Test
    void eventFields() {
        Handshake refused = new Handshake("GET / HTTP/1.1", List.of(), 403, "HTTP/1.1 403 Forbidden",
                List.of(new HttpHeader("Content-Type", "text/plain")), "no".getBytes());
        Map<String, String> failed = map(DetailFields.of(
                new ConnectionEvent.Failed(0, 3, FailureKind.HANDSHAKE_REJECTED, "Server refused: 403", refused)));
        assertThat(failed).containsEntry("Event", "failed").containsEntry("Kind", "handshake rejected")
                .containsEntry("Message", "Server refused: 403").containsEntry("Status", "HTTP/1.1 403 Forbidden")
                .containsEntry("Frames before", "3");

        Map<String, String> closed = map(DetailFields.of(new ConnectionEvent.Closed(0, 0, 1006, "", true, false)));
        assertThat(closed).containsEntry("Code", "1006 Abnormal Closure").containsEntry("Reason", "(none)")
                .containsEntry("Closed by", "peer").containsEntry("Clean", "no");
    }
}
