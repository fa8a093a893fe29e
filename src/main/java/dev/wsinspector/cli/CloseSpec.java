package dev.wsinspector.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.charset.StandardCharsets;

/** The close frame the client sends when it is done: {@code --close CODE[:REASON]}. */
record CloseSpec(int code, String reason) {

    static final CloseSpec NORMAL = new CloseSpec(1000, "");

    /**
     * Parses {@code CODE[:REASON]}. Only codes an endpoint may send are accepted (RFC 6455 7.4: 1000-1003,
     * 1007-1011, 3000-4999); 1005/1006/1015 must never appear in a close frame. The reason must fit the
     * 125-byte control frame with the code.
     */
    static CloseSpec parse(String value) {
        int colon = value.indexOf(':');
        String codeText = colon < 0 ? value : value.substring(0, colon);
        String reason = colon < 0 ? "" : value.substring(colon + 1);
        int code;
        try {
            code = Integer.parseInt(codeText.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not CODE[:REASON], e.g. 1000 or 4000:done");
        }
        boolean sendable = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011)
                || (code >= 3000 && code <= 4999);
        if (!sendable) {
            throw new IllegalArgumentException("close code " + code + " cannot be sent (use 1000-1003, 1007-1011 or 3000-4999)");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("close reason is longer than 123 bytes");
        }
        return new CloseSpec(code, reason);
    }

    static final class Converter implements ITypeConverter<CloseSpec> {
        @Override
        public CloseSpec convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
