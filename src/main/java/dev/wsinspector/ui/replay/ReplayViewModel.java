package dev.wsinspector.ui.replay;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.Pacing;
import dev.wsinspector.core.replay.ReplayEvent;
import dev.wsinspector.core.replay.ReplayPlan;
import dev.wsinspector.core.replay.ReplayProgress;
import dev.wsinspector.core.replay.ReplayRunner;
import dev.wsinspector.core.replay.ReplayStep;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.replay.WaitCondition;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.timing.Scheduler;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The replay panel's state: which kind of replay, its settings as typed, and the running replay's progress.
 * The runner reports on the scheduler's thread straight into the tab's session (thread-safe, shown by the
 * next pulse); {@link #refresh()} (the pulse) copies its progress into properties.
 */
public final class ReplayViewModel {

    /** The three kinds of replay. */
    public enum Kind {
        SEQUENCE("Sequence of saved messages"), EVERY("One message every N ms"), RECORDED("Sent frames of the timeline");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What a replay runs against: the tab's open connection, its variables, and where notes go. */
    public interface Target {
        /** The open connection, or null. */
        Connection connection();

        /** Variables of the tab (its profile's and environment's, or only built-ins). */
        Templates templates();

        /** The capture the notes go to (the tab's session). */
        ConnectionListener events();
    }

    /** Speeds offered for recorded replays. */
    public static final List<Pacing> PACINGS = List.of(Pacing.scaled(0.5), Pacing.ORIGINAL, Pacing.scaled(2),
            Pacing.scaled(5), Pacing.scaled(10), Pacing.FAST);

    private final Scheduler scheduler;
    private final Target target;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.SEQUENCE);
    private final ObservableList<StepDraft> steps = FXCollections.observableArrayList();
    private final StringProperty loops = new SimpleStringProperty("1");
    private final BooleanProperty untilStopped = new SimpleBooleanProperty(false);
    private final BooleanProperty continueAfterFailedWait = new SimpleBooleanProperty(false);
    private final ObjectProperty<SavedMessage> everyMessage = new SimpleObjectProperty<>();
    private final StringProperty intervalMillis = new SimpleStringProperty("1000");
    private final StringProperty count = new SimpleStringProperty("10");
    private final LongProperty fromSeq = new SimpleLongProperty(-1);
    private final LongProperty toSeq = new SimpleLongProperty(-1);
    private final ObjectProperty<FrameStore> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Pacing> pacing = new SimpleObjectProperty<>(Pacing.ORIGINAL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private ReplayRunner runner;

    public ReplayViewModel(Scheduler scheduler, Target target) {
        this.scheduler = scheduler;
        this.target = target;
    }

    public ObjectProperty<Kind> kindProperty() { return kind; }
    public ObservableList<StepDraft> steps() { return steps; }
    public StringProperty loopsProperty() { return loops; }
    public BooleanProperty untilStoppedProperty() { return untilStopped; }
    public BooleanProperty continueAfterFailedWaitProperty() { return continueAfterFailedWait; }
    public ObjectProperty<SavedMessage> everyMessageProperty() { return everyMessage; }
    public StringProperty intervalMillisProperty() { return intervalMillis; }
    public StringProperty countProperty() { return count; }
    public LongProperty fromSeqProperty() { return fromSeq; }
    public LongProperty toSeqProperty() { return toSeq; }
    public ObjectProperty<Pacing> pacingProperty() { return pacing; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }

    /** 0..1, or -1 (indeterminate) for replays that run until stopped. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Appends a step that sends the first of {@code messages} (none picked when there are none). */
    public void addStep(List<SavedMessage> messages) {
        steps.add(new StepDraft(messages.isEmpty() ? null : messages.get(0)));
    }

    /** Appends one step per message, in order. */
    public void addSteps(List<SavedMessage> messages) {
        messages.forEach(m -> steps.add(new StepDraft(m)));
    }

    /** The frames of {@code store} from {@code from} to {@code to} become the recorded replay's range. */
    public void useRange(FrameStore store, long from, long to) {
        source.set(store);
        fromSeq.set(Math.min(from, to));
        toSeq.set(Math.max(from, to));
        kind.set(Kind.RECORDED);
    }

    /** Describes the chosen range for the panel. */
    public String rangeText() {
        return fromSeq.get() < 0 ? "No frames chosen: select rows in the timeline, then right-click → Replay"
                : "Frames " + fromSeq.get() + " to " + toSeq.get();
    }

    /** Checks the settings and starts; problems are shown in {@link #errorProperty()} and nothing is sent. */
    public boolean start() {
        error.set("");
        if (running.get()) {
            return false;
        }
        Connection connection = target.connection();
        if (connection == null) {
            error.set("Not connected: connect first, then replay");
            return false;
        }
        ReplayPlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        ConnectionListener events = target.events();
        ReplayRunner next = new ReplayRunner(connection, target.templates(), scheduler, event -> note(events, event));
        try {
            next.start(plan);
        } catch (IllegalArgumentException | IllegalStateException e) {
            error.set(e.getMessage());
            return false;
        }
        runner = next;
        running.set(true);
        refresh();
        return true;
    }

    public void stop() {
        if (runner != null) {
            runner.stop();
            refresh();
        }
    }

    /** Copies the runner's progress into properties (the UI pulse). */
    public void refresh() {
        if (runner == null) {
            return;
        }
        ReplayProgress p = runner.progress();
        if (runner.finished().isDone()) {
            ReplayEvent.Finished end = runner.finished().join();
            running.set(false);
            progress.set(end.outcome() == ReplayEvent.Outcome.COMPLETED ? 1 : progress.get() < 0 ? 0 : progress.get());
            progressText.set(end.message());
            runner = null;
            return;
        }
        boolean endless = p.loops() == ReplayPlan.UNTIL_STOPPED || p.steps() == 0;
        progress.set(endless ? -1 : Math.min(1, ((double) (p.loop() - 1) * p.steps() + p.step() - 1)
                / ((double) p.loops() * p.steps())));
        progressText.set(String.format(Locale.ROOT, "Step %d%s%s · %d sent", p.step(),
                p.steps() == 0 ? "" : " of " + p.steps(),
                p.loops() == 1 ? "" : ", loop " + p.loop() + (p.loops() == 0 ? "" : " of " + p.loops()), p.sent()));
    }

    /** The plan as typed. */
    ReplayPlan plan() {
        int loopCount = untilStopped.get() ? ReplayPlan.UNTIL_STOPPED : (int) number(loops.get(), "Loops", 1);
        return switch (kind.get()) {
            case SEQUENCE -> new ReplayPlan.Steps(steps(steps), loopCount, continueAfterFailedWait.get());
            case EVERY -> {
                if (everyMessage.get() == null) {
                    throw new IllegalArgumentException("Choose the message to send");
                }
                long interval = number(intervalMillis.get(), "Interval (ms)", 1);
                int times = untilStopped.get() ? ReplayPlan.UNTIL_STOPPED : (int) number(count.get(), "Count", 1);
                yield new ReplayPlan.Every(everyMessage.get(), Duration.ofMillis(interval), times);
            }
            case RECORDED -> {
                if (source.get() == null || fromSeq.get() < 0) {
                    throw new IllegalArgumentException(rangeText());
                }
                yield new ReplayPlan.Recorded(source.get(), fromSeq.get(), toSeq.get(), pacing.get(), loopCount);
            }
        };
    }

    private static List<ReplayStep> steps(List<StepDraft> drafts) {
        if (drafts.isEmpty()) {
            throw new IllegalArgumentException("Add at least one step");
        }
        List<ReplayStep> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            StepDraft d = drafts.get(i);
            String where = "Step " + (i + 1) + ": ";
            if (d.messageProperty().get() == null) {
                throw new IllegalArgumentException(where + "choose a message");
            }
            ReplayStep step = ReplayStep.send(d.messageProperty().get(),
                    Duration.ofMillis(number(d.delayMillisProperty().get(), where + "delay (ms)", 0)));
            WaitCondition wait = switch (d.waitProperty().get()) {
                case NONE -> null;
                case REGEX -> {
                    try {
                        yield WaitCondition.Matches.of(d.patternProperty().get());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + e.getMessage());
                    }
                }
                case JSON -> {
                    if (d.jsonPathProperty().get().isBlank()) {
                        throw new IllegalArgumentException(where + "enter the JSON field, e.g. status or data.id");
                    }
                    yield new WaitCondition.JsonFieldEquals(d.jsonPathProperty().get().strip(),
                            d.jsonValueProperty().get());
                }
            };
            if (wait != null) {
                double seconds = decimal(d.timeoutSecondsProperty().get(), where + "timeout (s)");
                step = step.thenWaitFor(wait, Duration.ofMillis(Math.round(seconds * 1000)));
            }
            out.add(step);
        }
        return out;
    }

    /** Replay events that belong in the timeline: the start, a failed wait, and the end. */
    private static void note(ConnectionListener events, ReplayEvent event) {
        String level;
        if (event instanceof ReplayEvent.WaitFailed) {
            level = ConnectionEvent.Note.ERROR;
        } else if (event instanceof ReplayEvent.Finished f) {
            level = switch (f.outcome()) {
                case COMPLETED -> ConnectionEvent.Note.INFO;
                case STOPPED -> ConnectionEvent.Note.WARNING;
                case FAILED -> ConnectionEvent.Note.ERROR;
            };
        } else if (event instanceof ReplayEvent.Started) {
            level = ConnectionEvent.Note.INFO;
        } else {
            return; // each send shows as its own frame; waits that succeed need no row
        }
        events.onEvent(new ConnectionEvent.Note(event.epochMicros(), event.frameIndex(), level, event.message()));
    }

    private static long number(String text, String what, long min) {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a whole number of at least " + min);
    }

    private static double decimal(String text, String what) {
        try {
            double v = Double.parseDouble(text.strip());
            if (v > 0 && v <= 86_400) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a number of seconds above 0");
    }
}
