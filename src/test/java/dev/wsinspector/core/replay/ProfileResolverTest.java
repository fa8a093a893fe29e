package dev.wsinspector.core.replay;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileHeader;
import dev.wsinspector.core.profile.QueryParam;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.TlsMode;
import dev.wsinspector.core.profile.TlsSettings;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.ProxyOptions;
import dev.wsinspector.core.session.ReconnectPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileResolverTest {

    private static final Path BASE = Path.of("/data/profiles");

    private static ProfileResolver resolver(ConnectionProfile p, String env) {
        return new ProfileResolver(Templates.forProfile(p, env, TemplatesTest.fixedBuiltIns()), BASE);
    }

    @Test
    void everyEngineSettingComesFromTheProfileWithVariablesResolved() {
        ConnectionProfile p = ConnectionProfile.builder("p", "wss://{{host}}/ws?x=1#frag")
                .queryParams(List.of(new QueryParam("token", "{{token}}"), new QueryParam("q", "a b&c")))
                .headers(List.of(new ProfileHeader("Authorization", "Bearer {{token}}", true)))
                .subprotocols(List.of("v1"))
                .deflate(true)
                .connectTimeout(Duration.ofSeconds(3))
                .tls(new TlsSettings(TlsMode.VERIFY, "certs/ca.pem", "", "", "~/client.pem", "/abs/client.key"))
                .proxy(ProxyOptions.http("{{proxyHost}}", 3128).withCredentials("u", "{{proxyPass}}"))
                .reconnect(ReconnectPolicy.of(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0))
                .pingInterval(Duration.ZERO)
                .maxMessageSize(4096)
                .lenient(true)
                .variables(Map.of("host", "h.example", "token", "t 1", "proxyHost", "proxy.lan", "proxyPass", "pw"))
                .build();

        ConnectionOptions o = resolver(p, null).options(p);

        assertThat(o.uri().toString()).isEqualTo("wss://h.example/ws?x=1&token=t%201&q=a%20b%26c#frag");
        assertThat(o.headers()).containsExactly(new HttpHeader("Authorization", "Bearer t 1"));
        assertThat(o.subprotocols()).containsExactly("v1");
        assertThat(o.deflate()).isTrue();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.insecure()).isFalse();
        assertThat(o.tls().caFile()).isEqualTo(BASE.resolve("certs/ca.pem"));
        assertThat(o.tls().clientCertificateFile()).isEqualTo(Path.of(System.getProperty("user.home"), "client.pem"));
        assertThat(o.tls().clientKeyFile()).isEqualTo(Path.of("/abs/client.key"));
        assertThat(o.tls().pinned()).isFalse();
        assertThat(o.proxy()).isEqualTo(new ProxyOptions(ProxyOptions.Type.HTTP, "proxy.lan", 3128, "u", "pw"));
        assertThat(o.reconnect()).isEqualTo(p.reconnect());
        assertThat(o.pingInterval()).isZero();
        assertThat(o.maxFrameSize()).isEqualTo(4096);
        assertThat(o.lenient()).isTrue();
        assertThat(resolver(p, null).options(p.toBuilder().lenient(false).build()).lenient()).isFalse();
    }

    @Test
    void tlsModesMapToTheEngine() {
        ConnectionProfile insecure = ConnectionProfile.builder("p", "wss://h/").tls(TlsSettings.insecure()).build();
        assertThat(resolver(insecure, null).options(insecure).insecure()).isTrue();

        ConnectionProfile pinned = ConnectionProfile.builder("p", "wss://h/")
                .tls(TlsSettings.trustFingerprint("AA:" + "bb".repeat(31))).build();
        assertThat(resolver(pinned, null).options(pinned).tls().pinnedSha256()).isEqualTo("aa" + "bb".repeat(31));

        ConnectionProfile empty = ConnectionProfile.builder("p", "wss://h/")
                .tls(VERIFY_AS_TRUST).build();
        assertThatThrownBy(() -> resolver(empty, null).options(empty))
                .hasMessageContaining("needs a certificate file or a SHA-256 fingerprint");
    }

    private static final TlsSettings VERIFY_AS_TRUST = TlsSettings.VERIFY.withMode(TlsMode.TRUST_CERTIFICATE);

    @Test
    void problemsAreReportedBeforeAnythingIsSent() {
        ConnectionProfile p = ConnectionProfile.builder("p", "ws://{{nohost}}/").build();
        assertThatThrownBy(() -> resolver(p, null).options(p)).isInstanceOf(UnknownVariablesException.class)
                .hasMessageContaining("{{nohost}}");
        ConnectionProfile bad = ConnectionProfile.of("p", "ws://a b/");
        assertThatThrownBy(() -> resolver(bad, null).options(bad)).hasMessageStartingWith("Invalid URL 'ws://a b/'");
    }

    @Test
    void savedMessagesComposeByTypeAndCount() {
        ConnectionProfile p = ConnectionProfile.builder("p", "ws://h/").variables(Map.of("b", "ff")).build();
        ProfileResolver r = resolver(p, null);

        assertThat(r.compose(new SavedMessage("hex", MessageMode.HEX, "00 {{b}}")).bytes()).containsExactly(0, 0xff);
        assertThat(r.compose(SavedMessage.text("t", "n={{counter}}")).text()).isEqualTo("n=2");
        assertThat(r.preview(SavedMessage.text("t", "n={{counter}}")).text()).isEqualTo("n=3");
        assertThatThrownBy(() -> r.compose(new SavedMessage("bad json", MessageMode.JSON, "{\"a\":{{b}}")))
                .hasMessageStartingWith("Message 'bad json': Invalid JSON");
        assertThatThrownBy(() -> r.compose(SavedMessage.text("greet", "hi {{who}}")))
                .hasMessageStartingWith("Message 'greet': Unknown variable {{who}}");
    }

    @Test
    void aProtocolMessageIsEncodedAgainWithItsVariablesResolvedFirst() {
        ConnectionProfile p = ConnectionProfile.builder("p", "ws://h/").variables(Map.of("room", "lobby")).build();
        ProfileResolver r = resolver(p, null);
        SavedMessage event = SavedMessage.formatted("chat", new SavedMessage.Format("socket.io-event",
                Map.of("event", "chat:{{room}}")), "[\"hi #{{counter}}\"]");
        assertThat(r.compose(event).text()).isEqualTo("42[\"chat:lobby\",\"hi #1\"]");
        assertThat(r.compose(event).binary()).isFalse();

        SavedMessage packed = SavedMessage.formatted("packed", new SavedMessage.Format("msgpack", Map.of()),
                "{\"room\":\"{{room}}\"}");
        byte[] bytes = r.compose(packed).bytes();
        assertThat(r.compose(packed).binary()).isTrue();
        assertThat(new dev.wsinspector.core.payload.protocol.ProtocolDecoders().decode(bytes, false,
                dev.wsinspector.core.payload.protocol.ProtocolHint.NONE.withDecoder("msgpack")).orElseThrow()
                .toJson().get("value").toString()).isEqualTo("{\"room\":\"lobby\"}");

        assertThatThrownBy(() -> r.compose(SavedMessage.formatted("bad", new SavedMessage.Format("cbor", Map.of()),
                "{\"a\":")))
                .hasMessageStartingWith("Message 'bad': ");
        assertThatThrownBy(() -> r.compose(SavedMessage.formatted("odd", new SavedMessage.Format("nope", Map.of()),
                "x")))
                .hasMessage("Message 'odd': unknown format 'nope'");
    }
}
