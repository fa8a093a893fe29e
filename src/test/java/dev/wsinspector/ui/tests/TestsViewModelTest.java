package dev.wsinspector.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.scenario.ScenarioRecorder;
import dev.wsinspector.core.scenario.ScenarioResult;
import dev.wsinspector.core.scenario.ScenarioRunner;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.ui.common.BackgroundTasks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Tests panel's model without a toolkit: Save as test from a session, then the saved scenario listed and run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestsViewModelTest {

    @TempDir
    Path dir;

    private final Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), fx::add);

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void until(BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(45)).until(() -> {
            for (Runnable r = fx.poll(); r != null; r = fx.poll()) {
                r.run();
            }
            return done.getAsBoolean();
        });
    }

    @Test
    void saveAsTestWritesAReviewedScenarioThatIsListedAndPasses() throws Exception {
        try (EchoServer server = EchoServer.builder().build()) {
            URI uri = server.start();
            ScenarioRunner runner = new ScenarioRunner(new JwsConnectionService(), SessionRecorder.inMemory());
            TestRuns runs = new TestRuns(runner, dir.resolve("scenarios"), tasks);
            TestsViewModel model = new TestsViewModel(runs);
            ScenarioResult explored = runner.run(dev.wsinspector.core.scenario.ScenarioReader.parse("x.json",
                    "{\"schemaVersion\":1,\"connection\":{\"url\":\"" + uri + "\"},\"steps\":[{\"send\":"
                            + "\"{\\\"id\\\":\\\"0b6c1c8e-6f43-4c5e-9d8b-1f0a2b3c4d5e\\\",\\\"op\\\":\\\"sub\\\"}\"},"
                            + "{\"expect\":{}}]}", false), new ScenarioRunner.Listener() { });

            ScenarioRecorder.Recorded recorded = model.prepareSaveAsTest(explored.sessions().get("main"), "my run");
            assertThat(TestsViewModel.reviewLines(recorded)).singleElement().asString()
                    .contains("$.id").contains("captured as {{id}}").contains("a UUID");
            model.saveAsTest(recorded, "my run");
            until(() -> model.scenarios().size() == 1);
            assertThat(model.scenarios().get(0).file()).isEqualTo(dir.resolve("scenarios/my-run.json"));
            assertThat(Files.readString(dir.resolve("scenarios/my-run.json"))).isEqualTo(recorded.json());

            model.run(model.scenarios().get(0));
            until(() -> model.statusProperty().get().startsWith("1 run:"));
            assertThat(model.statusProperty().get()).isEqualTo("1 run: 1 passed, 0 failed");
            assertThat(model.steps()).as("send, expect, and the close the run ended with").hasSize(4).allSatisfy(s -> assertThat(s.passed()).isTrue());
            // Frames on a passed step opens its capture with the first frame it matched selected: the echo, #1
            java.util.List<String> shown = new java.util.ArrayList<>();
            runs.showFramesWith((title, url, capture, seq) -> shown.add(title + " " + seq + " "
                    + capture.frames().get(seq).direction()));
            model.showFrames(model.steps().get(0));
            model.showFrames(model.steps().get(1));
            assertThat(shown).containsExactly("test main step 1 0 OUT", "test main step 2 1 IN");
            assertThat(model.prepareSaveAsTest(new dev.wsinspector.core.session.Session(
                    new dev.wsinspector.core.frame.SegmentedFrameStore()), "empty")).isNull();
        }
    }
}
