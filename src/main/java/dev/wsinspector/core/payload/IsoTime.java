package dev.wsinspector.core.payload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

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

    /**
     * Reads a timestamp as files write it: ISO-8601 with {@code Z} or an offset, any number of fraction digits
     * (this app writes six, Chrome three). Digits below a microsecond are dropped. Empty when it does not parse.
     */
    public static OptionalLong parseEpochMicros(String text) {
        if (text == null || text.isEmpty()) {
            return OptionalLong.empty();
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException again) {
                return OptionalLong.empty();
            }
        }
        return toMicros(instant.getEpochSecond(), instant.getNano());
    }

    /** The inverse of {@link #epochSeconds(long)}, rounded to the microsecond; empty when out of range. */
    public static OptionalLong epochMicrosOfSeconds(BigDecimal seconds) {
        try {
            return OptionalLong.of(seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong toMicros(long epochSecond, int nanos) {
        try {
            return OptionalLong.of(Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nanos / 1_000));
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }
}
