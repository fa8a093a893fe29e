package dev.wsinspector.transport.deflate;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.extensions.CompressionExtension;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.DataFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.FramedataImpl1;

/**
 * The permessage-deflate extension (RFC 7692) for Java-WebSocket, usable by a client and by a server.
 *
 * <p>Replaces the library's {@code PerMessageDeflateExtension}, which always offers
 * {@code server_no_context_takeover; client_no_context_takeover} (servers that keep their compression
 * context refuse that offer) and ignores what the peer answers. This one:
 * <ul>
 *   <li>as a client offers what Chromium offers, {@code permessage-deflate; client_max_window_bits}, and
 *       honours the parameters of the server's answer;</li>
 *   <li>as a server accepts the client's first acceptable offer and answers with what it will do;</li>
 *   <li>keeps the LZ77 window across messages in both directions unless a {@code *_no_context_takeover}
 *       parameter was agreed for that direction;</li>
 *   <li>handles fragmented messages (RSV1 on the first frame only, one DEFLATE stream across fragments)
 *       and never compresses control frames;</li>
 *   <li>fails a message that inflates past {@link Settings#maxMessageSize()} with close code 1009.</li>
 * </ul>
 *
 * <p>Use one instance as a prototype in a {@code Draft_6455}: the library calls {@link #copyInstance()}
 * for every connection. Prefer {@link PermessageDeflateDraft}, which also fixes the library's decoding of
 * compressed messages that have control frames between their fragments.
 *
 * <p>Threads: the library decodes on the connection's read thread and encodes on whichever thread sends;
 * both paths are guarded separately. Sending one message's fragments from two threads at once is a caller
 * error that no lock here can fix.
 */
public final class PermessageDeflate extends CompressionExtension {

    public static final String NAME = "permessage-deflate";
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

    private static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    private static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    private static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    private static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";
    /** RFC 7692 §7.1.2: a decimal 8..15 without leading zeros. */
    private static final Pattern WINDOW_BITS = Pattern.compile("[1-9][0-9]?");
    private static final byte[] NOTHING = new byte[0];

    /**
     * Configuration; the same on both sides of a connection.
     *
     * @param compressionLevel        {@link Deflater} level, -1 (default) or 0..9
     * @param threshold               messages whose (first) frame is shorter than this are sent
     *                                uncompressed; 0 compresses everything, as browsers do
     * @param maxMessageSize          the most bytes one incoming message may inflate to (then close 1009)
     * @param serverNoContextTakeover client: also offer it (ask the server to reset its context per
     *                                message); server: impose it (reset our context per message)
     * @param clientNoContextTakeover client: also offer it and reset our context per message; server:
     *                                ask the client to reset its context per message
     */
    public record Settings(int compressionLevel, int threshold, int maxMessageSize,
                           boolean serverNoContextTakeover, boolean clientNoContextTakeover) {

        public static final Settings DEFAULTS =
                new Settings(Deflater.DEFAULT_COMPRESSION, 0, DEFAULT_MAX_MESSAGE_SIZE, false, false);

        public Settings {
            if (compressionLevel < -1 || compressionLevel > 9) {
                throw new IllegalArgumentException("compression level must be -1..9: " + compressionLevel);
            }
            if (threshold < 0 || maxMessageSize < 1) {
                throw new IllegalArgumentException("threshold must be >= 0 and maxMessageSize >= 1");
            }
        }

        public Settings withCompressionLevel(int level) {
            return new Settings(level, threshold, maxMessageSize, serverNoContextTakeover, clientNoContextTakeover);
        }

        public Settings withThreshold(int bytes) {
            return new Settings(compressionLevel, bytes, maxMessageSize, serverNoContextTakeover, clientNoContextTakeover);
        }

        public Settings withMaxMessageSize(int bytes) {
            return new Settings(compressionLevel, threshold, bytes, serverNoContextTakeover, clientNoContextTakeover);
        }

        public Settings withServerNoContextTakeover(boolean on) {
            return new Settings(compressionLevel, threshold, maxMessageSize, on, clientNoContextTakeover);
        }

        public Settings withClientNoContextTakeover(boolean on) {
            return new Settings(compressionLevel, threshold, maxMessageSize, serverNoContextTakeover, on);
        }
    }

