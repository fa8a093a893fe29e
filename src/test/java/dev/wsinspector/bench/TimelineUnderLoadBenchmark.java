package dev.wsinspector.bench;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.charts.ChartsViewModel;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.filter.FilterBarViewModel;
import dev.wsinspector.ui.main.WindowPulse;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desktop under load (issue #17): the real window (headless Monocle, software renderer), the real engine and
 * journal, while raw-socket {@link FloodServer}s flood 100-byte text frames into one or more tabs. In one run:
 * <ol>
 *   <li><b>reference</b>: the same floods captured by the same engine into journaled sessions with no tab showing
 *       them, the window idle: what JavaFX's pulses look like on this machine under this load, our UI aside;</li>
 *   <li><b>GUI</b>: one tab per connection; JavaFX's pulse gaps (longest, p99, pulses/s), our pulse work, and a
 *       robot that clicks a row, turns the wheel, types in the composer and switches tabs during the flood, timed
 *       from the input event to the layout pulse that shows its effect ({@link InputProbes});</li>
 *   <li><b>CLI</b>: {@code connect --quiet} in a child JVM on the same floods, for the GUI/CLI capture ratio.</li>
 * </ol>
 * Every figure is printed with the load average beside it; the report also goes to {@code bench.out}.
 *
 * <p>Options ({@code -D}): {@code bench.seconds} (10), {@code bench.payload} (100), {@code bench.rate} (frames/s
 * per connection, 0 = as fast as possible), {@code bench.connections} (1), {@code bench.follow} (true),
 * {@code bench.reference} (true), {@code bench.cli} ({@code quiet,save}), {@code bench.probes} (true), {@code bench.sample}
 * (print where the FX thread spends its time), {@code bench.charts} (the GUI phase twice: charts closed, then open
 * in every flooding tab), {@code bench.filter} (an expression applied through every flooding tab's filter bar). Not part of the test suite (surefire excludes *Benchmark*).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class TimelineUnderLoadBenchmark {

    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final int PAYLOAD = Integer.getInteger("bench.payload", 100);
    private static final long RATE = Long.getLong("bench.rate", 0);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 1);
    private static final boolean FOLLOW = Boolean.parseBoolean(System.getProperty("bench.follow", "true"));
    private static final boolean REFERENCE = Boolean.parseBoolean(System.getProperty("bench.reference", "true"));
    /**
     * The CLI runs to compare with: {@code quiet} is {@code connect --quiet} (in memory), {@code save} is
     * {@code connect --save --quiet} (journaled, as the GUI is); empty: none.
     */
    private static final List<String> CLI = List.of(System.getProperty("bench.cli", "quiet,save").split(",")).stream()
            .map(String::trim).filter(s -> !s.isEmpty()).toList();
    private static final boolean PROBES = Boolean.parseBoolean(System.getProperty("bench.probes", "true"));
    /** Issue #14: a filter expression to apply in every flooding tab. */
    private static final String FILTER = System.getProperty("bench.filter", "");
    /** Issue #14: open the charts panel in every flooding tab. */
    private static final boolean CHARTS = Boolean.getBoolean("bench.charts");

    private InspectorApp.AppContext app;
    private Stage stage;
    private final PulseMeter meter = new PulseMeter();
    private final InputProbes probes = new InputProbes();
    private final AtomicLong ourPulses = new AtomicLong();
    private final AtomicLong maxWork = new AtomicLong();
    private final AtomicLong totalWork = new AtomicLong();
    /** The FX thread's CPU time in our pulse work: what the work costs whatever the machine's load. */
    private final AtomicLong maxCpu = new AtomicLong();
    private final AtomicLong totalCpu = new AtomicLong();
    private volatile boolean measuringWork;
    private final StringBuilder report = new StringBuilder();
    private final List<ConnectionTab> tabs = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
        app.window().setPulseObserver(new WindowPulse.Observer() {
            @Override
            public void onPulse(long now, long work) {
                onPulse(now, work, -1);
            }

            @Override
            public void onPulse(long now, long work, long cpu) {
                if (measuringWork) {
                    maxWork.accumulateAndGet(work, Math::max);
                    totalWork.addAndGet(work);
                    ourPulses.incrementAndGet();
                    if (cpu >= 0) {
                        maxCpu.accumulateAndGet(cpu, Math::max);
                        totalCpu.addAndGet(cpu);
                    }
                }
            }
        });
        probes.install(stage.getScene());
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(30, TimeUnit.SECONDS);
    }

    @Test
    void floodIntoTheLiveTimeline(FxRobot robot) throws Exception {
        line("timeline under load: %d connection(s), payload %d B, flood %.0f s, pace %s per connection, follow %s%s",
                CONNECTIONS, PAYLOAD, SECONDS, RATE == 0 ? "as fast as possible" : String.format(Locale.ROOT,
                        "%,d frames/s", RATE), FOLLOW ? "on" : "off", extrasText());
        line("  machine: %d cores, load average %.2f at the start", Runtime.getRuntime().availableProcessors(), load());
        if (REFERENCE) {
            reference();
        }
        if (CHARTS) {
            gui(robot, false); // the same floods with the charts closed first: the figures to compare with
        }
        Flood gui = gui(robot, CHARTS);
        for (String variant : CLI) {
            cli(gui, variant.equals("save"));
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        line("  heap after the run (GC)   %,d bytes", heap);
        summary(gui, heap);
        System.out.print(report);
        Path out = Path.of(System.getProperty("bench.out", "target/timeline-under-load.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        assertThat(gui.lost()).as("frames lost by the GUI").isZero();
        assertThat(probes.unanswered()).as("inputs the window never answered").isZero();
    }

    /** The floods captured by the engine alone into journaled sessions; the window idles and its pulses are counted. */
    private void reference() throws Exception {
        Path dir = Files.createTempDirectory("wsi-bench-reference");
        SessionCatalog catalog = SessionCatalog.of(dir);
        List<FloodServer> servers = servers();
        try {
            List<CompletableFuture<FloodServer.Result>> results = new ArrayList<>();
            List<SessionRecorder.Recorded> recorded = new ArrayList<>();
            WaitForAsyncUtils.asyncFx(meter::start).get(5, TimeUnit.SECONDS);
            double loadBefore = load();
            for (FloodServer server : servers) {
                results.add(server.serveOne());
                SessionRecorder.Recorded r = catalog.start("", url(server));
                recorded.add(r);
                new JwsConnectionService().connect(ConnectionOptions.of(URI.create(url(server))), r.session().frames(),
                        r.session());
            }
            long sent = 0;
            double rate = 0;
            for (CompletableFuture<FloodServer.Result> result : results) {
                FloodServer.Result done = result.get((long) SECONDS + 60, TimeUnit.SECONDS);
                sent += done.framesSent();
                rate += done.framesSent() / (done.floodNanos() / 1e9);
            }
            WaitForAsyncUtils.asyncFx(meter::stop).get(5, TimeUnit.SECONDS);
            double loadAfter = load();
            for (SessionRecorder.Recorded r : recorded) {
                await().atMost(Duration.ofSeconds(60)).until(() -> r.session().state() == ConnectionState.CLOSED);
                r.close();
            }
            line("reference (same floods, engine + journal only, window idle), load %.2f → %.2f", loadBefore, loadAfter);
            line("  captured %,d frames at %,.0f frames/s", sent, rate);
            pulses();
            referenceCell = String.format(Locale.ROOT, "%.1f · %.1f ms", meter.longestGapMillis(),
                    meter.percentileMillis(0.99));
        } finally {
            servers.forEach(FloodServer::close);
            catalog.close();
            deleteTree(dir);
        }
    }

    /** What one set of floods gave. */
    private record Flood(long sent, long captured, double rate) {
        long lost() {
            return sent - captured;
        }
    }

    private Flood gui(FxRobot robot, boolean charts) throws Exception {
        List<FloodServer> servers = servers();
        ourPulses.set(0);
        maxWork.set(0);
        totalWork.set(0);
        maxCpu.set(0);
        totalCpu.set(0);
        try {
            List<CompletableFuture<FloodServer.Result>> results = new ArrayList<>();
            List<ConnectionTab> tabs = this.tabs; // made once: a second phase (charts) reconnects the same tabs
            WaitForAsyncUtils.asyncFx(() -> {
                for (int i = tabs.size(); i < Math.max(2, CONNECTIONS); i++) {
                    ConnectionTab tab = i == 0 ? app.window().selectedTab() : app.window().openTab("ws://127.0.0.1:1/");
                    tab.setId("benchTab" + i);
                    tabs.add(tab);
                }
                app.window().tabs().getSelectionModel().select(0);
            }).get(10, TimeUnit.SECONDS);
            if (PROBES) {
                warmUp(robot, tabs);
            }
            double loadBefore = load();
            for (int i = 0; i < CONNECTIONS; i++) {
                results.add(servers.get(i).serveOne());
                ConnectionTab tab = tabs.get(i);
                String url = url(servers.get(i));
                WaitForAsyncUtils.asyncFx(() -> {
                    tab.model().urlProperty().set(url);
                    tab.model().connect();
                }).get(10, TimeUnit.SECONDS);
            }
            long floodStart = System.nanoTime();
            if (!FILTER.isEmpty() || charts) {
                // The filter and the charts go on once there are rows (on a loaded machine this takes seconds of
                // the flood: hidden tabs take rows in 4 times a second); without them the measurement starts now.
                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> tabs.stream().limit(CONNECTIONS)
                        .allMatch(t -> t.timeline().rows() != null && t.timeline().rows().capturedRows() > 1000)));
            }
            // Opened before the measurement, as a user opens a panel once: what is measured is the flood with it open.
            long opening = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> tabs.subList(0, CONNECTIONS).forEach(tab -> applyExtras(tab, charts)))
                    .get(60, TimeUnit.SECONDS); // the tools pane is built on first use: seconds on a loaded machine
            if (charts) {
                line("  charts panel opened in %.0f ms (the tools pane is built on first use)",
                        (System.nanoTime() - opening) / 1e6);
                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> tabs.get(0).charts().pulls()) > 0);
            }
            WaitForAsyncUtils.asyncFx(() -> {
                meter.start();
                measuringWork = true;
            }).get(5, TimeUnit.SECONDS);
            long measureStart = System.nanoTime();
            java.time.Instant measureFrom = java.time.Instant.now();
            Thread sampler = startFxSampler();
            WaitForAsyncUtils.asyncFx(() -> {
                for (ConnectionTab tab : tabs.subList(0, CONNECTIONS)) {
                    if (!FOLLOW) {
                        tab.timeline().scrollTo(0);
                    }
                }
            }).get(10, TimeUnit.SECONDS);
            int rounds = 0;
            if (PROBES) {
                long from = floodStart + (long) (SECONDS * 0.2e9);
                while (System.nanoTime() < from) {
                    LockSupport.parkNanos(10_000_000L);
                }
                rounds = probe(robot, tabs, floodStart + (long) (SECONDS * 0.85e9), 20, true);
            }
            long sent = 0;
            double rate = 0;
            List<FloodServer.Result> done = new ArrayList<>();
            for (CompletableFuture<FloodServer.Result> result : results) {
                FloodServer.Result r = result.get((long) SECONDS + 60, TimeUnit.SECONDS);
                done.add(r);
                sent += r.framesSent();
            }
            WaitForAsyncUtils.asyncFx(() -> {
                meter.stop();
                measuringWork = false;
            }).get(5, TimeUnit.SECONDS);
            sampler.interrupt();
            double loadAfter = load();
            String filterAtEnd = FILTER.isEmpty() ? "" : fx(() -> tabs.get(0).filterBar().countProperty().get());
            long floodEnd = System.nanoTime();
            long captured = 0;
            for (int i = 0; i < CONNECTIONS; i++) {
                Session session = fx(tabs.get(i).model()::session);
                await().atMost(Duration.ofSeconds(60)).until(() -> session.state() == ConnectionState.CLOSED);
                long in = inboundText(session.frames());
                captured += in;
                rate += in / (done.get(i).floodNanos() / 1e9);
            }
            line("GUI (%d flooding tab(s)%s%s), load %.2f → %.2f", CONNECTIONS,
                    CONNECTIONS == 1 ? " and an idle one" : "", charts ? ", charts open" : CHARTS ? ", charts closed" : "",
                    loadBefore, loadAfter);
            line("  frames sent %,d, captured %,d (%s) at %,.0f frames/s", sent, captured,
                    captured == sent ? "nothing lost" : "LOST " + (sent - captured), rate);
            line("  measured %.1f s, from %.1f s into the flood (%s to %s UTC: the window to read a JFR recording in)%s",
                    (floodEnd - measureStart) / 1e9, (measureStart - floodStart) / 1e9, measureFrom,
                    measureFrom.plusNanos(floodEnd - measureStart), floodEnd - measureStart < SECONDS * 0.5e9
                            ? "; LESS THAN HALF THE FLOOD: a longer -Dbench.seconds on a machine this loaded" : "");
            pulses();
            long n = Math.max(1, ourPulses.get());
            line("  our pulse work            mean %.2f ms, longest %.1f ms over %,d pulses (FX thread CPU time: mean %.2f ms,"
                    + " longest %.1f ms)", totalWork.get() / 1e6 / n, maxWork.get() / 1e6, ourPulses.get(),
                    totalCpu.get() / 1e6 / n, maxCpu.get() / 1e6);
            if (PROBES) {
                line("  input → shown, during the flood (%d rounds):", rounds);
                report.append(probes.report());
            }
            if (charts) {
                ChartsViewModel chartsModel = fx(() -> tabs.get(0).charts());
                line("  charts: %,d updates, %,d of %,d frames counted at the end of the flood", fx(chartsModel::pulls),
                        fx(() -> chartsModel.snapshotProperty().get().frames()),
                        fx(() -> tabs.get(0).model().session().frames().size()));
            }
            if (!FILTER.isEmpty()) {
                filterReport(tabs.get(0), filterAtEnd, floodEnd);
            }
            printSamples();
            guiCells = String.format(Locale.ROOT,
                    "%.2f → %.2f | %,d = %,d | %.1f | %.1f · %.1f ms | %.2f / %.1f ms (CPU %.2f / %.1f) | %s",
                    loadBefore, loadAfter, sent, captured, meter.pulsesPerSecond(), meter.longestGapMillis(),
                    meter.percentileMillis(0.99), totalWork.get() / 1e6 / n, maxWork.get() / 1e6,
                    totalCpu.get() / 1e6 / n, maxCpu.get() / 1e6,
                    PROBES && probes.medianMillis(InputProbes.Kind.CLICK_TO_VIEWS) >= 0 ? String.format(Locale.ROOT,
                            "%.1f / %.1f ms", probes.medianMillis(InputProbes.Kind.CLICK_TO_VIEWS),
                            probes.longestMillis(InputProbes.Kind.CLICK_TO_VIEWS)) : "—");
            return new Flood(sent, captured, rate);
        } finally {
            servers.forEach(FloodServer::close);
        }
    }

    /**
     * Rounds of inputs until {@code until} (timed: from 20 % of the flood to 85 %): click a row of the first tab (views of that frame shown),
     * three wheel notches up over it, a key in its composer, a click on the second tab and back to the first.
     */
    private int probe(FxRobot robot, List<ConnectionTab> tabs, long until, int most, boolean timed) throws Exception {
        InputProbes probes = timed ? this.probes : new InputProbes();
        if (!timed) {
            WaitForAsyncUtils.asyncFx(() -> probes.install(stage.getScene())).get(5, TimeUnit.SECONDS);
        }
        ConnectionTab first = tabs.get(0);
        Node table = fx(() -> first.timeline().lookup("#timeline"));
        Node composer = fx(() -> first.getContent().lookup("#composerEditor"));
        int rounds = 0;
        while (System.nanoTime() < until && rounds < most) {
            rounds++;
            robot.moveTo(table);
            probes.measure(InputProbes.Kind.CLICK_TO_VIEWS, () -> shows(first), () -> robot.press(MouseButton.PRIMARY));
            robot.release(MouseButton.PRIMARY);
            long before = fx(() -> first.timeline().rows().firstRow());
            probes.measure(InputProbes.Kind.SCROLL, () -> true, () -> robot.scroll(3, VerticalDirection.UP));
            if (FOLLOW) {
                WaitForAsyncUtils.asyncFx(first.timeline()::follow);
            } else {
                WaitForAsyncUtils.asyncFx(() -> first.timeline().scrollTo(before));
            }
            robot.clickOn(composer);
            int typed = fx(() -> first.composer().inputProperty().get().length());
            probes.measure(InputProbes.Kind.TYPE, () -> first.composer().inputProperty().get().length() > typed,
                    () -> robot.type(KeyCode.A));
            for (int target : new int[] {1, 0}) {
                ConnectionTab tab = tabs.get(target);
                robot.moveTo(fx(() -> header(tab)));
                probes.measure(InputProbes.Kind.SWITCH_TAB, () -> app.window().selectedTab() == tab,
                        () -> robot.press(MouseButton.PRIMARY));
                robot.release(MouseButton.PRIMARY);
            }
        }
        return rounds;
    }

    /**
     * One untimed round of inputs on a short flood before the measured one: the first click fills the detail views
     * for the first time (classes loaded, code compiled), a start-up cost of the window, not one of the flood.
     */
    private void warmUp(FxRobot robot, List<ConnectionTab> tabs) throws Exception {
        try (FloodServer server = new FloodServer(true, PAYLOAD, 50_000, 5, 0)) {
            CompletableFuture<FloodServer.Result> result = server.serveOne();
            ConnectionTab tab = tabs.get(0);
            WaitForAsyncUtils.asyncFx(() -> {
                tab.model().urlProperty().set(url(server));
                tab.model().connect();
            }).get(10, TimeUnit.SECONDS);
            result.get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> tab.timeline().rows() != null
                    && tab.timeline().rows().capturedRows() > 1000));
            probe(robot, tabs, Long.MAX_VALUE, 1, false);
            Session session = fx(tab.model()::session);
            await().atMost(Duration.ofSeconds(30)).until(() -> session.state() == ConnectionState.CLOSED);
        }
    }

    /** The header of {@code tab} in the window's tab pane (JavaFX's header skin keeps its tab in its properties). */
    private Node header(ConnectionTab tab) {
        List<Node> headers = List.copyOf(app.window().tabs().lookupAll(".tab-header-area .tab"));
        return headers.stream().filter(h -> h.getProperties().get(javafx.scene.control.Tab.class) == tab).findFirst()
                .orElseGet(() -> headers.get(app.window().tabs().getTabs().indexOf(tab)));
    }

    /** The detail pane shows the lead row's frame, its views complete. FX thread. */
    private static boolean shows(ConnectionTab tab) {
        TimelineRow lead = tab.timeline().leadRow();
        var detail = tab.detailPane().viewModel();
        return lead != null && lead.isFrame() && !detail.busyProperty().get()
                && detail.summaryProperty().get().startsWith("#" + lead.seq() + " ·");
    }

    /** {@code connect --quiet} (with {@code --save}: journaled) in a child JVM per flood, all at once, as the GUI had them. */
    private void cli(Flood gui, boolean save) throws Exception {
        List<FloodServer> servers = servers();
        Path dir = Files.createTempDirectory("wsi-bench-cli");
        try {
            List<CompletableFuture<FloodServer.Result>> results = new ArrayList<>();
            List<Process> processes = new ArrayList<>();
            double loadBefore = load();
            for (FloodServer server : servers) {
                results.add(server.acceptWithin(120_000).serveOne()); // child JVMs start slowly on a loaded machine
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx2g", "-cp",
                        System.getProperty("java.class.path"), "dev.wsinspector.app.Launcher", "connect"));
                if (save) {
                    command.add("--save"); // before another option: its NAME is optional
                }
                command.addAll(List.of("--quiet", "--data-dir", dir.toString(), url(server)));
                processes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
            }
            long sent = 0;
            long captured = 0;
            double rate = 0;
            Pattern framesIn = Pattern.compile("\"framesIn\":(\\d+)");
            int failed = 0;
            for (int i = 0; i < servers.size(); i++) {
                FloodServer.Result done = results.get(i).get((long) SECONDS + 90, TimeUnit.SECONDS);
                Process process = processes.get(i);
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor(60, TimeUnit.SECONDS);
                Matcher m = framesIn.matcher(output);
                if (!m.find() || done.floodNanos() == 0) {
                    failed++;
                    line("  CLI run %d failed (server: %s); its output ends: %s", i, done.error(),
                            output.substring(Math.max(0, output.length() - 300)).replaceAll("\\s+", " "));
                    continue;
                }
                long in = Long.parseLong(m.group(1)) - 1; // the server's close frame counts too
                sent += done.framesSent();
                captured += in;
                rate += in / (done.floodNanos() / 1e9);
            }
            line("CLI (connect --quiet%s, %d child JVM(s) at once), load %.2f → %.2f", save ? " --save" : "",
                    servers.size(), loadBefore, load());
            line("  frames sent %,d, captured %,d (%s) at %,.0f frames/s", sent, captured,
                    captured == sent ? "nothing lost" : "LOST " + (sent - captured), rate);
            if (failed > 0) {
                line("  %d of %d CLI runs FAILED: no ratio", failed, servers.size());
                cliRatios.put(save ? "save" : "quiet", "failed");
                return;
            }
            line("  GUI / CLI capture rate    %.2f", gui.rate() / rate);
            cliRatios.put(save ? "save" : "quiet", String.format(Locale.ROOT, "%.2f (%.2f M/s)", gui.rate() / rate,
                    rate / 1e6));
        } finally {
            servers.forEach(FloodServer::close);
            deleteTree(dir);
        }
    }

    /**
     * Issue #14's cases, one flag each. {@link #FILTER}: typed into the tab's filter bar and applied (its view model,
     * as Enter does), so the live {@code FilterRun} decides the rows shown while the flood goes on.
     * {@code charts}: the tab's Charts panel opens (messages/s, counting live at most 4 times a second). FX thread.
     */
    private static void applyExtras(ConnectionTab tab, boolean charts) {
        if (!FILTER.isEmpty()) {
            FilterBarViewModel bar = tab.filterBar(); // what the bar's field and Enter do
            bar.expressionProperty().set(FILTER);
            bar.apply();
            if (!bar.errorProperty().get().isEmpty()) {
                throw new IllegalArgumentException("bench.filter '" + FILTER + "': " + bar.errorProperty().get());
            }
        }
        if (charts) {
            tab.showTool("Charts");
        }
    }

    /**
     * How far the first tab's live filter run had got when the flood ended ("N of M"), and how long after the
     * flood's end it took to decide every row (its count then no longer changing for half a second).
     */
    private void filterReport(ConnectionTab tab, String atEnd, long floodEnd) throws Exception {
        String[] last = {fx(() -> tab.filterBar().countProperty().get())};
        long[] since = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String now = fx(() -> tab.filterBar().countProperty().get());
            if (!now.equals(last[0])) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] > 500_000_000L;
        });
        line("  filter '%s': %s rows at the end of the flood; %s once decided, %.0f ms after its end", FILTER, atEnd,
                last[0], Math.max(0, since[0] - floodEnd) / 1e6);
    }

    private String referenceCell = "—";
    private String guiCells = "";
    private final java.util.Map<String, String> cliRatios = new java.util.TreeMap<>();

    /**
     * The run as one row of docs/BENCHMARKS.md's matrix table (the last GUI phase: with charts, the one with them
     * open), with the header it goes under.
     */
    private void summary(Flood gui, long heap) {
        line("table row (docs/BENCHMARKS.md, \"The matrix\"):");
        line("| UTC | conns | pace | follow | extras | reference longest · p99 | load | sent = captured | pulses/s "
                + "| longest · p99 gap | our work mean / longest | click → views median / max | GUI/CLI quiet | "
                + "GUI/CLI save | GUI capture | heap after GC |");
        line("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %.2f M/s | %.0f MB |",
                java.time.LocalTime.now(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")), CONNECTIONS,
                RATE == 0 ? "full" : String.format(Locale.ROOT, "%,d/s", RATE), FOLLOW ? "on" : "off",
                extrasCell(), referenceCell, guiCells, cliRatios.getOrDefault("quiet", "—"),
                cliRatios.getOrDefault("save", "—"), gui.rate() / 1e6, heap / 1e6);
    }

    private static String extrasCell() {
        String cell = (FILTER.isEmpty() ? "" : "filter `" + FILTER.replace("|", "\\|") + "`")
                + (CHARTS ? (FILTER.isEmpty() ? "" : ", ") + "charts" : "");
        return cell.isEmpty() ? "—" : cell;
    }

    private static String extrasText() {
        return (FILTER.isEmpty() ? "" : ", filter '" + FILTER + "'") + (CHARTS ? ", charts open" : "");
    }

    private void pulses() {
        line("  JavaFX pulses             %.1f /s (%,d), gap longest %.1f ms, p99 %.1f ms, median %.1f ms",
                meter.pulsesPerSecond(), meter.pulses(), meter.longestGapMillis(), meter.percentileMillis(0.99),
                meter.percentileMillis(0.5));
    }

    private List<FloodServer> servers() throws IOException {
        List<FloodServer> servers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            servers.add(new FloodServer(true, PAYLOAD, Long.MAX_VALUE, SECONDS, RATE));
        }
        return servers;
    }

    private static String url(FloodServer server) {
        return "ws://127.0.0.1:" + server.port() + "/";
    }

    private static long inboundText(FrameStore frames) {
        long in = 0;
        for (long seq = 0; seq < frames.size(); seq++) {
            if (frames.direction(seq) == Direction.IN && frames.opcode(seq) == Opcode.TEXT) {
                in++;
            }
        }
        return in;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private final java.util.Map<String, Long> samples = new java.util.concurrent.ConcurrentHashMap<>();

    /** With -Dbench.sample=true: where the FX thread is, every 2 ms, by its top three frames. */
    private Thread startFxSampler() throws Exception {
        Thread fx = fx(Thread::currentThread);
        Thread sampler = new Thread(() -> {
            while (Boolean.getBoolean("bench.sample") && !Thread.currentThread().isInterrupted()) {
                StackTraceElement[] stack = fx.getStackTrace();
                StringBuilder key = new StringBuilder(fx.getState().name());
                for (int i = 0; i < Math.min(3, stack.length); i++) {
                    key.append(" < ").append(stack[i].getClassName().replaceAll(".*\\.", "")).append('.')
                            .append(stack[i].getMethodName());
                }
                samples.merge(key.toString(), 1L, Long::sum);
                LockSupport.parkNanos(2_000_000L);
            }
        }, "fx-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private void printSamples() {
        if (Boolean.getBoolean("bench.sample")) {
            line("FX thread samples (top frames):");
            samples.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(25)
                    .forEach(e -> line("  %6d  %s", e.getValue(), e.getKey()));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
