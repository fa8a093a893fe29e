package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameRules;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.ProtocolViolation;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.frame.WireHeaderParser;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The inbound side of {@link TappingDraft#translateFrame}: reads every socket read itself and stores the
 * common frame straight from the read buffer, and hands Java-WebSocket only the frames it must see.
 *
 * <h2>Fast frames</h2>
 * A frame is <em>fast</em> when it is a whole message in one frame as the server normally sends it: FIN set,
 * opcode TEXT or BINARY, no RSV bit (so not compressed), not masked, a length within the connection's
 * maximum, and no fragmented message in progress. Its payload is copied once, from the read buffer into the
 * store (or, when it spans reads, into one reused buffer first); a text payload is checked to be valid UTF-8
 * ({@link Utf8Validator}, eight ASCII bytes at a time), and invalid text fails the connection with 1007 as
 * the library would (its {@code InvalidDataException(CloseFrame.NO_UTF8)}), after the frame was stored.
 * The library never sees a fast frame: it would only validate it again and build a {@code String} for
 * {@code onMessage}, which this client ignores — that was 70 % of the read thread.
 *
 * <h2>Delegated frames</h2>
 * Everything else — control frames, fragments, compressed, masked or oversized frames, unknown opcodes,
 * RSV bits without an extension — is <em>delegated</em>: its bytes, and only those, are handed to the
 * library's own {@code translateFrame} (through {@link InboundCapture}, which pairs what the library decodes
 * with the wire headers, exactly as for the whole stream before). Consecutive delegated frames of one read go
 * in one call. The library thus sees a stream that consists of whole delegated frames, cut at the same
 * places as the socket reads cut them: its own state — the partial frame it keeps between reads
 * ({@code incompleteframe}), the continuation sequence, the extension that decodes continuations, and
 * permessage-deflate's context — is exactly what it would be had the server sent only those frames, and
 * every decision it makes (1002, 1009, 1007 for fragmented text, pongs, the close handshake) is its own.
 *
 * <h2>Frames cut by a read</h2>
 * This reader owns every partial frame across reads: a header cut off is kept here (at most 14 bytes) until
 * it is complete, and only then is the frame classified; a fast frame's payload is gathered here; a
 * delegated frame's remaining bytes go to the library as they arrive (the library then holds its partial
 * frame, as it would for any frame). A delegated frame whose header was cut off gets that header from here,
 * in a call of its own, before the rest. So the library never holds a partial frame while a fast frame is
 * read, and the two never interleave inside one frame.
 *
 * <h2>Protocol rules</h2>
 * Each delegated frame's header is checked against RFC 6455 ({@link FrameRules}) before the library sees any of
 * it, and a close frame's payload too, so a close frame is held here until all of it arrived (at most 139
 * bytes). A fast frame breaks no rule by construction. A frame that breaks one is stored from the raw bytes,
 * with whatever part of it arrived in this read, and never reaches the library. By default the read then fails
 * with the rule's close code (1002, or 1007), as the library fails for the errors it finds itself; a lenient
 * reader reports the violation, skips the frame's remaining bytes (storing them) and goes on, except that a
 * frame whose only fault is its mask is handed to the library as usual, and a 64-bit length with its top bit
 * set always fails (nothing after it can be found).
 *
 * <h2>Order and time</h2>
 * Frames are stored in wire order: a run of delegated frames is decoded and stored before the fast frame
 * after it. All fast frames of one read carry one capture time, taken when the read is handed over (and again
 * after each delegated run and whenever another frame was stored in between — one we sent, say — so times never
 * go backwards). After a protocol error, the rest of that read is
 * stored from the raw bytes, and later reads (there are normally none: the library stops decoding) take the
 * library's path for everything.
 *
 * <p>Used on the socket read thread only.
 */
final class InboundReader {

    /** Decodes delegated bytes: the library's {@code translateFrame}. */
    @FunctionalInterface
    interface LibraryDecoder {
        List<Framedata> decode(ByteBuffer bytes) throws InvalidDataException;
    }

