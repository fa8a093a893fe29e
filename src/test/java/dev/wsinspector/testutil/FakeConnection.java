package dev.wsinspector.testutil;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A connection without a socket: sends are captured as OUT frames at the scheduler's time, {@link #receive}
 * adds IN frames. For replay and composer tests.
 */
public final class FakeConnection implements Connection {

    private final ColumnarFrameStore store;
    private volatile ConnectionState state = ConnectionState.OPEN;
    private volatile long buffered;
    private volatile RuntimeException sendFailure;

    public FakeConnection(ManualScheduler scheduler) {
        this.store = new ColumnarFrameStore(scheduler.captureClock());
    }

    public void state(ConnectionState value) {
        state = value;
    }

    public void buffered(long bytes) {
        buffered = bytes;
    }

    /** Makes every following send fail with {@code error}. */
    public void failSends(RuntimeException error) {
        sendFailure = error;
    }

    public void receive(String text) {
        append(Direction.IN, Opcode.TEXT, true, text.getBytes(StandardCharsets.UTF_8));
    }

    public void append(Direction direction, Opcode opcode, boolean fin, byte[] payload) {
        int first = (fin ? 0x80 : 0) | opcode.code();
        store.append(direction, WireHeader.of(first, direction == Direction.OUT, 0x01020304, payload.length), false,
                store.clock().nanoTime(), ByteBuffer.wrap(payload));
    }

    /** The text of OUT frame {@code seq}. */
    public String sentText(long seq) {
        return new String(store.get(seq).payloadBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public ConnectionOptions options() {
        return ConnectionOptions.of(URI.create("ws://fake/"));
    }

    @Override
    public FrameStore frames() {
        return store;
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        return send(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<Void> sendBinary(byte[] data) {
        return send(Opcode.BINARY, data);
    }

    private CompletableFuture<Void> send(Opcode opcode, byte[] data) {
        if (sendFailure != null) {
            return CompletableFuture.failedFuture(sendFailure);
        }
        append(Direction.OUT, opcode, true, data);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> sendFragmented(boolean text, byte[] data, int fragments) {
        return send(text ? Opcode.TEXT : Opcode.BINARY, data);
    }

    @Override
    public CompletableFuture<Void> sendPing(byte[] payload) {
        append(Direction.OUT, Opcode.PING, true, payload);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> sendPong(byte[] payload) {
        append(Direction.OUT, Opcode.PONG, true, payload);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> close(int code, String reason) {
        state = ConnectionState.CLOSED;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public long bufferedBytes() {
        return buffered;
    }

    @Override
    public long lastPingRoundTripNanos() {
        return -1;
    }

    @Override
    public void close() {
        state = ConnectionState.CLOSED;
    }
}
