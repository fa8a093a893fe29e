package dev.wsinspector.ui.mock;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.mock.Fault;
import dev.wsinspector.core.mock.MockCapture;
import dev.wsinspector.core.mock.MockServers;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockReply;
import dev.wsinspector.core.mock.MockRule;
import dev.wsinspector.core.mock.RuleSeeder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules table and the server form without a toolkit: add, move, remove, edit, and a message per bad field. */
class MockServerViewModelTest {

    /** Servers that record what they were asked to start; one client whose message #0 rule 2 answered. */
    static final class RecordingServers implements MockServers {
        final List<MockProfile> started = new ArrayList<>();
        final List<String> hosts = new ArrayList<>();
        final MockCapture client = new MockCapture(1, "127.0.0.1:5000",
                new dev.wsinspector.core.session.Session(new dev.wsinspector.core.frame.ColumnarFrameStore()));
        MockServers.Listener listener;
        boolean stopped;

        @Override
        public Running start(MockProfile profile, String host, MockServers.Listener l,
                             java.util.function.IntFunction<dev.wsinspector.core.session.Session> sessions) {
            started.add(profile);
            hosts.add(host);
            listener = l;
            client.recordRule(0, 2);
            client.recordRule(3, 0);
            return new Running() {
                @Override
                public URI uri() {
                    return URI.create("ws://" + host + ":4567/");
                }

                @Override
                public List<MockCapture> clients() {
                    return List.of(client);
                }

                @Override
                public void close() {
                    stopped = true;
                }
            };
        }
    }

    private final RecordingServers servers = new RecordingServers();
    private final MockServerViewModel model = new MockServerViewModel(servers);

    private RuleRow rule(String text, String reply) {
        RuleRow row = model.addRule();
        row.whenKindProperty().set(RuleRow.WhenKind.TEXT);
        row.whenProperty().set(text);
        row.replyProperty().set(reply);
        return row;
    }

    @Test
    void rulesAreAddedAfterTheSelectionMovedAndRemovedAndKeepTheirNumbers() {
        RuleRow a = rule("a", "A");
        RuleRow b = rule("b", "B");
        RuleRow c = rule("c", "C");
        assertThat(model.rules()).containsExactly(a, b, c);
        assertThat(model.selectedRuleProperty().get()).isSameAs(c);
        assertThat(model.canMoveDownProperty().get()).isFalse();

        model.moveRule(-1);
        assertThat(model.rules()).containsExactly(a, c, b);
        assertThat(c.numberProperty().get()).isEqualTo(2);
        assertThat(b.numberProperty().get()).isEqualTo(3);
        model.selectedRuleProperty().set(a);
        assertThat(model.canMoveUpProperty().get()).isFalse();
        model.moveRule(-1);
        assertThat(model.rules()).as("the first cannot go up").containsExactly(a, c, b);

        model.selectedRuleProperty().set(c);
        model.removeRule();
        assertThat(model.rules()).containsExactly(a, b);
        assertThat(model.selectedRuleProperty().get()).as("the next one is selected").isSameAs(b);
        assertThat(b.numberProperty().get()).isEqualTo(2);

        model.selectedRuleProperty().set(a);
        RuleRow inserted = model.addRule();
        assertThat(model.rules()).as("a new rule goes after the selected one").containsExactly(a, inserted, b);

        MockProfile p = model.profile();
        assertThat(p.rules()).hasSize(3);
        assertThat(p.rules().get(0).when().text()).isEqualTo("a");
        assertThat(p.rules().get(0).replies()).containsExactly(MockReply.text("A"));
        assertThat(p.rules().get(2).when().text()).isEqualTo("b");
    }

