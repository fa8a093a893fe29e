package dev.wsinspector.ui.connection;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.payload.Utf8Text;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The capture a tab shows and what the tab knows about its frames beyond the store: which are text (a
 * continuation is what its message's first frame was, so one bit per frame kept up to date by the pulse rather
 * than a scan per click), the rates for the status bar, and the subprotocol each frame was sent under. Plain
 * Java, driven by the tab's pulse on the FX thread.
 */
final class ShownCapture {

    private Session session;
    private MessageKinds kinds;
    private CaptureStats stats = new CaptureStats();

    /**
     * Shows {@code now} from here on.
     *
     * @return whether that is another capture than before (the timeline must show it)
     */
    boolean show(Session now) {
        if (now == session) {
            return false;
        }
        session = now;
        kinds = now == null ? null : new MessageKinds(now.frames());
        stats = new CaptureStats();
        return true;
    }

    Session session() {
        return session;
    }

    /** Takes in the frames that came since the last pulse. */
    void advance(long nowNanos) {
        if (session == null) {
            return;
        }
        if (session.frames().sealedTotals() == null) {
            kinds.advance(session.frames().size()); // a live capture: a few new frames a pulse, known exactly
        }
        stats.update(session.frames(), nowNanos);
    }

    CaptureStats stats() {
        return stats;
    }

    long frameCount() {
        return session == null ? 0 : session.frames().size();
    }

    Frame frame(long seq) {
        return session.frames().get(seq);
    }

    /** Whether frame {@code seq} belongs to a text message (continuations included). */
    boolean isText(long seq) {
        return kinds.isText(seq);
    }

    /** Frame {@code seq} as a saved message (see {@link #frameAsMessage}). */
    SavedMessage asMessage(long seq) {
        return frameAsMessage(frame(seq), seq, isText(seq));
    }

    /** A captured frame as a saved message: JSON, text or hex, with any "{{" kept literal. */
    static SavedMessage frameAsMessage(Frame frame, long seq, boolean textMessage) {
        byte[] payload = frame.payloadBytes();
        boolean text = textMessage && Utf8Text.isValidUtf8(payload);
        if (!text) {
            return new SavedMessage("Frame " + seq, MessageMode.HEX, HexFormat.ofDelimiter(" ").formatHex(payload));
        }
        String body = new String(payload, StandardCharsets.UTF_8);
        MessageMode type = MessageParser.problem(MessageMode.JSON, body) == null && !body.isBlank()
                ? MessageMode.JSON : MessageMode.TEXT;
        return new SavedMessage("Frame " + seq, type, Templates.escape(body));
    }

    /**
     * Subprotocol and URL of the connection that carried frame {@code seq}: the last open before it (a tab that
     * reconnected may have negotiated differently each time). NONE when the frame came before any open.
     */
    ProtocolHint protocolHint(long seq) {
        ProtocolHint hint = ProtocolHint.NONE;
        for (ConnectionEvent event : session.eventsFrom(0)) {
            if (event.frameIndex() > seq) {
                break;
            }
            if (event instanceof ConnectionEvent.Opened opened) {
                hint = ProtocolHint.of(opened);
            }
        }
        return hint;
    }
}
