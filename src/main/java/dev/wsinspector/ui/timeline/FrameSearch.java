package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.frame.Opcode;
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
 * replaced); close frames by their reason; event rows by their preview text. Binary frames are skipped. Only the
 * first {@link #SCAN_BYTES} of each payload are read. Rows cleared from view are not searched.
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
                       long firstRow, long endRow) {
        public Rows {
            Objects.requireNonNull(store, "store");
            if (events.size() != eventRows.length) {
                throw new IllegalArgumentException("one row per event");
            }
        }
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

    public FrameSearch(Rows rows, String query) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.needle = query.toLowerCase(Locale.ROOT);
        this.buffer = new byte[SCAN_BYTES];
    }

    /**
     * Finds the first matching row after {@code from} (before it when {@code forward} is false), wrapping around
     * once; {@code from} itself is looked at last. {@code from} outside the rows starts at the first row (going
     * forward) or the last (going back). Returns null when no row matches or the query is empty.
     */
    public Match find(long from, boolean forward) {
        long first = rows.firstRow();
        long count = rows.endRow() - first;
        if (needle.isEmpty() || count <= 0) {
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
            String text = EVENT_TEXT.eventRow(row + 1, rows.events().get(found), TimeMode.ABSOLUTE, -1, -1).preview();
            return text.toLowerCase(Locale.ROOT).contains(needle) ? new Match(row, -1, wrapped) : null;
        }
        long seq = row - (-found - 1);
        return frameContains(seq) ? new Match(row, seq, wrapped) : null;
    }

    /** Whether frame {@code seq}'s text (first {@link #SCAN_BYTES}) contains the query, ignoring case. */
    boolean frameContains(long seq) {
        FrameStore store = rows.store();
        Opcode opcode = store.opcode(seq);
        int skip;
        switch (opcode) {
            case TEXT, PING, PONG -> skip = 0;
            case CONTINUATION -> {
                if (!rows.kinds().isText(seq)) {
                    return false; // a fragment of a binary message: no text to search
                }
                skip = 0;
            }
            case CLOSE -> skip = 2;
            default -> {
                return false;
            }
        }
        int length = store.payloadLength(seq) - skip;
        if (length < needle.length()) {
            // Fewer bytes than the query has characters (each character is at least one byte).
            return false;
        }
        int n = store.readPayload(seq, skip, buffer, 0, Math.min(length, SCAN_BYTES));
        chars.clear();
        decoder.reset();
        decoder.decode(ByteBuffer.wrap(buffer, 0, n), chars, true);
        chars.flip();
        return containsIgnoreCase(chars, needle);
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
