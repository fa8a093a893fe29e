package dev.wsinspector.core.replay;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.timing.Scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one {@link ReplayPlan} against a live {@link Connection}. Every step is a task on the injected
 * {@link Scheduler} (tests drive a manual clock); waits look at the connection's {@link FrameStore} every
 * {@value #POLL_MILLIS} ms, the same pull model as the UI. Stoppable at any moment from any thread; the
 * listener sees {@link ReplayEvent.Started} first and {@link ReplayEvent.Finished} last.
 *
 * <p>Before the first send every saved message of the plan is resolved once in preview, so an unknown variable
 * or bad hex is reported by {@link #start} and nothing is sent. Sends never pile up without bound: while the
 * connection holds more than {@value #MAX_BUFFERED} unsent bytes the next send waits. A completed run is
 * announced ({@link ReplayEvent.Finished}) only once its last send has been written by the connection.
 */
public final class ReplayRunner {

    static final long POLL_MILLIS = 20;
    static final long MAX_BUFFERED = 4 * 1024 * 1024;

    private final Connection connection;
    private final FrameStore store;
    private final Templates templates;
    private final Scheduler scheduler;
    private final ReplayListener listener;
    private final CompletableFuture<ReplayEvent.Finished> finished = new CompletableFuture<>();

    // Guarded by this.
    private ReplayPlan plan;
    private boolean done;
    private Scheduler.Cancellable pending;
    private int step;            // 0-based index of the current step / message
    private int loop = 1;
    private long sent;
    private long startNanos;     // loop start (recorded), plan start (every)
    private List<MessageAssembler.Message> recorded;
    private MessageAssembler answers;
    private long waitStartNanos;
    /** The latest send handed to the connection; a completed replay is announced once it has gone out. */
    private CompletableFuture<Void> lastSend = CompletableFuture.completedFuture(null);

    public ReplayRunner(Connection connection, Templates templates, Scheduler scheduler, ReplayListener listener) {
        this.connection = Objects.requireNonNull(connection);
        this.store = connection.frames();
        this.templates = Objects.requireNonNull(templates);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * Checks the plan and starts it; returns at once.
     *
     * @throws IllegalArgumentException when a message cannot be resolved or the range holds no sent messages
     * @throws IllegalStateException    when this runner was started before (one runner, one run)
     */
    public synchronized void start(ReplayPlan newPlan) {
        if (plan != null) {
            throw new IllegalStateException("This replay was already started");
        }
        if (newPlan instanceof ReplayPlan.Steps s) {
            s.steps().forEach(st -> SavedMessages.preview(st.message(), templates));
        } else if (newPlan instanceof ReplayPlan.Every e) {
            SavedMessages.preview(e.message(), templates);
        } else if (newPlan instanceof ReplayPlan.Recorded r) {
            recorded = MessageAssembler.between(r.source(), Direction.OUT, r.fromSeq(), r.toSeq());
            if (recorded.isEmpty()) {
                throw new IllegalArgumentException("Frames " + r.fromSeq() + ".." + r.toSeq()
                        + " hold no messages that were sent");
            }
        }
        plan = newPlan;
        emit(new ReplayEvent.Started(now(), store.size(), plan.describe()));
        startNanos = scheduler.nanoTime();
        if (plan instanceof ReplayPlan.Steps s) {
            schedule(this::sendStep, s.steps().get(0).delay());
        } else if (plan instanceof ReplayPlan.Every) {
            schedule(this::sendEvery, Duration.ZERO);
        } else {
            scheduleRecorded();
        }
    }

    /** Stops now: nothing more is sent (a send already handed to the connection still goes out). */
    public synchronized void stop() {
        finish(ReplayEvent.Outcome.STOPPED, "stopped");
    }

    public synchronized ReplayProgress progress() {
        int steps = plan instanceof ReplayPlan.Steps s ? s.steps().size()
                : plan instanceof ReplayPlan.Every e ? e.count() : recorded == null ? 0 : recorded.size();
        int loops = plan instanceof ReplayPlan.Steps s ? s.loops() : plan instanceof ReplayPlan.Recorded r ? r.loops() : 1;
        int shownStep = plan instanceof ReplayPlan.Every ? (int) sent : Math.min(step + 1, Math.max(steps, 1));
        return new ReplayProgress(plan != null && !done, shownStep, steps, loop, loops, sent);
    }

    /** Completes with the last event, whatever the outcome. */
    public CompletableFuture<ReplayEvent.Finished> finished() {
        return finished;
    }

    // ---- steps ----

    private synchronized void sendStep() {
        if (done || !readyToSend(this::sendStep)) {
            return;
        }
        ReplayPlan.Steps s = (ReplayPlan.Steps) plan;
        ReplayStep current = s.steps().get(step);
        long mark = store.size();
        if (!send(current.message())) {
            return;
        }
        emit(new ReplayEvent.Sent(now(), store.size(), step + 1, s.steps().size(), loop, s.loops(),
                label(current.message())));
        if (current.waitFor() == null) {
            nextStep();
            return;
        }
        // Watch from before our own send: a fast answer may be captured before the sent frame is.
        answers = new MessageAssembler(store, Direction.IN, mark);
        waitStartNanos = scheduler.nanoTime();
        emit(new ReplayEvent.Waiting(now(), store.size(), step + 1, current.waitFor().describe(),
                current.waitTimeout().toMillis()));
        schedule(this::checkWait, Duration.ZERO);
    }

    private synchronized void checkWait() {
        if (done) {
            return;
        }
        ReplayPlan.Steps s = (ReplayPlan.Steps) plan;
        ReplayStep current = s.steps().get(step);
        for (MessageAssembler.Message m : answers.readUpTo(store.size())) {
            if (m.text() && current.waitFor().test(new String(m.data(), StandardCharsets.UTF_8))) {
                emit(new ReplayEvent.WaitSucceeded(now(), store.size(), step + 1,
                        Duration.ofNanos(scheduler.nanoTime() - waitStartNanos).toMillis()));
                nextStep();
                return;
            }
        }
        long waited = scheduler.nanoTime() - waitStartNanos;
        long timeout = current.waitTimeout().toNanos();
        if (waited >= timeout) {
            ReplayEvent.WaitFailed failed = new ReplayEvent.WaitFailed(now(), store.size(), step + 1,
                    label(current.message()), current.waitFor().describe(), current.waitTimeout().toMillis());
            emit(failed);
            if (s.continueAfterFailedWait()) {
                nextStep();
            } else {
                finish(ReplayEvent.Outcome.FAILED, failed.message());
            }
            return;
        }
        schedule(this::checkWait, Duration.ofNanos(Math.min(Duration.ofMillis(POLL_MILLIS).toNanos(), timeout - waited)));
    }

    private void nextStep() {
        ReplayPlan.Steps s = (ReplayPlan.Steps) plan;
        if (++step == s.steps().size()) {
            step = 0;
            if (s.loops() != ReplayPlan.UNTIL_STOPPED && loop == s.loops()) {
                finish(ReplayEvent.Outcome.COMPLETED, "");
                return;
            }
            loop++;
        }
        schedule(this::sendStep, s.steps().get(step).delay());
    }

    // ---- every N ms ----

    private synchronized void sendEvery() {
        if (done || !readyToSend(this::sendEvery)) {
            return;
        }
        ReplayPlan.Every e = (ReplayPlan.Every) plan;
        if (!send(e.message())) {
            return;
        }
        emit(new ReplayEvent.Sent(now(), store.size(), (int) sent, e.count(), 1, 1, label(e.message())));
        if (e.count() != ReplayPlan.UNTIL_STOPPED && sent >= e.count()) {
            finish(ReplayEvent.Outcome.COMPLETED, "");
            return;
        }
        // Fixed rate from the start, so the rhythm does not drift by the time each send takes.
        long due = startNanos + sent * e.interval().toNanos();
        schedule(this::sendEvery, Duration.ofNanos(due - scheduler.nanoTime()));
    }

    // ---- recorded ----

    private void scheduleRecorded() {
        ReplayPlan.Recorded r = (ReplayPlan.Recorded) plan;
        long offset = recorded.get(step).monoNanos() - recorded.get(0).monoNanos();
        long due = startNanos + r.pacing().scale(offset).toNanos();
        schedule(this::sendRecorded, Duration.ofNanos(due - scheduler.nanoTime()));
    }

    private synchronized void sendRecorded() {
        if (done || !readyToSend(this::sendRecorded)) {
            return;
        }
        ReplayPlan.Recorded r = (ReplayPlan.Recorded) plan;
        MessageAssembler.Message m = recorded.get(step);
        CompletableFuture<Void> f = m.text()
                ? connection.sendText(new String(m.data(), StandardCharsets.UTF_8))
                : connection.sendBinary(m.data());
        watch(f);
        sent++;
        emit(new ReplayEvent.Sent(now(), store.size(), step + 1, recorded.size(), loop, r.loops(),
                "frame " + m.firstSeq()));
        if (++step == recorded.size()) {
            step = 0;
            if (r.loops() != ReplayPlan.UNTIL_STOPPED && loop == r.loops()) {
                finish(ReplayEvent.Outcome.COMPLETED, "");
                return;
            }
            loop++;
            startNanos = scheduler.nanoTime();
        }
        scheduleRecorded();
    }

    // ---- common ----

    /** False (and retried later, or the replay failed) when the connection cannot take a message now. */
    private boolean readyToSend(Runnable retry) {
        if (connection.state() != ConnectionState.OPEN) {
            finish(ReplayEvent.Outcome.FAILED, "the connection is not open");
            return false;
        }
        if (connection.bufferedBytes() > MAX_BUFFERED) {
            schedule(retry, Duration.ofMillis(POLL_MILLIS));
            return false;
        }
        return true;
    }

    private boolean send(SavedMessage message) {
        ComposedMessage composed;
        try {
            composed = SavedMessages.compose(message, templates);
        } catch (IllegalArgumentException e) {
            finish(ReplayEvent.Outcome.FAILED, e.getMessage());
            return false;
        }
        watch(composed.binary() ? connection.sendBinary(composed.bytes()) : connection.sendText(composed.text()));
        sent++;
        return true;
    }

    /** A send that fails later (connection dropped) ends the replay. */
    private void watch(CompletableFuture<Void> send) {
        lastSend = send;
        send.whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                scheduler.schedule(() -> fail("a send failed: " + cause.getMessage()), Duration.ZERO);
            }
        });
    }

    private synchronized void fail(String reason) {
        finish(ReplayEvent.Outcome.FAILED, reason);
    }

    private void finish(ReplayEvent.Outcome outcome, String reason) {
        if (done || plan == null) {
            return;
        }
        done = true;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (outcome == ReplayEvent.Outcome.COMPLETED && !lastSend.isDone()) {
            // The connection sends on its own thread: say "finished" once the last message has gone out (and
            // is in the capture), not while it still waits in the connection's queue.
            lastSend.whenComplete((ok, error) -> scheduler.schedule(() -> announce(
                    error == null ? ReplayEvent.Outcome.COMPLETED : ReplayEvent.Outcome.FAILED,
                    error == null ? "" : "a send failed: " + (error.getCause() != null ? error.getCause() : error)
                            .getMessage()), Duration.ZERO));
            return;
        }
        announce(outcome, reason);
    }

    private synchronized void announce(ReplayEvent.Outcome outcome, String reason) {
        ReplayEvent.Finished event = new ReplayEvent.Finished(now(), store.size(), outcome, reason, sent);
        emit(event);
        finished.complete(event);
    }

    private void schedule(Runnable task, Duration delay) {
        pending = scheduler.schedule(task, delay);
    }

    private void emit(ReplayEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ReplayRunner.class).warn("Replay listener failed", e);
        }
    }

    private static String label(SavedMessage message) {
        return message.name().isEmpty() ? "message" : "'" + message.name() + "'";
    }

    private long now() {
        return store.clock().epochMicrosAt(store.clock().nanoTime());
    }
}
