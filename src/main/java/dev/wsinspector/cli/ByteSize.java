package dev.wsinspector.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size in bytes as people write it on a command line: {@code 1048576}, {@code 64KiB}, {@code 16MiB}, {@code 1GiB}. */
final class ByteSize implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(B|KIB|K|MIB|M|GIB|G)?");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (e.g. 1048576, 64KiB, 16MiB)");
        }
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KIB", "K" -> 10;
            case "MIB", "M" -> 20;
            case "GIB", "G" -> 30;
            default -> 0;
        };
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        return number << shift;
    }
}
