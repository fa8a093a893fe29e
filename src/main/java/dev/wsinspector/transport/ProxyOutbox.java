package dev.wsinspector.transport;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What waits to be written in one direction of a proxied connection, and the thread that writes it. The
 * reader thread {@link #put}s frames in read order; a breakpoint's {@link ProxyHold} takes a message's place in
 * the line and keeps everything behind it waiting (pings and pongs pass it; a close does not), until it is
 * decided. Bounded: while more than {@code limit} bytes wait (held ones included), {@link #put} blocks, so the
 * proxy stops reading the sending side and TCP pushes back on it; a hold still receiving its fragments when the
 * limit is reached is forwarded unheld ({@code overLimit}) so that the line can move.
 *
 * <p>Injected messages go in at a message boundary: after the fragmented message being read, if any.
 */
final class ProxyOutbox {

    /** Writes one frame to the target socket (and captures it); called on the writer thread only. */
    interface Sink {
        void write(ProxyFrame frame, ProxyHold from) throws IOException;

        /** Everything is written and the source ended: half-close the target. */
        void finished();

        void failed(IOException error);
    }

    private final Sink sink;
    private final long limit;
    private final Runnable overLimit;
    private final ArrayDeque<Object> line = new ArrayDeque<>();
    private final List<ProxyFrame> injections = new ArrayList<>();
    private long queuedBytes;
    private boolean readingMessage;
    private boolean ended;
    private boolean aborted;
    private Thread writer;

    /** @param overLimit called (holding no lock) when {@link #put} must wait with a hold still filling */
    ProxyOutbox(Sink sink, long limit, Runnable overLimit) {
        this.sink = sink;
        this.limit = limit;
        this.overLimit = overLimit;
    }

    void start(String threadName) {
        writer = new Thread(this::run, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Blocks while the line is over its limit (first asking {@code overLimit} to let a filling hold go).
     * Returns false once the outbox is aborted.
     */
    boolean awaitRoom() throws InterruptedException {
        boolean over;
        synchronized (this) {
            over = queuedBytes > limit && !aborted;
        }
        if (over) {
            overLimit.run(); // outside the lock: it decides holds, which takes it
        }
        synchronized (this) {
            while (queuedBytes > limit && !aborted) {
                wait();
            }
            return !aborted;
        }
    }

    /**
     * Decides a hold still waiting: forward it as it was, with {@code edited} in its place, or drop it.
     * False when it was decided already.
     */
    synchronized boolean decide(ProxyHold hold, ProxyHold.Decision decision, ProxyFrame edited) {
        if (hold.decision != ProxyHold.Decision.WAITING || aborted) {
            return false;
        }
        hold.edited = edited;
        hold.decision = decision;
        notifyAll();
        return true;
    }

    synchronized boolean isWaiting(ProxyHold hold) {
        return hold.decision == ProxyHold.Decision.WAITING;
    }

    /** Marks the hold's message complete (its last fragment added). */
    synchronized void completed(ProxyHold hold) {
        hold.complete = true;
        notifyAll();
    }

    /** A frame read from the source, in order; {@code dataFin} tracks message boundaries for injections. */
    synchronized void put(ProxyFrame frame) {
        if (aborted) {
            return;
        }
        line.addLast(frame);
        queuedBytes += frame.size();
        boundary(frame);
        notifyAll();
    }

    /** A hold takes its message's place in the line (its first frame is in it already). */
    synchronized void putHold(ProxyHold hold, ProxyFrame first) {
        if (aborted) {
            return;
        }
        line.addLast(hold);
        queuedBytes += first.size();
        boundary(first);
        notifyAll();
    }

    /** A further fragment of the hold being read. */
    synchronized void addToHold(ProxyHold hold, ProxyFrame fragment) {
        hold.frames.add(fragment);
        queuedBytes += fragment.size();
        boundary(fragment);
        notifyAll();
    }

    private void boundary(ProxyFrame frame) {
        if (frame.opcode().isControl()) {
            return;
        }
        readingMessage = !frame.header().fin();
        if (!readingMessage && !injections.isEmpty()) {
            for (ProxyFrame f : injections) {
                line.addLast(f);
                queuedBytes += f.size();
            }
            injections.clear();
        }
    }

    /** A message of the user's (or the proxy's close), at the next message boundary. False once ended. */
    synchronized boolean inject(ProxyFrame frame) {
        if (aborted || ended) {
            return false;
        }
        if (readingMessage && !frame.opcode().isControl()) {
            injections.add(frame);
        } else {
            line.addLast(frame);
            queuedBytes += frame.size();
        }
        notifyAll();
        return true;
    }

    /** The hold was decided (or filled up): the writer looks again. */
    synchronized void changed() {
        notifyAll();
    }

    /** The source ended: write what is left (holds still wait for a decision), then {@link Sink#finished}. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Stops at once: nothing more is written; waiting readers return. */
    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    synchronized boolean isAborted() {
        return aborted;
    }

    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** The holds still in the line (for a teardown to report them dropped). */
    synchronized List<ProxyHold> holds() {
        List<ProxyHold> out = new ArrayList<>();
        for (Object o : line) {
            if (o instanceof ProxyHold h) {
                out.add(h);
            }
        }
        return out;
    }

    private void run() {
        try {
            while (true) {
                Next next = next();
                if (next == null) {
                    sink.finished();
                    return;
                }
                sink.write(next.frame, next.hold);
                synchronized (this) {
                    queuedBytes -= next.bytes;
                    notifyAll();
                }
            }
        } catch (IOException e) {
            abort();
            sink.failed(e);
        } catch (InterruptedException e) {
            abort();
        }
    }

    private record Next(ProxyFrame frame, ProxyHold hold, long bytes) {
    }

    /** The next frame to write, waiting for one; null when ended and drained, or aborted. */
    private synchronized Next next() throws InterruptedException {
        while (true) {
            if (aborted) {
                return null;
            }
            Object head = line.peekFirst();
            if (head instanceof ProxyFrame f) {
                line.pollFirst();
                return new Next(f, null, f.size());
            }
            if (head instanceof ProxyHold h) {
                Next n = fromHold(h);
                if (n != null) {
                    return n;
                }
                if (line.peekFirst() != h) {
                    continue; // the hold was finished with
                }
                ProxyFrame passing = pingOrPongBehind();
                if (passing != null) {
                    return new Next(passing, null, passing.size());
                }
            } else if (ended) {
                return null;
            }
            wait();
        }
    }

    /** What a hold at the head gives now: a frame to write, or null (nothing yet, or the hold is done). */
    private Next fromHold(ProxyHold h) {
        switch (h.decision) {
            case FORWARD -> {
                if (h.written < h.frames.size()) {
                    ProxyFrame f = h.frames.get(h.written++);
                    return new Next(f, h, f.size());
                }
                if (h.complete) {
                    line.pollFirst();
                }
                return null;
            }
            case EDIT -> {
                if (!h.complete) {
                    return null;
                }
                line.pollFirst();
                long bytes = 0;
                for (ProxyFrame f : h.frames) {
                    bytes += f.size();
                }
                queuedBytes += h.edited.size(); // written below, then taken off with the originals
                return new Next(h.edited, h, bytes + h.edited.size());
            }
            case DROP -> {
                if (!h.complete) {
                    return null;
                }
                line.pollFirst();
                for (ProxyFrame f : h.frames) {
                    queuedBytes -= f.size();
                }
                notifyAll();
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private ProxyFrame pingOrPongBehind() {
        Iterator<Object> it = line.iterator();
        it.next();
        while (it.hasNext()) {
            Object o = it.next();
            if (o instanceof ProxyFrame f && f.isPingOrPong()) {
                it.remove();
                return f;
            }
        }
        return null;
    }
}
