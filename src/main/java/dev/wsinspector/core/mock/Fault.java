package dev.wsinspector.core.mock;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A misbehaviour the mock server shows on purpose, with the probability (0..1) that it happens each time it could.
 * {@code value} is the kind's parameter: milliseconds for {@link Kind#DELAY} and {@link Kind#STOP_READING}, the
 * number of fragments for {@link Kind#SPLIT}, the number of pings for {@link Kind#PINGS}, a frame's payload length
 * for {@link Kind#OVERSIZED}, an HTTP status for {@link Kind#REFUSE_UPGRADE} and a close code for {@link Kind#CLOSE};
 * {@code jitterMs} adds 0..jitter ms to a delay.
 */
public record Fault(Kind kind, double probability, long value, long jitterMs) {

    public enum Kind {
        /** The reply is not sent. */
        DROP_REPLY("drop", 0),
        /** The reply waits {@code value} ms (plus 0..jitterMs). */
        DELAY("delay", 100),
        /** The reply goes as {@code value} fragments. */
        SPLIT("split", 2),
        /** {@code value} pings go between the reply's fragments (with split) or before it. */
        PINGS("pings", 1),
        /** The reply is a text frame whose payload is not UTF-8. */
        INVALID_UTF8("invalidUtf8", 0),
        /** The reply's frame claims, and carries, {@code value} bytes of payload (default 16 MiB + 1). */
        OVERSIZED("oversized", (16 << 20) + 1),
        /** The reply's frame is masked, which a server must never do. */
        MASKED("masked", 0),
        /** The TCP connection is cut instead of replying: no close frame. */
        TCP_DROP("tcpDrop", 0),
        /** The upgrade is answered with HTTP status {@code value} (server faults only). */
        REFUSE_UPGRADE("refuseUpgrade", 503),
        /** The server stops reading this client for {@code value} ms (backpressure). */
        STOP_READING("stopReading", 1000),
        /** The server closes with code {@code value} instead of replying. */
        CLOSE("close", 1011);

        private final String id;
        private final long defaultValue;

        Kind(String id, long defaultValue) {
            this.id = id;
            this.defaultValue = defaultValue;
        }

        /** The name in files, e.g. {@code "invalidUtf8"}: a contract. */
        public String id() {
            return id;
        }

        public long defaultValue() {
            return defaultValue;
        }

        public static Optional<Kind> byId(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id)).findFirst();
        }

        public static String ids() {
            return String.join(", ", Arrays.stream(values()).map(Kind::id).toList());
        }
    }

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0..1: " + probability);
        }
        if (value < 0 || jitterMs < 0) {
            throw new IllegalArgumentException("fault parameters are not negative");
        }
    }

    /** Always happens, with the kind's default parameter. */
    public static Fault of(Kind kind) {
        return new Fault(kind, 1, kind.defaultValue(), 0);
    }

    public static Fault of(Kind kind, long value) {
        return new Fault(kind, 1, value, 0);
    }

    /** E.g. {@code delay 100 ms (+0..50) at 50%}. */
    public String describe() {
        String p = probability >= 1 ? "" : String.format(Locale.ROOT, " at %.0f%%", probability * 100);
        String v = switch (kind) {
            case DELAY -> " " + value + " ms" + (jitterMs > 0 ? " (+0.." + jitterMs + ")" : "");
            case STOP_READING -> " " + value + " ms";
            case SPLIT -> " into " + value;
            case PINGS, OVERSIZED, REFUSE_UPGRADE, CLOSE -> " " + value;
            default -> "";
        };
        return kind.id() + v + p;
    }
}
