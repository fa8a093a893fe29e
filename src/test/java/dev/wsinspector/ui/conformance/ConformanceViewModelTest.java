package dev.wsinspector.ui.conformance;

import dev.wsinspector.core.conformance.CaseResult;
import dev.wsinspector.core.conformance.ConformanceCase;
import dev.wsinspector.core.conformance.ConformanceCases;
import dev.wsinspector.core.conformance.ConformanceReport;
import dev.wsinspector.core.conformance.ConformanceRunner;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.conformance.ConformanceViewModel.CaseRow;
import dev.wsinspector.ui.conformance.ConformanceViewModel.Status;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Conformance panel's model without a toolkit: runs on a worker thread, news delivered where this test's
 * thread drains it, as Platform.runLater would. Against the project's echo server on loopback (the real runner,
 * a few cases of each kind) and against stand-in runners for stopping and breaking; reports written to real files.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConformanceViewModelTest {

    private static final List<String> SOME = List.of("echo-text-125", "echo-binary-65536", "fragmented-text",
            "ping-payload", "unmasked-frame", "close-invalid-code", "deflate-no-context-takeover");

    @TempDir
    Path dir;

    private final Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(worker, fx::add);
    private final StringProperty tabUrl = new SimpleStringProperty("ws://127.0.0.1:1/");
    private final List<String> shown = new ArrayList<>();

    @AfterEach
    void stop() {
        tasks.close();
    }

    private static List<ConformanceCase> cases(List<String> ids) {
        return ConformanceCases.all().stream().filter(c -> ids.contains(c.id())).toList();
    }

    private ConformanceViewModel model(ConformanceRuns.Runner runner, List<ConformanceCase> cases) {
        ConformanceRuns runs = new ConformanceRuns(runner, cases, tasks);
        runs.showFramesWith((title, url, capture) -> shown.add(title + " " + url + " " + capture.frames().size()));
        return new ConformanceViewModel(runs, tabUrl);
    }

    private static ConformanceRuns.Runner real() {
        return new ConformanceRunner(new JwsConnectionService(), SessionRecorder.inMemory(), Duration.ofSeconds(10))::run;
    }

    /** Runs what the "FX thread" got until {@code done} holds. */
    private void until(BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(45)).until(() -> {
            for (Runnable r = fx.poll(); r != null; r = fx.poll()) {
                r.run();
            }
            return done.getAsBoolean();
        });
    }

    private static List<Status> statuses(ConformanceViewModel model) {
        return model.rows().stream().map(CaseRow::status).toList();
    }

    @Test
    void aRunAgainstTheEchoServerPassesEveryCaseAndOpensACasesFrames() throws Exception {
        try (EchoServer server = EchoServer.builder().build()) {
            URI uri = server.start();
            tabUrl.set(uri.toString());
            ConformanceViewModel model = model(real(), cases(SOME));
            assertThat(model.urlProperty().get()).as("the tab's address").isEqualTo(uri.toString());
            assertThat(statuses(model)).as("before a run").containsOnly(Status.NOT_RUN).hasSize(SOME.size());

            model.run();
            assertThat(model.runningProperty().get()).isTrue();
            until(() -> !model.runningProperty().get());

            assertThat(model.errorProperty().get()).isEmpty();
            assertThat(model.rows()).allSatisfy(r -> assertThat(r.status()).as(r.testCase().id() + ": " + r.observed())
                    .isIn(Status.PASS, Status.SKIP));
            assertThat(statuses(model)).contains(Status.PASS);
            assertThat(model.rows()).allSatisfy(r -> assertThat(r.observed()).isNotEmpty());
            assertThat(model.progressProperty().get()).isEqualTo(1.0);
            assertThat(model.progressTextProperty().get()).isEqualTo(SOME.size() + " of " + SOME.size());
            assertThat(model.summaryProperty().get()).startsWith(SOME.size() + " cases: ").contains("0 failed")
                    .endsWith("the server passed");
            assertThat(model.failedProperty().get()).isFalse();
            assertThat(model.reportProperty().get().results()).hasSize(SOME.size());

            CaseRow unmasked = model.rows().stream().filter(r -> r.testCase().id().equals("unmasked-frame"))
                    .findFirst().orElseThrow();
            assertThat(unmasked.observed()).contains("1002");
            model.showFrames(unmasked);
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0)).startsWith("conformance unmasked-frame " + uri);
            assertThat(Long.parseLong(shown.get(0).substring(shown.get(0).lastIndexOf(' ') + 1)))
                    .as("the crafted frame and the server's close").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anUnreachableServerStopsTheRunAtTheFirstCaseWithOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConformanceViewModel model = model(real(), ConformanceCases.all());
        model.urlProperty().set("ws://127.0.0.1:" + port + "/");

        model.run();
        until(() -> !model.runningProperty().get());

        String error = model.errorProperty().get();
        assertThat(error).startsWith("Cannot reach ws://127.0.0.1:" + port + "/: ").endsWith("The run stopped.")
                .doesNotContain("Exception").doesNotContain("\n");
        assertThat(model.summaryProperty().get()).isEqualTo("Stopped after 1 of 26 cases: 0 passed, 1 failed, 0 skipped");
        assertThat(statuses(model).get(0)).isEqualTo(Status.FAIL);
        assertThat(statuses(model).subList(1, 26)).containsOnly(Status.NOT_RUN);
        assertThat(model.failedProperty().get()).isTrue();
    }

    @Test
    void stopInterruptsTheRunKeepsWhatEndedAndDropsLateNews() throws Exception {
        List<ConformanceCase> three = ConformanceCases.all().subList(0, 3);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<ConformanceRunner.Listener> listeners = new ArrayList<>();
        ConformanceViewModel model = model((base, cases, listener) -> {
            listeners.add(listener);
            listener.onStart(cases.get(0));
            listener.onResult(result(cases.get(0), ConformanceCase.Verdict.PASS));
            listener.onStart(cases.get(1));
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            throw new AssertionError("never interrupted");
        }, three);

        model.run();
        until(() -> statuses(model).get(1) == Status.RUNNING);
        assertThat(statuses(model)).containsExactly(Status.PASS, Status.RUNNING, Status.NOT_RUN);
        assertThat(model.progressTextProperty().get()).isEqualTo("2 of 3");

        model.stop();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the run's thread was interrupted").isTrue();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(statuses(model)).containsExactly(Status.PASS, Status.NOT_RUN, Status.NOT_RUN);
        assertThat(model.summaryProperty().get()).isEqualTo("Stopped after 1 of 3 cases: 1 passed, 0 failed, 0 skipped");
        assertThat(model.reportProperty().get().results()).as("what ended can be saved").hasSize(1);

        listeners.get(0).onResult(result(three.get(1), ConformanceCase.Verdict.FAIL)); // late news of the stopped run
        until(fx::isEmpty);
        assertThat(statuses(model)).containsExactly(Status.PASS, Status.NOT_RUN, Status.NOT_RUN);
        assertThat(model.failedProperty().get()).isFalse();
    }

    @Test
    void aRunThatBreaksSaysWhyInOneLine() {
        ConformanceViewModel model = model((base, cases, listener) -> {
            throw new IllegalStateException("the session catalog is closing");
        }, ConformanceCases.all());

        model.run();
        until(() -> !model.runningProperty().get());

        assertThat(model.errorProperty().get()).isEqualTo("The run stopped: the session catalog is closing");
    }

    @Test
    void aBadUrlIsToldAndNothingRuns() {
        List<String> ran = new ArrayList<>();
        ConformanceViewModel model = model((base, cases, listener) -> {
            ran.add(base.uri().toString());
            return new ConformanceReport(base.uri().toString(), List.of(), 0);
        }, ConformanceCases.all());

        for (String bad : List.of("", "http://example.com/", "ws:///path", "ws://exa mple/")) {
            model.urlProperty().set(bad);
            model.run();
            assertThat(model.errorProperty().get()).as(bad).isNotEmpty();
            assertThat(model.runningProperty().get()).isFalse();
        }
        until(fx::isEmpty);
        assertThat(ran).isEmpty();
        assertThat(ConformanceViewModel.urlProblem("wss://example.com/socket")).isNull();
    }

    @Test
    void theUrlFollowsTheTabUntilTheUserChangesIt() {
        ConformanceViewModel model = model((base, cases, listener) -> null, ConformanceCases.all());
        tabUrl.set("ws://127.0.0.1:2/a");
        assertThat(model.urlProperty().get()).isEqualTo("ws://127.0.0.1:2/a");

        model.urlProperty().set("ws://127.0.0.1:3/mine");
        tabUrl.set("ws://127.0.0.1:4/b");
        assertThat(model.urlProperty().get()).isEqualTo("ws://127.0.0.1:3/mine");
    }

    @Test
    void theReportIsSavedAsJunitXmlOrHtmlOverAnOldFileAndAFailedSaveIsOneLine() throws Exception {
        List<ConformanceCase> two = ConformanceCases.all().subList(0, 2);
        ConformanceViewModel model = model((base, cases, listener) -> {
            List<CaseResult> results = List.of(result(cases.get(0), ConformanceCase.Verdict.PASS),
                    result(cases.get(1), ConformanceCase.Verdict.FAIL));
            results.forEach(listener::onResult);
            return new ConformanceReport(base.uri().toString(), results, 12);
        }, two);
        model.urlProperty().set("ws://127.0.0.1:8080/ws");
        model.run();
        until(() -> model.reportProperty().get() != null && !model.runningProperty().get());
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("2 cases: 1 passed, 1 failed, 0 skipped in 0.0 s");
        assertThat(model.suggestedFileName(ReportFormat.JUNIT_XML)).isEqualTo("conformance-127.0.0.1-8080.xml");

        Path xml = dir.resolve("report.xml");
        Files.writeString(xml, "old");
        model.saveReport(xml, ReportFormat.JUNIT_XML);
        until(() -> model.noticeProperty().get().startsWith("Saved"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");

        Path html = dir.resolve("report.html");
        model.saveReport(html, ReportFormat.forFile(html, ReportFormat.JUNIT_XML));
        until(() -> model.noticeProperty().get().endsWith("report.html"));
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains(two.get(1).id());
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.xml", "report.html");
        }

        model.saveReport(dir.resolve("missing").resolve("report.xml"), ReportFormat.JUNIT_XML);
        until(() -> !model.errorProperty().get().isEmpty());
        assertThat(model.errorProperty().get()).startsWith("Cannot save the report to ").doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(model.noticeProperty().get()).isEmpty();
    }

    @Test
    void theFormatFollowsTheFileNameElseTheChosenFilter() {
        assertThat(ReportFormat.forFile(Path.of("a.HTML"), ReportFormat.JUNIT_XML)).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.forFile(Path.of("a.htm"), null)).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.forFile(Path.of("a.xml"), ReportFormat.HTML)).isEqualTo(ReportFormat.JUNIT_XML);
        assertThat(ReportFormat.forFile(Path.of("report"), ReportFormat.HTML)).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.forFile(Path.of("report"), null)).isEqualTo(ReportFormat.JUNIT_XML);
    }

    private static CaseResult result(ConformanceCase c, ConformanceCase.Verdict verdict) {
        return new CaseResult(c, verdict, verdict == ConformanceCase.Verdict.PASS ? "as expected" : "something else", 1,
                new Session(new ColumnarFrameStore()));
    }
}