    @Test
    void aBadRegexOrJsonPathOrReplyIsSaidNextToItsFieldAndTheServerDoesNotStart() {
        RuleRow row = rule("x", "ok");
        row.whenKindProperty().set(RuleRow.WhenKind.REGEX);
        row.whenProperty().set("a(b");
        assertThat(row.whenProblemProperty().get()).startsWith("Not a regex: Unclosed group");
        assertThat(row.rule()).isNull();

        model.start();
        assertThat(servers.started).isEmpty();
        assertThat(model.problemProperty().get()).startsWith("Rule 1: Not a regex");

        row.whenKindProperty().set(RuleRow.WhenKind.JSON);
        row.whenProperty().set("id = 1");
        assertThat(row.whenProblemProperty().get()).startsWith("Not a JSON path: ");
        row.whenProperty().set("$.type = subscribe");
        assertThat(row.whenProblemProperty().get()).isEqualTo("$.type = is not followed by a JSON value (a string needs \"quotes\")");
        row.whenProperty().set("$.type = \"subscribe\"; $.n = 2");
        assertThat(row.whenProblemProperty().get()).isEmpty();
        assertThat(row.rule().when().json()).containsOnlyKeys("$.type", "$.n");

        row.replyModeProperty().set(MessageMode.JSON);
        row.replyProperty().set("{\"ok\": tru}");
        assertThat(row.replyProblemProperty().get()).startsWith("Not JSON: ");
        row.replyProperty().set("{\"id\": \"{{$.id}}\", \"ok\": true}");
        assertThat(row.replyProblemProperty().get()).as("a template is checked once rendered").isEmpty();
        row.replyProperty().set("{{unclosed");
        assertThat(row.replyProblemProperty().get()).startsWith("Template: ");
        row.replyProperty().set("{\"ok\": true}");

        row.delayProperty().set("-5");
        assertThat(row.otherProblemProperty().get()).isEqualTo("Delay is a number of milliseconds (0 or more)");
        row.delayProperty().set("250");
        row.faultsProperty().set("explode");
        assertThat(row.otherProblemProperty().get()).startsWith("\"explode\" is not a fault; faults are drop, delay");
        row.faultsProperty().set("drop at 50%, split into 3");
        assertThat(row.otherProblemProperty().get()).isEmpty();

        model.start();
        assertThat(model.problemProperty().get()).isEmpty();
        MockRule started = servers.started.get(0).rules().get(0);
        assertThat(started.replies().get(0).delayMs()).isEqualTo(250);
        assertThat(started.faults()).containsExactly(new Fault(Fault.Kind.DROP_REPLY, 0.5, 0, 0),
                new Fault(Fault.Kind.SPLIT, 1, 3, 0));
    }

    @Test
    void theFormBuildsTheProfileAndStartingShowsTheAddressAndWarnsOffLoopback() {
        model.portProperty().set("70000");
        model.start();
        assertThat(model.problemProperty().get()).isEqualTo("Port is a number from 0 to 65535 (0 picks a free port)");
        model.portProperty().set("0");
        model.subprotocolsProperty().set("chat, v2.chat");
        model.upgradeHeaderProperty().set("Authorization");
        model.upgradeValueProperty().set("Bearer s3cret");
        model.closeAfterMessagesProperty().set("3");
        model.closeCodeProperty().set("4000");
        model.onConnectProperty().set("hello\n---\n{\"ready\":true}");
        model.hostProperty().set("0.0.0.0");
        assertThat(model.exposedProperty().get()).isTrue();

        model.start();

        MockProfile p = servers.started.get(0);
        assertThat(servers.hosts).containsExactly("0.0.0.0");
        assertThat(p.subprotocols()).containsExactly("chat", "v2.chat");
        assertThat(p.upgrade()).isEqualTo(new MockProfile.Upgrade("Authorization", "Bearer s3cret", 401, false));
        assertThat(p.closeAfter()).isEqualTo(new MockProfile.CloseAfter(3, 0, new MockProfile.Close(4000, "")));
        assertThat(p.onConnect()).extracting(MockReply::mode).containsExactly(MessageMode.TEXT, MessageMode.JSON);
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.addressProperty().get()).isEqualTo("ws://0.0.0.0:4567/");
        assertThat(model.noticeProperty().get()).contains("reachable from the network");
        assertThat(model.titleProperty().get()).isEqualTo("Mock server · ws://0.0.0.0:4567/");

