package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WholeMessage;
import dev.wsinspector.core.session.ConnectionEvent;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Find in capture: the next (or previous) row, from a starting row on, whose text contains a query, ignoring
 * case. Plain code without JavaFX; it runs on a background worker over a {@link Rows} snapshot taken on the FX
 * thread, and stops with a {@link CancellationException} when its thread is interrupted (a newer search).
 *
 * <p>What is matched: text, continuation, ping and pong frames by their payload read as UTF-8 (malformed bytes
 * replaced); close frames by their reason; event rows by their preview text; binary frames by their bytes, the query
 * taken as UTF-8 with ASCII letters folded. A query {@code hex:DE AD BE EF} looks for those bytes in every frame's
 * payload instead. The first frame of a fragmented message is matched by the whole message (its fragments' payloads
 * one after the other), so a text split across fragments is found on the message's row. Only the first
 * {@link #SCAN_BYTES} of each payload (or whole message) are read. Rows cleared from view, and rows a
 * filter hides ({@link Rows#frameMatches()}), are not searched. {@link #count} says how many rows match in all.
 */
public final class FrameSearch {

    /** Bytes of each payload that are searched (a match further into a frame is not found). */
    public static final int SCAN_BYTES = 64 * 1024;
    private static final RowFormatter EVENT_TEXT = new RowFormatter(ZoneOffset.UTC);

    /**
     * The rows a search walks: absolute rows {@code [firstRow, endRow)} made of the store's frames and the events
     * at {@code eventRows} (strictly increasing absolute rows, one per event).
     */
    public record Rows(FrameStore store, MessageKinds kinds, List<ConnectionEvent> events, long[] eventRows,
                       long firstRow, long endRow, MatchSet frameMatches, MatchSet eventMatches) {
        public Rows {
            Objects.requireNonNull(store, "store");
            if (events.size() != eventRows.length) {
                throw new IllegalArgumentException("one row per event");
            }
        }

        /** Every row, no filter. */
        public Rows(FrameStore store, MessageKinds kinds, List<ConnectionEvent> events, long[] eventRows,
                    long firstRow, long endRow) {
            this(store, kinds, events, eventRows, firstRow, endRow, null, null);
        }
    }

    /** How many rows match: {@code before} the given row, and in all. */
    public record Count(long before, long total) {
    }

    /**
     * A row found.
     *
     * @param row     absolute row
     * @param seq     the frame's sequence number, or -1 for an event row
     * @param wrapped true when the search passed the end (or, going back, the start) to get here
     */
    public record Match(long row, long seq, boolean wrapped) {
        public boolean isFrame() {
            return seq >= 0;
        }
    }

    private final Rows rows;
    private final String needle;
    private final byte[] buffer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(SCAN_BYTES);

    /** The bytes a binary frame is searched for: the query's UTF-8 (ASCII letters folded), or a hex query's. */
    private final byte[] bytes;
    private final boolean hex;

    /** @throws IllegalArgumentException for a {@code hex:} query that is not pairs of hex digits */
    public FrameSearch(Rows rows, String query) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.hex = query.regionMatches(true, 0, "hex:", 0, 4);
        this.needle = hex ? "" : query.toLowerCase(Locale.ROOT);
        this.bytes = hex ? hexBytes(query.substring(4)) : needle.getBytes(StandardCharsets.UTF_8);
        this.buffer = new byte[SCAN_BYTES];
    }

    private static byte[] hexBytes(String digits) {
        String h = digits.replaceAll("[\\s:]", "");
        if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("hex: needs pairs of hex digits, e.g. hex:DEADBEEF");
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private boolean empty() {
        return hex ? bytes.length == 0 : needle.isEmpty();
    }

    /**
     * Counts the matching rows, all of them and those before {@code row}, over the whole of {@link Rows}.
     *
     * @throws CancellationException when the thread is interrupted
     */
    public Count count(long row) {
        long before = 0;
        long total = 0;
        if (empty()) {
            return new Count(0, 0);
        }
        for (long r = rows.firstRow(); r < rows.endRow(); r++) {
            if (((r - rows.firstRow()) & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("superseded");
            }
            if (test(r, false) != null) {
                total++;
                if (r < row) {
                    before++;
                }
            }
        }
        return new Count(before, total);
    }

    /**
     * Finds the first matching row after {@code from} (before it when {@code forward} is false), wrapping around
     * once; {@code from} itself is looked at last. {@code from} outside the rows starts at the first row (going
     * forward) or the last (going back). Returns null when no row matches or the query is empty.
     */
    public Match find(long from, boolean forward) {
        long first = rows.firstRow();
        long count = rows.endRow() - first;
        if (empty() || count <= 0) {
            return null;
        }
        long start;
        if (from < first || from >= rows.endRow()) {
            start = forward ? first : rows.endRow() - 1;
        } else {
            start = forward ? (from + 1 < rows.endRow() ? from + 1 : first) : (from > first ? from - 1 : rows.endRow() - 1);
        }
        boolean wrapped = from >= first && from < rows.endRow()
                && (forward ? start <= from : start >= from);
        long row = start;
        for (long i = 0; i < count; i++) {
            if ((i & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("superseded");
            }
            Match match = test(row, wrapped);
            if (match != null) {
                return match;
            }
            if (forward) {
                row++;
                if (row == rows.endRow()) {
                    row = first;
                    wrapped = true;
                }
            } else {
                row--;
                if (row < first) {
                    row = rows.endRow() - 1;
                    wrapped = true;
                }
            }
        }
        return null;
    }

    private Match test(long row, boolean wrapped) {
        int found = Arrays.binarySearch(rows.eventRows(), row);
        if (found >= 0) {
            if (hex || (rows.eventMatches() != null && !rows.eventMatches().contains(found))) {
                return null;
            }
            String text = EVENT_TEXT.eventRow(row + 1, rows.events().get(found), TimeMode.ABSOLUTE, -1, -1).preview();
            return text.toLowerCase(Locale.ROOT).contains(needle) ? new Match(row, -1, wrapped) : null;
        }
        long seq = row - (-found - 1);
        if (rows.frameMatches() != null && !rows.frameMatches().contains(seq)) {
            return null;
        }
        return frameContains(seq) ? new Match(row, seq, wrapped) : null;
    }

    /** Whether frame {@code seq}'s text (first {@link #SCAN_BYTES}) contains the query, ignoring case. */
    boolean frameContains(long seq) {
        FrameStore store = rows.store();
        Opcode opcode = store.opcode(seq);
        int whole = wholeMessage(seq);
        if (whole >= 0) { // a fragmented message's first row stands for the whole message
            return hex ? bytesIn(whole, false) : opcode == Opcode.BINARY ? bytesIn(whole, true) : textIn(whole);
        }
        if (hex) {
            return bytesContain(seq, 0, false);
        }
        int skip;
        switch (opcode) {
            case TEXT, PING, PONG -> skip = 0;
            case CONTINUATION -> {
                if (!rows.kinds().isText(seq)) {
                    return bytesContain(seq, 0, true); // a fragment of a binary message: its bytes
                }
                skip = 0;
            }
            case CLOSE -> skip = 2;
            case BINARY -> {
                return bytesContain(seq, 0, true);
            }
            default -> {
                return false;
            }
        }
        int length = store.payloadLength(seq) - skip;
        if (length < needle.length()) {
            // Fewer bytes than the query has characters (each character is at least one byte).
            return false;
        }
        return textIn(store.readPayload(seq, skip, buffer, 0, Math.min(length, SCAN_BYTES)));
    }

    /**
     * For the first frame of a fragmented message with continuations, reads the whole message's first
     * {@link #SCAN_BYTES} (across its fragments) into the buffer and returns how many; else -1.
     */
    private int wholeMessage(long seq) {
        FrameStore store = rows.store();
        if ((store.firstByte(seq) & 0x80) != 0) {
            return -1;
        }
        WholeMessage message = WholeMessage.starting(store, seq).orElse(null);
        if (message == null || message.frames() < 2) {
            return -1;
        }
        byte[] prefix = message.prefix(store, SCAN_BYTES);
        System.arraycopy(prefix, 0, buffer, 0, prefix.length);
        return prefix.length;
    }

    /** Whether the first {@code n} bytes of the buffer, read as UTF-8, contain the query, ignoring case. */
    private boolean textIn(int n) {
        chars.clear();
        decoder.reset();
        decoder.decode(ByteBuffer.wrap(buffer, 0, n), chars, true);
        chars.flip();
        return containsIgnoreCase(chars, needle);
    }

    /** Whether the payload (from {@code skip}, first {@link #SCAN_BYTES}) holds {@link #bytes}, ASCII letters folded. */
    private boolean bytesContain(long seq, int skip, boolean fold) {
        int length = rows.store().payloadLength(seq) - skip;
        if (length < bytes.length) {
            return false;
        }
        return bytesIn(rows.store().readPayload(seq, skip, buffer, 0, Math.min(length, SCAN_BYTES)), fold);
    }

    /** Whether the first {@code n} bytes of the buffer hold {@link #bytes}, ASCII letters folded. */
    private boolean bytesIn(int n, boolean fold) {
        outer:
        for (int i = 0; i <= n - bytes.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                byte b = buffer[i + j];
                if (fold && b >= 'A' && b <= 'Z') {
                    b += 32;
                }
                if (b != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean containsIgnoreCase(CharSequence haystack, String lowerNeedle) {
        int last = haystack.length() - lowerNeedle.length();
        char head = lowerNeedle.charAt(0);
        for (int i = 0; i <= last; i++) {
            if (lower(haystack.charAt(i)) != head) {
                continue;
            }
            int j = 1;
            while (j < lowerNeedle.length() && lower(haystack.charAt(i + j)) == lowerNeedle.charAt(j)) {
                j++;
            }
            if (j == lowerNeedle.length()) {
                return true;
            }
        }
        return false;
    }

    private static char lower(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }
}