    private final Settings settings;
    private final Object encodeLock = new Object();
    private final Object decodeLock = new Object();

    private volatile DeflateParameters agreed;
    private volatile Role role;
    private boolean resetOurContext;
    private boolean resetPeerContext;

    /** Null when outgoing messages stay uncompressed (not negotiated, or a window we cannot honour). */
    private MessageDeflater deflater;
    private boolean compressingMessage;

    private MessageInflater inflater;
    private boolean inflatingMessage;
    private boolean inflatingText;
    private byte[] heldBack = NOTHING;

    public PermessageDeflate() {
        this(Settings.DEFAULTS);
    }

    public PermessageDeflate(Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings");
        }
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** What the handshake agreed on; empty until this instance took part in a successful negotiation. */
    public Optional<DeflateParameters> parameters() {
        return Optional.ofNullable(agreed);
    }

    /** Our side of the connection once negotiated, else empty. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** Whether we compress what we send (false if the peer limited our window below 32 KiB). */
    public boolean compressesOutgoing() {
        synchronized (encodeLock) {
            return deflater != null;
        }
    }

    // ---- negotiation --------------------------------------------------------------------------------

    @Override
    public String getProvidedExtensionAsClient() {
        // Chromium's offer; client_max_window_bits only says we could limit our window if asked to.
        StringBuilder offer = new StringBuilder(NAME).append("; ").append(CLIENT_MAX_WINDOW_BITS);
        if (settings.serverNoContextTakeover()) {
            offer.append("; ").append(SERVER_NO_CONTEXT_TAKEOVER);
        }
        if (settings.clientNoContextTakeover()) {
            offer.append("; ").append(CLIENT_NO_CONTEXT_TAKEOVER);
        }
        return offer.toString();
    }

