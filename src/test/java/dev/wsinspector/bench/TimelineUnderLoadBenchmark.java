package dev.wsinspector.bench;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desktop under load: the real window (headless Monocle), the real engine and timeline, while a loopback
 * server floods 100-byte text frames for {@code -Dbench.seconds} (default 10) as fast as it can.
 * Reports frames captured vs sent, capture rate, the longest gap between UI pulses, rows shown and heap.
 *
 * <p>Not part of the test suite (surefire excludes *Benchmark*); run it with
 * {@code ./mvnw -B test -Dtest=TimelineUnderLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TimelineUnderLoadBenchmark {

    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final int PAYLOAD = Integer.getInteger("bench.payload", 100);
    /** Frames per second the server paces to; 0 = as fast as it can. */
    private static final long RATE = Long.getLong("bench.rate", 0);

    private InspectorApp.AppContext app;
    private final AtomicLong lastPulse = new AtomicLong();
    private final AtomicLong maxGap = new AtomicLong();
    private final AtomicLong pulses = new AtomicLong();
    private final AtomicLong maxWork = new AtomicLong();
    private final AtomicLong totalWork = new AtomicLong();
    private volatile boolean measuring;

    @Start
    void start(Stage stage) {
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
        app.window().setPulseObserver((now, work) -> {
            long previous = lastPulse.getAndSet(now);
            if (measuring && previous != 0) {
                maxGap.accumulateAndGet(now - previous, Math::max);
                maxWork.accumulateAndGet(work, Math::max);
                totalWork.addAndGet(work);
                pulses.incrementAndGet();
            }
        });
    }

    private final java.util.Map<String, Long> samples = new java.util.concurrent.ConcurrentHashMap<>();

    /** With -Dbench.sample=true: where the FX thread is, every 2 ms, by its top three frames. */
    private Thread startFxSampler() {
        Thread fx = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElse(null);
        Thread sampler = new Thread(() -> {
            while (Boolean.getBoolean("bench.sample") && fx != null && !Thread.currentThread().isInterrupted()) {
                StackTraceElement[] stack = fx.getStackTrace();
                StringBuilder key = new StringBuilder(fx.getState().name());
                for (int i = 0; i < Math.min(3, stack.length); i++) {
                    key.append(" < ").append(stack[i].getClassName().replaceAll(".*\\.", "")).append('.')
                            .append(stack[i].getMethodName());
                }
                samples.merge(key.toString(), 1L, Long::sum);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void floodIntoTheLiveTimeline(FxRobot robot) throws Exception {
        try (FloodServer server = new FloodServer(true, PAYLOAD, Long.MAX_VALUE, SECONDS, RATE)) {
            var result = server.serveOne();
            ConnectionTab tab = app.window().selectedTab();
            robot.interact(() -> {
                tab.model().urlProperty().set("ws://127.0.0.1:" + server.port() + "/");
                tab.model().connect();
            });
            measuring = true;
            Thread sampler = startFxSampler();
            long start = System.nanoTime();
            FloodServer.Result sent = result.get((long) SECONDS + 60, TimeUnit.SECONDS);
            long floodEnd = System.nanoTime();
            Session session = WaitForAsyncUtils.asyncFx(() -> tab.model().session()).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> session.state() == ConnectionState.CLOSED);
            // Let the timeline take in the tail, then stop measuring.
            await().atMost(Duration.ofSeconds(30)).until(() -> WaitForAsyncUtils.asyncFx(
                    () -> tab.timeline().rows().capturedRows() == session.frames().size() + session.eventCount()
                            && tab.timeline().rows().pendingRows() == 0).get());
            measuring = false;
            sampler.interrupt();

            FrameStore frames = session.frames();
            long dataIn = 0;
            for (long seq = 0; seq < frames.size(); seq++) {
                if (frames.direction(seq) == dev.wsinspector.core.frame.Direction.IN
                        && frames.opcode(seq) == dev.wsinspector.core.frame.Opcode.TEXT) {
                    dataIn++;
                }
            }
            long rows = WaitForAsyncUtils.asyncFx(() -> tab.timeline().rows().capturedRows()).get();
            long listed = WaitForAsyncUtils.asyncFx(() -> (long) tab.timeline().shownRows().size()).get();
            double floodSeconds = sent.floodNanos() / 1e9;
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

            String report = String.format(Locale.ROOT,
                    "timeline under load: payload %d B, flood %.1f s, server pace %s%n"
                            + "  frames sent by server    %,d%n"
                            + "  text frames captured     %,d  (%s)%n"
                            + "  capture rate             %,.0f frames/s%n"
                            + "  rows in the timeline     %,d (frames + events; the table holds the %,d on screen)%n"
                            + "  UI pulses                %,d, longest gap %.1f ms%n"
                            + "  pulse work (our code)    longest %.1f ms, mean %.2f ms%n"
                            + "  capture memory           %,d bytes (store estimate)%n"
                            + "  heap after run (GC)      %,d bytes%n"
                            + "  wall time to settle      %.1f s after the flood%n",
                    PAYLOAD, floodSeconds, RATE == 0 ? "as fast as possible" : String.format(Locale.ROOT, "%,d frames/s", RATE),
                    sent.framesSent(), dataIn,
                    dataIn == sent.framesSent() ? "nothing lost" : "LOST " + (sent.framesSent() - dataIn),
                    dataIn / floodSeconds, rows, listed, pulses.get(), maxGap.get() / 1e6, maxWork.get() / 1e6,
                    totalWork.get() / 1e6 / Math.max(1, pulses.get()), frames.retainedBytes(), heap,
                    (System.nanoTime() - floodEnd) / 1e9);
            System.out.print(report);
            if (Boolean.getBoolean("bench.sample")) {
                System.out.println("FX thread samples (top frames):");
                samples.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(25)
                        .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
            }
            Path out = Path.of(System.getProperty("bench.out", "target/timeline-under-load.txt"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            assertThat(sent.error()).isNull();
            assertThat(dataIn).isEqualTo(sent.framesSent());
            assertThat(System.nanoTime() - start).isPositive();
        }
    }
}
