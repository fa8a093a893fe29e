package dev.wsinspector.core.protocol;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionState;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a {@link ProtocolClient} against a live connection. Every {@value #TICK_MILLIS} ms, on the scheduler the
 * caller gives it (one thread), it reads the messages received since the last look from the capture, hands them
 * to the client, sends what the client answers, and lets the client's keep-alives fire. The socket's read thread
 * only captures, as always; what the client sends is captured like any frame. A new client is made for every
 * open (a reconnect starts the protocol again).
 */
public final class ProtocolDriver {

    /** What the driver reports, on the scheduler's thread. */
    public interface Listener {
        /** The protocol handshake completed on this open: the user's messages may go (through {@link #send}). */
        void ready(ProtocolClient client);

        /** The protocol session failed (e.g. a refused handshake). */
        void problem(String message);
    }

    static final long TICK_MILLIS = 10;
    /** Fragmented messages are put together up to this size; larger ones are not shown to the client. */
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private final Supplier<ProtocolClient> clients;
    private final FrameStore store;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Listener listener;

    // Scheduler-thread state.
    private ProtocolClient client;
    private Connection connection;
    private long next;
    private ByteArrayOutputStream partial;
    private boolean partialText;
    private boolean readyReported;
    private String problemReported = "";
    private ScheduledFuture<?> ticks;

    public ProtocolDriver(Supplier<ProtocolClient> clients, FrameStore store, ScheduledExecutorService scheduler,
                          LongSupplier clockMillis, Listener listener) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clockMillis, "clockMillis");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The connection opened; the capture's frames from {@code fromSeq} on are this open's (the event's frameIndex). */
    public void opened(Connection opened, long fromSeq) {
        scheduler.execute(() -> {
            connection = opened;
            client = clients.get();
            next = fromSeq;
            partial = null;
            readyReported = false;
            problemReported = "";
            send(client.onOpen(clock.getAsLong()));
            if (ticks == null) {
                ticks = scheduler.scheduleWithFixedDelay(this::poll, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            }
            poll();
        });
    }

    /** Sends a message of the user's (after {@link Listener#ready}), counted by the keep-alives. */
    public void send(Encoded message) {
        scheduler.execute(() -> send(List.of(message)));
    }

    /** Stops looking; the connection is closed or closing. */
    public void stop() {
        scheduler.execute(() -> {
            if (ticks != null) {
                ticks.cancel(false);
                ticks = null;
            }
            client = null;
            connection = null;
        });
    }

    private void poll() {
        if (client == null) {
            return;
        }
        try {
            long size = store.size();
            for (; next < size && client != null; next++) {
                if (store.direction(next) == Direction.IN) {
                    frame(store.get(next));
                }
            }
            send(client.onTick(clock.getAsLong()));
            report();
        } catch (RuntimeException e) {
            // A released frame or a client bug: say so once, keep the connection as it is.
            reportProblem("the " + client.getClass().getSimpleName() + " stopped: " + e);
            client = null;
        }
    }

    private void frame(Frame frame) {
        Opcode op = frame.opcode();
        if (op == Opcode.CONTINUATION) {
            if (partial == null) {
                return;
            }
            if (partial.size() + frame.payloadLength() <= MAX_MESSAGE) {
                partial.writeBytes(frame.payloadBytes());
            }
            if (frame.fin()) {
                byte[] whole = partial.toByteArray();
                partial = null;
                send(client.onMessage(whole, partialText, clock.getAsLong()));
            }
        } else if (op == Opcode.TEXT || op == Opcode.BINARY) {
            if (frame.fin()) {
                send(client.onMessage(frame.payloadBytes(), op == Opcode.TEXT, clock.getAsLong()));
            } else {
                partial = new ByteArrayOutputStream();
                partial.writeBytes(frame.payloadBytes());
                partialText = op == Opcode.TEXT;
            }
        }
    }

    private void report() {
        if (client == null) {
            return;
        }
        if (!readyReported && client.ready()) {
            readyReported = true;
            listener.ready(client);
        }
        if (!client.problem().isEmpty()) {
            reportProblem(client.problem());
        }
    }

    private void reportProblem(String problem) {
        if (!problem.equals(problemReported)) {
            problemReported = problem;
            listener.problem(problem);
        }
    }

    private void send(List<Encoded> messages) {
        Connection c = connection;
        if (c == null || messages.isEmpty() || c.state() != ConnectionState.OPEN) {
            return;
        }
        for (Encoded m : messages) {
            if (m.text()) {
                c.sendText(m.asText());
            } else {
                c.sendBinary(m.payload());
            }
        }
        if (client != null) {
            client.sent(clock.getAsLong());
        }
    }
}
