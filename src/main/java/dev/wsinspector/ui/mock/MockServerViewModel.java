package dev.wsinspector.ui.mock;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.mock.MockCapture;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockReply;
import dev.wsinspector.core.mock.MockRule;
import dev.wsinspector.core.mock.MockServers;
import dev.wsinspector.core.mock.RuleSeeder;
import dev.wsinspector.core.mock.StoredMockProfile;
import dev.wsinspector.core.server.LocalServer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One mock server tab's state: the server's form (host, port, subprotocols, upgrade check, close-after, echo,
 * on-connect messages, server-wide faults), its ordered rules ({@link RuleRow}: add, remove, move; first match
 * wins), Start / Stop over {@code core.mock.MockServers}, the clients that connected (one shown at a time in the tab's
 * timeline) and which rule answered a received message. Saving goes through {@link Saving}. FX thread only; no
 * toolkit needed.
 */
public final class MockServerViewModel {

    /** Writes the profile (off the FX thread: the tab hands it to its background worker). */
    public interface Saving {
        void save(StoredMockProfile base, MockProfile profile, java.util.function.Consumer<StoredMockProfile> saved,
                  java.util.function.Consumer<String> failed);
    }

    private final MockServers servers;
    private final StringProperty name = new SimpleStringProperty("Mock server");
    private final StringProperty host = new SimpleStringProperty("127.0.0.1");
    private final StringProperty port = new SimpleStringProperty("0");
    private final StringProperty subprotocols = new SimpleStringProperty("");
    private final StringProperty upgradeHeader = new SimpleStringProperty("");
    private final StringProperty upgradeValue = new SimpleStringProperty("");
    private final StringProperty upgradeStatus = new SimpleStringProperty("401");
    private final StringProperty closeAfterMessages = new SimpleStringProperty("");
    private final StringProperty closeAfterSeconds = new SimpleStringProperty("");
    private final StringProperty closeCode = new SimpleStringProperty("1000");
    private final BooleanProperty echo = new SimpleBooleanProperty(true);
    private final StringProperty onConnect = new SimpleStringProperty("");
    private final StringProperty faults = new SimpleStringProperty("");
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObjectProperty<RuleRow> selectedRule = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ObservableList<String> clients = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> selectedClient = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<MockCapture> shownClient = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding exposed = Bindings.createBooleanBinding(() -> LocalServer.isExposed(host.get()), host);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Mock server");
    /** What the form keeps from the file without showing it (timers, variables, on-connect formats). */
    private MockProfile loaded;
    private StoredMockProfile stored;
    private MockServers.Running server;
    private List<MockCapture> clientList = List.of();
    /** What the server's threads report (refused upgrades, warnings), shown at the next refresh. */
    private final java.util.Queue<String> reports = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final MockServers.Listener listener = new MockServers.Listener() {
        @Override
        public void onRefused(String remote, int status, String why) {
            reports.add("Refused " + remote + " with " + status + ": " + why);
        }

        @Override
        public void onWarning(String message) {
            reports.add(message);
        }
    };

    public MockServerViewModel(MockServers servers) {
        this.servers = servers;
        rules.addListener((ListChangeListener<RuleRow>) c -> renumber());
        title.bind(Bindings.createStringBinding(() -> (name.get() == null || name.get().isBlank() ? "Mock server"
                : name.get()) + (running.get() ? " · " + address.get() : ""), name, running, address));
        selectedClient.addListener((o, a, index) -> showClient());
    }

    // ---- the server's form

    /** A server profile read from a file (its rules, form fields, and what the form keeps without showing). */
    public void load(StoredMockProfile profile) {
        stored = profile;
        show(profile.profile());
    }

