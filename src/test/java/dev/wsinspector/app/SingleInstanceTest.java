package dev.wsinspector.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SingleInstanceTest {

    @Test
    void aSecondLaunchOnTheSameDirectoryHandsItsFilesToTheFirst(@TempDir Path dir) throws Exception {
        try (SingleInstance first = SingleInstance.claim(dir).orElseThrow()) {
            BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
            first.onActivation(received::add);

            assertThat(SingleInstance.claim(dir)).as("the directory is taken").isEmpty();
            assertThat(SingleInstance.forward(dir, List.of("/tmp/a.har", "/tmp/b c.jsonl"))).isTrue();
            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly("/tmp/a.har", "/tmp/b c.jsonl");
            assertThat(SingleInstance.forward(dir, List.of())).isTrue();
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void requestsBeforeTheWindowIsReadyAreKept(@TempDir Path dir) throws Exception {
        try (SingleInstance first = SingleInstance.claim(dir).orElseThrow()) {
            assertThat(SingleInstance.forward(dir, List.of("early.har"))).isTrue();
            BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
            first.onActivation(received::add);
            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly("early.har");
        }
    }

    @Test
    void anotherDirectoryIsAnotherInstance(@TempDir Path a, @TempDir Path b) throws Exception {
        try (SingleInstance first = SingleInstance.claim(a).orElseThrow();
             SingleInstance second = SingleInstance.claim(b).orElseThrow()) {
            assertThat(first).isNotSameAs(second);
        }
    }

    @Test
    void closingReleasesTheDirectory(@TempDir Path dir) throws Exception {
        SingleInstance.claim(dir).orElseThrow().close();
        assertThat(dir.resolve(SingleInstance.PORT_FILE)).doesNotExist();
        Optional<SingleInstance> again = SingleInstance.claim(dir);
        assertThat(again).isPresent();
        again.get().close();
        assertThat(SingleInstance.forward(dir, List.of())).as("nobody listens any more").isFalse();
    }
}
