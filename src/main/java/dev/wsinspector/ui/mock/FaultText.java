package dev.wsinspector.ui.mock;

import dev.wsinspector.core.mock.Fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults as one line in the rules table and the server form: what {@link Fault#describe} writes, comma-separated
 * ({@code drop at 50%, delay 100 ms (+0..50), split into 3}), read back here so the line can be edited in place.
 * The value and "ms" are optional (the kind's default), as is the probability (always).
 */
final class FaultText {

    private static final Pattern ONE = Pattern.compile(
            "(?i)([A-Za-z0-9]+)(?:\\s+(?:into\\s+)?(\\d+)(?:\\s*ms)?)?(?:\\s*\\(\\+0\\.\\.(\\d+)\\))?"
                    + "(?:\\s+(?:at\\s+)?(\\d+(?:\\.\\d+)?)\\s*%)?");

    private FaultText() {
    }

    static String format(List<Fault> faults) {
        return String.join(", ", faults.stream().map(Fault::describe).toList());
    }

    /** The faults of {@code text}; an empty text is none. */
    static List<Fault> parse(String text) throws IllegalArgumentException {
        List<Fault> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            Matcher m = ONE.matcher(p);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + p + "\" is not a fault: write a kind, a number and a"
                        + " probability, e.g. \"delay 100 ms at 50%\"");
            }
            Fault.Kind kind = Fault.Kind.byId(m.group(1)).orElseThrow(() -> new IllegalArgumentException(
                    "\"" + m.group(1) + "\" is not a fault; faults are " + Fault.Kind.ids()));
            long value = m.group(2) == null ? kind.defaultValue() : Long.parseLong(m.group(2));
            long jitter = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
            double percent = m.group(4) == null ? 100 : Double.parseDouble(m.group(4));
            if (percent > 100) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "\"%s\": a probability is at most 100%%", p));
            }
            out.add(new Fault(kind, percent / 100, value, jitter));
        }
        return out;
    }
}
