package dev.wsinspector.core.scenario;

import dev.wsinspector.core.compose.MessageMode;
import java.util.List;
import java.util.Map;

/**
 * One step of a scenario. {@code on} names the connection (empty: the scenario's first); {@code at} is where the
 * step starts in its file. Every wait has a bound: {@code timeoutMillis} for expectations, {@code millis} for
 * {@code wait} and {@code expectNo}.
 */
public sealed interface Step {

    String on();

    Position at();

    /** The step's name in files and reports: "send", "expect", … */
    String kind();

    /** One line for people, e.g. {@code expect json $.id = 7}. */
    String describe();

    /**
     * Sends a message: {@code body} in {@code mode} (text, JSON, hex, base64), after its {{variables}}; for
     * {@link MessageMode#PROTOCOL}, {@code body} and {@code params} encoded as {@code format} (a
     * {@code core.payload.encode.MessageFormat} id: MessagePack, a Socket.IO event, an MQTT publish, …).
     */
    record Send(String on, Position at, MessageMode mode, String body, String format,
                java.util.Map<String, String> params) implements Step {

        public Send {
            params = params == null ? java.util.Map.of() : java.util.Map.copyOf(params);
        }

        public Send(String on, Position at, MessageMode mode, String body) {
            this(on, at, mode, body, null, java.util.Map.of());
        }

        public String kind() {
            return "send";
        }

        public String describe() {
            String how = mode == MessageMode.PROTOCOL ? format + " " : mode == MessageMode.TEXT ? "" : mode.name().toLowerCase() + " ";
            return "send " + how + shorten(body);
        }
    }

    /**
     * Waits for the connection's next message matching {@code match} (others are passed over), then stores
     * {@code captures} (variable name to a JSON path, or a regex group name) from it.
     */
    record Expect(String on, Position at, Matcher match, long timeoutMillis, Map<String, String> captures)
            implements Step {
        public String kind() {
            return "expect";
        }

        public String describe() {
            return "expect " + match.describe();
        }
    }

    /** Waits until each matcher matched a message of its own, in any order. */
    record AnyOrder(String on, Position at, List<Expect> expects, long timeoutMillis) implements Step {
        public String kind() {
            return "anyOrder";
        }

        public String describe() {
            return "in any order: " + String.join("; ", expects.stream().map(e -> e.match().describe()).toList());
        }
    }

    /** Nothing matching {@code match} arrives for {@code millis} (messages are looked at, not used up). */
    record ExpectNo(String on, Position at, Matcher match, long millis) implements Step {
        public String kind() {
            return "expectNo";
        }

        public String describe() {
            return "expect no " + match.describe() + " for " + millis + " ms";
        }
    }

    /** Stores values from the connection's last matched message into variables. */
    record Capture(String on, Position at, Map<String, String> captures) implements Step {
        public String kind() {
            return "capture";
        }

        public String describe() {
            return "capture " + String.join(", ", captures.keySet());
        }
    }

    record Wait(String on, Position at, long millis) implements Step {
        public String kind() {
            return "wait";
        }

        public String describe() {
            return "wait " + millis + " ms";
        }
    }

    record Ping(String on, Position at, String payload) implements Step {
        public String kind() {
            return "ping";
        }

        public String describe() {
            return "ping" + (payload.isEmpty() ? "" : " " + shorten(payload));
        }
    }

    /** A pong arrives; with a {@code payload} (null: any) it must carry it. */
    record ExpectPong(String on, Position at, String payload, long timeoutMillis) implements Step {
        public String kind() {
            return "expectPong";
        }

        public String describe() {
            return "expect pong" + (payload == null ? "" : " " + shorten(payload));
        }
    }

    record Close(String on, Position at, int code, String reason) implements Step {
        public String kind() {
            return "close";
        }

        public String describe() {
            return "close " + code + (reason.isEmpty() ? "" : " " + reason);
        }
    }

    /** The server's close frame arrives; with a {@code code} (-1: any) it must carry it. */
    record ExpectClose(String on, Position at, int code, long timeoutMillis) implements Step {
        public String kind() {
            return "expectClose";
        }

        public String describe() {
            return "expect close" + (code < 0 ? "" : " " + code);
        }
    }

    /** The time from the connection's last send to the message its last expectation matched is at most this. */
    record Latency(String on, Position at, long maxMillis) implements Step {
        public String kind() {
            return "latency";
        }

        public String describe() {
            return "latency ≤ " + maxMillis + " ms";
        }
    }

    /** Runs {@code steps} {@code times} times; {@code indexVariable} (may be empty) holds 1, 2, … */
    record Repeat(String on, Position at, int times, String indexVariable, List<Step> steps) implements Step {
        public String kind() {
            return "repeat";
        }

        public String describe() {
            return "repeat " + times + " times";
        }
    }

    static long count(List<Step> steps) {
        long n = 0;
        for (Step s : steps) {
            n += s instanceof Repeat r ? r.times() * count(r.steps()) : 1;
        }
        return n;
    }

    static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "…";
    }
}
