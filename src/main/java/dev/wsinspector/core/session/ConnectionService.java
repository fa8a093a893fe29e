package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.FrameStore;

/** Opens connections. The one implementation lives in {@code transport}; core and UI see only this. */
public interface ConnectionService {

    /**
     * Starts connecting and returns at once. Progress arrives at {@code listener}
     * ({@link ConnectionEvent.Connecting} first, then {@link ConnectionEvent.Opened} or
     * {@link ConnectionEvent.Failed}, finally {@link ConnectionEvent.Closed}); every frame in both directions is
     * appended to {@code store}. A malformed URL is reported as a {@code Failed} event too, never thrown.
     */
    Connection connect(ConnectionOptions options, FrameStore store, ConnectionListener listener);
}
