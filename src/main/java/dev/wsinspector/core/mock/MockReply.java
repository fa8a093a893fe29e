package dev.wsinspector.core.mock;

import dev.wsinspector.core.compose.MessageMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message the mock server sends: a template ({@code {{$.id}}}, {@code {{name}}} of a regex's named group, the
 * profile's variables, {@code {{uuid}} {{counter}} {{now}} {{client}}} …, see {@link MockTemplates}) written as
 * text, JSON, hex, base64 or in a {@code core.payload.encode.MessageFormat} ({@code mode} {@link MessageMode#PROTOCOL},
 * {@code format} its id, {@code params} its inputs), sent after {@code delayMs} to {@code to}.
 */
public record MockReply(MessageMode mode, String body, String format, Map<String, String> params, long delayMs,
                        Target to) {

    /** Who gets a reply. */
    public enum Target {
        /** The client whose message (or connection, or timer) caused it. */
        SENDER("sender"),
        /** Every open client. */
        ALL("all"),
        /** Every open client but the sender (broadcast). */
        OTHERS("others");

        private final String id;

        Target(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static java.util.Optional<Target> byId(String id) {
            for (Target t : values()) {
                if (t.id.equalsIgnoreCase(id)) {
                    return java.util.Optional.of(t);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public MockReply {
        if (mode == null || mode == MessageMode.FRAME) {
            throw new IllegalArgumentException("a reply is text, JSON, hex, base64 or a format's message");
        }
        body = body == null ? "" : body;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        to = to == null ? Target.SENDER : to;
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay is not negative");
        }
        if (mode == MessageMode.PROTOCOL && (format == null || format.isEmpty())) {
            throw new IllegalArgumentException("a format's message names its format");
        }
    }

    public static MockReply text(String body) {
        return new MockReply(MessageMode.TEXT, body, null, null, 0, Target.SENDER);
    }

    public static MockReply json(String body) {
        return new MockReply(MessageMode.JSON, body, null, null, 0, Target.SENDER);
    }

    public MockReply withDelay(long millis) {
        return new MockReply(mode, body, format, params, millis, to);
    }

    public MockReply to(Target target) {
        return new MockReply(mode, body, format, params, delayMs, target);
    }
}
