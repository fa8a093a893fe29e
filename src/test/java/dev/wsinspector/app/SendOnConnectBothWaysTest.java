package dev.wsinspector.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.SendOnConnect;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A profile's send-on-connect messages go out the same from a connection tab (its view model, no toolkit) and from
 * {@code connect --profile}: both go through {@link SendOnConnect}, checked here against one loopback echo server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SendOnConnectBothWaysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private EchoServer server;
    private ConnectionViewModel tab;

    @BeforeEach
    void setUp() throws IOException {
        server = new EchoServer();
        server.start();
    }

    @AfterEach
    void tearDown() {
        if (tab != null) {
            tab.disconnectNow();
        }
        server.stop();
    }

    private StoredProfile profile(String name, List<SavedMessage> messages) throws IOException {
        return new ProfileRepository(data).create(ConnectionProfile.builder(name, server.uri().toString())
                .variables(Map.of("who", "both")).messages(messages).build());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = dev.wsinspector.cli.Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The tab's OUT data frames, text as itself and binary as hex. */
    private static List<String> sent(FrameStore frames) {
        List<String> sent = new ArrayList<>();
        for (long seq = 0; seq < frames.size(); seq++) {
            Frame f = frames.get(seq);
            if (f.direction() == Direction.OUT && !f.opcode().isControl()) {
                byte[] p = f.payloadBytes();
                sent.add(f.opcode().jsonName().equals("text") ? new String(p, StandardCharsets.UTF_8)
                        : "bin:" + HexFormat.of().formatHex(p));
            }
        }
        return sent;
    }

    /** The same from the command line's JSON lines. */
    private static List<String> sent(String stdout) throws IOException {
        List<String> sent = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (n.path("type").asText().equals("frame") && n.path("dir").asText().equals("out")
                    && List.of("text", "binary").contains(n.path("opcode").asText())) {
                sent.add(n.path("opcode").asText().equals("text") ? n.path("text").asText()
                        : "bin:" + HexFormat.of().formatHex(Base64.getDecoder().decode(n.path("base64").asText())));
            }
        }
        return sent;
    }

    private void openTab(StoredProfile stored) {
        tab = new ConnectionViewModel(new JwsConnectionService(), SessionRecorder.inMemory(), "");
        tab.useProfile(stored, data.resolve("profiles"));
        tab.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            tab.refresh();
            return tab.stateProperty().get() == ConnectionState.OPEN;
        });
    }

    @Test
    void theTabAndTheCommandLineSendTheSameMessagesInTheSameOrder() throws Exception {
        StoredProfile stored = profile("Both", List.of(
                SavedMessage.text("hello", "hi {{who}} #{{counter}}").withSendOnConnect(true),
                SavedMessage.text("manual", "not sent").withSendOnConnect(false),
                new SavedMessage("bytes", MessageMode.HEX, "01 02").withSendOnConnect(true),
                new SavedMessage("json", MessageMode.JSON, "{\"n\": {{counter}}}").withSendOnConnect(true)));
        List<String> expected = List.of("hi both #1", "bin:0102", "{\"n\": 3}");

        openTab(stored);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent(tab.session().frames()).size() >= 3
                && tab.session().frames().size() >= 6); // and their echoes
        assertThat(sent(tab.session().frames())).containsExactlyElementsOf(expected);

        Run run = cli("connect", "--profile", "Both", "--data-dir", data.toString(), "-n", "4", "-s", "explicit");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> fromCli = sent(run.out());
        assertThat(fromCli).containsExactly(expected.get(0), expected.get(1), expected.get(2), "explicit");
        assertThat(fromCli.subList(0, 3)).isEqualTo(sent(tab.session().frames()));
    }

    @Test
    void anUnresolvableMessageIsReportedInTheSameWordsAndNothingIsSent() throws Exception {
        List<SavedMessage> messages = List.of(SavedMessage.text("fine", "ok").withSendOnConnect(true),
                SavedMessage.text("broken", "{{nope}}").withSendOnConnect(true));
        StoredProfile stored = profile("Broken", messages);
        List<String> problems = SendOnConnect.problems(stored.profile().sendOnConnect(),
                Templates.forProfile(stored.profile(), "", BuiltIns.system()));
        assertThat(problems).singleElement().asString().contains("'broken'").contains("{{nope}}");

        openTab(stored);
        await().atMost(Duration.ofSeconds(10)).until(() -> tab.session().eventsFrom(0).stream()
                .filter(ConnectionEvent.Note.class::isInstance).count() == 2);
        List<String> notes = tab.session().eventsFrom(0).stream().filter(ConnectionEvent.Note.class::isInstance)
                .map(e -> ((ConnectionEvent.Note) e).message()).toList();
        assertThat(notes.get(0)).isEqualTo(problems.get(0));
        assertThat(notes.get(1)).isEqualTo(SendOnConnect.PREFIX + "none of the 2 messages was sent (fix the profile, then reconnect)");
        assertThat(sent(tab.session().frames())).isEmpty();

        // The command line says the same before connecting, and does not connect.
        Run run = cli("connect", "--profile", "Broken", "--data-dir", data.toString(), "-n", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(problems.get(0));
        assertThat(run.out()).isEmpty();
    }
}
