package dev.wsinspector.ui.replay;

import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.Pacing;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.testutil.FakeConnection;
import dev.wsinspector.testutil.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay panel's logic on a manual clock and a fake connection, without the toolkit. */
class ReplayViewModelTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeConnection connection = new FakeConnection(clock);
    private final List<ConnectionEvent> events = new ArrayList<>();
    private Connection open = connection;
    private final ReplayViewModel model = new ReplayViewModel(clock, new ReplayViewModel.Target() {
        @Override
        public Connection connection() {
            return open;
        }

        @Override
        public Templates templates() {
            return new Templates(Map.of("who", "you"), BuiltIns.system());
        }

        @Override
        public ConnectionListener events() {
            return events::add;
        }
    });

    private List<String> notes() {
        return events.stream().map(e -> ((ConnectionEvent.Note) e).level() + ": " + ((ConnectionEvent.Note) e).message())
                .toList();
    }

    @Test
    void aNewStepSendsTheFirstSavedMessageOrNoneYet() {
        model.addStep(List.of());
        model.addStep(List.of(SavedMessage.text("hello", "hi"), SavedMessage.text("bye", "bye")));
        assertThat(model.steps()).extracting(s -> s.messageProperty().get() == null ? null : s.messageProperty().get().name())
                .containsExactly(null, "hello");
    }

    @Test
    void aSequenceSendsInOrderWithDelaysAndReportsProgress() {
        model.addSteps(List.of(SavedMessage.text("a", "hi {{who}}"), SavedMessage.text("b", "two")));
        model.steps().get(1).delayMillisProperty().set("100");

        assertThat(model.start()).isTrue();
        clock.runDue();
        model.refresh();
        assertThat(connection.frames().size()).isEqualTo(1);
        assertThat(connection.sentText(0)).isEqualTo("hi you");
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.progressTextProperty().get()).startsWith("Step 2 of 2");

        clock.advanceMillis(100);
        model.refresh();
        assertThat(connection.sentText(1)).isEqualTo("two");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(notes()).first().asString().startsWith("info: Replay started");
        assertThat(notes()).last().asString().isEqualTo("info: Replay finished: 2 messages sent");
    }

    @Test
    void aFailedWaitIsAnErrorNoteAndEndsTheReplay() {
        model.addSteps(List.of(SavedMessage.text("ask", "ping")));
        StepDraft step = model.steps().get(0);
        step.waitProperty().set(StepDraft.Wait.JSON);
        step.jsonPathProperty().set("status");
        step.jsonValueProperty().set("ok");
        step.timeoutSecondsProperty().set("0.5");

        model.start();
        clock.runDue();
        connection.receive("{\"status\":\"busy\"}");
        clock.advance(Duration.ofMillis(600));
        model.refresh();

        assertThat(notes()).anyMatch(n -> n.startsWith("error: Replay: step 1 ('ask'): no JSON message with status = ok"));
        assertThat(notes()).last().asString().startsWith("error: Replay failed");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void stopEndsAnEndlessReplayAtOnce() {
        model.kindProperty().set(ReplayViewModel.Kind.EVERY);
        model.everyMessageProperty().set(SavedMessage.text("tick", "t"));
        model.intervalMillisProperty().set("50");
        model.untilStoppedProperty().set(true);

        model.start();
        clock.advanceMillis(120);
        model.refresh();
        assertThat(model.progressProperty().get()).isEqualTo(-1.0);
        model.stop();
        long sent = connection.frames().size();
        clock.advanceMillis(500);

        assertThat(sent).isEqualTo(3);
        assertThat(connection.frames().size()).isEqualTo(sent);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(notes()).last().asString().startsWith("warning: Replay stopped after 3 messages");
    }

    @Test
    void aRecordedRangeReplaysOnlyWhatWasSent() {
        connection.sendText("one");
        connection.receive("echo");
        clock.advanceMillis(200);
        connection.sendText("two");
        model.useRange(connection.frames(), 2, 0);
        model.pacingProperty().set(Pacing.scaled(2));

        assertThat(model.rangeText()).isEqualTo("Frames 0 to 2");
        model.start();
        clock.runDue();
        clock.advanceMillis(100);
        model.refresh();

        assertThat(connection.frames().size()).isEqualTo(5);
        assertThat(connection.sentText(3)).isEqualTo("one");
        assertThat(connection.sentText(4)).isEqualTo("two");
    }

    @Test
    void problemsAreShownAndNothingStarts() {
        open = null;
        model.addSteps(List.of(SavedMessage.text("a", "x")));
        assertThat(model.start()).isFalse();
        assertThat(model.errorProperty().get()).startsWith("Not connected");

        open = connection;
        model.steps().get(0).delayMillisProperty().set("-5");
        assertThat(model.start()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("Step 1: delay (ms) must be a whole number of at least 0");

        model.steps().get(0).delayMillisProperty().set("0");
        model.steps().get(0).messageProperty().set(SavedMessage.text("bad", "{{missing}}"));
        assertThat(model.start()).isFalse();
        assertThat(model.errorProperty().get()).contains("Unknown variable {{missing}}");
        assertThat(connection.frames().size()).isZero();
    }
}
