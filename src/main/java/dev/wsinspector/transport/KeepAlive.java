package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The client's keep-alive, in place of Java-WebSocket's connection-lost checker. That one pings every interval
 * and drops the connection when no pong came within 1.5 intervals: with a 1 s interval on a busy machine a
 * healthy server's late pong read as a dead connection (1006). Here a ping goes out only after the server was
 * quiet for the ping interval, anything the server sends counts as a sign of life (a pong may queue behind a
 * flood), and the deadline for it is a setting of its own ({@code ConnectionOptions.effectivePongTimeout},
 * at least 10 s unless set).
 *
 * <p>Runs on the connection's timer thread. Signs of life are read from the capture (the newest few frames) at
 * each check, so the read thread pays nothing per frame for it.
 */
final class KeepAlive {

    /** How far back from the newest frame a check looks for one from the server. */
    private static final int LOOK_BACK = 64;

    interface Actions {
        void ping();

        /** Nothing came from the server within the deadline after a ping. */
        void lost();
    }

    private final FrameStore store;
    private final long intervalNanos;
    private final long deadlineNanos;
    private final LongSupplier clock;
    private final Actions actions;
    private long lastHeardNanos;
    private long pingSentNanos = -1;
    private long checkedUpTo;
    private ScheduledFuture<?> task;

    KeepAlive(FrameStore store, Duration interval, Duration deadline, LongSupplier clock, Actions actions) {
        this.store = store;
        this.intervalNanos = interval.toNanos();
        this.deadlineNanos = deadline.toNanos();
        this.clock = clock;
        this.actions = actions;
        this.lastHeardNanos = clock.getAsLong();
        this.checkedUpTo = store.size();
    }

    /** Checks a few times per interval (at most every second, at least every 50 ms). */
    synchronized void start(ScheduledExecutorService timers) {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(50),
                Math.min(TimeUnit.SECONDS.toNanos(1), Math.min(intervalNanos, deadlineNanos) / 4));
        task = timers.scheduleWithFixedDelay(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** A pong (or any control frame from the server) arrived. */
    synchronized void heard(long monoNanos) {
        lastHeardNanos = Math.max(lastHeardNanos, monoNanos);
    }

    synchronized void check() {
        long now = clock.getAsLong();
        noteFramesFromTheServer();
        if (pingSentNanos >= 0) {
            if (lastHeardNanos - pingSentNanos >= 0) {
                pingSentNanos = -1;  // answered (or the server spoke): alive
            } else if (now - pingSentNanos >= deadlineNanos) {
                stop();
                actions.lost();
                return;
            } else {
                return;
            }
        }
        if (now - lastHeardNanos >= intervalNanos) {
            pingSentNanos = now;
            actions.ping();
        }
    }

    private void noteFramesFromTheServer() {
        long size = store.size();
        if (size == checkedUpTo) {
            return;
        }
        long from = Math.max(checkedUpTo, size - LOOK_BACK);
        for (long seq = size - 1; seq >= from; seq--) {
            if (store.direction(seq) == Direction.IN) {
                lastHeardNanos = Math.max(lastHeardNanos, store.monoNanos(seq));
                break;
            }
        }
        checkedUpTo = size;
    }
}
