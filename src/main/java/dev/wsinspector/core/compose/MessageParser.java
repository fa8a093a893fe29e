package dev.wsinspector.core.compose;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks and converts composer input. Every problem comes back as a one-line message that says where it is,
 * so the composer can show it before anything is sent.
 */
public final class MessageParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageParser() {
    }

    /** The message for {@code input} in {@code mode}; throws {@link InvalidInputException} with a readable reason. */
    public static ComposedMessage parse(MessageMode mode, String input) {
        return switch (mode) {
            case TEXT -> ComposedMessage.text(input);
            case JSON -> {
                validateJson(input);
                yield ComposedMessage.text(input);
            }
            case HEX -> new ComposedMessage(true, parseHex(input));
            case BASE64 -> new ComposedMessage(true, parseBase64(input));
            case FRAME -> throw new InvalidInputException("A crafted frame is no message: send it from the composer's"
                    + " Frame mode");
            case PROTOCOL -> throw new InvalidInputException("A protocol message is encoded by its format: send it"
                    + " from the composer's Protocol mode");
        };
    }

    /** Null when valid, else the problem ("line 2, column 5: …"). */
    public static String problem(MessageMode mode, String input) {
        try {
            parse(mode, input);
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    /** Pretty-prints JSON input (two-space indent); throws {@link InvalidInputException} when it does not parse. */
    public static String formatJson(String input) {
        try {
            Object tree = readJson(input);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw jsonProblem(e);
        }
    }

    /**
     * The first JSON value of {@code input}; anything but white space after it is a problem (Jackson alone
     * stops after the first value, so "{…} junk" would pass and Format would drop the junk).
     */
    private static JsonNode readJson(String input) throws JsonProcessingException {
        try (JsonParser parser = JSON.createParser(input)) {
            JsonNode tree = JSON.readTree(parser);
            int end = (int) parser.currentLocation().getCharOffset();
            while (end >= 0 && end < input.length() && Character.isWhitespace(input.charAt(end))) {
                end++;
            }
            if (tree != null && end >= 0 && end < input.length()) {
                throw new InvalidInputException("Invalid JSON at " + position(input, end)
                        + ": content after the JSON value ('" + snippet(input, end) + "')");
            }
            return tree;
        } catch (java.io.IOException e) {
            if (e instanceof JsonProcessingException p) {
                throw p;
            }
            throw new java.io.UncheckedIOException(e); // a String source does no I/O
        }
    }

    private static String position(String input, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (input.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }

    private static String snippet(String input, int offset) {
        String rest = input.substring(offset).lines().findFirst().orElse("").strip();
        return rest.length() > 24 ? rest.substring(0, 23) + "…" : rest;
    }

    private static void validateJson(String input) {
        if (input.isBlank()) {
            throw new InvalidInputException("JSON is empty");
        }
        try {
            readJson(input);
        } catch (JsonProcessingException e) {
            throw jsonProblem(e);
        }
    }

    private static InvalidInputException jsonProblem(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return new InvalidInputException("Invalid JSON at " + where + e.getOriginalMessage());
    }

    /** Hex digits, optionally separated by spaces, commas, colons or new lines, with optional 0x prefixes. */
    static byte[] parseHex(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length() / 2);
        int high = -1;
        int highAt = 0;
        String s = input.toLowerCase(Locale.ROOT).replace("0x", "  ");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == ':') {
                if (high >= 0) {
                    throw new InvalidInputException("Hex: odd digit at position " + (highAt + 1)
                            + " (each byte needs two digits)");
                }
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0) {
                throw new InvalidInputException("Hex: '" + input.charAt(i) + "' at position " + (i + 1)
                        + " is not a hex digit");
            }
            if (high < 0) {
                high = digit;
                highAt = i;
            } else {
                out.write(high << 4 | digit);
                high = -1;
            }
        }
        if (high >= 0) {
            throw new InvalidInputException("Hex: odd digit at position " + (highAt + 1) + " (each byte needs two digits)");
        }
        return out.toByteArray();
    }

    static byte[] parseBase64(String input) {
        String compact = input.replaceAll("\\s+", "");
        try {
            return compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact) : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Base64: " + e.getMessage());
        }
    }

    /** Input that cannot be sent as it is. */
    public static final class InvalidInputException extends RuntimeException {
        public InvalidInputException(String message) {
            super(message, null, false, false);
        }
    }
}
