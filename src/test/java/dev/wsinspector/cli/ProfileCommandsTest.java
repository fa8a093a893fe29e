package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code connect --profile} and {@code profiles} against files in a temp data directory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProfileCommandsTest {

    private static TestEchoServer server;

    @TempDir
    Path data;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestEchoServer.launch();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private void profile(String file, String json) throws IOException {
        Files.createDirectories(data.resolve("profiles"));
        Files.writeString(data.resolve("profiles").resolve(file), json);
    }

    private void echoProfile() throws IOException {
        profile("echo.json", """
                {"schemaVersion":1,"name":"Local echo","folder":"dev","url":"ws://127.0.0.1:%d/{{path}}",
                 "headers":[{"name":"Authorization","value":"Bearer {{token}}","secret":true}],
                 "variables":{"token":"abc","path":"echo","who":"profile"},
                 "environments":{"staging":{"who":"staging"}},
                 "messages":[{"name":"hello","type":"text","body":"hi {{who}} #{{counter}}","sendOnConnect":true},
                             {"name":"manual","type":"text","body":"not sent","sendOnConnect":false},
                             {"name":"bytes","type":"hex","body":"01 02","sendOnConnect":true}]}
                """.formatted(server.getPort()));
    }

    private static List<String> sentTexts(CliRun run) {
        return run.frames("out", "text").stream().map(n -> n.get("text").asText()).toList();
    }

    @Test
    void connectWithAProfileUsesItsSettingsAndSendsItsMessagesInOrder() throws Exception {
        echoProfile();
        CliRun run = CliRun.of("connect", "--profile", "Local echo", "--data-dir", data.toString(), "-n", "3",
                "-s", "explicit");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode open = run.ofType("open").get(0);
        assertThat(open.get("url").asText()).isEqualTo("ws://127.0.0.1:" + server.getPort() + "/echo");
        // Secret values stay masked in the output unless --include-secrets.
        assertThat(open.get("requestHeaders").get("Authorization").asText()).isNotEqualTo("Bearer abc");
        assertThat(sentTexts(run)).containsExactly("hi profile #1", "explicit");
        assertThat(run.frames("out", "binary").get(0).get("base64").asText()).isEqualTo("AQI=");
    }

    @Test
    void anEnvironmentAndExplicitOptionsApplyOnTop() throws Exception {
        echoProfile();
        CliRun run = CliRun.of("connect", "--profile", "echo", "--env", "staging", "--data-dir", data.toString(),
                "-n", "2", "-H", "Authorization: Bearer override", "--include-secrets");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sentTexts(run)).containsExactly("hi staging #1");
        assertThat(run.ofType("open").get(0).get("requestHeaders").get("Authorization").asText()).isEqualTo("Bearer override");
    }

    @Test
    void theUrlArgumentReplacesTheProfilesUrl() throws Exception {
        echoProfile();
        CliRun run = CliRun.of("connect", "ws://127.0.0.1:" + server.getPort() + "/other", "--profile", "Local echo",
                "--data-dir", data.toString(), "-n", "2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.ofType("open").get(0).get("url").asText()).endsWith("/other");
    }

    @Test
    void profileProblemsAreUsageErrors() throws Exception {
        echoProfile();
        CliRun missing = CliRun.of("connect", "--profile", "nope", "--data-dir", data.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("No profile 'nope'").contains("Local echo");

        CliRun env = CliRun.of("connect", "--profile", "echo", "--env", "prod", "--data-dir", data.toString());
        assertThat(env.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(env.err()).contains("has no environment 'prod' (it has: staging)");

        profile("vars.json", "{\"name\":\"Vars\",\"url\":\"ws://127.0.0.1:1/{{missing}}\"}");
        CliRun unknown = CliRun.of("connect", "--profile", "Vars", "--data-dir", data.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unknown variable {{missing}}");
        assertThat(unknown.out()).isEmpty();

        CliRun neither = CliRun.of("connect");
        assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("Missing URL (or --profile NAME)");
    }

    @Test
    void profilesListsNameFolderUrlAndMessageCount() throws Exception {
        echoProfile();
        profile("b.json", "{\"name\":\"Another\",\"url\":\"wss://example.org/?token=abc\"}");
        profile("broken.json", "{not json");
        Files.setLastModifiedTime(data.resolve("profiles/broken.json"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        CliRun table = CliRun.of("profiles", "--data-dir", data.toString());
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out().lines().toList()).containsExactly(
                "NAME        FOLDER  MESSAGES  URL",
                "Another                    0  wss://example.org/?token=••••",
                "Local echo  dev            3  ws://127.0.0.1:" + server.getPort() + "/{{path}}");
        assertThat(table.err()).contains("broken.json: Not valid JSON").contains("kept as broken.json.corrupt-");

        CliRun json = CliRun.of("profiles", "--data-dir", data.toString(), "--json");
        assertThat(json.lines()).hasSize(2);
        JsonNode echo = json.lines().get(1);
        assertThat(echo.get("name").asText()).isEqualTo("Local echo");
        assertThat(echo.get("folder").asText()).isEqualTo("dev");
        assertThat(echo.get("messages").asInt()).isEqualTo(3);
        assertThat(echo.get("file").asText()).isEqualTo("echo.json");
    }

    @Test
    void noProfilesIsNotAnError() {
        CliRun run = CliRun.of("profiles", "--data-dir", data.resolve("empty").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("No profiles");
    }
}
