package dev.wsinspector.core.mock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mock server as a user saved it (one JSON file under {@code <data dir>/servers/}, {@link MockProfileJson}):
 * its name and port (0: any free one), the subprotocols it accepts (it chooses the first the client offers that
 * is in the list; empty: it chooses none), an upgrade check, what it sends on connect, timers, when it closes on
 * its own, whether it echoes messages no rule answers, its server-wide faults, its ordered rules, and variables for
 * the templates.
 */
public record MockProfile(String name, int port, List<String> subprotocols, Upgrade upgrade, List<MockReply> onConnect,
                          List<Timer> timers, CloseAfter closeAfter, boolean echo, List<Fault> faults,
                          List<MockRule> rules, Map<String, String> variables) {

    /**
     * The upgrade check: with {@code refuseAll} every upgrade is answered with {@code status}; else, when
     * {@code header} is given, a request without that header (or, when {@code value} is given, with another value;
     * compared exactly) is answered with {@code status}.
     */
    public record Upgrade(String header, String value, int status, boolean refuseAll) {
        public Upgrade {
            if (status < 100 || status > 599 || status == 101) {
                throw new IllegalArgumentException("an upgrade is refused with an HTTP status 100..599 but 101");
            }
        }

        /** Null when the request passes, else the status to answer with. */
        public Integer refusal(Map<String, String> headers) {
            if (refuseAll) {
                return status;
            }
            if (header == null || header.isEmpty()) {
                return null;
            }
            String got = null;
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(header)) {
                    got = e.getValue();
                }
            }
            return got == null || (value != null && !value.equals(got)) ? status : null;
        }
    }

    /** Every {@code everyMs}, send {@code message} to each client ({@link MockReply.Target#SENDER}) or to all at once. */
    public record Timer(long everyMs, MockReply message) {
        public Timer {
            if (everyMs < 1) {
                throw new IllegalArgumentException("a timer's period is at least 1 ms");
            }
        }
    }

    /** Close with {@code code} after {@code messages} received messages (0: no limit) or {@code millis} open (0: no limit). */
    public record CloseAfter(int messages, long millis, Close close) {
    }

    /** A close frame's code and reason. */
    public record Close(int code, String reason) {
        public Close {
            reason = reason == null ? "" : reason;
        }
    }

    public MockProfile {
        name = name == null || name.isBlank() ? "Mock server" : name;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        subprotocols = subprotocols == null ? List.of() : List.copyOf(subprotocols);
        onConnect = onConnect == null ? List.of() : List.copyOf(onConnect);
        timers = timers == null ? List.of() : List.copyOf(timers);
        faults = faults == null ? List.of() : List.copyOf(faults);
        rules = rules == null ? List.of() : List.copyOf(rules);
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** A server that echoes and has nothing else. */
    public static MockProfile echoing(String name) {
        return new MockProfile(name, 0, List.of(), null, List.of(), List.of(), null, true, List.of(), List.of(), Map.of());
    }

    public MockProfile withRules(List<MockRule> newRules) {
        return new MockProfile(name, port, subprotocols, upgrade, onConnect, timers, closeAfter, echo, faults, newRules,
                variables);
    }

    public MockProfile withFaults(List<Fault> newFaults) {
        return new MockProfile(name, port, subprotocols, upgrade, onConnect, timers, closeAfter, echo, newFaults, rules,
                variables);
    }

    public MockProfile withPort(int newPort) {
        return new MockProfile(name, newPort, subprotocols, upgrade, onConnect, timers, closeAfter, echo, faults, rules,
                variables);
    }
}