    private static final int BETWEEN = 0;
    private static final int HEADER = 1;
    private static final int FAST_PAYLOAD = 2;
    private static final int DELEGATED = 3;
    /** A close frame gathered in {@link #held} until its payload can be checked. */
    private static final int HELD = 4;
    /** A frame that broke a rule, read past in lenient mode (stored, never handed to the library). */
    private static final int SKIPPED = 5;
    private static final int MAX_HEADER = 14;
    private static final int MAX_CONTROL_PAYLOAD = 125;
    /** What {@link #verdict} decides for a delegated frame. */
    private static final int PASS = 0;
    private static final int HOLD = 1;
    private static final int REJECT = 2;
    /** A gathering buffer up to this size is kept for the next fast frame that spans reads. */
    static final int KEEP_GATHER_BYTES = 1 << 20;

    private final FrameStore store;
    private final InboundCapture inbound;
    private final CaptureObserver observer;
    private final LibraryDecoder library;
    private final int maxFrameSize;
    private final boolean lenient;
    /** RSV bits the negotiated extension defines ({@link FrameRules#RSV1} with permessage-deflate). */
    private final IntSupplier extensionRsv;

    private int state = BETWEEN;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerFill;
    /** Bytes of the delegated frame in progress not handed to the library yet. */
    private long delegatedLeft;
    /** A data message of delegated fragments is in progress (in wire order, as the library will see it). */
    private boolean fragmented;
    /** After a protocol error: every read takes the library's path. */
    private boolean broken;

    /** The close frame being held, header and payload as on the wire. */
    private final byte[] held = new byte[MAX_HEADER + MAX_CONTROL_PAYLOAD];
    private int heldFill;
    private int heldNeed;
    private WireHeader heldHeader;
    /** The rule the frame {@link #verdict} rejected broke. */
    private ProtocolViolation rejected;
    /** Lenient: violations of frames handed to the library, reported once the frames are stored. */
    private final List<Flag> flags = new ArrayList<>(2);

    private record Flag(ProtocolViolation violation, WireHeader header) {
    }

    /** Lenient: the frame being skipped, its bytes not yet read, and the rule it broke. */
    private long skipLeft;
    private WireHeader skippedHeader;
    private ProtocolViolation skippedViolation;

    /** The fast frame being gathered across reads. */
    private WireHeader gatherHeader;
    private byte[] gather = new byte[0];
    private int gatherFill;
    private ByteBuffer gatherView = ByteBuffer.wrap(gather);

    /** The last header made; reused when the next one is identical (records are immutable). */
    private WireHeader previous;
    private byte[] viewOf;
    private ByteBuffer payloadView;
    private ByteBuffer pieceView;
    private final ByteBuffer headerPiece = ByteBuffer.wrap(header);
    /** Capture time of the fast frames of the current read. */
    private long now;
    /** The store's size after this reader's last append: another size means someone appended in between. */
    private long expectedSize;
    /** Frames the library decoded during the current read; null while none. */
    private List<Framedata> decoded;
    /** Index in the current read up to which every byte was stored or handed to the library. */
    private int handled;

    /**
     * @param lenient      report violations of RFC 6455 and go on instead of failing the connection
     * @param extensionRsv the RSV bits the negotiated extension defines, asked for each delegated frame
     */
    InboundReader(FrameStore store, InboundCapture inbound, CaptureObserver observer, LibraryDecoder library,
                  int maxFrameSize, boolean lenient, IntSupplier extensionRsv) {
        this.store = store;
        this.inbound = inbound;
        this.observer = observer;
        this.library = library;
        this.maxFrameSize = maxFrameSize;
        this.lenient = lenient;
        this.extensionRsv = extensionRsv;
    }

    /** Forgets any partial frame (the library's {@code reset}). */
    void reset() {
        state = BETWEEN;
        headerFill = 0;
        delegatedLeft = 0;
        fragmented = false;
        gatherHeader = null;
        gatherFill = 0;
        heldFill = 0;
        heldHeader = null;
        skipLeft = 0;
        skippedHeader = null;
        skippedViolation = null;
    }

