package dev.wsinspector.core.replay;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.testutil.FakeConnection;
import dev.wsinspector.testutil.ManualScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayRunnerTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeConnection connection = new FakeConnection(scheduler);
    private final List<ReplayEvent> events = new CopyOnWriteArrayList<>();
    private final Templates templates = new Templates(Map.of("who", "world"), TemplatesTest.fixedBuiltIns());
    private final ReplayRunner runner = new ReplayRunner(connection, templates, scheduler, events::add);
    private final long t0 = scheduler.nanoTime();

    private static SavedMessage msg(String name, String body) {
        return SavedMessage.text(name, body);
    }

    private static ReplayStep step(String name, long delayMillis) {
        return ReplayStep.send(msg(name, name), Duration.ofMillis(delayMillis));
    }

    /** Sent texts with their send time in ms after the start. */
    private List<String> sent() {
        List<String> out = new ArrayList<>();
        FrameStore store = connection.frames();
        for (long seq = 0; seq < store.size(); seq++) {
            if (store.direction(seq) == Direction.OUT) {
                out.add(connection.sentText(seq) + "@" + (store.monoNanos(seq) - t0) / 1_000_000);
            }
        }
        return out;
    }

    private ReplayEvent.Finished finished() {
        return runner.finished().getNow(null);
    }

    private <T extends ReplayEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void stepsGoOutAfterTheirDelays() {
        runner.start(ReplayPlan.Steps.once(List.of(step("a", 0), step("b", 100), step("c", 250))));
        assertThat(events.get(0)).isInstanceOf(ReplayEvent.Started.class);
        assertThat(events.get(0).message()).isEqualTo("Replay started: 3 steps");

        scheduler.runDue();
        assertThat(sent()).containsExactly("a@0");
        scheduler.advanceMillis(99);
        assertThat(sent()).containsExactly("a@0");
        scheduler.advanceMillis(1);
        assertThat(sent()).containsExactly("a@0", "b@100");
        assertThat(runner.progress()).isEqualTo(new ReplayProgress(true, 3, 3, 1, 1, 2));
        scheduler.advanceMillis(249);
        assertThat(finished()).isNull();
        scheduler.advanceMillis(1);

        assertThat(sent()).containsExactly("a@0", "b@100", "c@350");
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.COMPLETED);
        assertThat(finished().message()).isEqualTo("Replay finished: 3 messages sent");
        assertThat(events.get(events.size() - 1)).isSameAs(finished());
        assertThat(eventsOf(ReplayEvent.Sent.class)).extracting(ReplayEvent::message)
                .containsExactly("Replay: sent 'a' (step 1 of 3)", "Replay: sent 'b' (step 2 of 3)",
                        "Replay: sent 'c' (step 3 of 3)");
        assertThat(runner.progress().running()).isFalse();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aFormattedMessageIsEncodedAgainAtEachStep() {
        SavedMessage event = SavedMessage.formatted("chat", new SavedMessage.Format("socket.io-event",
                Map.of("event", "hello:{{who}}")), "[{{counter}}]");
        SavedMessage packed = SavedMessage.formatted("packed", new SavedMessage.Format("msgpack", Map.of()),
                "{\"n\":{{counter}}}");
        runner.start(ReplayPlan.Steps.once(List.of(ReplayStep.send(event, Duration.ZERO),
                ReplayStep.send(packed, Duration.ofMillis(10)), ReplayStep.send(event, Duration.ofMillis(10)))));
        scheduler.runDue();
        scheduler.advanceMillis(20);
        FrameStore store = connection.frames();
        assertThat(store.size()).isEqualTo(3);
        assertThat(connection.sentText(0)).isEqualTo("42[\"hello:world\",1]");
        assertThat(store.opcode(1)).isEqualTo(Opcode.BINARY);
        assertThat(new dev.wsinspector.core.payload.protocol.ProtocolDecoders().decode(store.get(1).payloadBytes(),
                false, dev.wsinspector.core.payload.protocol.ProtocolHint.NONE.withDecoder("msgpack")).orElseThrow()
                .toJson().get("value").toString()).isEqualTo("{\"n\":2}");
        assertThat(connection.sentText(2)).isEqualTo("42[\"hello:world\",3]");
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.COMPLETED);
    }

    @Test
    void aWaitEndsWhenAMatchingMessageArrives() {
        runner.start(ReplayPlan.Steps.once(List.of(
                step("login", 0).thenWaitFor(WaitCondition.Matches.of("\"ok\"\\s*:\\s*true"), Duration.ofSeconds(5)),
                step("next", 0))));
        scheduler.runDue();
        scheduler.advanceMillis(1000);
        connection.receive("{\"ok\": false}");
        scheduler.advanceMillis(500);
        assertThat(sent()).containsExactly("login@0");

        connection.receive("{\"ok\": true}");
        scheduler.advanceMillis(ReplayRunner.POLL_MILLIS);

        assertThat(sent()).containsExactly("login@0", "next@1520");
        assertThat(eventsOf(ReplayEvent.Waiting.class)).singleElement().extracting(ReplayEvent::message)
                .isEqualTo("Replay: step 1 waits for a message matching /\"ok\"\\s*:\\s*true/ (up to 5 s)");
        assertThat(eventsOf(ReplayEvent.WaitSucceeded.class)).singleElement()
                .satisfies(e -> assertThat(e.afterMillis()).isEqualTo(1520));
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.COMPLETED);
    }

    @Test
    void aJsonFieldWaitLooksAtTheValueAtItsPathInFragmentedMessages() {
        runner.start(ReplayPlan.Steps.once(List.of(
                step("sub", 0).thenWaitFor(new WaitCondition.JsonFieldEquals("data.items.1.id", "7"), Duration.ofSeconds(2)),
                step("done", 0))));
        scheduler.runDue();
        connection.receive("{\"data\":{\"items\":[{\"id\":7}]}}");
        connection.receive("not json at all");
        connection.append(Direction.IN, Opcode.TEXT, false, "{\"data\":{\"items\":[{},".getBytes(StandardCharsets.UTF_8));
        connection.append(Direction.IN, Opcode.PING, true, new byte[0]);
        connection.append(Direction.IN, Opcode.CONTINUATION, true, "{\"id\":7}]}}".getBytes(StandardCharsets.UTF_8));
        scheduler.advanceMillis(ReplayRunner.POLL_MILLIS);

        assertThat(sent()).containsExactly("sub@0", "done@" + ReplayRunner.POLL_MILLIS);
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.COMPLETED);
    }

    @Test
    void aWaitThatRunsOutIsReportedAndEndsTheReplay() {
        runner.start(ReplayPlan.Steps.once(List.of(
                step("login", 0).thenWaitFor(new WaitCondition.JsonFieldEquals("status", "ok"), Duration.ofSeconds(3)),
                step("never", 0))));
        scheduler.runDue();
        connection.receive("{\"status\":\"pending\"}");
        scheduler.advanceMillis(2999);
        assertThat(eventsOf(ReplayEvent.WaitFailed.class)).isEmpty();
        scheduler.advanceMillis(1);

        ReplayEvent.WaitFailed failed = eventsOf(ReplayEvent.WaitFailed.class).get(0);
        assertThat(failed.message()).isEqualTo("Replay: step 1 ('login'): no JSON message with status = ok received within 3 s");
        assertThat(failed.frameIndex()).isEqualTo(2);
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.FAILED);
        assertThat(finished().reason()).isEqualTo(failed.message());
        assertThat(sent()).containsExactly("login@0");
    }

    @Test
    void aWaitThatRunsOutCanLetTheReplayGoOn() {
        runner.start(new ReplayPlan.Steps(List.of(
                step("ask", 0).thenWaitFor(WaitCondition.Matches.of("pong"), Duration.ofMillis(500)),
                step("anyway", 0)), 1, true));
        scheduler.advanceMillis(500);

        assertThat(eventsOf(ReplayEvent.WaitFailed.class)).hasSize(1);
        assertThat(sent()).containsExactly("ask@0", "anyway@500");
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.COMPLETED);
    }

    @Test
    void loopsRepeatTheSequenceAndTheCounterKeepsCounting() {
        SavedMessage counted = msg("n", "#{{counter}} to {{who}}");
        runner.start(new ReplayPlan.Steps(List.of(ReplayStep.send(counted, Duration.ofMillis(10)), step("x", 5)), 3, false));
        scheduler.advanceMillis(44);
        assertThat(runner.progress()).isEqualTo(new ReplayProgress(true, 2, 2, 3, 3, 5));
        scheduler.advanceMillis(1);

        // Every message sent on the connection counts, "x" included.
        assertThat(sent()).containsExactly("#1 to world@10", "x@15", "#3 to world@25", "x@30", "#5 to world@40", "x@45");
        assertThat(eventsOf(ReplayEvent.Sent.class).get(2).message()).isEqualTo("Replay: sent 'n' (step 1 of 2, loop 2 of 3)");
        assertThat(finished().messagesSent()).isEqualTo(6);
    }

    @Test
    void aReplayUntilStoppedStopsAtOnceAndSendsNothingMore() {
        runner.start(new ReplayPlan.Steps(List.of(step("tick", 10)), ReplayPlan.UNTIL_STOPPED, false));
        scheduler.advanceMillis(1000);
        assertThat(sent()).hasSize(100);

        runner.stop();
        scheduler.advanceMillis(1000);

        assertThat(sent()).hasSize(100);
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.STOPPED);
        assertThat(finished().message()).isEqualTo("Replay stopped after 100 messages");
        assertThat(scheduler.pending()).isZero();
        runner.stop();
        assertThat(eventsOf(ReplayEvent.Finished.class)).hasSize(1);
    }

    @Test
    void stopDuringAWaitEndsIt() {
        runner.start(ReplayPlan.Steps.once(List.of(
                step("q", 0).thenWaitFor(WaitCondition.Matches.of("a"), Duration.ofSeconds(10)), step("r", 0))));
        scheduler.advanceMillis(100);
        runner.stop();
        connection.receive("a");
        scheduler.advanceMillis(10_000);

        assertThat(sent()).containsExactly("q@0");
        assertThat(eventsOf(ReplayEvent.WaitFailed.class)).isEmpty();
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.STOPPED);
    }

    @Test
    void everyNMillisKeepsAFixedRate() {
        runner.start(new ReplayPlan.Every(msg("hb", "hb"), Duration.ofMillis(100), ReplayPlan.UNTIL_STOPPED));
        scheduler.advanceMillis(1000);
        runner.stop();

        assertThat(sent()).hasSize(11).startsWith("hb@0", "hb@100").endsWith("hb@1000");
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.STOPPED);
    }

    @Test
    void everyNMillisWithACountEnds() {
        runner.start(new ReplayPlan.Every(msg("hb", "{{counter}}"), Duration.ofMillis(250), 3));
        scheduler.advanceMillis(10_000);

        assertThat(sent()).containsExactly("1@0", "2@250", "3@500");
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.COMPLETED);
    }

    /** A capture: out "a" at 0 ms, in, ping, out "b" (fragmented) at 100 ms, out binary at 300 ms, in. */
    private FrameStore recording() {
        ManualScheduler clock = new ManualScheduler();
        FakeConnection rec = new FakeConnection(clock);
        rec.sendText("before");
        clock.advanceMillis(1000);
        rec.sendText("a");
        rec.receive("reply");
        rec.sendPing(new byte[0]);
        clock.advanceMillis(100);
        rec.append(Direction.OUT, Opcode.TEXT, false, "b".getBytes(StandardCharsets.UTF_8));
        clock.advanceMillis(50);
        rec.append(Direction.OUT, Opcode.CONTINUATION, true, "b".getBytes(StandardCharsets.UTF_8));
        clock.advanceMillis(150);
        rec.sendBinary(new byte[]{'c'});
        rec.receive("reply");
        return rec.frames();
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 100, 300", "2, 0, 50, 150", "0.5, 0, 200, 600", "10, 0, 10, 30", "Infinity, 0, 0, 0"})
    void recordedMessagesKeepTheirPacingScaled(double speed, long a, long b, long c) {
        FrameStore source = recording();
        runner.start(new ReplayPlan.Recorded(source, 1, source.size() - 1, Pacing.scaled(speed), 1));
        scheduler.advanceMillis(1000);

        assertThat(sent()).containsExactly("a@" + a, "bb@" + b, "c@" + c);
        assertThat(connection.frames().opcode(2)).isEqualTo(Opcode.BINARY);
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.COMPLETED);
    }

    @Test
    void recordedMessagesLoop() {
        FrameStore source = recording();
        runner.start(new ReplayPlan.Recorded(source, 1, 5, Pacing.ORIGINAL, 2));
        scheduler.advanceMillis(1000);

        assertThat(sent()).containsExactly("a@0", "bb@100", "a@100", "bb@200");
    }

    @Test
    void speedsOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> Pacing.scaled(0.4)).hasMessageContaining("×0.5 to ×10");
        assertThatThrownBy(() -> Pacing.scaled(11)).hasMessageContaining("×0.5 to ×10");
        FrameStore source = recording();
        assertThatThrownBy(() -> runner.start(new ReplayPlan.Recorded(source, 2, 3, Pacing.FAST, 1)))
                .hasMessage("Frames 2..3 hold no messages that were sent");
        assertThatThrownBy(() -> new ReplayPlan.Recorded(source, 0, 99, Pacing.FAST, 1))
                .hasMessageContaining("not in the capture");
    }

    @Test
    void anUnknownVariableIsReportedBeforeAnythingIsSent() {
        ReplayPlan plan = ReplayPlan.Steps.once(List.of(step("ok", 0), ReplayStep.send(msg("bad", "{{nope}}"), Duration.ZERO)));
        assertThatThrownBy(() -> runner.start(plan)).hasMessage(
                "Message 'bad': Unknown variable {{nope}} (define it in the profile or the environment)");
        scheduler.advanceMillis(100);
        assertThat(sent()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aClosedConnectionEndsTheReplay() {
        runner.start(ReplayPlan.Steps.once(List.of(step("a", 0), step("b", 100))));
        scheduler.runDue();
        connection.state(ConnectionState.CLOSED);
        scheduler.advanceMillis(100);

        assertThat(sent()).containsExactly("a@0");
        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.FAILED);
        assertThat(finished().message()).isEqualTo("Replay failed after 1 messages: the connection is not open");
    }

    @Test
    void aFailedSendEndsTheReplay() {
        connection.failSends(new IllegalStateException("Connection was closed"));
        runner.start(new ReplayPlan.Every(msg("hb", "hb"), Duration.ofMillis(100), 0));
        scheduler.runDue();

        assertThat(finished().outcome()).isEqualTo(ReplayEvent.Outcome.FAILED);
        assertThat(finished().reason()).isEqualTo("a send failed: Connection was closed");
    }

    @Test
    void aFullSendBufferHoldsTheNextSendBack() {
        connection.buffered(ReplayRunner.MAX_BUFFERED + 1);
        runner.start(ReplayPlan.Steps.once(List.of(step("a", 0))));
        scheduler.advanceMillis(200);
        assertThat(sent()).isEmpty();

        connection.buffered(0);
        scheduler.advanceMillis(ReplayRunner.POLL_MILLIS);
        assertThat(sent()).containsExactly("a@220");
    }

    @Test
    void aRunnerRunsOnce() {
        runner.start(ReplayPlan.Steps.once(List.of(step("a", 0))));
        assertThatThrownBy(() -> runner.start(ReplayPlan.Steps.once(List.of(step("a", 0)))))
                .isInstanceOf(IllegalStateException.class);
    }
}
