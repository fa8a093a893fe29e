package dev.wsinspector.core.settings;

import java.time.Duration;

/**
 * How long the desktop app keeps journaled sessions: at start it deletes past sessions older than
 * {@code maxAgeDays} or, newest kept first, beyond {@code maxGigabytes} on disk; pinned ones are always kept.
 * In {@code settings.json} as {@code "sessions": {"maxAgeDays": 30, "maxGigabytes": 10}}.
 */
public record SessionRetention(long maxAgeDays, long maxGigabytes) {

    /** 30 days, 10 GB. */
    public static final SessionRetention DEFAULT = new SessionRetention(30, 10);

    public SessionRetention {
        if (maxAgeDays < 1 || maxGigabytes < 1) {
            throw new IllegalArgumentException("the sessions' retention needs at least 1 day and 1 GB");
        }
    }

    public Duration maxAge() {
        return Duration.ofDays(maxAgeDays);
    }

    /** Gigabytes as the binary ones the catalog counts ({@code 10 GB = 10 << 30 bytes}). */
    public long maxBytes() {
        return maxGigabytes << 30;
    }
}