    /** Reads all of {@code buffer}; returns the frames the library must process, in wire order. */
    List<Framedata> translate(ByteBuffer buffer) throws InvalidDataException {
        if (broken || !buffer.hasArray()) {
            return decodeByLibrary(buffer);
        }
        if (viewOf != buffer.array() || payloadView.capacity() != buffer.capacity()
                || payloadView.arrayOffset() != buffer.arrayOffset()) {
            // The library wraps the same array anew for every read: views of it are made once.
            viewOf = buffer.array();
            payloadView = buffer.duplicate();
            pieceView = buffer.duplicate();
        }
        decoded = null;
        now = store.clock().nanoTime();
        expectedSize = store.size();
        byte[] a = buffer.array();
        int base = buffer.arrayOffset();
        int entry = buffer.position();
        int limit = buffer.limit();
        int carriedHeader = headerFill;
        int p = entry;
        int runStart = -1;
        handled = entry;
        try {
            while (p < limit) {
                if (state == DELEGATED) {
                    if (runStart < 0) {
                        runStart = p;
                    }
                    int take = (int) Math.min(delegatedLeft, limit - p);
                    p += take;
                    delegatedLeft -= take;
                    if (delegatedLeft == 0) {
                        state = BETWEEN;
                    }
                    continue;
                }
                if (state >= HELD) {
                    p = heldOrSkipped(a, base, p, limit);
                    continue;
                }
                if (state == FAST_PAYLOAD) {
                    int len = (int) gatherHeader.payloadLength();
                    int take = Math.min(len - gatherFill, limit - p);
                    System.arraycopy(a, base + p, gather, gatherFill, take);
                    gatherFill += take;
                    p += take;
                    handled = p;
                    if (gatherFill == len) {
                        state = BETWEEN;
                        WireHeader h = gatherHeader;
                        gatherHeader = null;
                        if (gather.length > KEEP_GATHER_BYTES) {
                            byte[] big = gather;
                            gather = new byte[0];
                            gatherView = ByteBuffer.wrap(gather);
                            storeFast(h, big, 0, ByteBuffer.wrap(big, 0, len));
                        } else {
                            storeFast(h, gather, 0, gatherView.limit(len).position(0));
                        }
                    }
                    continue;
                }
                // Between frames, or in a header cut off by the previous read.
                int start = p;
                int b0;
                int b1;
                int at; // where the header's length field starts
                byte[] h;
                int headerLength;
                if (headerFill == 0 && (headerLength = wholeHeaderLength(a, base + p, limit - p)) > 0) {
                    h = a;
                    at = base + p;
                    p += headerLength;
                } else {
                    header[headerFill++] = a[base + p++];
                    headerLength = headerLengthSoFar();
                    if (headerFill < headerLength) {
                        state = HEADER;
                        continue;
                    }
                    h = header;
                    at = 0;
                    headerFill = 0;
                }
                state = BETWEEN;
                b0 = h[at] & 0xFF;
                b1 = h[at + 1] & 0xFF;
                long length = payloadLength(h, at, b1);
                int opcode = b0 & 0x0F;
                boolean fin = (b0 & 0x80) != 0;
                boolean fast = fin && (b0 & 0x70) == 0 && (opcode == 1 || opcode == 2) && (b1 & 0x80) == 0
                        && !fragmented && length >= 0 && length <= maxFrameSize;
                if (fast) {
                    if (runStart >= 0) {
                        decodeRun(runStart, start);
                        runStart = -1;
                    }
                    WireHeader wh = header(b0, length, headerLength);
                    int len = (int) length;
                    if (limit - p >= len) {
                        int from = p;
                        p += len;
                        handled = p;
                        storeFast(wh, a, base + from, payloadView.limit(from + len).position(from));
                    } else {
                        gatherHeader = wh;
                        if (gather.length < len) {
                            gather = new byte[len];
                            gatherView = ByteBuffer.wrap(gather);
                        }
                        gatherFill = limit - p;
                        System.arraycopy(a, base + p, gather, 0, gatherFill);
                        p = limit;
                        handled = p;
                        state = FAST_PAYLOAD;
                    }
                    continue;
                }
                // Delegated: checked against the rules, then the library sees this frame, header first.
                boolean carried = h == header && carriedHeader > 0;
                WireHeader wh = delegatedHeader(h, at, b0, b1, length, headerLength);
                int verdict = verdict(wh, a, base + p, limit - p);
                if (verdict != PASS) {
                    if (!carried && runStart >= 0) {
                        decodeRun(runStart, start);
                    }
                    runStart = -1;
                    if (verdict == HOLD) {
                        // The payload decides: keep the frame here until all of it is in.
                        hold(wh, h, at, a, base + p, limit - p);
                        p = limit;
                        handled = p;
                    } else {
                        p = reject(rejected, wh, carried ? entry : start, carried ? carriedHeader : 0, p, limit);
                        rejected = null;
                    }
                    carriedHeader = 0;
                    continue;
                }
                fragmented = FrameRules.messageOpenAfter(wh, fragmented);
                if (carried) {
                    // The header began in an earlier read: those bytes are only here. This frame starts the
                    // read, so nothing of this read is waiting for the library before it.
                    decodePiece(headerPiece.limit(carriedHeader).position(0));
                    carriedHeader = 0;
                    runStart = entry;
                } else if (runStart < 0) {
                    runStart = start;
                }
                delegatedLeft = length < 0 ? Long.MAX_VALUE : length; // a negative length: the library refuses it
                state = delegatedLeft == 0 ? BETWEEN : DELEGATED;
            }
            if (runStart >= 0) {
                // A header cut off at the end of the read stays here (it began in this read, after the run):
                // the library gets it with the frame, once the frame is known to be delegated.
                int from = runStart;
                runStart = -1;
                decodeRun(from, state == HEADER ? limit - headerFill : limit);
            }
        } catch (InvalidDataException | RuntimeException e) {
            broken = true;
            // What follows the failure in this read is kept from the raw bytes, as the library's path always
            // did (the bytes of a delegated run that failed were stored by InboundCapture already).
            if (handled < limit && !inbound.midFrame()) {
                inbound.beginChunk(pieceView.limit(limit).position(handled));
                inbound.storeUndecoded();
            }
            buffer.position(limit);
            throw e;
        }
        buffer.position(limit);
        List<Framedata> out = decoded;
        decoded = null;
        return out == null ? Collections.emptyList() : out;
    }

