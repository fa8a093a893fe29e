package dev.wsinspector.core.mock;

import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.session.Session;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Starts mock servers; implemented in {@code transport} ({@code transport.JwsMockServers}), so the UI can run them
 * without touching sockets. Several may run at once, each on its own port.
 */
public interface MockServers {

    /** What a running server reports, on its transport threads: return quickly, touch no UI objects. */
    interface Listener {
        Listener NONE = new Listener() {
        };

        /** A client's upgrade was accepted; its capture fills from now on. */
        default void onClient(MockCapture capture) {
        }

        /** A client's connection ended (1006 when it dropped without a close frame). */
        default void onClientClosed(MockCapture capture, int code, String reason) {
        }

        /** An upgrade was refused with {@code status}; {@code why} in a few words. */
        default void onRefused(String remote, int status, String why) {
        }

        /** One line for a log: a limit bit, a client broke a rule, a reply could not be made. */
        default void onWarning(String message) {
        }
    }

    /** A server that runs; {@link #close()} stops it (clients get 1001) and may be called more than once. */
    interface Running extends AutoCloseable {
        /** Where clients connect, e.g. {@code ws://127.0.0.1:43817/}. */
        URI uri();

        /** Every client so far, open or closed, in order. */
        List<MockCapture> clients();

        @Override
        void close();
    }

    /**
     * Binds {@code host} (e.g. 127.0.0.1) and the profile's port (0: a free one), then serves the profile.
     *
     * @throws IOException when it cannot listen there
     */
    default Running start(MockProfile profile, String host, Listener listener) throws IOException {
        return start(profile, host, listener, client -> new Session(new SegmentedFrameStore()));
    }

    /**
     * As {@link #start(MockProfile, String, Listener)}, with client N's frames and events in {@code sessions.apply(N)}
     * (e.g. a journaled session from {@code core.journal.SessionRecorder}, so a tab can show and keep it).
     */
    Running start(MockProfile profile, String host, Listener listener, IntFunction<Session> sessions)
            throws IOException;
}
