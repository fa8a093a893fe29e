package dev.wsinspector.core.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Validates and pretty-prints JSON payloads with Jackson, within size caps so a huge payload cannot stall the
 * app: inputs above {@code maxInputBytes} are not parsed at all, and pretty output beyond
 * {@code maxOutputChars} is counted but not kept. Thread-safe; meant to run off the FX thread.
 */
public final class JsonFormatter {

    public static final int DEFAULT_MAX_INPUT_BYTES = 8 * 1024 * 1024;
    /** Pretty text beyond this is counted, not kept: the text area takes ~0.3 s per MiB to swap in on the FX thread. */
    public static final int DEFAULT_MAX_OUTPUT_CHARS = 1024 * 1024;

    private final int maxInputBytes;
    private final int maxOutputChars;

    /**
     * Jackson's parser set-up, made on first use (on the thread that formats) rather than with the formatter: the
     * app builds a formatter for every tab while its first window is being built, where ≈ 12 ms of Jackson
     * start-up showed in the profile of a start. Thread-safe once built, and the same for every formatter.
     */
    private static final class Jackson {
        // Error messages carry their own line/column; the source excerpt would only repeat the payload.
        static final JsonFactory FACTORY = JsonFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
        // Strict: "{} x" is not one JSON document, even though a streaming parser would stop after "{}".
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public JsonFormatter() {
        this(DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_OUTPUT_CHARS);
    }

    public JsonFormatter(int maxInputBytes, int maxOutputChars) {
        this.maxInputBytes = maxInputBytes;
        this.maxOutputChars = maxOutputChars;
    }

    public int maxInputBytes() {
        return maxInputBytes;
    }

    public JsonResult format(String text) {
        return format(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Formats UTF-8 {@code bytes}. */
    public JsonResult format(byte[] bytes) {
        if (bytes.length > maxInputBytes) {
            return new JsonResult.TooLarge(bytes.length, maxInputBytes);
        }
        CappedWriter out = new CappedWriter(maxOutputChars);
        try {
            prettyPrint(bytes, out);
            return new JsonResult.Valid(out.kept(), out.total(), Jackson.MAPPER.readTree(bytes));
        } catch (JsonProcessingException e) {
            return invalid(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams tokens from parser to a pretty generator rather than writing a tree back out, so numbers keep
     * their exact spelling ({@code 1.50}, {@code 1e400}) and the output can stop at the cap.
     */
    private void prettyPrint(byte[] bytes, Writer out) throws IOException {
        try (JsonParser parser = Jackson.FACTORY.createParser(bytes);
             JsonGenerator generator = Jackson.FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            if (parser.nextToken() == null) {
                throw new JsonParseException(parser, "No content: the payload is empty or only whitespace");
            }
            do {
                generator.copyCurrentEventExact(parser);
            } while (parser.nextToken() != null);
        }
    }

    private static JsonResult invalid(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        String problem = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int newline = problem.indexOf('\n');
        return new JsonResult.Invalid(line, column, newline < 0 ? problem : problem.substring(0, newline));
    }

    /** Keeps the first {@code cap} chars and counts the rest, so the user can be told how much was left out. */
    private static final class CappedWriter extends Writer {
        private final StringBuilder kept = new StringBuilder();
        private final int cap;
        private long total;

        CappedWriter(int cap) {
            this.cap = cap;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            int room = cap - kept.length();
            if (room > 0) {
                kept.append(cbuf, off, Math.min(room, len));
            }
            total += len;
        }

        String kept() {
            // Never end on half a surrogate pair when the cap falls between its two chars.
            int end = kept.length();
            if (end > 0 && total > end && Character.isHighSurrogate(kept.charAt(end - 1))) {
                end--;
            }
            return kept.substring(0, end);
        }

        long total() {
            return total;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
