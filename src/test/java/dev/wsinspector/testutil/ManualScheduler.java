package dev.wsinspector.testutil;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.timing.Scheduler;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A scheduler whose clock moves only when the test says so: {@link #advance} runs every task that falls due,
 * in time order (ties in scheduling order), with the clock set to each task's due time. Deterministic, no
 * sleeping. Tasks may be scheduled from other threads; they run on the test's thread.
 */
public final class ManualScheduler implements Scheduler {

    private record Task(long due, long order, Runnable run, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) ->
            a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now = 1_000_000_000L;
    private long order;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + Math.max(0, delay.toNanos()), order++, task, cancelled));
        return () -> {
            synchronized (ManualScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock forward by {@code d}, running what falls due on the way. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.due);
                if (next.cancelled[0]) {
                    continue;
                }
            }
            next.run.run();
        }
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Runs what is due now (tasks scheduled with no delay). */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks waiting (cancelled ones included until their time comes). */
    public synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled[0]).count();
    }

    /** A capture clock reading this scheduler's time (epoch = the nanos / 1000, so times are easy to compare). */
    public CaptureClock captureClock() {
        return new CaptureClock() {
            @Override
            public long nanoTime() {
                return ManualScheduler.this.nanoTime();
            }

            @Override
            public long epochMicrosAt(long nanoTime) {
                return nanoTime / 1000;
            }
        };
    }
}
