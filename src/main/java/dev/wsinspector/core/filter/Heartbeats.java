package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.Opcode;

/**
 * The one place that says which frames are keep-alive traffic, for the filter's {@code heartbeat} term and the
 * timeline's "Hide heartbeats". The rules look at the frame alone, whatever the negotiated protocol, and only at
 * tiny payloads, so they cost nothing for ordinary messages:
 * <ul>
 *   <li>WebSocket ping and pong frames;</li>
 *   <li>Engine.IO (Socket.IO) ping and pong: a text frame that is exactly {@code 2} or {@code 3};</li>
 *   <li>SocketCluster: an empty text frame, {@code #1} and {@code #2};</li>
 *   <li>ClusterWS: a text frame that is exactly {@code 9} or {@code A};</li>
 *   <li>SignalR: a ping record {@code {"type":6}} (white space allowed, with or without the record separator
 *       0x1E);</li>
 *   <li>STOMP heart-beats: a text frame of nothing but end-of-line bytes ({@code \n} or {@code \r\n});</li>
 *   <li>MQTT over WebSocket: the binary PINGREQ ({@code C0 00}) and PINGRESP ({@code D0 00}) packets.</li>
 * </ul>
 * A continuation frame is judged as the text or binary it continues ({@code text}), by its own bytes.
 */
public final class Heartbeats {

    /** Longest payload any rule can match ({@code {"type":6}} with some white space and the separator). */
    static final int MAX_LENGTH = 32;
    private static final byte[] SIGNALR_PING = "{\"type\":6}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Heartbeats() {
    }

    /**
     * @param firstByte the frame's first header byte (FIN, RSV and opcode bits)
     * @param text      true when the frame belongs to a text message (see {@code MessageKinds})
     */
    public static boolean isHeartbeat(int firstByte, boolean text, byte[] payload, int offset, int length) {
        Opcode op = Opcode.of(firstByte);
        if (op == Opcode.PING || op == Opcode.PONG) {
            return true;
        }
        if (length > MAX_LENGTH || op.isControl()) {
            return false;
        }
        if (!text) {
            int b = length == 2 ? payload[offset] & 0xFF : -1;
            return (b == 0xC0 || b == 0xD0) && payload[offset + 1] == 0; // MQTT PINGREQ / PINGRESP
        }
        if (length == 0) {
            return true; // SocketCluster
        }
        if (length == 1) {
            byte b = payload[offset];
            return b == '2' || b == '3' || b == '9' || b == 'A' || b == '\n';
        }
        if (length == 2 && payload[offset] == '#') {
            return payload[offset + 1] == '1' || payload[offset + 1] == '2';
        }
        if (onlyEndOfLines(payload, offset, length)) {
            return true;
        }
        return signalRPing(payload, offset, length);
    }

    private static boolean onlyEndOfLines(byte[] p, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (p[i] == '\r' && i + 1 < offset + length && p[i + 1] == '\n') {
                i++;
            } else if (p[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean signalRPing(byte[] p, int offset, int length) {
        int k = 0;
        int end = offset + length;
        if (p[end - 1] == 0x1E) {
            end--;
        }
        for (int i = offset; i < end; i++) {
            byte b = p[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            if (k == SIGNALR_PING.length || b != SIGNALR_PING[k++]) {
                return false;
            }
        }
        return k == SIGNALR_PING.length;
    }
}
