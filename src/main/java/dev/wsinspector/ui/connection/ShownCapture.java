package dev.wsinspector.ui.connection;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.payload.Utf8Text;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.timeline.FragmentScan;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The capture a tab shows and what the tab knows about its frames beyond the store: which are text (a
 * continuation is what its message's first frame was, so one bit per frame kept up to date rather than a scan
 * per click), the counts and rates for the status bar, and the subprotocol each frame was sent under.
 *
 * <p>Counting and classifying read every new frame, so they are not done on the FX thread: at a flood's pace that
 * is 10 000+ frames a pulse, work that grows with the rate. {@link #advance} runs on the window's sampler thread
 * (or a test's); it publishes an immutable {@link CaptureStats.Snapshot} that the pulse only reads. Everything
 * else is the FX thread's.
 */
final class ShownCapture {

    /** Frames {@link #advance} classifies under {@link MessageKinds}' lock at a time: what a click may wait for. */
    private static final int CLASSIFY_STEP = 16_384;

    /** One capture as counted: swapped whole by the FX thread, so figures never belong to the capture before. */
    private static final class Counted {
        final Session session;
        final MessageKinds kinds;
        /** Which frames are continuations, for the timeline's folds: advanced here, only read on the FX thread. */
        final FragmentScan fragments;
        final CaptureStats stats = new CaptureStats();
        long classified;
        volatile CaptureStats.Snapshot figures = CaptureStats.Snapshot.NONE;
        volatile long retainedBytes;

        Counted(Session session) {
            this.session = session;
            this.kinds = new MessageKinds(session.frames());
            this.fragments = new FragmentScan(session.frames());
        }
    }

    private Session session;
    private volatile Counted counted;

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
        counted = now == null ? null : new Counted(now);
        return true;
    }

    Session session() {
        return session;
    }

    /** The fragment classification of the capture shown (see {@link #advance}); null when none is shown. */
    FragmentScan fragments() {
        Counted c = counted;
        return c == null ? null : c.fragments;
    }

    /**
     * Takes in the frames that came since the last call: classifies them and counts them. Any one thread at a
     * time (the window's sampler); the FX thread only reads what it publishes.
     */
    synchronized void advance(long nowNanos) {
        Counted c = counted;
        if (c == null) {
            return;
        }
        FrameStore frames = c.session.frames();
        if (frames.sealedTotals() == null) {
            // A live capture: classified in steps, so isText on the FX thread never waits for a whole backlog.
            long size = frames.size();
            while (c.classified < size) {
                c.classified = Math.min(size, c.classified + CLASSIFY_STEP);
                c.kinds.advance(c.classified);
            }
        }
        // Live or sealed, the timeline shows a frame only once it is classified; each step publishes what it found.
        long size = frames.size();
        while (c.fragments.published().scanned() < size) {
            c.fragments.advance(size, CLASSIFY_STEP * 4L);
        }
        c.stats.update(frames, nowNanos);
        c.figures = c.stats.snapshot();
        c.retainedBytes = frames.retainedBytes();
    }

    /** The counts and rates as of the last {@link #advance}; the same instance until the next one. */
    CaptureStats.Snapshot figures() {
        Counted c = counted;
        return c == null ? CaptureStats.Snapshot.NONE : c.figures;
    }

    /** Memory the capture held at the last {@link #advance}. */
    long retainedBytes() {
        Counted c = counted;
        return c == null ? 0 : c.retainedBytes;
    }

    long frameCount() {
        return session == null ? 0 : session.frames().size();
    }

    Frame frame(long seq) {
        return session.frames().get(seq);
    }

    /** Whether frame {@code seq} belongs to a text message (continuations included). */
    boolean isText(long seq) {
        return counted.kinds.isText(seq);
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
