package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.FrameStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection's capture as the user sees it: its frames (in a {@link FrameStore}) and its events (connecting,
 * open, failures, close), each event placed among the frames by {@link ConnectionEvent#frameIndex()}.
 *
 * <p>Transport threads call {@link #onEvent}; any thread may read. Events are rare, so a plain lock is enough;
 * frames never pass through here.
 */
public final class Session implements ConnectionListener {

    private final FrameStore frames;
    private final List<ConnectionEvent> events = new ArrayList<>();
    /** Written by the transport's events and by our own close (another thread): changes must not be lost. */
    private final AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.CONNECTING);
    private volatile ConnectionEvent.Opened opened;
    private volatile ConnectionEvent.Closed closed;
    private volatile ConnectionEvent.Failed lastFailure;

    public Session(FrameStore frames) {
        this.frames = frames;
    }

    public FrameStore frames() {
        return frames;
    }

    @Override
    public void onEvent(ConnectionEvent event) {
        synchronized (events) {
            events.add(event);
        }
        if (event instanceof ConnectionEvent.Connecting) {
            state.set(ConnectionState.CONNECTING);
        } else if (event instanceof ConnectionEvent.Opened o) {
            opened = o;
            state.set(ConnectionState.OPEN);
        } else if (event instanceof ConnectionEvent.Failed f) {
            lastFailure = f;
            if (opened == null) {
                // Nothing was opened, so nothing is left to close: the attempt is over.
                state.set(ConnectionState.CLOSED);
            }
        } else if (event instanceof ConnectionEvent.Closed c) {
            closed = c;
            state.set(ConnectionState.CLOSED);
        }
    }

    /**
     * Marks the start of our closing handshake (the transport reports the end). Only an open session starts
     * closing, atomically: a close reported meanwhile by the transport's thread is never overwritten (the tab
     * would show "Closing…" for ever).
     */
    public void markClosing() {
        state.compareAndSet(ConnectionState.OPEN, ConnectionState.CLOSING);
    }

    public ConnectionState state() {
        return state.get();
    }

    public Optional<ConnectionEvent.Opened> opened() {
        return Optional.ofNullable(opened);
    }

    public Optional<ConnectionEvent.Closed> closed() {
        return Optional.ofNullable(closed);
    }

    public Optional<ConnectionEvent.Failed> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public int eventCount() {
        synchronized (events) {
            return events.size();
        }
    }

    public ConnectionEvent event(int index) {
        synchronized (events) {
            return events.get(index);
        }
    }

    /** Events from {@code fromIndex} on, as a copy. */
    public List<ConnectionEvent> eventsFrom(int fromIndex) {
        synchronized (events) {
            return List.copyOf(events.subList(Math.min(fromIndex, events.size()), events.size()));
        }
    }
}
