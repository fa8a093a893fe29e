package dev.wsinspector.transport;

import dev.wsinspector.core.proxy.HeldMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A message a breakpoint holds, in its {@link ProxyOutbox}'s line: its frames as read, and what the user
 * decided. Fields are guarded by the outbox's lock ({@link ProxyOutbox#decide}).
 */
final class ProxyHold {

    enum Decision { WAITING, FORWARD, EDIT, DROP }

    final long id;
    final ProxiedConnection connection;
    final dev.wsinspector.core.proxy.Flow flow;
    final List<ProxyFrame> frames = new ArrayList<>();
    Decision decision = Decision.WAITING;
    boolean complete;
    int written;
    ProxyFrame edited;
    /** Set once complete and listed (the message as the user sees it). */
    volatile HeldMessage message;

    ProxyHold(long id, ProxiedConnection connection, dev.wsinspector.core.proxy.Flow flow, ProxyFrame first) {
        this.id = id;
        this.connection = connection;
        this.flow = flow;
        frames.add(first);
    }

    long bytes() {
        long n = 0;
        for (ProxyFrame f : frames) {
            n += f.size();
        }
        return n;
    }
}
