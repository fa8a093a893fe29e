package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * Writes a capture as pcapng (the Wireshark capture format, little-endian, one Ethernet interface with
 * microsecond timestamps) so Wireshark and tshark open it with their own HTTP and WebSocket dissectors.
 *
 * <p>The traffic is re-made as plain TCP: each connection attempt that reached the server ({@code Opened}, or a
 * {@code Failed} whose upgrade the server answered with a refusal) becomes one synthetic IPv4/TCP connection from
 * {@value #CLIENT_IP_TEXT}:{@code 50000+n} to {@value #SERVER_IP_TEXT}:80 (port 80, so Wireshark decodes HTTP
 * without options and follows the 101 upgrade into its WebSocket dissector, also for {@code wss://} URLs: the
 * capture holds the decrypted traffic). Each connection has a three-way handshake, the upgrade request and
 * response, every frame of the connection in capture order (sent frames client to server, received ones server
 * to client) and, at its {@code Closed} event, FIN/ACK both ways (the side that started the close first). TCP
 * sequence and acknowledgement numbers and the IPv4 and TCP checksums are correct; segments carry at most
 * {@value #MAX_SEGMENT} bytes, so a big frame spans several packets. The connection's URL is a comment on its
 * SYN packet.
 *
 * <p>Frames are rebuilt byte for byte from the store: the first header byte as on the wire (FIN, RSV, opcode),
 * the mask bit and key, the payload length in the same encoding as on the wire (a non-minimal 16- or 64-bit
 * length stays so), then the payload, masked again with its key. Exceptions:
 * <ul>
 *   <li>Frames of a permessage-deflate message ({@code inflated}) are stored decompressed only, so their payload
 *       is <b>compressed again</b> with {@link Deflater} (raw DEFLATE, sync flush, the trailing
 *       {@code 00 00 FF FF} removed from a message's last frame, RFC 7692): Wireshark inflates them to the same
 *       text, but those bytes and the length field are re-made, not the original ones. Each message is
 *       compressed on its own (no context from earlier messages), which every inflater reads, with or without
 *       context takeover.</li>
 *   <li>A frame cut short ({@code truncated}) keeps the length its header announced and is followed by only
 *       the bytes that were captured, as the connection ended there.</li>
 * </ul>
 *
 * <p>A handshake with missing parts (a capture imported from a HAR or JSONL without headers) is completed so the
 * dissectors still engage: a missing request line becomes {@code GET <path> HTTP/1.1}, a missing 101 status line
 * {@code HTTP/1.1 101 Switching Protocols}, and missing {@code Host}, {@code Upgrade: websocket},
 * {@code Connection: Upgrade}, {@code Sec-WebSocket-Version}/{@code -Key}/{@code -Accept} headers are added (as is
 * {@code Sec-WebSocket-Extensions: permessage-deflate} when compressed frames follow); frames with no connection
 * before them get a connection of their own with such a handshake. Secret header values are masked unless
 * {@code includeSecrets}, as in the other exports.
 *
 * <p>Streams: packets are built in one reusable buffer and written as they are made, so a capture of millions
 * of frames takes no more memory than its largest frame (compressed frames are compressed whole before their
 * header is written).
 */
public final class PcapngWriter {

    /** TCP payload bytes per packet at most (IPv4's total length is 16 bits). */
    static final int MAX_SEGMENT = 65_000;
    static final int LINKTYPE_ETHERNET = 1;
    static final int SERVER_PORT = 80;
    static final int FIRST_CLIENT_PORT = 50_000;
    static final String CLIENT_IP_TEXT = "127.0.0.1";
    static final String SERVER_IP_TEXT = "127.0.0.2";

    private static final int CLIENT_IP = 0x7F000001;
    private static final int SERVER_IP = 0x7F000002;
    private static final byte[] CLIENT_MAC = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
    private static final byte[] SERVER_MAC = {0x02, 0x00, 0x00, 0x00, 0x00, 0x02};
    private static final int ETH = 14;
    private static final int IP = 20;
    private static final int TCP = 20;
    private static final int HEADERS = ETH + IP + TCP;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    /** RFC 6455 section 1.3's sample key and its accept value, for handshakes that lack them. */
    private static final String SAMPLE_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String SAMPLE_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    private static final byte[] SYNC_TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

    private final boolean includeSecrets;
    private final String application;

    // Reused for every packet and frame, so writing allocates nothing per frame.
    private final byte[] packet = new byte[HEADERS + MAX_SEGMENT];
    private final byte[] frameHead = new byte[14];
    private final ByteBuffer block = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    /** One compressor per direction: a message's fragments may interleave with the other side's. */
    private final Deflater[] deflaters = new Deflater[2];
    private Deflater deflater;
    private byte[] deflateIn = new byte[1 << 16];
    private byte[] compressed = new byte[1 << 12];
    private int compressedLength;

    private OutputStream out;
    private FrameStore store;
    private int connections;
    private int ipId;

    /** Masks secret header values (the safe default for a file that gets shared). */
    public PcapngWriter() {
        this(false, "WS Inspector");
    }

    /**
     * @param includeSecrets write secret header values (Authorization, cookies, tokens) unmasked
     * @param application    name and version of the writing app, for the section header's {@code shb_userappl}
     */
    public PcapngWriter(boolean includeSecrets, String application) {
        this.includeSecrets = includeSecrets;
        this.application = application;
    }

    /**
     * Writes the capture as one pcapng section.
     *
     * @param events the capture's events in order; each {@code Opened} (or refused upgrade) starts a connection
     * @param store  the capture's frames, placed among the events by {@link ConnectionEvent#frameIndex()}
     * @param out    not closed; written to as packets are made (wrap it in a buffered stream)
     */
    public void write(List<ConnectionEvent> events, FrameStore store, OutputStream out) throws IOException {
        this.out = out;
        this.store = store;
        this.connections = 0;
        this.ipId = 0;
        deflaters[0] = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflaters[1] = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            writeSectionHeader();
            writeInterfaceDescription();
            long size = store.size();
            Conn conn = null;
            String url = "";
            long startedMicros = -1;
            int e = 0;
            for (long seq = 0; seq <= size; seq++) {
                while (e < events.size() && (seq == size || events.get(e).frameIndex() <= seq)) {
                    ConnectionEvent event = events.get(e++);
                    if (event instanceof ConnectionEvent.Connecting c) {
                        conn = finish(conn, c.epochMicros(), false);
                        url = c.url();
                        startedMicros = c.epochMicros();
                    } else if (event instanceof ConnectionEvent.Opened o) {
                        conn = finish(conn, o.epochMicros(), false);
                        url = o.url();
                        conn = open(url, startedMicros < 0 ? o.epochMicros() : startedMicros, o.epochMicros(),
                                o.handshake(), true, compressedFramesFollow(events, e, o.frameIndex()));
                        startedMicros = -1;
                    } else if (event instanceof ConnectionEvent.Failed f && conn == null && f.handshake() != null) {
                        // The server answered the upgrade with a refusal: the HTTP exchange, then the end.
                        Conn refused = open(url, startedMicros < 0 ? f.epochMicros() : startedMicros,
                                f.epochMicros(), f.handshake(), false, false);
                        finish(refused, f.epochMicros(), true);
                        startedMicros = -1;
                    } else if (event instanceof ConnectionEvent.Closed c) {
                        conn = finish(conn, c.epochMicros(), c.remote());
                        startedMicros = -1;
                    }
                }
                if (seq == size) {
                    break;
                }
                if (conn == null) {
                    // Frames outside any opened connection (a capture without events): give them one.
                    long micros = store.epochMicros(seq);
                    conn = open(url, micros, micros, null, true, compressedFramesFollow(events, e, seq));
                }
                writeFrame(conn, seq);
            }
            // A connection still open when the capture was saved stays open: no FIN.
        } finally {
            deflaters[0].end();
            deflaters[1].end();
            deflater = null;
            this.out = null;
            this.store = null;
        }
    }

    // ---- connections ----

    /** One synthetic TCP connection: its client port and the next sequence number of each side. */
    private static final class Conn {
        final int clientPort;
        int clientSeq;
        int serverSeq;
        final boolean[] messageCompressed = new boolean[2];

        Conn(int clientPort, int clientSeq, int serverSeq) {
            this.clientPort = clientPort;
            this.clientSeq = clientSeq;
            this.serverSeq = serverSeq;
        }
    }

    private Conn open(String url, long startedMicros, long answeredMicros, Handshake handshake, boolean upgraded,
                      boolean compressed) throws IOException {
        int n = connections++;
        Conn c = new Conn(FIRST_CLIENT_PORT + n % (65_536 - FIRST_CLIENT_PORT), 0x1000_0000 + n * 0x0101_0101,
                0x7000_0000 + n * 0x0102_0304);
        String comment = url == null || url.isEmpty() ? null
                : "WebSocket " + Secrets.maskUrl(url, includeSecrets);
        control(c, true, startedMicros, SYN, comment);
        c.clientSeq++;
        control(c, false, startedMicros, SYN | ACK, null);
        c.serverSeq++;
        control(c, true, startedMicros, ACK, null);

        byte[] request = requestBytes(url, handshake, upgraded);
        sendBytes(c, true, startedMicros, request);
        if (handshake != null && !handshake.statusLine().isEmpty() || upgraded) {
            sendBytes(c, false, answeredMicros, responseBytes(handshake, upgraded, compressed));
        }
        return c;
    }

    /** Ends {@code c} with FIN/ACK both ways (the closing side first) and returns null; null stays null. */
    private Conn finish(Conn c, long micros, boolean serverFirst) throws IOException {
        if (c == null) {
            return null;
        }
        boolean first = !serverFirst;
        control(c, first, micros, FIN | ACK, null);
        advance(c, first, 1);
        control(c, !first, micros, FIN | ACK, null);
        advance(c, !first, 1);
        control(c, first, micros, ACK, null);
        return null;
    }

    private static void advance(Conn c, boolean fromClient, int bytes) {
        if (fromClient) {
            c.clientSeq += bytes;
        } else {
            c.serverSeq += bytes;
        }
    }

    /** True when a compressed frame comes before the next connection starts (to announce the extension). */
    private boolean compressedFramesFollow(List<ConnectionEvent> events, int nextEvent, long fromSeq) {
        long end = store.size();
        for (int i = nextEvent; i < events.size(); i++) {
            ConnectionEvent e = events.get(i);
            if (e instanceof ConnectionEvent.Connecting || e instanceof ConnectionEvent.Opened
                    || e instanceof ConnectionEvent.Closed) {
                end = Math.min(end, Math.max(fromSeq, e.frameIndex()));
                break;
            }
        }
        for (long seq = fromSeq; seq < end; seq++) {
            if (store.inflated(seq)) {
                return true;
            }
        }
        return false;
    }

    // ---- HTTP ----

    private byte[] requestBytes(String url, Handshake hs, boolean upgraded) {
        String requestLine = hs == null || hs.requestLine().isEmpty()
                ? "GET " + CaptureBuilder.requestTarget(url == null ? "" : url) + " HTTP/1.1" : hs.requestLine();
        requestLine = Secrets.maskRequestLine(requestLine, includeSecrets);
        List<HttpHeader> headers = new ArrayList<>(hs == null ? List.of() : hs.requestHeaders());
        if (upgraded) {
            addIfMissing(headers, "Host", host(url));
            addIfMissing(headers, "Upgrade", "websocket");
            addIfMissing(headers, "Connection", "Upgrade");
            addIfMissing(headers, "Sec-WebSocket-Key", SAMPLE_KEY);
            addIfMissing(headers, "Sec-WebSocket-Version", "13");
        }
        StringBuilder sb = new StringBuilder(requestLine).append("\r\n");
        Secrets.maskHeaders(headers, includeSecrets).forEach(h -> sb.append(h).append("\r\n"));
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] responseBytes(Handshake hs, boolean upgraded, boolean compressed) {
        String statusLine = hs == null || hs.statusLine().isEmpty()
                ? "HTTP/1.1 101 Switching Protocols" : hs.statusLine();
        List<HttpHeader> headers = new ArrayList<>(hs == null ? List.of() : hs.responseHeaders());
        if (upgraded) {
            addIfMissing(headers, "Upgrade", "websocket");
            addIfMissing(headers, "Connection", "Upgrade");
            addIfMissing(headers, "Sec-WebSocket-Accept", SAMPLE_ACCEPT);
            if (compressed && headers.stream().noneMatch(h -> h.is("Sec-WebSocket-Extensions")
                    && h.value().toLowerCase(Locale.ROOT).contains("permessage-deflate"))) {
                headers.add(new HttpHeader("Sec-WebSocket-Extensions", "permessage-deflate"));
            }
        }
        StringBuilder sb = new StringBuilder(statusLine).append("\r\n");
        Secrets.maskHeaders(headers, includeSecrets).forEach(h -> sb.append(h).append("\r\n"));
        byte[] head = sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = hs == null ? new byte[0] : hs.responseBody();
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static void addIfMissing(List<HttpHeader> headers, String name, String value) {
        if (headers.stream().noneMatch(h -> h.is(name))) {
            headers.add(new HttpHeader(name, value));
        }
    }

    private static String host(String url) {
        try {
            String authority = new java.net.URI(url).getRawAuthority();
            if (authority != null && !authority.isEmpty()) {
                return authority.substring(authority.indexOf('@') + 1);
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // No usable URL: the synthetic server's address will do.
        }
        return SERVER_IP_TEXT;
    }

    // ---- frames ----

    private void writeFrame(Conn c, long seq) throws IOException {
        boolean fromClient = store.direction(seq) == Direction.OUT;
        int firstByte = store.firstByte(seq);
        boolean masked = store.masked(seq);
        WireHeader header = store.get(seq).header();
        int maskKey = masked ? header.maskKey() : 0;
        long micros = store.epochMicros(seq);
        int stored = store.payloadLength(seq);
        long wireLength = store.wirePayloadLength(seq);
        int extended = extendedLengthBytes(header.headerLength(), masked);

        long bodyLength;
        boolean inflated = store.inflated(seq);
        if (inflated) {
            int side = fromClient ? 0 : 1;
            deflater = deflaters[side];
            boolean continuation = Opcode.of(firstByte) == Opcode.CONTINUATION;
            if (!continuation || !c.messageCompressed[side]) {
                deflater.reset();
            }
            c.messageCompressed[side] = (firstByte & 0x80) == 0;
            compress(seq, stored, (firstByte & 0x80) != 0);
            bodyLength = compressedLength;
            extended = Math.max(extended, minimalExtendedBytes(bodyLength));
        } else {
            if (!Opcode.of(firstByte).isControl()) {
                c.messageCompressed[fromClient ? 0 : 1] = false;
            }
            bodyLength = Math.min(stored, wireLength);
            if (wireLength > 0xFFFF && extended < 8 || wireLength > 125 && extended < 2) {
                extended = minimalExtendedBytes(wireLength);
            }
        }
        long lengthField = inflated ? bodyLength : wireLength;

        int h = 0;
        frameHead[h++] = (byte) firstByte;
        int maskBit = masked ? 0x80 : 0;
        if (extended == 0) {
            frameHead[h++] = (byte) (maskBit | lengthField);
        } else if (extended == 2) {
            frameHead[h++] = (byte) (maskBit | 126);
            frameHead[h++] = (byte) (lengthField >>> 8);
            frameHead[h++] = (byte) lengthField;
        } else {
            frameHead[h++] = (byte) (maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frameHead[h++] = (byte) (lengthField >>> shift);
            }
        }
        if (masked) {
            frameHead[h++] = (byte) (maskKey >>> 24);
            frameHead[h++] = (byte) (maskKey >>> 16);
            frameHead[h++] = (byte) (maskKey >>> 8);
            frameHead[h++] = (byte) maskKey;
        }
        send(c, fromClient, micros, frameHead, h, seq, inflated, bodyLength, masked, maskKey);
    }

    /** Extended payload length bytes (0, 2 or 8) of a header of {@code headerLength} bytes. */
    private static int extendedLengthBytes(int headerLength, boolean masked) {
        int extended = headerLength - 2 - (masked ? 4 : 0);
        return extended == 2 || extended == 8 ? extended : 0;
    }

    private static int minimalExtendedBytes(long length) {
        return length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
    }

    /** Deflates the stored payload of {@code seq} into {@link #compressed} (sync flush, tail cut on the last). */
    private void compress(long seq, int stored, boolean lastOfMessage) {
        compressedLength = 0;
        int offset = 0;
        while (offset < stored) {
            int n = store.readPayload(seq, offset, deflateIn, 0, Math.min(deflateIn.length, stored - offset));
            if (n <= 0) {
                break;
            }
            offset += n;
            deflater.setInput(deflateIn, 0, n);
            while (!deflater.needsInput()) {
                drain(Deflater.NO_FLUSH);
            }
        }
        deflater.setInput(deflateIn, 0, 0);
        do {
            drain(Deflater.SYNC_FLUSH);
        } while (compressedLength == compressed.length);
        if (lastOfMessage && endsWithSyncTail()) {
            compressedLength -= SYNC_TAIL.length;
        }
    }

    private void drain(int flush) {
        if (compressedLength == compressed.length) {
            compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
        }
        compressedLength += deflater.deflate(compressed, compressedLength, compressed.length - compressedLength,
                flush);
    }

    private boolean endsWithSyncTail() {
        if (compressedLength < SYNC_TAIL.length) {
            return false;
        }
        for (int i = 0; i < SYNC_TAIL.length; i++) {
            if (compressed[compressedLength - SYNC_TAIL.length + i] != SYNC_TAIL[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- TCP segments ----

    private void sendBytes(Conn c, boolean fromClient, long micros, byte[] bytes) throws IOException {
        send(c, fromClient, micros, bytes, bytes.length, -1, false, 0, false, 0);
    }

    /**
     * Sends {@code head} then {@code bodyLength} body bytes (frame {@code seq}'s stored payload, or the
     * re-compressed one when {@code fromCompressed}; masked with {@code maskKey} when {@code masked}) as data
     * segments of at most {@link #MAX_SEGMENT} bytes.
     */
    private void send(Conn c, boolean fromClient, long micros, byte[] head, int headLength, long seq,
                      boolean fromCompressed, long bodyLength, boolean masked, int maskKey) throws IOException {
        long total = headLength + bodyLength;
        long pos = 0;
        while (pos < total) {
            int len = (int) Math.min(MAX_SEGMENT, total - pos);
            int at = HEADERS;
            int filled = 0;
            while (filled < len && pos + filled < headLength) {
                packet[at + filled] = head[(int) (pos + filled)];
                filled++;
            }
            while (filled < len) {
                int bodyOffset = (int) (pos + filled - headLength);
                int want = len - filled;
                int n;
                if (fromCompressed) {
                    System.arraycopy(compressed, bodyOffset, packet, at + filled, want);
                    n = want;
                } else {
                    n = store.readPayload(seq, bodyOffset, packet, at + filled, want);
                    if (n <= 0) {
                        throw new IOException("frame " + seq + " has fewer payload bytes than the store reports");
                    }
                }
                if (masked) {
                    for (int i = 0; i < n; i++) {
                        int shift = 24 - 8 * ((bodyOffset + i) & 3);
                        packet[at + filled + i] ^= (byte) (maskKey >>> shift);
                    }
                }
                filled += n;
            }
            writePacket(c, fromClient, micros, PSH | ACK, len, null);
            advance(c, fromClient, len);
            pos += len;
        }
    }

    private void control(Conn c, boolean fromClient, long micros, int flags, String comment) throws IOException {
        writePacket(c, fromClient, micros, flags, 0, comment);
    }

    /** Fills in the Ethernet, IPv4 and TCP headers before {@code payloadLength} bytes at HEADERS and writes it. */
    private void writePacket(Conn c, boolean fromClient, long micros, int flags, int payloadLength, String comment)
            throws IOException {
        byte[] p = packet;
        System.arraycopy(fromClient ? SERVER_MAC : CLIENT_MAC, 0, p, 0, 6);
        System.arraycopy(fromClient ? CLIENT_MAC : SERVER_MAC, 0, p, 6, 6);
        p[12] = 0x08;
        p[13] = 0x00;

        int ip = ETH;
        int ipLength = IP + TCP + payloadLength;
        int src = fromClient ? CLIENT_IP : SERVER_IP;
        int dst = fromClient ? SERVER_IP : CLIENT_IP;
        p[ip] = 0x45;
        p[ip + 1] = 0;
        put16(p, ip + 2, ipLength);
        put16(p, ip + 4, ipId++);
        put16(p, ip + 6, 0x4000); // don't fragment
        p[ip + 8] = 64;
        p[ip + 9] = 6;
        put16(p, ip + 10, 0);
        put32(p, ip + 12, src);
        put32(p, ip + 16, dst);
        put16(p, ip + 10, checksum(0, p, ip, IP));

        int tcp = ETH + IP;
        int seq = fromClient ? c.clientSeq : c.serverSeq;
        int ack = fromClient ? c.serverSeq : c.clientSeq;
        put16(p, tcp, fromClient ? c.clientPort : SERVER_PORT);
        put16(p, tcp + 2, fromClient ? SERVER_PORT : c.clientPort);
        put32(p, tcp + 4, seq);
        put32(p, tcp + 8, (flags & ACK) != 0 ? ack : 0);
        p[tcp + 12] = (byte) ((TCP / 4) << 4);
        p[tcp + 13] = (byte) flags;
        put16(p, tcp + 14, 0xFFFF);
        put16(p, tcp + 16, 0);
        put16(p, tcp + 18, 0);
        int tcpLength = TCP + payloadLength;
        long pseudo = (src >>> 16) + (src & 0xFFFF) + (dst >>> 16) + (dst & 0xFFFF) + 6 + tcpLength;
        put16(p, tcp + 16, checksum(pseudo, p, tcp, tcpLength));

        writeEnhancedPacket(micros, HEADERS + payloadLength, comment);
    }

    /** The Internet checksum (RFC 1071) of {@code len} bytes from {@code off}, starting from {@code sum}. */
    static int checksum(long sum, byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (b[i] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        int result = (int) (~sum & 0xFFFF);
        return result;
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    // ---- pcapng blocks ----

    private void writeSectionHeader() throws IOException {
        byte[] appl = application.getBytes(StandardCharsets.UTF_8);
        int options = optionLength(appl.length) + 4;
        int total = 28 + options;
        block.clear();
        block.putInt(0x0A0D0D0A).putInt(total).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                .putLong(-1L);
        flushBlock();
        writeOption(4, appl); // shb_userappl
        writeEndOfOptions();
        block.clear();
        block.putInt(total);
        flushBlock();
    }

    private void writeInterfaceDescription() throws IOException {
        byte[] name = "wsinspector".getBytes(StandardCharsets.US_ASCII);
        int options = optionLength(name.length) + optionLength(1) + 4;
        int total = 20 + options;
        block.clear();
        block.putInt(1).putInt(total).putShort((short) LINKTYPE_ETHERNET).putShort((short) 0).putInt(0);
        flushBlock();
        writeOption(2, name); // if_name
        writeOption(9, new byte[] {6}); // if_tsresol: 10^-6 s
        writeEndOfOptions();
        block.clear();
        block.putInt(total);
        flushBlock();
    }

    private void writeEnhancedPacket(long micros, int length, String comment) throws IOException {
        byte[] text = comment == null ? null : comment.getBytes(StandardCharsets.UTF_8);
        int padded = pad(length);
        int options = text == null ? 0 : optionLength(text.length) + 4;
        int total = 32 + padded + options;
        long ts = Math.max(0, micros);
        block.clear();
        block.putInt(6).putInt(total).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(length)
                .putInt(length);
        flushBlock();
        out.write(packet, 0, length);
        writePadding(padded - length);
        if (text != null) {
            writeOption(1, text); // opt_comment
            writeEndOfOptions();
        }
        block.clear();
        block.putInt(total);
        flushBlock();
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private static int optionLength(int valueLength) {
        return 4 + pad(valueLength);
    }

    private void writeOption(int code, byte[] value) throws IOException {
        block.clear();
        block.putShort((short) code).putShort((short) value.length);
        flushBlock();
        out.write(value);
        writePadding(pad(value.length) - value.length);
    }

    private void writeEndOfOptions() throws IOException {
        block.clear();
        block.putInt(0);
        flushBlock();
    }

    private void writePadding(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
    }

    private void flushBlock() throws IOException {
        out.write(block.array(), 0, block.position());
    }
}
