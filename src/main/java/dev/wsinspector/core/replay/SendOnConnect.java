package dev.wsinspector.core.replay;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A profile's send-on-connect messages, sent every time the connection opens (again after a reconnect): the one
 * implementation behind a profile's connection tab and {@code connect --profile}.
 *
 * <p>It is the connection's listener and passes every event on to the next one. On {@link ConnectionEvent.Opened}
 * it resolves the messages with the {@link Templates} (so {@code {{counter}}}, {@code {{uuid}}} and
 * {@code {{timestamp}}} are those of that open) and queues them in order, before the open is passed on: whatever
 * the next listener sends when it sees the open (the command line's {@code --send} messages) goes after them.
 *
 * <p>All or none: when a message cannot be resolved (an unknown variable, bad hex), none is sent, and the next
 * listener gets, after the open, one {@link ConnectionEvent.Note#ERROR} note per problem and one saying that none
 * was sent. {@link #problems} gives the same lines before connecting (the command line refuses to connect with
 * them). A message the connection fails to send is noted the same way.
 *
 * <p>With a protocol-aware client ({@link #afterProtocolHandshake}), the messages wait for the protocol's own
 * handshake instead (Socket.IO's namespace connect, SignalR's handshake record, graphql-ws' ack, STOMP's
 * CONNECTED, MQTT's CONNACK): {@link #protocolReady} sends them, each time the handshake completes.
 */
public final class SendOnConnect implements ConnectionListener {

    /** How every line of this class begins, in the timeline and on the command line. */
    public static final String PREFIX = "Send on connect: ";

    private final List<SavedMessage> messages;
    private final Templates templates;
    private final FrameStore frames;
    private final ConnectionListener next;
    private final boolean afterHandshake;

    private final Object lock = new Object();
    private Connection connection;
    /** An open reported before {@link #connect} returned the connection to send to. */
    private boolean openWaiting;

    /**
     * @param messages  sent in this order (a profile's {@code sendOnConnect()})
     * @param templates resolves their variables
     * @param frames    the connection's store (notes are placed after its last frame)
     * @param next      gets every event, and the notes
     */
    public SendOnConnect(List<SavedMessage> messages, Templates templates, FrameStore frames, ConnectionListener next) {
        this(messages, templates, frames, next, false);
    }

    private SendOnConnect(List<SavedMessage> messages, Templates templates, FrameStore frames, ConnectionListener next,
                          boolean afterHandshake) {
        this.messages = List.copyOf(messages);
        this.templates = Objects.requireNonNull(templates, "templates");
        this.frames = Objects.requireNonNull(frames, "frames");
        this.next = Objects.requireNonNull(next, "next");
        this.afterHandshake = afterHandshake;
    }

    /** The same messages, sent by {@link #protocolReady} rather than on the WebSocket's open. */
    public SendOnConnect afterProtocolHandshake() {
        return new SendOnConnect(messages, templates, frames, next, true);
    }

    /**
     * The protocol-aware client finished its handshake on the current connection: the messages go now (only for
     * {@link #afterProtocolHandshake}; any thread). Problems are noted as on an open.
     */
    public void protocolReady() {
        Connection c;
        synchronized (lock) {
            c = connection;
        }
        if (afterHandshake && c != null && !messages.isEmpty()) {
            sendAll(c).forEach(this::note);
        }
    }

    /**
     * Why some of {@code messages} cannot be sent with {@code templates}, one line per message (starting with
     * {@link #PREFIX}); empty when all can. Counts nothing.
     */
    public static List<String> problems(List<SavedMessage> messages, Templates templates) {
        List<String> problems = new ArrayList<>();
        for (SavedMessage m : messages) {
            try {
                SavedMessages.preview(m, templates);
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + e.getMessage());
            }
        }
        return problems;
    }

    /** Connects through {@code service} with this as the listener, and sends to the connection it returns. */
    public Connection connect(ConnectionService service, ConnectionOptions options) {
        Connection c = service.connect(options, frames, this);
        boolean sendNow;
        synchronized (lock) {
            connection = c;
            sendNow = openWaiting;
            openWaiting = false;
        }
        if (sendNow) {
            sendAll(c).forEach(this::note);
        }
        return c;
    }

    @Override
    public void onEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Opened && !messages.isEmpty() && !afterHandshake) {
            Connection c;
            synchronized (lock) {
                c = connection;
                openWaiting = c == null;
            }
            if (c == null) {
                next.onEvent(event); // a very quick open: the sends follow as soon as connect returns
                return;
            }
            List<String> problems = sendAll(c);
            next.onEvent(event);
            problems.forEach(this::note);
            return;
        }
        next.onEvent(event);
    }

    /** Queues all messages, or none; returns the lines to note when none. */
    private List<String> sendAll(Connection c) {
        List<String> problems = problems(messages, templates);
        List<ComposedMessage> composed = new ArrayList<>();
        for (int i = 0; i < messages.size() && problems.isEmpty(); i++) {
            try {
                composed.add(SavedMessages.compose(messages.get(i), templates)); // counts {{counter}}
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.add(PREFIX + "none of the " + messages.size()
                    + " messages was sent (fix the profile, then reconnect)");
            return problems;
        }
        for (int i = 0; i < composed.size(); i++) {
            ComposedMessage message = composed.get(i);
            SavedMessage m = messages.get(i);
            (message.binary() ? c.sendBinary(message.bytes()) : c.sendText(message.text()))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            note(PREFIX + label(m) + "not sent: " + error.getMessage());
                        }
                    });
        }
        return problems;
    }

    private void note(String message) {
        long now = frames.clock().epochMicrosAt(frames.clock().nanoTime());
        next.onEvent(new ConnectionEvent.Note(now, frames.size(), ConnectionEvent.Note.ERROR, message));
    }

    private static String label(SavedMessage m) {
        return m.name().isEmpty() ? "a message " : "message '" + m.name() + "' ";
    }
}
