package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.frame.FrameStore;

import java.util.List;
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

    /**
     * Writes {@code wire} to the socket exactly as given, after the upgrade and in order with the other sends, past
     * the frame encoder (no masking, no checks, no extension). The bytes are captured as outgoing frames marked
     * crafted, read as the server would read them ({@link dev.wsinspector.core.frame.WireFrames}): a frame whose
     * header announces more than follows is kept cut short; bytes too few for a header are noted in the timeline.
     */
    default CompletableFuture<Void> sendRaw(byte[] wire) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("This connection cannot send raw bytes"));
    }

    /**
     * Sends the frames of {@code spec}, each as its own {@link #sendRaw} write, so that a length that lies is
     * captured as it was written; completes when all went out (exceptionally when one did not).
     */
    default CompletableFuture<Void> sendCrafted(FrameSpec spec) {
        List<byte[]> frames = spec.encodeFrames();
        CompletableFuture<?>[] sent = new CompletableFuture<?>[frames.size()];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = sendRaw(frames.get(i));
        }
        return CompletableFuture.allOf(sent);
    }

    /**
     * Whether pings from the server are answered with a pong (the default). Off, they are still captured but not
     * answered, to test a server's ping timeout. Applies to pings read after the call.
     */
    default void setAutoPong(boolean answer) {
        throw new UnsupportedOperationException("This connection always answers pings");
    }

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
