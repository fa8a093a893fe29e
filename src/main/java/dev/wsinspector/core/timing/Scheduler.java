package dev.wsinspector.core.timing;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Time and delayed work for replays and reconnects, behind an interface so tests drive time by hand
 * (a manual scheduler runs due tasks when the test advances its clock) instead of sleeping.
 */
public interface Scheduler {

    /** Monotonic nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay} (zero or negative: as soon as possible). */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that may be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /**
     * The real clock with one shared daemon thread. Tasks must be short (queue a send, look at a frame
     * store): they all share that thread, which also keeps each replay's steps in order without locks.
     */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /** {@link #system()}'s implementation. */
    final class SystemScheduler implements Scheduler {
        private static final SystemScheduler INSTANCE = new SystemScheduler();
        private final ScheduledExecutorService executor;

        private SystemScheduler() {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "wsi-scheduler");
                t.setDaemon(true);
                return t;
            });
            e.setRemoveOnCancelPolicy(true);
            executor = e;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Cancellable schedule(Runnable task, Duration delay) {
            ScheduledFuture<?> f = executor.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // One task's bug must not kill the shared thread for everyone else.
                    org.slf4j.LoggerFactory.getLogger(Scheduler.class).warn("Scheduled task failed", e);
                }
            }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
    }
}
