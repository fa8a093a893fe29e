package dev.wsinspector.core.payload;

import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeTextTest {

    private static final List<HttpHeader> REQUEST = List.of(new HttpHeader("Host", "example.org"),
            new HttpHeader("Authorization", "Bearer s3cret"), new HttpHeader("Upgrade", "websocket"));

    @Test
    void requestMasksCredentialsUnlessRevealed() {
        Handshake h = new Handshake("GET /chat HTTP/1.1", REQUEST, 101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Upgrade", "websocket")), new byte[0]);
        assertThat(HandshakeText.request(h, false)).isEqualTo(
                "GET /chat HTTP/1.1\nHost: example.org\nAuthorization: " + HandshakeText.MASK + "\nUpgrade: websocket\n")
                .doesNotContain("s3cret");
        assertThat(HandshakeText.request(h, true)).contains("Authorization: Bearer s3cret");
        assertThat(HandshakeText.response(h, false)).isEqualTo("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n");
    }

    @Test
    void refusalShowsTheBody() {
        Handshake h = new Handshake("GET / HTTP/1.1", REQUEST, 400, "HTTP/1.1 400 Bad Request",
                List.of(new HttpHeader("Content-Type", "text/plain")), "unsupported extension".getBytes(StandardCharsets.UTF_8));
        assertThat(HandshakeText.response(h, false))
                .isEqualTo("HTTP/1.1 400 Bad Request\nContent-Type: text/plain\n\nunsupported extension");
    }

    @Test
    void aHugeBodyIsCappedAndSaysSo() {
        byte[] body = new byte[HandshakeText.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(body, (byte) 'x');
        Handshake h = new Handshake("GET / HTTP/1.1", List.of(), 500, "HTTP/1.1 500 Oops", List.of(), body);
        assertThat(HandshakeText.response(h, false)).endsWith("showing first 64 KiB of 64 KiB of the body")
                .hasSizeLessThan(HandshakeText.MAX_BODY_BYTES + 200);
    }

    @Test
    void noResponseSaysSo() {
        Handshake h = new Handshake("GET / HTTP/1.1", List.of(), 0, "", List.of(), new byte[0]);
        assertThat(HandshakeText.response(h, false)).isEqualTo("(no response received)");
    }
}