        model.stop();
        assertThat(servers.stopped).isTrue();
        assertThat(model.noticeProperty().get()).isEqualTo("Stopped; 1 client connected while it ran");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aLoadedRuleIsSavedAsItWasUntilEditedAndTheShownClientSaysWhichRuleReplied() {
        MockRule withFilter = new MockRule("f", new dev.wsinspector.core.scenario.Matcher(null, null, null, null,
                null, null, "opcode = text", null, null), null, List.of(MockReply.text("x"), MockReply.json("{}")),
                false, new MockProfile.Close(4001, "bye"), List.of());
        model.load(new dev.wsinspector.core.mock.StoredMockProfile("a.json", java.nio.file.Path.of("a.json"),
                MockProfile.echoing("Loaded").withRules(List.of(withFilter, MockRule.replying(
                        new dev.wsinspector.core.scenario.Matcher("hi", null, null, null, null, null, null, null, null),
                        MockReply.text("ho")))), null));
        assertThat(model.nameProperty().get()).isEqualTo("Loaded");
        RuleRow first = model.rules().get(0);
        assertThat(first.replyProperty().get()).isEqualTo("x\n---\n{}");
        assertThat(first.replyTextProperty().get()).isEqualTo("x  (+1 more)");
        assertThat(first.closeCodeProperty().get()).isEqualTo("4001");
        assertThat(model.profile().rules().get(0)).as("unedited: kept whole").isEqualTo(withFilter);

        model.start();
        assertThat(model.ruleLine(0, true)).as("no client shown yet").isEmpty();
        model.refresh();
        assertThat(model.clients()).containsExactly("Client 1 (127.0.0.1:5000)");
        assertThat(model.shownClientProperty().get()).as("the first client is shown").isSameAs(servers.client);
        assertThat(model.ruleLine(0, true)).isEqualTo("rule 2 replied");
        assertThat(model.ruleLine(3, true)).isEqualTo("no rule matched (echoed)");
        assertThat(model.ruleLine(0, false)).as("not a received message").isEmpty();
        assertThat(model.ruleLine(9, true)).as("not decided yet").isEmpty();

        servers.listener.onRefused("127.0.0.1:5001", 401, "no Authorization header");
        model.refresh();
        assertThat(model.noticeProperty().get()).isEqualTo("Refused 127.0.0.1:5001 with 401: no Authorization header");
    }

    @Test
    void seededRulesAreAppendedWithTheirOnConnectMessagesAndANotice() {
        rule("mine", "first");
        RuleSeeder.Seeds seeds = new RuleSeeder.Seeds(List.of(
                new RuleSeeder.Seeded(3, new RuleSeeder.Text("ping"), List.of(new RuleSeeder.Reply(MessageMode.TEXT,
                        "pong", 4)), List.of())), List.of(new RuleSeeder.Reply(MessageMode.TEXT, "welcome", 1)),
                List.of("message #5 matches like an earlier one: left out (the first rule answers it)"));

        model.seed(seeds, "yesterday");

        assertThat(model.rules()).hasSize(2);
        assertThat(model.rules().get(1).whenTextProperty().get()).isEqualTo("text is ping");
        assertThat(model.selectedRuleProperty().get()).isSameAs(model.rules().get(1));
        assertThat(model.onConnectProperty().get()).isEqualTo("welcome");
        assertThat(model.noticeProperty().get()).startsWith("Seeded 1 rule from 'yesterday'; 1 left out (message #5");
    }

    @Test
    void faultTextReadsWhatDescribeWrites() {
        List<Fault> faults = List.of(new Fault(Fault.Kind.DELAY, 0.25, 100, 50), Fault.of(Fault.Kind.MASKED),
                Fault.of(Fault.Kind.CLOSE, 4002), new Fault(Fault.Kind.SPLIT, 1, 4, 0));
        String text = FaultText.format(faults);
        assertThat(text).isEqualTo("delay 100 ms (+0..50) at 25%, masked, close 4002, split into 4");
        assertThat(FaultText.parse(text)).isEqualTo(faults);
        assertThat(FaultText.parse("delay")).containsExactly(Fault.of(Fault.Kind.DELAY));
    }
}