    /** The library's path for a whole read, as before the fast path existed. */
    private List<Framedata> decodeByLibrary(ByteBuffer buffer) throws InvalidDataException {
        decoded = null;
        decodePiece(buffer);
        List<Framedata> out = decoded;
        decoded = null;
        return out == null ? Collections.emptyList() : out;
    }

    private void decodeRun(int from, int to) throws InvalidDataException {
        handled = to; // should the library throw, InboundCapture has stored all of it
        decodePiece(pieceView.limit(to).position(from));
    }

    /** Hands delegated bytes to the library and stores what it decoded, with the wire headers. */
    private void decodePiece(ByteBuffer piece) throws InvalidDataException {
        inbound.beginChunk(piece);
        List<Framedata> frames;
        try {
            frames = library.decode(piece);
        } catch (InvalidDataException e) {
            inbound.storeUndecoded();
            reportFlags();
            observer.onProtocolError(e, inbound.lastHeader());
            throw e;
        } catch (RuntimeException e) {
            inbound.storeUndecoded();
            reportFlags();
            throw e;
        }
        inbound.storeDecoded(frames);
        reportFlags();
        if (!frames.isEmpty()) {
            if (decoded == null) {
                decoded = new ArrayList<>(frames.size() + 4);
            }
            decoded.addAll(frames);
        }
        now = store.clock().nanoTime(); // fast frames after these are not stamped before them
    }

    /**
     * Checks a delegated frame against the rules: {@link #PASS} (it goes to the library; a lenient reader flags a
     * bad mask on the way), {@link #HOLD} (a close frame whose payload is not all in: {@code available} bytes of it
     * are at {@code a[off]}) or {@link #REJECT} (the rule is in {@link #rejected}).
     */
    private int verdict(WireHeader wh, byte[] a, int off, int available) {
        ProtocolViolation violation = FrameRules.checkHeader(wh, FrameRules.Sender.SERVER, fragmented,
                extensionRsv.getAsInt());
        boolean passable = violation == null || (lenient && FrameRules.onlyMasking(violation));
        if (passable && wh.opcode() == Opcode.CLOSE) {
            if (available < wh.payloadLength()) {
                return HOLD;
            }
            ProtocolViolation payload = closeViolation(wh, a, off);
            if (payload != null) {
                violation = payload;
                passable = false;
            }
        }
        if (!passable) {
            rejected = violation;
            return REJECT;
        }
        if (violation != null) {
            flags.add(new Flag(violation, wh)); // lenient, and only the mask is wrong
        }
        return PASS;
    }