    private void show(MockProfile p) {
        loaded = p;
        name.set(p.name());
        port.set(Integer.toString(p.port()));
        subprotocols.set(String.join(", ", p.subprotocols()));
        MockProfile.Upgrade up = p.upgrade();
        upgradeHeader.set(up == null || up.header() == null ? "" : up.header());
        upgradeValue.set(up == null || up.value() == null ? "" : up.value());
        upgradeStatus.set(up == null ? "401" : Integer.toString(up.status()));
        MockProfile.CloseAfter ca = p.closeAfter();
        closeAfterMessages.set(ca == null || ca.messages() == 0 ? "" : Integer.toString(ca.messages()));
        closeAfterSeconds.set(ca == null || ca.millis() == 0 ? "" : trim(ca.millis() / 1000.0));
        closeCode.set(ca == null || ca.close() == null ? "1000" : Integer.toString(ca.close().code()));
        echo.set(p.echo());
        onConnect.set(String.join("\n" + RuleRow.SEPARATOR + "\n", p.onConnect().stream().map(MockReply::body).toList()));
        faults.set(FaultText.format(p.faults()));
        rules.setAll(p.rules().stream().map(RuleRow::of).toList());
        selectedRule.set(rules.isEmpty() ? null : rules.get(0));
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    /**
     * The profile the form says, or null with {@link #problemProperty} telling the first thing wrong (a rule's by
     * its number).
     */
    public MockProfile profile() {
        try {
            MockProfile p = build();
            problem.set("");
            return p;
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return null;
        }
    }

    private MockProfile build() {
        int portNumber = number(port.get(), "Port is a number from 0 to 65535 (0 picks a free port)", 0, 65535);
        List<String> protocols = Arrays.stream(subprotocols.get().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        MockProfile.Upgrade up = null;
        if (!upgradeHeader.get().isBlank()) {
            int status = number(upgradeStatus.get(), "The refusal status is an HTTP status 100..599 (not 101)", 100, 599);
            if (status == 101) {
                throw new IllegalArgumentException("The refusal status is an HTTP status 100..599 (not 101)");
            }
            up = new MockProfile.Upgrade(upgradeHeader.get().strip(),
                    upgradeValue.get().isEmpty() ? null : upgradeValue.get(), status, false);
        } else if (loaded != null && loaded.upgrade() != null && loaded.upgrade().refuseAll()) {
            up = loaded.upgrade();
        }
        MockProfile.CloseAfter closeAfter = null;
        if (!closeAfterMessages.get().isBlank() || !closeAfterSeconds.get().isBlank()) {
            int messages = closeAfterMessages.get().isBlank() ? 0
                    : number(closeAfterMessages.get(), "Close after: a number of messages", 1, Integer.MAX_VALUE);
            long millis;
            try {
                millis = closeAfterSeconds.get().isBlank() ? 0
                        : Math.round(Double.parseDouble(closeAfterSeconds.get().strip()) * 1000);
            } catch (NumberFormatException e) {
                millis = -1;
            }
            if (millis < 0) {
                throw new IllegalArgumentException("Close after: a number of seconds");
            }
            int code = number(closeCode.get(), "The close code is 1000..4999", 1000, 4999);
            closeAfter = new MockProfile.CloseAfter(messages, millis, new MockProfile.Close(code, ""));
        }
        List<MockReply> connectSends = new ArrayList<>();
        for (String body : onConnect.get().isEmpty() ? new String[0] : onConnect.get().split("\\R" + RuleRow.SEPARATOR + "\\R", -1)) {
            MessageMode mode = body.strip().startsWith("{") || body.strip().startsWith("[") ? MessageMode.JSON : MessageMode.TEXT;
            String p = RuleRow.replyProblem(mode, body);
            if (p != null) {
                throw new IllegalArgumentException("On connect: " + p);
            }
            connectSends.add(new MockReply(mode, body, null, null, 0, MockReply.Target.SENDER));
        }
        List<dev.wsinspector.core.mock.Fault> serverFaults = FaultText.parse(faults.get());
        List<MockRule> built = new ArrayList<>();
        for (RuleRow row : rules) {
            MockRule r = row.toSave();
            if (r == null) {
                throw new IllegalArgumentException("Rule " + row.numberProperty().get() + ": " + row.problem());
            }
            built.add(r);
        }
        List<MockProfile.Timer> timers = loaded == null ? List.of() : loaded.timers();
        Map<String, String> variables = loaded == null ? Map.of() : loaded.variables();
        return new MockProfile(name.get(), portNumber, protocols, up, connectSends, timers, closeAfter, echo.get(),
                serverFaults, built, variables);
    }

    private static int number(String text, String message, int min, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(message);
        }
    }

    // ---- rules

    public ObservableList<RuleRow> rules() {
        return rules;
    }

    public ObjectProperty<RuleRow> selectedRuleProperty() {
        return selectedRule;
    }

    /** A new rule after the selected one (or at the end), selected: any message, reply text, to be edited. */
    public RuleRow addRule() {
        RuleRow row = new RuleRow();
        int at = selectedRule.get() == null ? rules.size() : rules.indexOf(selectedRule.get()) + 1;
        rules.add(at, row);
        selectedRule.set(row);
        return row;
    }

    public void removeRule() {
        RuleRow row = selectedRule.get();
        int at = rules.indexOf(row);
        if (at < 0) {
            return;
        }
        rules.remove(at);
        selectedRule.set(rules.isEmpty() ? null : rules.get(Math.min(at, rules.size() - 1)));
    }

    /** Moves the selected rule one place up ({@code -1}) or down ({@code 1}); it stays selected. */
    public void moveRule(int by) {
        RuleRow row = selectedRule.get();
        int at = rules.indexOf(row);
        int to = at + by;
        if (at < 0 || to < 0 || to >= rules.size()) {
            return;
        }
        rules.remove(at);
        rules.add(to, row);
        selectedRule.set(row);
    }

    public BooleanBinding canMoveUpProperty() {
        return Bindings.createBooleanBinding(() -> rules.indexOf(selectedRule.get()) > 0, rules, selectedRule);
    }

    public BooleanBinding canMoveDownProperty() {
        return Bindings.createBooleanBinding(() -> {
            int at = rules.indexOf(selectedRule.get());
            return at >= 0 && at < rules.size() - 1;
        }, rules, selectedRule);
    }

    private void renumber() {
        for (int i = 0; i < rules.size(); i++) {
            rules.get(i).numberProperty().set(i + 1);
        }
    }

    /**
     * Rules seeded from a recorded session ({@link RuleSeeder}) go after the rules there are; its on-connect
     * messages replace the form's when it has none. The notice says how many and what was left out.
     */
    public void seed(RuleSeeder.Seeds seeds, String from) {
        List<MockRule> seeded = RuleSeeder.rules(seeds);
        rules.addAll(seeded.stream().map(RuleRow::of).toList());
        if (onConnect.get().isEmpty() && !seeds.onConnect().isEmpty()) {
            onConnect.set(String.join("\n" + RuleRow.SEPARATOR + "\n",
                    seeds.onConnect().stream().map(RuleSeeder.Reply::template).toList()));
        }
        if (!seeded.isEmpty()) {
            selectedRule.set(rules.get(rules.size() - seeded.size()));
        }
        notice.set(seeded.isEmpty() ? "'" + from + "' has no message the client sent: no rule seeded"
                : "Seeded " + seeded.size() + (seeded.size() == 1 ? " rule" : " rules") + " from '" + from + "'"
                + (seeds.notes().isEmpty() ? "" : "; " + seeds.notes().size() + " left out ("
                + seeds.notes().get(0) + (seeds.notes().size() > 1 ? ", …" : "") + ")"));
    }

    /** A line in the notice from outside the form (seeding failed, no session to seed from). */
    public void showNotice(String text) {
        notice.set(text);
    }

    // ---- running

    /** Starts the server the form says; a problem in the form or at binding goes to {@link #problemProperty}. */
    public void start() {
        if (running.get()) {
            return;
        }
        MockProfile p = profile();
        if (p == null) {
            return;
        }
        try {
            server = servers.start(p, host.get().strip(), listener);
        } catch (IOException | RuntimeException e) {
            problem.set("Could not start on " + host.get().strip() + ":" + p.port() + ": " + e.getMessage());
            return;
        }
        clientList = List.of();
        clients.clear();
        selectedClient.set(null);
        reports.clear();
        address.set(server.uri().toString());
        running.set(true);
        notice.set("Listening on " + address.get() + (exposed.get() ? " — reachable from the network" : ""));
    }

    public void stop() {
        if (server != null) {
            server.close();
            refresh();
        }
        running.set(false);
        notice.set(server == null ? "" : "Stopped; " + clientList.size() + (clientList.size() == 1 ? " client" : " clients")
                + " connected while it ran");
    }

    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    /**
     * Once per window pulse: new clients into the list (the first one shown as it comes), and the last thing the
     * server's threads reported (a refused upgrade, a warning) into the notice.
     */
    public void refresh() {
        if (server == null) {
            return;
        }
        List<MockCapture> now = server.clients();
        if (now.size() != clientList.size()) {
            clientList = List.copyOf(now);
            for (int i = clients.size(); i < clientList.size(); i++) {
                MockCapture c = clientList.get(i);
                clients.add("Client " + c.client() + " (" + c.remote() + ")");
            }
            if (selectedClient.get() == null && !clientList.isEmpty()) {
                selectedClient.set(0);
            }
        }
        String last = null;
        for (String r = reports.poll(); r != null; r = reports.poll()) {
            last = r;
        }
        if (last != null) {
            notice.set(last);
        }
    }

    private void showClient() {
        Integer i = selectedClient.get();
        shownClient.set(i == null || i < 0 || i >= clientList.size() ? null : clientList.get(i));
    }

    /**
     * What the tab's detail line says of frame {@code seq} of the shown client: "rule 3 replied", "no rule
     * matched" for a received message no rule answered, else empty.
     */
    public String ruleLine(long seq, boolean receivedMessage) {
        MockCapture c = shownClient.get();
        if (c == null || !receivedMessage || !c.decided(seq)) {
            return ""; // not decided yet: the next pulse asks again
        }
        int rule = c.ruleFor(seq);
        return rule > 0 ? "rule " + rule + " replied" : "no rule matched" + (echo.get() ? " (echoed)" : "");
    }

    // ---- saving

    /** Saves the form through {@code saving} (a new file the first time, then the same file). */
    public void save(Saving saving) {
        MockProfile p = profile();
        if (p == null) {
            return;
        }
        saving.save(stored, p, s -> {
            stored = s;
            loaded = s.profile();
            notice.set("Saved " + s.file());
        }, message -> notice.set("Not saved: " + message));
    }

    public StoredMockProfile stored() {
        return stored;
    }

    // ---- properties

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty subprotocolsProperty() {
        return subprotocols;
    }

    public StringProperty upgradeHeaderProperty() {
        return upgradeHeader;
    }

    /** The value the header must have (a token: the form masks it); empty: any. */
    public StringProperty upgradeValueProperty() {
        return upgradeValue;
    }

    public StringProperty upgradeStatusProperty() {
        return upgradeStatus;
    }

    public StringProperty closeAfterMessagesProperty() {
        return closeAfterMessages;
    }

    public StringProperty closeAfterSecondsProperty() {
        return closeAfterSeconds;
    }

    public StringProperty closeCodeProperty() {
        return closeCode;
    }

    public BooleanProperty echoProperty() {
        return echo;
    }

    /** Messages sent to each client as it connects, separated by a line {@value RuleRow#SEPARATOR}. */
    public StringProperty onConnectProperty() {
        return onConnect;
    }

    public StringProperty faultsProperty() {
        return faults;
    }

    /** The form's first problem (a rule's by its number), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The last thing that happened (started, stopped, seeded, saved). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The ws:// address while running, else empty. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** True when the host is not loopback: the server would be reachable from the network. */
    public BooleanBinding exposedProperty() {
        return exposed;
    }

    public ObservableList<String> clients() {
        return clients;
    }

    /** The index in {@link #clients} shown in the timeline. */
    public ObjectProperty<Integer> selectedClientProperty() {
        return selectedClient;
    }

    /** The client the timeline shows, or null. */
    public ReadOnlyObjectProperty<MockCapture> shownClientProperty() {
        return shownClient.getReadOnlyProperty();
    }

    /** The tab's title: the server's name, and its address while running. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
