package dev.wsinspector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Timeout(10)
class CliTest {

    @Test
    void versionPrintsNameAndVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("ws-inspector ");
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("connect", "echo-server");
    }

    @Test
    void connectHelpDocumentsEveryContractOption() {
        CliRun run = CliRun.of("connect", "--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("--header", "--subprotocol", "--send", "--send-hex", "--send-base64",
                "--count", "--timeout", "--deflate", "--insecure", "--close", "--record", "--quiet",
                "--include-secrets", "--connect-timeout", "--ping-interval", "--pong-timeout", "--max-frame-size");
    }

    @Test
    void closeSpecParsing() {
        assertThat(CloseSpec.parse("1000")).isEqualTo(new CloseSpec(1000, ""));
        assertThat(CloseSpec.parse("4000:a:b")).isEqualTo(new CloseSpec(4000, "a:b"));
        for (String bad : new String[] {"", "x", "999", "1006", "5000", "4000:" + "r".repeat(124)}) {
            assertThatIllegalArgumentException()
                    .as(bad).isThrownBy(() -> CloseSpec.parse(bad));
        }
    }

    @Test
    void hexAndBase64Parsing() {
        assertThat(SendItem.hex("0xDEad").data()).containsExactly(0xde, 0xad);
        assertThat(SendItem.hex("de:ad be").data()).containsExactly(0xde, 0xad, 0xbe);
        assertThat(SendItem.base64("-_8").data()).containsExactly(0xfb, 0xff);
        assertThatIllegalArgumentException().isThrownBy(() -> SendItem.hex("abc"));
        assertThatIllegalArgumentException().isThrownBy(() -> SendItem.hex("zz"));
    }
}
