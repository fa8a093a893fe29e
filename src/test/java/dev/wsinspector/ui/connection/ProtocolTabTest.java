package dev.wsinspector.ui.connection;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.testutil.NodePeer;
import dev.wsinspector.transport.JwsConnectionService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tab opened from a profile whose "protocol" is socket.io speaks it: against the real socket.io 4 peer. */
@Timeout(60)
class ProtocolTabTest {

    private static NodePeer socketIo;

    @BeforeAll
    static void start() throws Exception {
        socketIo = NodePeer.start("socketio-server.js");
    }

    @AfterAll
    static void stop() throws Exception {
        if (socketIo != null) {
            socketIo.close();
        }
    }

    private static List<String> texts(FrameStore store, Direction dir) {
        List<String> out = new ArrayList<>();
        for (long seq = 0; seq < store.size(); seq++) {
            if (store.direction(seq) == dir) {
                out.add(new String(store.get(seq).payloadBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void aSocketIoProfileTabConnectsTheNamespaceAndAnswersHeartbeats(@TempDir Path data) throws Exception {
        var repository = new ProfileRepository(data);
        var stored = repository.create(ConnectionProfile.builder("Sio", "ws://127.0.0.1:" + socketIo.port())
                .protocol("socket.io").build());
        ConnectionViewModel model = new ConnectionViewModel(new JwsConnectionService(), SessionRecorder.inMemory(), "");
        model.useProfile(stored, repository.directory());
        try {
            model.connect();
            FrameStore store = model.session().frames();
            // pingInterval 300 ms: three pings answered means the client stayed connected across them
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> texts(store, Direction.OUT).stream().filter("3"::equals).count() >= 3);
            assertThat(texts(store, Direction.OUT).get(0)).isEqualTo("40");
            assertThat(texts(store, Direction.IN)).anyMatch(m -> m.startsWith("42[\"welcome\""));
            assertThat(model.session().eventsFrom(0)).anySatisfy(e -> assertThat(e)
                    .isInstanceOfSatisfying(ConnectionEvent.Note.class,
                            n -> assertThat(n.message()).isEqualTo("Socket.IO v4: handshake complete")));
            assertThat(model.session().closed()).isEmpty();
        } finally {
            model.disconnectNow();
        }
    }

    /** The profile's send-on-connect message goes after the namespace is connected, so the server answers it. */
    @Test
    void sendOnConnectWaitsForTheNamespace(@TempDir Path data) throws Exception {
        var repository = new ProfileRepository(data);
        var stored = repository.create(ConnectionProfile.builder("Sio chat", "ws://127.0.0.1:" + socketIo.port())
                .protocol("socket.io").build().withMessages(List.of(dev.wsinspector.core.profile.SavedMessage
                        .text("chat", "42[\"chat\",\"from profile\"]").withSendOnConnect(true))));
        ConnectionViewModel model = new ConnectionViewModel(new JwsConnectionService(), SessionRecorder.inMemory(), "");
        model.useProfile(stored, repository.directory());
        try {
            model.connect();
            FrameStore store = model.session().frames();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> texts(store, Direction.IN).stream()
                    .anyMatch("42[\"chat\",\"echo: from profile\"]"::equals));
            List<String> out = texts(store, Direction.OUT);
            assertThat(out.indexOf("40")).as("the namespace connect goes first").isZero();
            assertThat(out).contains("42[\"chat\",\"from profile\"]");
        } finally {
            model.disconnectNow();
        }
    }
}
