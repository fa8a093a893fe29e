package dev.wsinspector.core.mock;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client of a mock server as captured: its number (from 1, in the order clients opened), where it came from,
 * its frames and events as a {@link Session} from the server's side ({@code in}: sent by the client, {@code out}:
 * sent by the server), and for each received message the rule that answered it ({@link #ruleFor}, by the seq of
 * the message's first frame). Written by the server's transport threads, read by anyone (the GUI's pull, the CLI's
 * printer): thread-safe.
 */
public final class MockCapture {

    private final int client;
    private final String remote;
    private final Session session;
    private final Map<Long, Integer> rules = new ConcurrentHashMap<>();
    /** Messages are decided in order (one read thread per client): every first seq up to this one is decided. */
    private volatile long decidedThrough = -1;

    public MockCapture(int client, String remote, Session session) {
        this.client = client;
        this.remote = remote;
        this.session = session;
    }

    public int client() {
        return client;
    }

    /** The client's address, e.g. {@code 127.0.0.1:53122}. */
    public String remote() {
        return remote;
    }

    public Session session() {
        return session;
    }

    public FrameStore frames() {
        return session.frames();
    }

    /** The rule (1-based) that answered the message whose first frame is {@code seq}; 0 when none did. */
    public int ruleFor(long seq) {
        Integer rule = rules.get(seq);
        return rule == null ? 0 : rule;
    }

    /** Called by the server once it decided on the message starting at {@code seq} ({@code rule} 0: no rule). */
    public void recordRule(long seq, int rule) {
        if (rule > 0) {
            rules.put(seq, rule);
        }
        if (seq > decidedThrough) {
            decidedThrough = seq;
        }
    }

    /**
     * True once the server decided on the message whose first frame is {@code seq} (so {@link #ruleFor} is final),
     * or when the connection has ended; a printer holds a received message's frames back until then.
     */
    public boolean decided(long seq) {
        return seq <= decidedThrough || session.closed().isPresent();
    }
}