    @Override
    public boolean acceptProvidedExtensionAsClient(String responseHeader) {
        for (ExtensionHeader.Element element : ExtensionHeader.parse(responseHeader)) {
            if (NAME.equals(element.name())) {
                // A server answers with one permessage-deflate element. If it is invalid we decline; the
                // library then runs without an extension and fails on the first compressed frame (1002).
                DeflateParameters answer = readServerAnswer(element);
                if (answer == null) {
                    return false;
                }
                agree(Role.CLIENT, answer);
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean acceptProvidedExtensionAsServer(String offerHeader) {
        for (ExtensionHeader.Element element : ExtensionHeader.parse(offerHeader)) {
            if (NAME.equals(element.name())) {
                DeflateParameters answer = answerClientOffer(element);
                if (answer != null) {
                    agree(Role.SERVER, answer);
                    return true;
                }
                // else: try the client's next (fallback) offer, RFC 7692 §5
            }
        }
        return false;
    }

    @Override
    public String getProvidedExtensionAsServer() {
        DeflateParameters p = agreed;
        return p == null ? "" : p.toHeaderValue();
    }

    private DeflateParameters readServerAnswer(ExtensionHeader.Element element) {
        if (!element.wellFormed()) {
            return null;
        }
        boolean serverNoContext = false;
        // If we offered client_no_context_takeover we reset our context whatever the server says.
        boolean clientNoContext = settings.clientNoContextTakeover();
        int serverBits = DeflateParameters.MAX_WINDOW_BITS;
        int clientBits = DeflateParameters.MAX_WINDOW_BITS;
        for (Map.Entry<String, String> param : element.params().entrySet()) {
            String value = param.getValue();
            switch (param.getKey()) {
                case SERVER_NO_CONTEXT_TAKEOVER -> serverNoContext = true;
                case CLIENT_NO_CONTEXT_TAKEOVER -> clientNoContext = true;
                case SERVER_MAX_WINDOW_BITS -> serverBits = windowBits(value);
                case CLIENT_MAX_WINDOW_BITS -> clientBits = windowBits(value); // an answer must give a value
                default -> {
                    return null; // RFC 7692 §7: an unknown parameter fails the negotiation
                }
            }
            if (!flagWithoutValue(param.getKey(), value) || serverBits < 0 || clientBits < 0) {
                return null;
            }
        }
        return new DeflateParameters(serverNoContext, clientNoContext, serverBits, clientBits);
    }

    private DeflateParameters answerClientOffer(ExtensionHeader.Element element) {
        if (!element.wellFormed()) {
            return null;
        }
        boolean serverNoContext = settings.serverNoContextTakeover();
        boolean clientNoContext = settings.clientNoContextTakeover();
        int serverBits = DeflateParameters.MAX_WINDOW_BITS;
        for (Map.Entry<String, String> param : element.params().entrySet()) {
            String value = param.getValue();
            switch (param.getKey()) {
                case SERVER_NO_CONTEXT_TAKEOVER -> serverNoContext = true;
                case CLIENT_NO_CONTEXT_TAKEOVER -> clientNoContext = true;
                // The client limits our window: accepted, and then we send uncompressed if it is below 15.
                case SERVER_MAX_WINDOW_BITS -> serverBits = windowBits(value);
                // The client says it can limit its own window. We inflate any window, so we need no limit
                // and leave it out of the answer; a value, if given, must still be valid.
                case CLIENT_MAX_WINDOW_BITS -> {
                    if (value != null && windowBits(value) < 0) {
                        return null;
                    }
                }
                default -> {
                    return null; // unknown parameter: decline this offer
                }
            }
            if (!flagWithoutValue(param.getKey(), value) || serverBits < 0) {
                return null;
            }
        }
        return new DeflateParameters(serverNoContext, clientNoContext, serverBits, DeflateParameters.MAX_WINDOW_BITS);
    }

    /** The *_no_context_takeover parameters must come without a value. */
    private static boolean flagWithoutValue(String name, String value) {
        boolean flag = name.equals(SERVER_NO_CONTEXT_TAKEOVER) || name.equals(CLIENT_NO_CONTEXT_TAKEOVER);
        return !flag || value == null;
    }

    /** 8..15, or -1 when missing or malformed. */
    private static int windowBits(String value) {
        if (value == null || !WINDOW_BITS.matcher(value).matches()) {
            return -1;
        }
        int bits = Integer.parseInt(value);
        return bits >= DeflateParameters.MIN_WINDOW_BITS && bits <= DeflateParameters.MAX_WINDOW_BITS ? bits : -1;
    }

    private void agree(Role side, DeflateParameters p) {
        boolean client = side == Role.CLIENT;
        int ourWindowBits = client ? p.clientMaxWindowBits() : p.serverMaxWindowBits();
        synchronized (encodeLock) {
            // java.util.zip.Deflater always uses a 32 KiB window. A peer that asked for a smaller one may
            // be unable to resolve back-references beyond it, even within a single message, so resetting
            // the context per message would not make us correct. RFC 7692 lets any message go out
            // uncompressed, so in that case we compress nothing and stay correct.
            deflater = ourWindowBits == DeflateParameters.MAX_WINDOW_BITS
                    ? new MessageDeflater(settings.compressionLevel()) : null;
            compressingMessage = false;
            resetOurContext = client ? p.clientNoContextTakeover() : p.serverNoContextTakeover();
        }
        synchronized (decodeLock) {
            inflater = new MessageInflater(settings.maxMessageSize());
            inflatingMessage = false;
            heldBack = NOTHING;
            resetPeerContext = client ? p.serverNoContextTakeover() : p.clientNoContextTakeover();
        }
        role = side;
        agreed = p;
    }

    // ---- frames -------------------------------------------------------------------------------------

    @Override
    public void encodeFrame(Framedata frame) {
        if (!(frame instanceof DataFrame)) {
            return; // control frames are never compressed (RFC 7692 §6.1)
        }
        synchronized (encodeLock) {
            if (deflater == null) {
                return;
            }
            if (frame.getOpcode() != Opcode.CONTINUOUS) {
                // Decided once per message: its continuation frames follow the first frame's choice.
                compressingMessage = frame.getPayloadData().remaining() >= settings.threshold();
                if (compressingMessage) {
                    ((DataFrame) frame).setRSV1(true);
                }
            }
            if (!compressingMessage) {
                return;
            }
            ((FramedataImpl1) frame).setPayload(deflater.compress(frame.getPayloadData(), frame.isFin()));
            if (frame.isFin()) {
                compressingMessage = false;
                if (resetOurContext) {
                    deflater.resetContext();
                }
            }
        }
    }

    @Override
    public void isFrameValid(Framedata frame) throws InvalidDataException {
        super.isFrameValid(frame); // RSV2/RSV3 on data frames, any RSV bit on control frames
        if (frame.getOpcode() == Opcode.CONTINUOUS && frame.isRSV1()) {
            throw new InvalidFrameException("RSV1 set on a continuation frame (RFC 7692 §6.1)");
        }
    }

    @Override
    public void decodeFrame(Framedata frame) throws InvalidDataException {
        if (!(frame instanceof DataFrame)) {
            return;
        }
        synchronized (decodeLock) {
            if (inflater == null) {
                return;
            }
            if (frame.getOpcode() != Opcode.CONTINUOUS) {
                if (inflatingMessage) {
                    throw new InvalidDataException(CloseFrame.PROTOCOL_ERROR,
                            "a new message started before the compressed message before it ended");
                }
                if (!frame.isRSV1()) {
                    return;
                }
                inflatingMessage = true;
                inflatingText = frame.getOpcode() == Opcode.TEXT;
            } else if (!inflatingMessage) {
                return;
            }
            ByteBuffer plain = inflater.inflate(frame.getPayloadData(), frame.isFin(), resetPeerContext);
            if (inflatingText) {
                plain = holdBackSplitCharacter(plain, frame.isFin());
            }
            if (frame.isFin()) {
                inflatingMessage = false;
            }
            ((FramedataImpl1) frame).setPayload(plain);
        }
    }

    /**
     * The library checks that the first frame of a fragmented text message is valid UTF-8 on its own. A
     * fragment boundary in the compressed stream can split a character, so the bytes of a character cut at
     * the end of a fragment are held back and put in front of the next fragment's bytes.
     */
    private ByteBuffer holdBackSplitCharacter(ByteBuffer plain, boolean fin) {
        if (heldBack.length == 0 && fin) {
            return plain;
        }
        byte[] joined = new byte[heldBack.length + plain.remaining()];
        System.arraycopy(heldBack, 0, joined, 0, heldBack.length);
        plain.get(joined, heldBack.length, plain.remaining());
        int keep = fin ? 0 : Utf8Split.incompleteTail(joined, joined.length);
        heldBack = keep == 0 ? NOTHING : Arrays.copyOfRange(joined, joined.length - keep, joined.length);
        return ByteBuffer.wrap(joined, 0, joined.length - keep);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------

    @Override
    public IExtension copyInstance() {
        return new PermessageDeflate(settings);
    }

    /** Drops the compression windows and any half-done message; the agreed parameters stay readable. */
    @Override
    public void reset() {
        synchronized (encodeLock) {
            compressingMessage = false;
            if (deflater != null) {
                deflater.resetContext();
            }
        }
        synchronized (decodeLock) {
            inflatingMessage = false;
            heldBack = NOTHING;
            if (inflater != null) {
                inflater.reset();
            }
        }
    }

    @Override
    public String toString() {
        DeflateParameters p = agreed;
        return "PermessageDeflate[" + (p == null ? "offer: " + getProvidedExtensionAsClient() : p.toHeaderValue()) + "]";
    }
}
