package dev.wsinspector.transport;

import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.frame.WireHeaderParser;
import java.nio.ByteBuffer;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;

/**
 * The RFC 6455 rules the echo server holds a client's frames to, checked on the bytes as they arrive, before
 * Java-WebSocket decodes them: the library unmasks a masked frame and takes an unmasked one as it is, so it
 * would echo frames that RFC 6455 §5.1 says must fail the connection.
 *
 * <p>Today it is one rule: every client frame is masked. It is the one place for the server's frame rules,
 * so a fuller check (reserved opcodes, RSV bits, control frame sizes, ...) belongs here too, or replaces this
 * class behind {@link #check}. One instance per connection, fed from one thread, in stream order.
 */
final class ClientFrameRules {

    /** The close reason for an unmasked client frame (the close code is 1002). */
    static final String UNMASKED = "unmasked frame from the client (RFC 6455 section 5.1)";

    private final WireHeaderParser headers = new WireHeaderParser(this::onHeader);
    private String violation;

    /**
     * Reads the frame headers in {@code chunk} (position and limit unchanged).
     *
     * @throws InvalidDataException with the close code and reason, at the first frame that breaks a rule
     */
    void check(ByteBuffer chunk) throws InvalidDataException {
        if (violation == null) {
            headers.feed(chunk);
        }
        if (violation != null) {
            throw new InvalidDataException(CloseFrame.PROTOCOL_ERROR, violation);
        }
    }

    /** Forgets the connection's state (the draft was reset). */
    void reset() {
        headers.reset();
        violation = null;
    }

    private void onHeader(WireHeader header) {
        if (!header.masked() && violation == null) {
            violation = UNMASKED;
        }
    }
}