    /** Reads on in a held close frame or a skipped one; returns the index after what this read had of it. */
    private int heldOrSkipped(byte[] a, int base, int p, int limit) throws InvalidDataException {
        if (state == HELD) {
            int take = Math.min(heldNeed - heldFill, limit - p);
            System.arraycopy(a, base + p, held, heldFill, take);
            heldFill += take;
            handled = p + take;
            if (heldFill == heldNeed) {
                state = BETWEEN;
                releaseHeld();
            }
            return p + take;
        }
        int take = (int) Math.min(skipLeft, limit - p);
        inbound.beginChunk(pieceView.limit(p + take).position(p));
        inbound.storeDecoded(Collections.emptyList());
        handled = p + take;
        skipLeft -= take;
        if (skipLeft == 0) {
            state = BETWEEN;
            observer.onViolation(skippedViolation, skippedHeader, false);
            skippedHeader = null;
            skippedViolation = null;
        }
        return p + take;
    }

    /** The header of a delegated frame, mask key included (header bytes at {@code h[at]}). */
    private static WireHeader delegatedHeader(byte[] h, int at, int b0, int b1, long length, int headerLength) {
        boolean masked = (b1 & 0x80) != 0;
        int key = 0;
        if (masked) {
            int k = at + headerLength - 4;
            key = ((h[k] & 0xFF) << 24) | ((h[k + 1] & 0xFF) << 16) | ((h[k + 2] & 0xFF) << 8) | (h[k + 3] & 0xFF);
        }
        return new WireHeader((b0 & 0x80) != 0, (b0 & 0x40) != 0, (b0 & 0x20) != 0, (b0 & 0x10) != 0,
                Opcode.of(b0), masked, key, length, headerLength);
    }

    /** The rule a whole close frame's payload at {@code a[off]} breaks, or null. */
    private static ProtocolViolation closeViolation(WireHeader h, byte[] a, int off) {
        int len = (int) h.payloadLength();
        if (!h.masked()) {
            return FrameRules.checkClosePayload(a, off, off + len);
        }
        byte[] plain = java.util.Arrays.copyOfRange(a, off, off + len);
        WireHeaderParser.unmask(plain, 0, len, h.maskKey(), 0);
        return FrameRules.checkClosePayload(plain, 0, len);
    }

    /** Starts holding a close frame: its header at {@code h[at]}, and the {@code n} payload bytes at {@code a[off]}. */
    private void hold(WireHeader wh, byte[] h, int at, byte[] a, int off, int n) {
        int headerLength = wh.headerLength();
        System.arraycopy(h, at, held, 0, headerLength);
        System.arraycopy(a, off, held, headerLength, n);
        heldFill = headerLength + n;
        heldNeed = (int) wh.wireLength();
        heldHeader = wh;
        state = HELD;
    }

    /** The held close frame is complete: check its payload, then hand it to the library or reject it. */
    private void releaseHeld() throws InvalidDataException {
        WireHeader wh = heldHeader;
        heldHeader = null;
        ProtocolViolation violation = closeViolation(wh, held, wh.headerLength());
        ByteBuffer frame = ByteBuffer.wrap(held, 0, heldNeed);
        if (violation == null) {
            ProtocolViolation masking = FrameRules.checkHeader(wh, FrameRules.Sender.SERVER, fragmented, 0);
            if (masking != null) {
                flags.add(new Flag(masking, wh)); // lenient: held only when the mask was all that was wrong
            }
            decodePiece(frame);
            return;
        }
        inbound.beginChunk(frame);
        if (violation.rule() != ProtocolViolation.Rule.LENGTH_TOP_BIT && lenient) {
            inbound.storeDecoded(Collections.emptyList());
            observer.onViolation(violation, wh, false);
            return;
        }
        inbound.storeUndecoded();
        throw failing(violation, wh);
    }

