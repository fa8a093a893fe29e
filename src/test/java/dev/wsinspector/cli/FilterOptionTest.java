package dev.wsinspector.cli;

import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code connect --filter} and {@code show --filter}: only matching frame lines, events as always, bad EXPR exits 2. */
@Timeout(60)
class FilterOptionTest {

    @TempDir
    Path data;

    private TestEchoServer echo;

    @BeforeEach
    void start() throws Exception {
        echo = TestEchoServer.launch();
    }

    @AfterEach
    void stop() throws Exception {
        echo.close();
    }

    @Test
    void connectPrintsOnlyMatchingFramesAndEveryEventLine() {
        CliRun run = CliRun.of("connect", echo.uri().toString(), "-s", "alpha", "-s", "{\"type\":\"trade\"}", "-n", "2",
                "--filter", "dir:in and $.type == \"trade\"", "--save=f", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.ofType("frame")).extracting(n -> n.path("dir").asText() + " " + n.path("text").asText())
                .containsExactly("in {\"type\":\"trade\"}");
        assertThat(run.ofType("open")).hasSize(1);
        assertThat(run.ofType("close")).hasSize(1);

        // The saved session has every frame; show filters it the same way.
        CliRun all = CliRun.of("show", "f", "--data-dir", data.toString());
        assertThat(all.ofType("frame").size()).isGreaterThanOrEqualTo(5); // 2 out, 2 in, the closes
        CliRun shown = CliRun.of("show", "f", "--filter", "dir:out alpha", "--data-dir", data.toString());
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.ofType("frame")).extracting(n -> n.path("text").asText()).containsExactly("alpha");
        assertThat(shown.ofType("frame").get(0).path("seq").asLong())
                .isEqualTo(all.ofType("frame").stream().filter(n -> n.path("text").asText().equals("alpha")
                        && n.path("dir").asText().equals("out")).findFirst().map(n -> n.path("seq").asLong()).orElse(-1L));
        assertThat(shown.ofType("open")).hasSize(1);
        CliRun closes = CliRun.of("show", "f", "--filter", "type:close", "--data-dir", data.toString());
        assertThat(closes.ofType("frame")).extracting(n -> n.path("opcode").asText()).containsOnly("close").hasSize(2);
    }

    @Test
    void aBadExpressionIsAUsageErrorThatShowsWhere() {
        CliRun run = CliRun.of("connect", echo.uri().toString(), "--filter", "dir:in size>", "-n", "1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--filter: at 13: expected a value after 'size>'")
                .contains("  dir:in size>" + System.lineSeparator() + "              ^");

        // Pairing terms bind now (PairingCliTest has them match); an echo is no JSON-RPC reply, so nothing matches.
        CliRun pairing = CliRun.of("connect", echo.uri().toString(), "--filter", "unanswered", "-s", "x", "-n", "1");
        assertThat(pairing.exitCode()).as(pairing.toString()).isZero();
        assertThat(pairing.ofType("frame")).isEmpty();
    }

    @Test
    void showWithABadExpressionExitsTwo() {
        CliRun saved = CliRun.of("connect", echo.uri().toString(), "-s", "x", "-n", "1", "--save=s", "--data-dir",
                data.toString());
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        CliRun run = CliRun.of("show", "s", "--filter", "(dir:in", "--data-dir", data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--filter: at 8: expected ')' to close the '(' at 1");
        assertThat(run.lines()).isEmpty();
    }
}
