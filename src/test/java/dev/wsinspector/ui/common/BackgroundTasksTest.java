package dev.wsinspector.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs without the JavaFX toolkit: the "FX thread" is a queue that the test drains itself. */
@Timeout(10)
class BackgroundTasksTest {

    private final BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
    private final List<Object> delivered = new CopyOnWriteArrayList<>();
    private BackgroundTasks tasks;

    @AfterEach
    void close() {
        if (tasks != null) {
            tasks.close();
        }
    }

    /** Runs each task inside {@code submit}, so results are queued in submission order. */
    static ExecutorService sameThread() {
        return new AbstractExecutorService() {
            private volatile boolean shutdown;

            @Override
            public void execute(Runnable command) {
                command.run();
            }

            @Override
            public void shutdown() {
                shutdown = true;
            }

            @Override
            public List<Runnable> shutdownNow() {
                shutdown = true;
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return shutdown;
            }

            @Override
            public boolean isTerminated() {
                return shutdown;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return true;
            }
        };
    }

    private void runFxQueue() {
        Runnable r;
        while ((r = fxQueue.poll()) != null) {
            r.run();
        }
    }

    @Test
    void aSubmissionAfterCloseIsDroppedQuietly() {
        tasks = new BackgroundTasks(BackgroundTasks.newDaemonPool(1), fxQueue::add);
        tasks.close();

        // e.g. a window regaining focus asks its closed profiles model to reload: no exception reaches the UI
        tasks.submitLatest("k", () -> 42, delivered::add, delivered::add);

        assertThat(tasks.isPending("k")).isFalse();
        assertThat(fxQueue).isEmpty();
        assertThat(delivered).isEmpty();
    }

    @Test
    void deliversTheResultThroughTheFxExecutor() throws Exception {
        tasks = new BackgroundTasks(BackgroundTasks.newDaemonPool(1), fxQueue::add);
        tasks.submitLatest("k", () -> 42, delivered::add);
        Runnable delivery = fxQueue.poll(5, TimeUnit.SECONDS);
        assertThat(delivered).as("nothing before the FX thread runs").isEmpty();
        delivery.run();
        assertThat(delivered).containsExactly(42);
        assertThat(tasks.isPending("k")).isFalse();
    }

    @Test
    void aNewerSubmissionDropsTheOlderResultEvenWhenItFinishesLater() throws Exception {
        tasks = new BackgroundTasks(BackgroundTasks.newDaemonPool(2), fxQueue::add);
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        tasks.submitLatest("k", () -> {
            slowStarted.countDown();
            release.await();
            return "old";
        }, delivered::add);
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        tasks.submitLatest("k", () -> "new", delivered::add);
        fxQueue.take().run();
        release.countDown();
        // The old task ends by queueing its outcome (its result, or the interrupt of its cancellation) for the FX
        // thread: wait for it; it must be dropped.
        Runnable oldOutcome = fxQueue.poll(5, TimeUnit.SECONDS);
        assertThat(oldOutcome).as("the old task's outcome, queued").isNotNull();
        oldOutcome.run();
        runFxQueue();
        assertThat(delivered).containsExactly("new");
    }

    @Test
    void aResultAlreadyQueuedForTheFxThreadIsDroppedWhenSuperseded() {
        tasks = new BackgroundTasks(sameThread(), fxQueue::add);
        tasks.submitLatest("k", () -> "first", delivered::add);
        tasks.submitLatest("k", () -> "second", delivered::add);
        assertThat(fxQueue).as("both finished before the FX thread ran").hasSize(2);
        runFxQueue();
        assertThat(delivered).containsExactly("second");
    }

    @Test
    void cancelDropsThePendingResult() {
        tasks = new BackgroundTasks(sameThread(), fxQueue::add);
        tasks.submitLatest("k", () -> "x", delivered::add);
        assertThat(tasks.isPending("k")).isTrue();
        tasks.cancel("k");
        runFxQueue();
        assertThat(delivered).isEmpty();
        assertThat(tasks.isPending("k")).isFalse();
    }

    @Test
    void keysAreIndependent() {
        tasks = new BackgroundTasks(sameThread(), fxQueue::add);
        tasks.submitLatest("a", () -> "a", delivered::add);
        tasks.submitLatest("b", () -> "b", delivered::add);
        runFxQueue();
        assertThat(delivered).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void failuresGoToTheErrorHandlerOnTheFxThread() {
        tasks = new BackgroundTasks(sameThread(), fxQueue::add);
        tasks.submitLatest("k", () -> {
            throw new IllegalStateException("boom");
        }, delivered::add, e -> delivered.add("error: " + e.getMessage()));
        assertThat(delivered).isEmpty();
        runFxQueue();
        assertThat(delivered).containsExactly("error: boom");
    }

    @Test
    void queuedWorkThatWasSupersededNeverRuns() throws Exception {
        tasks = new BackgroundTasks(BackgroundTasks.newDaemonPool(1), fxQueue::add);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        tasks.submitLatest("blocker", () -> {
            release.await();
            return "blocker";
        }, delivered::add);
        tasks.submitLatest("k", () -> {
            ran.add("stale");
            return "stale";
        }, delivered::add);
        tasks.submitLatest("k", () -> {
            ran.add("fresh");
            return "fresh";
        }, delivered::add);
        release.countDown();
        fxQueue.take().run();
        fxQueue.take().run();
        assertThat(ran).containsExactly("fresh");
        assertThat(delivered).containsExactlyInAnyOrder("blocker", "fresh");
    }

    @Test
    void workersAreDaemons() throws Exception {
        tasks = new BackgroundTasks(BackgroundTasks.newDaemonPool(1), fxQueue::add);
        tasks.submitLatest("k", () -> Thread.currentThread().isDaemon() + " " + Thread.currentThread().getName(),
                delivered::add);
        fxQueue.take().run();
        assertThat(delivered).containsExactly("true wsi-background-1");
    }
}
