package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.FileStamp;
import dev.wsinspector.core.profile.ProfileDecoder;
import dev.wsinspector.core.profile.ProfileHeader;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.profile.TlsMode;
import dev.wsinspector.core.session.ProxyOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's fields, validation and result, without the toolkit. */
class ProfileEditorModelTest {

    @Test
    void aNewProfileNeedsANameAndAWebSocketUrl() {
        ProfileEditorModel m = ProfileEditorModel.forNew("work");
        assertThat(m.validate()).isFalse();
        assertThat(m.errors()).containsKeys(ProfileEditorModel.NAME, ProfileEditorModel.URL);

        m.nameProperty().set("Echo");
        m.urlProperty().set("http://example.com/");
        m.validate();
        assertThat(m.errors()).containsOnlyKeys(ProfileEditorModel.URL);
        assertThat(m.errors().get(ProfileEditorModel.URL)).contains("ws://");

        m.urlProperty().set("ws://127.0.0.1:8080/");
        assertThat(m.validate()).isTrue();
        ConnectionProfile p = m.toProfile();
        assertThat(p.folder()).isEqualTo("work");
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyFieldReachesTheProfile() {
        ProfileEditorModel m = ProfileEditorModel.forNew("");
        m.nameProperty().set("All");
        m.urlProperty().set("wss://{{host}}/feed");
        m.variables().add(new EditableEntry("host", "example.com", false));
        EnvironmentDraft staging = new EnvironmentDraft("staging");
        staging.values().add(new EditableEntry("host", "staging.example.com", false));
        m.environments().add(staging);
        m.queryParams().add(new EditableEntry("token", "s3cret", true));
        m.headers().add(new EditableEntry("Authorization", "Bearer {{host}}", true));
        m.headers().add(new EditableEntry("", "", false)); // an empty row is ignored
        m.subprotocolsProperty().set("chat.v1, chat.v2");
        m.deflateProperty().set(true);
        m.connectTimeoutSecondsProperty().set("2.5");
        m.tlsModeProperty().set(TlsMode.INSECURE);
        m.proxyTypeProperty().set(ProxyOptions.Type.SOCKS5);
        m.proxyHostProperty().set("127.0.0.1");
        m.proxyPortProperty().set("1080");
        m.proxyUserProperty().set("me");
        m.proxyPasswordProperty().set("pw");
        m.reconnectProperty().set(true);
        m.reconnectAttemptsProperty().set("3");
        m.backoffMillisProperty().set("500");
        m.backoffCapMillisProperty().set("4000");
        m.jitterProperty().set("0.5");
        m.pingSecondsProperty().set("0");
        m.maxMessageSizeProperty().set("1024");
        m.lenientProperty().set(true);
        m.notesProperty().set("note");

        assertThat(m.validate()).as(m.errors().toString()).isTrue();
        assertThat(m.insecureProperty().get()).isTrue();
        ConnectionProfile p = m.toProfile();
        assertThat(p.queryParams()).singleElement().satisfies(q -> assertThat(q.secret()).isTrue());
        assertThat(p.headers()).containsExactly(new ProfileHeader("Authorization", "Bearer {{host}}", true));
        assertThat(p.subprotocols()).containsExactly("chat.v1", "chat.v2");
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(p.tls().mode()).isEqualTo(TlsMode.INSECURE);
        assertThat(p.proxy()).isEqualTo(new ProxyOptions(ProxyOptions.Type.SOCKS5, "127.0.0.1", 1080, "me", "pw"));
        assertThat(p.reconnect().enabled()).isTrue();
        assertThat(p.reconnect().maxBackoff()).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.pingInterval()).isZero();
        assertThat(p.maxMessageSize()).isEqualTo(1024);
        assertThat(p.lenient()).isTrue();
        assertThat(p.environments()).isEqualTo(Map.of("staging", Map.of("host", "staging.example.com")));
    }

