package dev.wsinspector.core.protocol;

import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.payload.encode.StompEncoder;

import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;

/**
 * STOMP 1.2 over WebSocket: CONNECT with {@code accept-version:1.2,1.1,1.0}, {@code host} and {@code heart-beat}
 * on open; ready on CONNECTED, failed on ERROR. Heart-beating (STOMP 1.2 "Heart-beating"): with our {@code cx} and
 * the server's {@code sy} both non-zero, an EOL goes out whenever nothing was sent for {@code max(cx, sy)} ms.
 */
final class StompClient implements ProtocolClient {

    private final String host;
    private final long heartbeatMillis;
    private final EncodeContext context = EncodeContext.fresh();
    private boolean ready;
    private String problem = "";
    private long sendEvery;
    private long lastSent;

    StompClient(String host, long heartbeatMillis) {
        this.host = host == null || host.isBlank() ? "localhost" : host;
        this.heartbeatMillis = Math.max(0, heartbeatMillis);
    }

    @Override
    public List<Encoded> onOpen(long nowMillis) {
        lastSent = nowMillis;
        List<Map.Entry<String, String>> headers = List.of(new SimpleEntry<>("accept-version", "1.2,1.1,1.0"),
                new SimpleEntry<>("host", host), new SimpleEntry<>("heart-beat", heartbeatMillis + "," + heartbeatMillis));
        try {
            return Replies.text(StompEncoder.frame("CONNECT", headers, ""));
        } catch (EncodeException e) {
            problem = e.getMessage();
            return List.of();
        }
    }

    @Override
    public List<Encoded> onMessage(byte[] payload, boolean text, long nowMillis) {
        String frame = Replies.utf8(payload).stripLeading(); // a heart-beat EOL may precede a frame
        int eol = frame.indexOf('\n');
        String command = (eol < 0 ? frame : frame.substring(0, eol)).strip();
        if (command.equals("CONNECTED")) {
            ready = true;
            String beat = header(frame, "heart-beat");
            long sy = 0;
            if (beat != null && beat.contains(",")) {
                try {
                    sy = Long.parseLong(beat.substring(beat.indexOf(',') + 1).strip());
                } catch (NumberFormatException e) {
                    sy = 0;
                }
            }
            sendEvery = heartbeatMillis > 0 && sy > 0 ? Math.max(heartbeatMillis, sy) : 0;
        } else if (command.equals("ERROR")) {
            String message = header(frame, "message");
            problem = "the broker sent ERROR" + (message == null ? "" : ": " + message);
            ready = false;
        }
        return List.of();
    }

    private static String header(String frame, String name) {
        int end = frame.indexOf("\n\n");
        for (String line : (end < 0 ? frame : frame.substring(0, end)).split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Override
    public List<Encoded> onTick(long nowMillis) {
        if (ready && sendEvery > 0 && nowMillis - lastSent >= sendEvery) {
            lastSent = nowMillis;
            return Replies.text(StompEncoder.heartbeat());
        }
        return List.of();
    }

    @Override
    public void sent(long nowMillis) {
        lastSent = nowMillis;
    }

    /** The heart-beat interval agreed with the broker (0: none). */
    long heartbeatEvery() {
        return sendEvery;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String problem() {
        return problem;
    }

    /** SEND {@code json} (any text) to destination {@code name}. */
    @Override
    public Encoded emit(String name, String json) throws EncodeException {
        return MessageFormat.STOMP_FRAME.encode(EncodeRequest.of(json, "destination", name), context);
    }

    /** SEND with a {@code receipt} header: the broker answers with RECEIPT. */
    @Override
    public Encoded call(String name, String json) throws EncodeException {
        return MessageFormat.STOMP_FRAME.encode(EncodeRequest.of(json, "destination", name,
                "headers", "receipt:" + context.ids().next()), context);
    }
}
