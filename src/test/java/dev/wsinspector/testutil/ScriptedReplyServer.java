package dev.wsinspector.testutil;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small scripted server for scenario tests, on {@link RawWebSocketServer}. Per text message:
 * {@code req N} → {@code {"type":"reply","n":N,"id":"<new uuid>","at":"<now>","seq":<count>,"kind":<kind>}}
 * ({@link #kind} can be changed to make the server answer differently), {@code two} → {@code "b"} then {@code "a"},
 * {@code silent} → nothing, {@code bye} → a close 4001 "bye", {@code echo X} → {@code X}; pings get pongs with their
 * payload, and a close from the client is answered.
 */
public final class ScriptedReplyServer implements AutoCloseable {

    public final AtomicReference<String> kind = new AtomicReference<>("ok");
    private final AtomicInteger count = new AtomicInteger();
    private final RawWebSocketServer server;

    public ScriptedReplyServer() throws IOException {
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            try {
                while (true) {
                    RawWebSocketServer.ClientFrame f = peer.readFrame();
                    if (f.opcode() == 0x8) {
                        peer.sendFrame(0x88, f.payload());
                        return;
                    }
                    if (f.opcode() == 0x9) {
                        peer.sendFrame(0x8A, f.payload());
                        continue;
                    }
                    if (f.opcode() != 0x1) {
                        continue;
                    }
                    String t = new String(f.payload(), StandardCharsets.UTF_8);
                    if (t.startsWith("req ")) {
                        peer.sendText(true, 1, "{\"type\":\"reply\",\"n\":" + t.substring(4) + ",\"id\":\""
                                + UUID.randomUUID() + "\",\"at\":\"" + Instant.now() + "\",\"seq\":"
                                + (1000 + count.incrementAndGet()) + ",\"kind\":\"" + kind.get() + "\"}");
                    } else if (t.equals("two")) {
                        peer.sendText(true, 1, "b");
                        peer.sendText(true, 1, "a");
                    } else if (t.equals("bye")) {
                        peer.sendClose(4001, "bye");
                    } else if (t.startsWith("echo ")) {
                        peer.sendText(true, 1, t.substring(5));
                    }
                }
            } catch (EOFException | SocketException e) {
                // the client went away
            }
        });
    }

    public URI uri() {
        return server.uri("/");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
