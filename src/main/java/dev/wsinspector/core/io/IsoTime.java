package dev.wsinspector.core.io;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as exported: ISO-8601 UTC with exactly six fraction digits, e.g. {@code 2026-11-26T05:48:36.123456Z}. */
public final class IsoTime {

    // A fixed pattern rather than ISO_INSTANT, which drops trailing zero digits and so varies the width.
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private IsoTime() {
    }

    public static String ofEpochMicros(long epochMicros) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
        return MICROS.format(instant);
    }

    /**
     * Epoch seconds with a microsecond fraction, as Chrome writes {@code _webSocketMessages[].time}. A decimal,
     * not a double: exact, and written as {@code 1795672116.123456} rather than {@code 1.795672116123456E9}.
     */
    public static BigDecimal epochSeconds(long epochMicros) {
        return BigDecimal.valueOf(epochMicros, 6);
    }
}
