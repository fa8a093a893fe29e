package dev.wsinspector.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages a lost connection left unsent are reported in one line with their count and the first reason. */
class UnsentMessagesTest {

    private String report(UnsentMessages unsent) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        unsent.report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneLineWithTheCountAndTheFirstReason() {
        UnsentMessages unsent = new UnsentMessages();
        unsent.failed(new CompletionException(new IllegalStateException("connection lost")));
        for (int i = 0; i < 1_429; i++) {
            unsent.failed(new IllegalStateException("not open"));
        }

        assertThat(report(unsent)).isEqualTo("ws-inspector: 1,430 messages were not sent: connection lost"
                + System.lineSeparator());
    }

    @Test
    void nothingWhenEverythingWentOutAndSingularForOne() {
        UnsentMessages unsent = new UnsentMessages();
        assertThat(report(unsent)).isEmpty();
        unsent.failed(new IllegalStateException("closed"));
        assertThat(report(unsent)).startsWith("ws-inspector: 1 message was not sent: closed");
    }
}
