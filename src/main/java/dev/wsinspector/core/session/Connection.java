package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.FrameStore;

import java.util.concurrent.CompletableFuture;

/**
 * One live connection. Send methods may be called from any thread: they queue on the connection's single
 * send thread and complete when the frame was handed to the socket (exceptionally when not open).
 */
public interface Connection extends AutoCloseable {

    ConnectionOptions options();

    FrameStore frames();

    ConnectionState state();

    CompletableFuture<Void> sendText(String text);

    CompletableFuture<Void> sendBinary(byte[] data);

    /** Sends a text or binary message split into {@code fragments} frames (1 = unfragmented). */
    CompletableFuture<Void> sendFragmented(boolean text, byte[] data, int fragments);

    /** Ping with an application payload of at most 125 bytes. */
    CompletableFuture<Void> sendPing(byte[] payload);

    CompletableFuture<Void> sendPong(byte[] payload);

    /** Starts the closing handshake. */
    CompletableFuture<Void> close(int code, String reason);

    /** Bytes handed to the connection but not yet written to the socket. */
    long bufferedBytes();

    /** Round trip of the last answered ping, in nanoseconds, or -1 before the first pong. */
    long lastPingRoundTripNanos();

    /** Drops the connection at once without a close handshake and releases its threads. */
    @Override
    void close();
}
