package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.session.Session;

/**
 * Where a tab's new connection gets its {@link Session}: journaled on disk by the {@link SessionCatalog}, or
 * (tests, a data directory that cannot be written) in memory only.
 */
@FunctionalInterface
public interface SessionRecorder {

    /** Starts the capture of one connection to {@code url}; {@code profile} is the profile's name or empty. */
    Recorded start(String profile, String url);

    /** A capture in progress; {@link #close()} ends it (the next connect in the tab, the tab closed, exit). */
    interface Recorded extends AutoCloseable {
        Session session();

        /** Why the capture is not (or no longer) kept on disk, or null while it is. */
        String problem();

        @Override
        void close();
    }

    /** Captures kept in memory only, within no journal. */
    static SessionRecorder inMemory() {
        return (profile, url) -> {
            Session session = new Session(new SegmentedFrameStore());
            return new Recorded() {
                @Override
                public Session session() {
                    return session;
                }

                @Override
                public String problem() {
                    return null;
                }

                @Override
                public void close() {
                }
            };
        };
    }
}
