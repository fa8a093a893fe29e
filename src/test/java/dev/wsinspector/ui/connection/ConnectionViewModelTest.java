package dev.wsinspector.ui.connection;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The connection tab's state, driven through the real engine against the echo server, without the toolkit. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionViewModelTest {

    private EchoServer server;
    private ConnectionViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        server = new EchoServer();
        String url = server.start().toString();
        model = new ConnectionViewModel(new JwsConnectionService(), SessionRecorder.inMemory(), url);
    }

    @AfterEach
    void tearDown() {
        model.disconnectNow();
        server.stop();
    }

    private void awaitState(ConnectionState state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            model.refresh();
            return model.stateProperty().get() == state;
        });
    }

    @Test
    void connectOpenSendAndCloseCleanly() {
        model.connect();
        awaitState(ConnectionState.OPEN);
        assertThat(model.stateTextProperty().get()).isEqualTo("Open");
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.urlHistory()).containsExactly(model.urlProperty().get());

        model.connection().sendText("hi");
        await().atMost(Duration.ofSeconds(5)).until(() -> model.session().frames().size() == 2);

        model.close(4000, "done here");
        awaitState(ConnectionState.CLOSED);
        assertThat(model.stateTextProperty().get()).isEqualTo("Closed 4000 (clean)");
        assertThat(model.detailTextProperty().get()).contains("4000").contains("done here").contains("by us");
        assertThat(model.connectedProperty().get()).isFalse();
    }

    @Test
    void aMalformedUrlIsAnEventNotAnException() {
        model.urlProperty().set("ws://exa mple/");
        model.connect();
        model.refresh();
        assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.CLOSED);
        ConnectionEvent.Failed failed = model.session().lastFailure().orElseThrow();
        assertThat(failed.kind()).isEqualTo(FailureKind.MALFORMED_URL);
        assertThat(model.lastErrorProperty().get()).startsWith("Malformed URL 'ws://exa mple/'");
    }

    @Test
    void reconnectingStartsAFreshCapture() {
        model.connect();
        awaitState(ConnectionState.OPEN);
        var first = model.session();
        model.connect();
        awaitState(ConnectionState.OPEN);
        assertThat(model.session()).isNotSameAs(first);
        assertThat(first.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void aProfileTabDecodesWithTheProfilesDecoderAndSchema(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        var repository = new dev.wsinspector.core.profile.ProfileRepository(data);
        java.nio.file.Path schemas = java.nio.file.Files.createDirectories(repository.directory().resolve("schemas"));
        try (var in = getClass().getResourceAsStream("/dev/wsinspector/core/payload/protocol/descriptors/demo.desc")) {
            java.nio.file.Files.write(schemas.resolve("demo.desc"), in.readAllBytes());
        }
        var connection = new dev.wsinspector.core.payload.protocol.ProtocolHint("mqtt", "ws://x/");
        assertThat(model.protocolHint(connection)).isEqualTo(connection); // no profile: the connection's own hint
        var stored = repository.create(dev.wsinspector.core.profile.ConnectionProfile.builder("Pb", "ws://x/")
                .decoder(new dev.wsinspector.core.profile.ProfileDecoder("protobuf", "schemas/demo.desc", "demo.Reading"))
                .build());
        model.useProfile(stored, repository.directory());
        var hint = model.protocolHint(connection);
        assertThat(hint.forced().orElseThrow().id()).isEqualTo("protobuf");
        assertThat(hint.protobufSchema().orElseThrow().messageType()).isEqualTo("demo.Reading");
        assertThat(hint.subprotocol()).isEqualTo("mqtt");
        assertThat(model.profileProblemProperty().get()).isEmpty();

        var broken = repository.save(stored, stored.profile().toBuilder()
                .decoder(new dev.wsinspector.core.profile.ProfileDecoder("", "schemas/missing.desc", "demo.Reading")).build());
        model.useProfile(broken, repository.directory());
        assertThat(model.protocolHint(connection).protobufSchema()).isEmpty();
        assertThat(model.protocolHint(connection).forced()).isEmpty();
        assertThat(model.profileProblemProperty().get()).startsWith("Cannot read the descriptor set").contains("missing.desc");
    }

    @Test
    void aProfileTabMasksSecretQueryValuesButConnectsWithThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        String base = model.urlProperty().get();
        var repository = new dev.wsinspector.core.profile.ProfileRepository(data);
        var stored = repository.create(dev.wsinspector.core.profile.ConnectionProfile.builder("Secret query", base)
                .queryParams(java.util.List.of(new dev.wsinspector.core.profile.QueryParam("sig", "s3cr3t", true, dev.wsinspector.core.profile.UnknownFields.NONE)))
                .build());
        model.useProfile(stored, data.resolve("profiles"));
        assertThat(model.urlProperty().get()).contains("sig=••••").doesNotContain("s3cr3t");

        model.connect();
        awaitState(ConnectionState.OPEN);
        var opened = model.session().opened().orElseThrow();
        assertThat(opened.handshake().requestLine()).contains("sig=s3cr3t");
        assertThat(model.urlHistory()).noneMatch(u -> u.contains("s3cr3t"));
    }

    @Test
    void everyConnectIsJournaledAsASessionOfItsOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        try (var catalog = new dev.wsinspector.core.journal.SessionCatalog(data,
                dev.wsinspector.core.journal.SessionCatalog.Settings.defaults())) {
            ConnectionViewModel journaled = new ConnectionViewModel(new JwsConnectionService(), catalog,
                    model.urlProperty().get());
            journaled.connect();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                journaled.refresh();
                return journaled.stateProperty().get() == ConnectionState.OPEN;
            });
            journaled.connection().sendText("first");
            await().atMost(Duration.ofSeconds(5)).until(() -> journaled.session().frames().size() == 2);
            journaled.close(1000, "");
            // Once the connection is over, its session is complete: the list shows how it ended.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                journaled.refresh();
                return catalog.list().size() == 1 && catalog.list().get(0).how().equals("closed 1000");
            });
            journaled.connect(); // reconnect in the same tab: the first capture is kept as its own session
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                journaled.refresh();
                return journaled.stateProperty().get() == ConnectionState.OPEN;
            });
            journaled.disconnectNow();
            await().atMost(Duration.ofSeconds(10)).until(() -> catalog.list().size() == 2
                    && catalog.list().stream().noneMatch(dev.wsinspector.core.journal.SessionMeta::running));
            var older = catalog.list().get(1);
            assertThat(older.framesOut()).isEqualTo(2); // "first" and our close
            assertThat(older.framesIn()).isEqualTo(2);
            try (var opened = catalog.open(older)) {
                assertThat(new String(opened.session().frames().get(0).payloadBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("first");
            }
        }
    }
}
