package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameRules;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.frame.WireHeaderParser;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import dev.wsinspector.transport.deflate.PermessageDeflateDraft;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.exceptions.IncompleteHandshakeException;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ClientHandshakeBuilder;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.protocols.IProtocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client {@link org.java_websocket.drafts.Draft_6455 draft} that records every frame in both directions, exactly as on the wire, into a
 * {@link FrameStore}, and keeps the opening handshake as it happened (see DESIGN.md "Frame capture").
 *
 * <ul>
 *   <li>Inbound: {@link #translateFrame} reads every socket read itself ({@link InboundReader}): a whole
 *       uncompressed TEXT/BINARY message is stored straight from the read buffer (its UTF-8 checked, 1007 when
 *       invalid) and never reaches the library; the frames the library must handle (control frames, fragments,
 *       compressed and unusual ones) are checked against RFC 6455 ({@link FrameRules}: the library lets a masked
 *       frame or a 1-byte close payload through) and handed to it, and their wire headers are read before it
 *       decodes them (the library drops MASK bit, key and wire length, and decompresses), see
 *       {@link InboundCapture}.</li>
 *   <li>Outbound: {@link #createBinaryFrame} keeps the payload before the extension compresses it and reads
 *       the true header from the wire bytes the library made (its own PONG/CLOSE frames misreport the mask).</li>
 *   <li>Handshake: the request is written by {@link #createHandshake} in a browser-like order with the extra
 *       headers in the caller's order (duplicates kept); a non-101 answer is read in full before the
 *       library's {@link InvalidHandshakeException} is passed on.</li>
 *   <li>{@link #copyInstance} returns a {@code TappingDraft}: the library copies the draft per connection,
 *       and a plain copy would silently drop all of the above.</li>
 * </ul>
 */
public class TappingDraft extends PermessageDeflateDraft {

    /** Largest refusal body kept (and waited for) after a non-101 answer. */
    static final int MAX_REFUSAL_BODY = 64 * 1024;

    private static final List<String> LIBRARY_HEADER_ORDER = List.of("Host", "Upgrade", "Connection",
            "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol");

    private final FrameStore store;
    private final CaptureObserver observer;
    private final List<HttpHeader> extraHeaders;
    private final FrameRecorder recorder;
    private final InboundReader reader;
    private final boolean lenient;

    /** Guards outbound capture: frames are created on the send thread, the read thread (pong, close echo) and the library's ping timer. */
    private final Object outLock = new Object();
    private final OutboundHeaderReader outHeader = new OutboundHeaderReader();
    private boolean outCompressedMessage;

    private volatile Handshake request;
    /** True once we sent a close frame before receiving one (see {@link #processFrame}). */
    private volatile boolean closeSentFirst;
    private volatile boolean closeReceived;
    /** A fragmented data message is in progress (read thread only); the library must see all of it. */
    private boolean fragmentedMessage;

    /**
     * @param extensions   extensions to offer (e.g. permessage-deflate); the library adds the no-op default
     * @param protocols    subprotocols to offer, in preference order (a {@code Protocol("")} accepts none)
     * @param maxFrameSize largest incoming frame payload; bigger ones close the connection with 1009
     * @param extraHeaders handshake headers to add, in order; one with a library header's name replaces it
     * @param lenient      report the server's violations of RFC 6455 ({@link CaptureObserver#onViolation}) and
     *                     keep the connection open, instead of failing it with 1002 (or 1007)
     */
    public TappingDraft(List<IExtension> extensions, List<IProtocol> protocols, int maxFrameSize,
                        List<HttpHeader> extraHeaders, FrameStore store, CaptureObserver observer, boolean lenient) {
        super(extensions, protocols, maxFrameSize);
        this.store = store;
        this.observer = observer;
        this.extraHeaders = List.copyOf(extraHeaders);
        this.lenient = lenient;
        this.recorder = new FrameRecorder(store, observer);
        InboundCapture inbound = new InboundCapture(recorder, this::extensionNegotiated);
        this.reader = new InboundReader(store, inbound, observer, super::translateFrame, maxFrameSize, lenient,
                () -> extensionNegotiated() ? FrameRules.RSV1 : 0);
    }

    /** A strict draft (every violation of RFC 6455 fails the connection). */
    public TappingDraft(List<IExtension> extensions, List<IProtocol> protocols, int maxFrameSize,
                        List<HttpHeader> extraHeaders, FrameStore store, CaptureObserver observer) {
        this(extensions, protocols, maxFrameSize, extraHeaders, store, observer, false);
    }

    /** A plain RFC 6455 draft with no extensions or subprotocols that records into {@code store}. */
    public TappingDraft(FrameStore store) {
        this(List.of(), List.of(new org.java_websocket.protocols.Protocol("")), Integer.MAX_VALUE, List.of(), store,
                CaptureObserver.NONE);
    }

    /** The upgrade request as sent, or null before it was written. */
    public Handshake request() {
        return request;
    }

    @Override
    public Draft copyInstance() {
        return new TappingDraft(copyExtensions(), copyProtocols(), getMaxFrameSize(), extraHeaders, store, observer,
                lenient);
    }

    // ---- inbound frames ----

    /**
     * Called by the library for each socket read: the {@link InboundReader} stores every frame and returns only
     * those the library must process (control frames, fragments, compressed and unusual frames).
     */
    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        return reader.translate(buffer);
    }

    @Override
    public void reset() {
        super.reset();
        reader.reset();
    }

    @Override
    public void processFrame(WebSocketImpl ws, Framedata frame) throws InvalidDataException {
        org.java_websocket.enums.Opcode op = frame.getOpcode();
        boolean dataStart = op == org.java_websocket.enums.Opcode.TEXT || op == org.java_websocket.enums.Opcode.BINARY;
        if (dataStart && frame.isFin() && !fragmentedMessage) {
            // A whole message in one frame that the InboundReader delegated (compressed, say): it is captured
            // already, and the library's translateFrame validated its UTF-8 except for a sequence cut off at the
            // end, which only its String decoding for onMessage would notice. That String is not needed (this
            // client ignores onMessage), so the end is checked here instead.
            if (op == org.java_websocket.enums.Opcode.TEXT && !Utf8Validator.endsComplete(frame.getPayloadData())) {
                InvalidDataException e = new InvalidDataException(CloseFrame.NO_UTF8,
                        "Received text ends in an incomplete UTF-8 sequence");
                observer.onProtocolError(e, null);
                throw e;
            }
            return;
        }
        if (frame.getOpcode() == org.java_websocket.enums.Opcode.CLOSING) {
            closeReceived = true;
            if (closeSentFirst && ws.getReadyState() == ReadyState.OPEN) {
                // The reply to our close. The connection sends its close while the library still counts as
                // open, so that the reply is read and captured at all (in CLOSING the client stops decoding);
                // finish here instead of letting the library echo a second close frame.
                CloseFrame close = (CloseFrame) frame;
                ws.closeConnection(close.getCloseCode(), close.getMessage(), true);
                return;
            }
        }
        try {
            super.processFrame(ws, frame);
        } catch (InvalidDataException e) {
            observer.onProtocolError(e, null);
            throw e;
        }
        if (dataStart && !frame.isFin()) {
            fragmentedMessage = true;
        } else if (op == org.java_websocket.enums.Opcode.CONTINUOUS && frame.isFin()) {
            fragmentedMessage = false;
        }
    }

    private boolean extensionNegotiated() {
        return getExtension().getClass() != DefaultExtension.class;
    }

    // ---- outbound frames ----

    @Override
    public ByteBuffer createBinaryFrame(Framedata framedata) {
        if (framedata instanceof CraftedWrite crafted) {
            synchronized (outLock) {
                return crafted.capture(recorder); // past the encoder: the bytes as given
            }
        }
        synchronized (outLock) {
            // The extension replaces the payload with its compressed form and masking consumes the buffer.
            ByteBuffer plain = framedata.getPayloadData().duplicate();
            ByteBuffer wire = super.createBinaryFrame(framedata);
            WireHeader header = outHeader.read(wire);
            boolean inflated;
            if (header.opcode().isDataStart()) {
                outCompressedMessage = header.rsv1() && extensionNegotiated();
                inflated = outCompressedMessage;
            } else {
                inflated = header.opcode() == Opcode.CONTINUATION && outCompressedMessage;
            }
            if (header.opcode() == Opcode.CLOSE && !closeReceived) {
                closeSentFirst = true;
            }
            recorder.record(Direction.OUT, header, inflated, plain);
            return wire;
        }
    }

    /** Reads the header of one complete frame of wire bytes, reusing one parser. */
    private static final class OutboundHeaderReader implements WireHeaderParser.Listener {
        private final WireHeaderParser parser = new WireHeaderParser(this);
        private WireHeader header;

        WireHeader read(ByteBuffer wire) {
            parser.reset();
            parser.feed(wire);
            return header;
        }

        @Override
        public void onHeader(WireHeader h) {
            header = h;
        }
    }

    // ---- handshake ----

    @Override
    public ClientHandshakeBuilder postProcessHandshakeRequestAsClient(ClientHandshakeBuilder request) {
        ClientHandshakeBuilder built = super.postProcessHandshakeRequestAsClient(request);
        // The library checks the answer against these fields (the key, above all), so overrides go in too.
        for (HttpHeader h : extraHeaders) {
            built.put(h.name(), h.value());
        }
        return built;
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata data, boolean withContent) {
        if (!(data instanceof ClientHandshake client)) {
            return super.createHandshake(data, withContent);
        }
        Set<String> overridden = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        extraHeaders.forEach(h -> overridden.add(h.name()));
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = data.iterateHttpFields(); it.hasNext(); ) {
            names.add(it.next());
        }
        names.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        List<HttpHeader> headers = new ArrayList<>();
        for (String name : names) {
            if (!overridden.contains(name)) {
                headers.add(new HttpHeader(canonical(name), data.getFieldValue(name)));
            }
        }
        headers.addAll(extraHeaders);
        Handshake sent = new Handshake("GET " + client.getResourceDescriptor() + " HTTP/1.1", headers, 0, "",
                List.of(), new byte[0]);
        this.request = sent;
        observer.onRequestSent(sent);
        return Collections.singletonList(ByteBuffer.wrap(sent.rawRequest().getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static int rank(String name) {
        for (int i = 0; i < LIBRARY_HEADER_ORDER.size(); i++) {
            if (LIBRARY_HEADER_ORDER.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return LIBRARY_HEADER_ORDER.size();
    }

    private static String canonical(String name) {
        for (String known : LIBRARY_HEADER_ORDER) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name;
    }

    @Override
    public Handshakedata translateHandshake(ByteBuffer buf) throws InvalidHandshakeException {
        int start = buf.position();
        try {
            Handshakedata answer = super.translateHandshake(buf);
            HttpHead head = HttpHead.parse(buf, start, buf.position());
            if (head != null) {
                observer.onResponse(response(head, new byte[0]), true);
            }
            return answer;
        } catch (InvalidHandshakeException e) {
            return refusal(buf, start, e);
        }
    }

    /**
     * The library rejects a non-101 answer as soon as it has the status line. Keep status, headers and body
     * for the user: while the head or a body announced by Content-Length is still arriving, ask the library
     * for more bytes; then report the answer and pass the library's exception on.
     */
    private Handshakedata refusal(ByteBuffer buf, int start, InvalidHandshakeException rejection)
            throws InvalidHandshakeException {
        int limit = buf.limit();
        HttpHead head = HttpHead.parse(buf, start, limit);
        if (head == null) {
            throw waitForMore(buf, start, limit);
        }
        int bodyStart = start + head.headLength();
        int available = limit - bodyStart;
        long wanted = Math.min(head.contentLength().orElse(available), MAX_REFUSAL_BODY);
        byte[] body = new byte[(int) Math.min(available, wanted)];
        buf.duplicate().position(bodyStart).get(body);
        boolean complete = available >= wanted;
        observer.onResponse(response(head, body), complete);
        if (!complete) {
            throw waitForMore(buf, start, limit);
        }
        throw rejection;
    }

    /** Makes the library keep these bytes and call again when more arrived. */
    private static IncompleteHandshakeException waitForMore(ByteBuffer buf, int start, int limit) {
        buf.position(start);
        return new IncompleteHandshakeException(limit - start + 4096);
    }

    private Handshake response(HttpHead head, byte[] body) {
        Handshake sent = request;
        return new Handshake(sent == null ? "" : sent.requestLine(), sent == null ? List.of() : sent.requestHeaders(),
                head.statusCode(), head.startLine(), head.headers(), body);
    }

    @Override
    public String toString() {
        return "TappingDraft(" + super.toString() + ")";
    }
}
