package dev.wsinspector.testutil;

import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;

/** Collects a connection's events for assertions, with bounded waits. */
public final class EventRecorder implements ConnectionListener {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ConnectionEvent event) {
        events.add(event);
    }

    public List<ConnectionEvent> events() {
        return List.copyOf(events);
    }

    /** Simple class names of the events so far, in order (e.g. [Connecting, Opened, Closed]). */
    public List<String> kinds() {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    /** Waits for the first event of {@code type}. */
    public <T extends ConnectionEvent> T await(Class<T> type) {
        Awaitility.await().atMost(WAIT).until(() -> first(type) != null);
        return first(type);
    }

    public <T extends ConnectionEvent> T first(Class<T> type) {
        for (ConnectionEvent e : events) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        return null;
    }

    /** All frames of a store, materialised. */
    public static List<Frame> frames(FrameStore store) {
        List<Frame> frames = new ArrayList<>();
        for (long i = 0; i < store.size(); i++) {
            frames.add(store.get(i));
        }
        return frames;
    }

    /** Waits until the store holds at least {@code count} frames. */
    public static List<Frame> awaitFrames(FrameStore store, int count) {
        Awaitility.await().atMost(WAIT).until(() -> store.size() >= count);
        return frames(store);
    }
}
