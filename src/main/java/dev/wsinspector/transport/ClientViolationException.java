package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ProtocolViolation;
import org.java_websocket.exceptions.InvalidDataException;

/**
 * A client broke an RFC 6455 rule: thrown from {@link EchoServerDraft} so that Java-WebSocket closes that client
 * with the rule's code and short reason (it closes with an {@link InvalidDataException}'s code and message), while
 * the echo server's log line gets the whole {@link ProtocolViolation#describe()}, RFC section included.
 */
final class ClientViolationException extends InvalidDataException {

    private static final long serialVersionUID = 1L;

    private final transient ProtocolViolation violation;

    ClientViolationException(ProtocolViolation violation) {
        super(violation.closeCode(), violation.closeReason());
        this.violation = violation;
    }

    ProtocolViolation violation() {
        return violation;
    }
}
