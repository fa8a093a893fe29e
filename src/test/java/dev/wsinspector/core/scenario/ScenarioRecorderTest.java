package dev.wsinspector.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.testutil.ScriptedReplyServer;
import dev.wsinspector.transport.JwsConnectionService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Save as test on a session recorded against the scripted server: the scenario passes when re-run against the same
 * server (its UUIDs, timestamps and sequence numbers differ every run) and fails when the server answers otherwise.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScenarioRecorderTest {

    @Test
    void aRecordedSessionPassesAgainstTheSameServerAndFailsWhenItsAnswerChanges() throws Exception {
        try (ScriptedReplyServer server = new ScriptedReplyServer()) {
            ScenarioResult exploration = ScenarioRunnerTest.run(server.uri(), """
                    {"send":"req 1"},{"expect":{},"capture":{"id":"$.id"}},
                    {"send":"echo {{id}}"},{"expect":{}},
                    {"send":"two"},{"expect":"b"},{"expect":"a"},
                    {"send":"echo at 2026-12-04T18:00:00.123Z done"},{"expect":{}},
                    {"ping":"hb"},{"expectPong":"hb"},{"close":1000},{"expectClose":1000}""");
            assertThat(exploration.passed()).as(exploration.summary()).isTrue();

            ScenarioRecorder.Recorded recorded = ScenarioRecorder.record(exploration.sessions().get("main"), "saved");

            assertThat(recorded.sends()).isEqualTo(4);
            assertThat(recorded.expects()).isEqualTo(5);
            assertThat(recorded.loosenings()).extracting(ScenarioRecorder.Loosening::where)
                    .contains("$.id", "$.at", "$.seq", "text");
            assertThat(recorded.loosenings()).extracting(ScenarioRecorder.Loosening::why)
                    .contains("a UUID", "an ISO-8601 timestamp");
            assertThat(recorded.json()).contains("\"send\" : \"echo {{id}}\"").contains("\"$.kind\" : \"ok\"")
                    .contains("\"$.n\" : 1").doesNotContain("\"$.id\" :");

            Scenario saved = ScenarioReader.parse("saved.json", recorded.json(), false);
            ScenarioResult again = new ScenarioRunner(new JwsConnectionService(), SessionRecorder.inMemory())
                    .run(saved, new ScenarioRunner.Listener() { });
            assertThat(again.passed()).as(again.summary() + "\n" + recorded.json()).isTrue();

            server.kind.set("changed");
            ScenarioResult changed = new ScenarioRunner(new JwsConnectionService(), SessionRecorder.inMemory())
                    .run(ScenarioReader.parse("saved.json", recorded.json().replace("5000", "300"), false),
                            new ScenarioRunner.Listener() { });
            assertThat(changed.passed()).isFalse();
            assertThat(changed.failure().id()).isEqualTo("2");
            assertThat(changed.failure().reason()).contains("$.kind is \"changed\", not \"ok\"");
        }
    }

    @Test
    void plainTextIsExpectedExactlyAndTemplateBracesAreEscaped() throws Exception {
        try (ScriptedReplyServer server = new ScriptedReplyServer()) {
            ScenarioResult exploration = ScenarioRunnerTest.run(server.uri(),
                    "{\"send\":\"echo \\\\{{not a var}}\"},{\"expect\":{}}");
            assertThat(exploration.passed()).as(exploration.summary()).isTrue();
            ScenarioRecorder.Recorded recorded = ScenarioRecorder.record(exploration.sessions().get("main"), "t");
            assertThat(recorded.loosenings()).isEmpty();
            Scenario saved = ScenarioReader.parse("t.json", recorded.json(), false);
            ScenarioResult again = new ScenarioRunner(new JwsConnectionService(), SessionRecorder.inMemory())
                    .run(saved, new ScenarioRunner.Listener() { });
            assertThat(again.passed()).as(again.summary() + "\n" + recorded.json()).isTrue();
        }
    }

    @Test
    void aRangeOfFramesRecordsOnlyItsSendsAndExpects() throws Exception {
        try (ScriptedReplyServer server = new ScriptedReplyServer()) {
            ScenarioResult exploration = ScenarioRunnerTest.run(server.uri(),
                    "{\"send\":\"echo one\"},{\"expect\":{}},{\"send\":\"echo two\"},{\"expect\":{}},"
                            + "{\"send\":\"echo three\"},{\"expect\":{}}");
            assertThat(exploration.passed()).as(exploration.summary()).isTrue();
            dev.wsinspector.core.session.Session session = exploration.sessions().get("main");
            assertThat(session.frames().get(2).payloadBytes()).asString().isEqualTo("echo two");

            ScenarioRecorder.Recorded middle = ScenarioRecorder.record(session, "middle", 2, 4);
            assertThat(middle.sends()).isEqualTo(1);
            assertThat(middle.expects()).isEqualTo(1);
            assertThat(middle.json()).contains("\"send\" : \"echo two\"").contains("two")
                    .doesNotContain("one").doesNotContain("three");
            ScenarioResult again = new ScenarioRunner(new JwsConnectionService(), SessionRecorder.inMemory())
                    .run(ScenarioReader.parse("middle.json", middle.json(), false), new ScenarioRunner.Listener() { });
            assertThat(again.passed()).as(again.summary() + "\n" + middle.json()).isTrue();

            ScenarioRecorder.Recorded fromAReply = ScenarioRecorder.record(session, "tail", 3, 5);
            assertThat(fromAReply.sends()).isEqualTo(1);
            assertThat(fromAReply.expects()).isEqualTo(1);
            assertThat(fromAReply.json()).contains("\"send\" : \"echo three\"").doesNotContain("echo two");
        }
    }
}
