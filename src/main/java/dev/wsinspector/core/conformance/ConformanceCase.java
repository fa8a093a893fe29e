package dev.wsinspector.core.conformance;

import java.util.Objects;

/**
 * One server-side check, run from the client's side on a connection of its own.
 *
 * @param id       a stable name for files and scripts, e.g. {@code "echo-text-65536"}
 * @param spec     the RFC it checks: {@code "RFC 6455"}, or {@code "RFC 7692"} for permessage-deflate
 * @param section  the section that says what the server must do, e.g. {@code "5.1"}
 * @param title    what is checked, in words for people
 * @param expected what a server that keeps the RFC does
 * @param deflate  the connection offers permessage-deflate
 * @param offer    the {@code Sec-WebSocket-Extensions} offer to send instead of the client's own, or empty
 * @param check    sends and reads, and says what it saw
 */
public record ConformanceCase(String id, String spec, String section, String title, String expected, boolean deflate,
                              String offer, Check check) {

    /** What a case does on its open connection; returns what it saw, or throws when interrupted. */
    @FunctionalInterface
    public interface Check {
        Outcome run(Probe probe) throws InterruptedException;
    }

    /** A case's result with what it saw, e.g. "close 1002 (reserved opcode)". */
    public record Outcome(Verdict verdict, String observed) {
        public Outcome {
            Objects.requireNonNull(verdict, "verdict");
            observed = observed == null ? "" : observed;
        }

        public static Outcome pass(String observed) {
            return new Outcome(Verdict.PASS, observed);
        }

        public static Outcome fail(String observed) {
            return new Outcome(Verdict.FAIL, observed);
        }

        public static Outcome skip(String observed) {
            return new Outcome(Verdict.SKIP, observed);
        }
    }

    /** Skipped is not failed: the server does not offer what the case needs (permessage-deflate). */
    public enum Verdict {
        PASS, FAIL, SKIP;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ConformanceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(check, "check");
        offer = offer == null ? "" : offer;
    }

    /** E.g. "RFC 6455 §5.1". */
    public String reference() {
        return spec + " §" + section;
    }
}
