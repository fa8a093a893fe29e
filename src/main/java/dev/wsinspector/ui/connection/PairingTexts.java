package dev.wsinspector.ui.connection;

import dev.wsinspector.core.pairing.PairingEngine;

import java.util.Locale;

/** The Latency column's text for a frame's pairing: a reply's latency, a mark on an unanswered request. */
final class PairingTexts {

    static final String UNANSWERED = "⚠ no reply";

    private PairingTexts() {
    }

    static String of(PairingEngine.Link link) {
        return switch (link.kind()) {
            case REPLY -> duration(link.latencyNanos());
            case UNANSWERED -> UNANSWERED;
            case WAITING -> "…";
            case FOLLOW_UP -> "stream";
            case DUPLICATE -> "duplicate";
            case DUPLICATE_REQUEST -> "dup. request";
            case ORPHAN -> "no request";
            case ANSWERED, NONE -> "";
        };
    }

    /** {@code 0.042 ms}, {@code 12.3 ms}, {@code 1.25 s}. */
    static String duration(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
}