    /**
     * A frame broke a rule: stores it (the bytes from {@code from}, plus {@code carried} header bytes of an
     * earlier read) and fails the read, or in lenient mode skips the rest of the frame. The frame's payload
     * starts at {@code p}; returns the index after the part of it in this read.
     */
    private int reject(ProtocolViolation violation, WireHeader wh, int from, int carried, int p, int limit)
            throws InvalidDataException {
        long length = Math.max(0, wh.payloadLength());
        int available = (int) Math.min(length, limit - p);
        if (carried > 0) {
            inbound.beginChunk(headerPiece.limit(carried).position(0));
            inbound.storeDecoded(Collections.emptyList());
        }
        inbound.beginChunk(pieceView.limit(p + available).position(from));
        int end = p + available;
        handled = end;
        if (!lenient || violation.rule() == ProtocolViolation.Rule.LENGTH_TOP_BIT) {
            inbound.storeUndecoded();
            throw failing(violation, wh);
        }
        inbound.storeDecoded(Collections.emptyList());
        if (available < length) {
            skipLeft = length - available;
            skippedHeader = wh;
            skippedViolation = violation;
            state = SKIPPED;
        } else {
            observer.onViolation(violation, wh, false);
        }
        return end;
    }

    private void reportFlags() {
        if (!flags.isEmpty()) {
            for (Flag f : flags) {
                observer.onViolation(f.violation(), f.header(), false);
            }
            flags.clear();
        }
    }

    /** Reports a violation that fails the connection, and the exception that makes the library close with its code. */
    private InvalidDataException failing(ProtocolViolation violation, WireHeader wh) {
        observer.onViolation(violation, wh, true);
        return new InvalidDataException(violation.closeCode(), violation.closeReason());
    }

    /** Stores a fast frame; {@code payload} holds exactly its bytes, which are also {@code a[off, off + len)}. */
    private void storeFast(WireHeader h, byte[] a, int off, ByteBuffer payload) throws InvalidDataException {
        if (store.size() != expectedSize) {
            // A frame was stored since (one we sent, or a delegated one): stamp later than it, so times stay in order.
            now = store.clock().nanoTime();
        }
        expectedSize = store.append(Direction.IN, h, false, now, payload) + 1;
        if (h.opcode() == Opcode.TEXT && !Utf8Validator.isValid(a, off, off + payload.remaining())) {
            // Stored first, as the library's path stores the offending frame; then fail as the library would.
            InvalidDataException e = new InvalidDataException(CloseFrame.NO_UTF8, "Received text is no valid utf8 string!");
            observer.onProtocolError(e, h);
            throw e;
        }
    }

    private WireHeader header(int b0, long length, int headerLength) {
        WireHeader last = previous;
        if (last != null && last.payloadLength() == length && last.firstByte() == b0 && !last.masked()
                && last.headerLength() == headerLength) {
            return last;
        }
        WireHeader made = new WireHeader((b0 & 0x80) != 0, (b0 & 0x40) != 0, (b0 & 0x20) != 0, (b0 & 0x10) != 0,
                Opcode.of(b0), false, 0, length, headerLength);
        previous = made;
        return made;
    }

    /** Length of the header at {@code a[i]} when all of it is among the {@code available} bytes, else 0. */
    private static int wholeHeaderLength(byte[] a, int i, int available) {
        if (available < 2) {
            return 0;
        }
        int b1 = a[i + 1];
        int len7 = b1 & 0x7F;
        int length = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((b1 & 0x80) != 0 ? 4 : 0);
        return available >= length ? length : 0;
    }

    /** Header length implied by the bytes in {@link #header} so far. */
    private int headerLengthSoFar() {
        if (headerFill < 2) {
            return 2;
        }
        int b1 = header[1];
        int len7 = b1 & 0x7F;
        return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((b1 & 0x80) != 0 ? 4 : 0);
    }

    /** The payload length field; negative when a 64-bit length has its top bit set (a protocol error). */
    private static long payloadLength(byte[] h, int at, int b1) {
        int len7 = b1 & 0x7F;
        if (len7 < 126) {
            return len7;
        }
        if (len7 == 126) {
            return ((h[at + 2] & 0xFFL) << 8) | (h[at + 3] & 0xFFL);
        }
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (h[at + i] & 0xFFL);
        }
        return length;
    }
}