    @Test
    void problemsAreNamedPerField() {
        ProfileEditorModel m = ProfileEditorModel.forNew("");
        m.nameProperty().set("Bad");
        m.urlProperty().set("ws://{{nowhere}}/");
        m.connectTimeoutSecondsProperty().set("soon");
        m.tlsModeProperty().set(TlsMode.TRUST_CERTIFICATE);
        m.proxyTypeProperty().set(ProxyOptions.Type.HTTP);
        m.proxyPortProperty().set("99999");
        m.backoffMillisProperty().set("5000");
        m.backoffCapMillisProperty().set("100");
        m.variables().add(new EditableEntry("bad name", "x", false));

        assertThat(m.validate()).isFalse();
        assertThat(m.errors().get(ProfileEditorModel.URL)).contains("Unknown variable {{nowhere}}");
        assertThat(m.errors().get(ProfileEditorModel.TIMEOUT)).contains("seconds");
        assertThat(m.errors().get(ProfileEditorModel.TLS)).contains("certificate");
        assertThat(m.errors().get(ProfileEditorModel.PROXY)).contains("host");
        assertThat(m.errors().get(ProfileEditorModel.RECONNECT)).contains("cap");
        assertThat(m.errors().get(ProfileEditorModel.VARIABLES)).contains("'bad name'");
    }

    @Test
    void editingKeepsTheSavedMessages() {
        ConnectionProfile original = ConnectionProfile.builder("Kept", "ws://k/")
                .messages(List.of(SavedMessage.text("hello", "hi"))).build();
        StoredProfile stored = new StoredProfile("kept.json", Path.of("/tmp/kept.json"), original,
                new FileStamp(0, java.nio.file.attribute.FileTime.fromMillis(0), ""), 1, "");
        ProfileEditorModel m = ProfileEditorModel.of(stored);
        m.urlProperty().set("ws://other/");

        assertThat(m.validate()).isTrue();
        assertThat(m.toProfile().messages()).isEqualTo(original.messages());
        assertThat(m.toProfile().url()).isEqualTo("ws://other/");
    }

    @Test
    void theDecoderAndItsProtobufSchemaReachTheProfileAndBackAndHalfASchemaIsRefused() {
        ConnectionProfile original = ConnectionProfile.builder("Pb", "ws://k/")
                .decoder(new ProfileDecoder("protobuf", "schemas/app.desc", "demo.Reading")).build();
        StoredProfile stored = new StoredProfile("pb.json", Path.of("/tmp/pb.json"), original,
                new FileStamp(0, java.nio.file.attribute.FileTime.fromMillis(0), ""), 1, "");
        ProfileEditorModel m = ProfileEditorModel.of(stored);
        assertThat(m.decoderProperty().get()).isEqualTo("protobuf");
        assertThat(m.descriptorSetProperty().get()).isEqualTo("schemas/app.desc");
        assertThat(m.messageTypeProperty().get()).isEqualTo("demo.Reading");
        assertThat(ProfileEditorModel.decoderChoices()).startsWith("auto", "none")
                .contains("socket.io", "mqtt", "msgpack", "cbor", "protobuf");

        m.messageTypeProperty().set(" ");
        assertThat(m.validate()).isFalse();
        assertThat(m.errors().get(ProfileEditorModel.DECODER)).contains("both the descriptor set file and the message type");

        m.descriptorSetProperty().set("");
        m.decoderProperty().set("auto");
        assertThat(m.validate()).isTrue();
        assertThat(m.toProfile().decoder()).isEqualTo(ProfileDecoder.AUTO);
        m.decoderProperty().set("msgpack");
        assertThat(m.validate()).isTrue();
        assertThat(m.toProfile().decoder().choice()).isEqualTo("msgpack");
    }

    @Test
    void theProtocolReachesTheProfileAndBack() {
        ConnectionProfile original = ConnectionProfile.builder("Sio", "ws://k/").protocol("socket.io").build();
        StoredProfile stored = new StoredProfile("sio.json", Path.of("/tmp/sio.json"), original,
                new FileStamp(0, java.nio.file.attribute.FileTime.fromMillis(0), ""), 1, "");
        ProfileEditorModel m = ProfileEditorModel.of(stored);
        assertThat(m.protocolProperty().get()).isEqualTo("socket.io");
        m.protocolProperty().set("mqtt");
        assertThat(m.validate()).isTrue();
        assertThat(m.toProfile().protocol()).isEqualTo("mqtt");
        m.protocolProperty().set("raw");
        assertThat(m.toProfile().protocol()).isEmpty();
    }
}
