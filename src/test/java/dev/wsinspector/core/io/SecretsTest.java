package dev.wsinspector.core.io;

import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void masksSecretHeaderValuesButKeepsTheirNames() {
        List<HttpHeader> masked = Secrets.maskHeaders(List.of(new HttpHeader("Authorization", "Basic x"),
                new HttpHeader("X-Api-Key", "k"), new HttpHeader("Origin", "o")), false);
        assertThat(masked).containsExactly(new HttpHeader("Authorization", Secrets.MASK),
                new HttpHeader("X-Api-Key", Secrets.MASK), new HttpHeader("Origin", "o"));
    }

    @Test
    void includeSecretsKeepsHeaders() {
        List<HttpHeader> headers = List.of(new HttpHeader("Cookie", "a=b"));
        assertThat(Secrets.maskHeaders(headers, true)).isEqualTo(headers);
    }

    @Test
    void masksPasswordsAndTokenParametersInUrls() {
        assertThat(Secrets.maskUrl("wss://u:pw@h:8443/p?access_token=t&x=1&api_key=k#f", false))
                .isEqualTo("wss://u:" + Secrets.MASK + "@h:8443/p?access_token=" + Secrets.MASK + "&x=1&api_key="
                        + Secrets.MASK + "#f");
        assertThat(Secrets.maskUrl("ws://127.0.0.1:80/?room=1", false)).isEqualTo("ws://127.0.0.1:80/?room=1");
        assertThat(Secrets.maskUrl("ws://h/?token=t", true)).isEqualTo("ws://h/?token=t");
    }

    @Test
    void masksSignedUrlAndSessionParameters() {
        assertThat(Secrets.maskUrl("wss://h/ws?sig=a&Signature=b&X-Amz-Signature=c&session=d&sessionId=e&key=f&page=2",
                false)).isEqualTo("wss://h/ws?sig=" + Secrets.MASK + "&Signature=" + Secrets.MASK
                + "&X-Amz-Signature=" + Secrets.MASK + "&session=" + Secrets.MASK + "&sessionId=" + Secrets.MASK
                + "&key=" + Secrets.MASK + "&page=2");
    }

    @Test
    void masksTokensPassedAsSubprotocolsAndKeepsTheMarkers() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln";
        List<HttpHeader> masked = Secrets.maskHeaders(List.of(
                new HttpHeader("Sec-WebSocket-Protocol", "graphql-ws, access_token, t0ken"),
                new HttpHeader("sec-websocket-protocol", "Bearer,t0ken ,chat"),
                new HttpHeader("Sec-WebSocket-Protocol", "base64url.bearer.authorization.k8s.io.dG9r, base64.channel.k8s.io"),
                new HttpHeader("Sec-WebSocket-Protocol", "mqtt, " + jwt),
                new HttpHeader("Sec-WebSocket-Protocol", "graphql-transport-ws")), false);

        assertThat(masked).extracting(HttpHeader::value).containsExactly(
                "graphql-ws, access_token, " + Secrets.MASK,
                "Bearer," + Secrets.MASK + " ,chat",
                "base64url.bearer.authorization.k8s.io." + Secrets.MASK + ", base64.channel.k8s.io",
                "mqtt, " + Secrets.MASK,
                "graphql-transport-ws");
        assertThat(Secrets.maskSubprotocol("base64url.bearer.authorization.k8s.io.dG9r", false))
                .isEqualTo("base64url.bearer.authorization.k8s.io." + Secrets.MASK);
        assertThat(Secrets.maskSubprotocol("access_token", false)).isEqualTo("access_token");
        assertThat(Secrets.maskSubprotocol(jwt, true)).isEqualTo(jwt);
    }

    @Test
    void pcapngExportsMaskSubprotocolTokensAndTheRequestTarget(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        dev.wsinspector.core.session.Session session = new dev.wsinspector.core.session.Session(new dev.wsinspector.core.frame.ColumnarFrameStore());
        dev.wsinspector.core.session.Handshake handshake = new dev.wsinspector.core.session.Handshake(
                "GET /ws?sig=s1g HTTP/1.1", List.of(new HttpHeader("Host", "h"),
                new HttpHeader("Sec-WebSocket-Protocol", "access_token, t0ken-value")), 101,
                "HTTP/1.1 101 Switching Protocols", List.of(new HttpHeader("Sec-WebSocket-Protocol", "access_token")),
                new byte[0]);
        session.onEvent(new dev.wsinspector.core.session.ConnectionEvent.Opened(1_700_000_000_000_000L, 0,
                "ws://127.0.0.1:9/ws?sig=s1g", handshake));
        java.nio.file.Path file = dir.resolve("c.pcapng");

        CaptureFiles.write(session, file, false, "test");

        String bytes = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("access_token, ").doesNotContain("t0ken-value").doesNotContain("s1g");
    }
}
