package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameBatch;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One filter over one session, for the timeline's filter bar: {@link #advance} looks at every frame and event
 * that arrived since the last call (all of them the first time), off the FX thread, and returns which matched as
 * {@link MatchSet}s. A live session is followed by calling it again; a stored one, in memory or on disk, is done
 * after one call. {@link #cancel()} or an interrupt of the calling thread stops it between chunks of
 * {@value #CHUNK} frames, keeping what was decided, so a later call goes on from there.
 *
 * <p>How it reads: when the filter scans payloads (text, regex, JSON, decoded terms), frames come in batches
 * ({@link FrameStore#read(long, long, FrameBatch)}: column runs and one contiguous payload copy, one read per batch
 * for a journal), else through the header accessors alone. Long ranges are split in two (at a multiple of 64, so
 * each part writes its own words of the bit set) with the second part on the common pool, when the machine has
 * more than one core.
 *
 * <p>Not thread-safe: one caller at a time (the background task); the results are immutable and may go anywhere.
 */
public final class FilterRun {

    /** Progress reports, from the thread that called {@link #advance}. */
    public interface Progress {
        /** @param done frames looked at in this call so far, of {@code total} */
        void update(long done, long total);
    }

    /**
     * What {@link #advance} found so far.
     *
     * @param frames   matching frame seqs below {@code frames.limit()}
     * @param events   matching event indexes (as in {@link Session#event(int)}) below {@code events.limit()}
     * @param complete false when it was cancelled or interrupted before reaching the end it set out for
     */
    public record Result(MatchSet frames, MatchSet events, boolean complete) {
    }

    static final int CHUNK = 16_384;
    /** Ranges shorter than this are not split. */
    static final long PARALLEL_MIN = 1 << 18;

    private final BoundFilter filter;
    private final FrameStore store;
    private final Session session;
    private final int parallelism;
    private volatile boolean cancelled;

    private long[] words = new long[16];
    private long scanned;
    private final List<Boolean> eventMatches = new ArrayList<>();
    private long[] eventWords = new long[1];

    public FilterRun(BoundFilter filter, Session session) {
        this(filter, session, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** @param parallelism 1 to stay on the calling thread, 2 to split long ranges in two */
    public FilterRun(BoundFilter filter, Session session, int parallelism) {
        this.filter = filter;
        this.session = session;
        this.store = session.frames();
        this.parallelism = Math.max(1, Math.min(2, parallelism));
    }

    /** Stops a running {@link #advance} at its next chunk and every later one at once. Any thread. */
    public void cancel() {
        cancelled = true;
    }

    /** Frames looked at so far. */
    public long scanned() {
        return scanned;
    }

    /**
     * Looks at the frames and events that arrived since the last call.
     *
     * @param progress called every {@value #CHUNK} frames or so; may be null
     * @throws java.io.UncheckedIOException when a stored session's journal cannot be read
     */
    public Result advance(Progress progress) {
        long from = scanned;
        long to = store.size();
        boolean complete = true;
        int events = session.eventCount();
        for (int e = eventMatches.size(); e < events; e++) {
            eventMatches.add(filter.matchesEvent(session.event(e)));
        }
        if (to > from) {
            ensureWords(to);
            if (parallelism > 1 && to - from >= PARALLEL_MIN) {
                long split = (from + (to - from) / 2) & ~63L;
                scanned = runSplit(from, split, to, progress);
            } else {
                scanned = new Part(from, to, null).run(progress, true, to - from);
            }
            complete = scanned == to;
        }
        return new Result(new MatchSet(words, scanned), eventSet(), complete && !stopped());
    }

    /** The result so far, without looking at anything new. */
    public Result result() {
        return new Result(new MatchSet(words, scanned), eventSet(), !cancelled);
    }

    private MatchSet eventSet() {
        int n = eventMatches.size();
        if (eventWords.length * 64 < n) {
            eventWords = Arrays.copyOf(eventWords, Math.max(eventWords.length * 2, (n + 63) / 64));
        }
        for (int i = 0; i < n; i++) {
            if (eventMatches.get(i)) {
                eventWords[i >>> 6] |= 1L << i;
            }
        }
        return new MatchSet(eventWords, n);
    }

    private boolean stopped() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    private void ensureWords(long to) {
        int needed = (int) ((to + 63) >>> 6);
        if (needed > words.length) {
            words = Arrays.copyOf(words, Math.max(needed, words.length + words.length / 2));
        }
    }

    /** Two parts, the second on the common pool; returns the end of what is decided without a gap. */
    private long runSplit(long from, long split, long to, Progress progress) {
        AtomicLong second = new AtomicLong();
        Part tail = new Part(split, to, second);
        CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> tail.run(null, false, 0), ForkJoinPool.commonPool());
        long firstEnd;
        try {
            firstEnd = new Part(from, split, null).run(progress == null ? null
                    : (done, total) -> progress.update(done + second.get(), to - from), true, to - from);
        } catch (RuntimeException e) {
            tail.stop = true;
            throw e;
        }
        if (firstEnd < split) {
            tail.stop = true;
        }
        long secondEnd = await(other, tail, progress, from, to, firstEnd - from);
        if (firstEnd < split) {
            clearFrom(firstEnd);
            return firstEnd;
        }
        if (secondEnd < to) {
            clearFrom(secondEnd);
        }
        return secondEnd;
    }

    private long await(CompletableFuture<Long> other, Part tail, Progress progress, long from, long to, long firstDone) {
        while (true) {
            try {
                return other.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (stopped()) {
                    tail.stop = true;
                }
                if (progress != null) {
                    progress.update(firstDone + tail.done.get(), to - from);
                }
            } catch (InterruptedException e) {
                tail.stop = true;
                Thread.currentThread().interrupt(); // stays set for our caller; the part stops at its next chunk
                try {
                    return other.join();
                } catch (CompletionException c) {
                    throw unwrap(c);
                }
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
        }
    }

    private static RuntimeException unwrap(Exception e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    /** Clears the bits at and above {@code seq}: what a stopped part decided beyond the gap is decided again later. */
    private void clearFrom(long seq) {
        int w = (int) (seq >>> 6);
        if (w < words.length) {
            words[w] &= (1L << seq) - 1; // all of it when seq is a multiple of 64
            Arrays.fill(words, w + 1, words.length, 0);
        }
    }

    /** Frames {@code [from, to)} on one thread, with its own cursor, batch and message tracking. */
    private final class Part {
        final long from;
        final long to;
        final AtomicLong done;
        volatile boolean stop;

        Part(long from, long to, AtomicLong done) {
            this.from = from;
            this.to = to;
            this.done = done == null ? new AtomicLong() : done;
        }

        /**
         * Returns the seq it reached ({@code to} unless stopped).
         *
         * @param onCaller true on the thread that called {@link #advance}, whose interrupt stops it
         */
        long run(Progress progress, boolean onCaller, long total) {
            FrameCursor cursor = new FrameCursor(store, filter.context());
            MessageKinds.Tracker messages = MessageKinds.Tracker.from(store, from);
            Terms.Node root = filter.root();
            FrameBatch batch = filter.scansPayloads() ? new FrameBatch(4096, 1 << 20) : null;
            long[] bits = words;
            long seq = from;
            while (seq < to) {
                if (stop || cancelled || (onCaller && Thread.currentThread().isInterrupted())) {
                    return seq;
                }
                long end = Math.min(to, seq + CHUNK);
                if (batch != null) {
                    while (seq < end) {
                        int n = store.read(seq, end, batch);
                        if (n == 0) {
                            throw new IllegalStateException("the store gave no frames at " + seq + " of " + end);
                        }
                        byte[] payload = batch.payload();
                        for (int i = 0; i < n; i++, seq++) {
                            int flags = batch.flags[i];
                            boolean inbound = (flags & FrameBatch.INBOUND) != 0;
                            int firstByte = flags & FrameBatch.FIRST_BYTE;
                            boolean text = messages.next(inbound ? Direction.IN : Direction.OUT, firstByte);
                            cursor.at(seq, firstByte, inbound, text, batch.payloadLength[i]);
                            cursor.payloadIn(payload, batch.payloadOffset[i]);
                            if (root.frame(cursor)) {
                                bits[(int) (seq >>> 6)] |= 1L << seq;
                            }
                        }
                    }
                } else {
                    for (; seq < end; seq++) {
                        int firstByte = store.firstByte(seq);
                        Direction direction = store.direction(seq);
                        boolean text = messages.next(direction, firstByte);
                        cursor.at(seq, firstByte, direction == Direction.IN, text, store.payloadLength(seq));
                        if (root.frame(cursor)) {
                            bits[(int) (seq >>> 6)] |= 1L << seq;
                        }
                    }
                }
                done.set(seq - from);
                if (progress != null) {
                    progress.update(seq - from, total);
                }
            }
            return seq;
        }
    }
}
