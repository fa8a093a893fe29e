package dev.wsinspector.ui.replay;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.core.timing.Scheduler;
import dev.wsinspector.testutil.TestEchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A replay on the system clock over a real connection to a loopback echo server, its notes in a real session. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayOverLoopbackTest {

    private TestEchoServer server;
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

    @Test
    void theFinishedNoteComesAfterTheLastLoopsMessageWentOut() throws Exception {
        server = TestEchoServer.launch(false, List.of(), null);
        FrameStore frames = new ColumnarFrameStore();
        Session session = new Session(frames);
        connection = new JwsConnectionService().connect(
                ConnectionOptions.of(URI.create("ws://127.0.0.1:" + server.getPort() + "/")), frames, session);
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.state() == ConnectionState.OPEN);

        // Big messages, so the connection's send thread is still busy when the last one is handed over.
        ReplayViewModel model = new ReplayViewModel(Scheduler.system(), new ReplayViewModel.Target() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public Templates templates() {
                return new Templates(Map.of(), BuiltIns.system());
            }

            @Override
            public ConnectionListener events() {
                return session;
            }
        });
        model.addSteps(List.of(SavedMessage.text("big", "x".repeat(900_000))));
        model.loopsProperty().set("5");
        assertThat(model.start()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> session.eventsFrom(0).stream()
                .anyMatch(e -> e instanceof ConnectionEvent.Note n && n.message().startsWith("Replay finished")));
        ConnectionEvent.Note done = session.eventsFrom(0).stream().filter(ConnectionEvent.Note.class::isInstance)
                .map(ConnectionEvent.Note.class::cast).filter(n -> n.message().startsWith("Replay finished"))
                .findFirst().orElseThrow();
        assertThat(done.message()).contains("5 messages sent");
        long sentBefore = 0;
        for (long seq = 0; seq < done.frameIndex(); seq++) {
            if (frames.direction(seq) == Direction.OUT) {
                sentBefore++;
            }
        }
        assertThat(sentBefore).as("sent frames before the finished note").isEqualTo(5);
    }
}
