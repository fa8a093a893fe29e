package dev.wsinspector.core.proxy;

import dev.wsinspector.core.filter.FilterSyntaxException;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The intercepting WebSocket proxy as the UI and the CLI see it (implemented by
 * {@code transport.InterceptingProxy}, wired in by the app): a reverse proxy a client connects to instead of
 * the server; each client connection gets its own upstream connection, both legs captured. Every method is
 * safe to call from any thread and returns promptly (start and stop block briefly); listeners are called on
 * the proxy's threads.
 */
public interface Interceptor {

    /** Binds and starts accepting; returns {@code ws://HOST:PORT/}. */
    URI start() throws IOException;

    /** Stops accepting, closes every client (1001) and its upstream; held messages are dropped. Idempotent. */
    void stop();

    Optional<URI> address();

    ProxySettings settings();

    void addListener(InterceptListener listener);

    void removeListener(InterceptListener listener);

    /** Client connections so far, in accept order (ended ones too, until {@link #forget}). */
    List<ProxiedClient> clients();

    /** Lets go of an ended client's captures (an open one is kept). */
    void forget(int client);

    /**
     * Sets or removes (null, blank) the breakpoint of {@code flow}. Removing it forwards the messages it held.
     *
     * @throws FilterSyntaxException for a bad expression (the breakpoint is left as it was)
     */
    void setBreakpoint(Flow flow, String expression);

    Optional<String> breakpoint(Flow flow);

    /** Messages held now, oldest first. */
    List<HeldMessage> held();

    /** Forwards a held message as it was; false when it is no longer held. */
    boolean forward(long id);

    /**
     * Forwards a held message with a new payload (same opcode: text stays text and must be UTF-8), sent as one
     * uncompressed frame; false when it is no longer held.
     */
    boolean forwardEdited(long id, byte[] payload);

    /** Drops a held message: the receiver never sees it; false when it is no longer held. */
    boolean drop(long id);

    /** Forwards every held message as it was. */
    void forwardAll();

    /**
     * Sends a message of the user's towards {@code flow.target()} on client {@code client}'s connection, at the
     * next message boundary of that flow (after a fragmented message in progress).
     *
     * @return false when that client is unknown or its target leg is no longer open
     */
    boolean inject(int client, Flow flow, boolean text, byte[] payload);
}
