package dev.wsinspector.core.payload.encode;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids a connection gives its requests: JSON-RPC call ids, SignalR invocation ids, Socket.IO ack ids,
 * graphql-ws operation ids. One per connection (a fresh connection starts at 1 again); thread-safe.
 */
public final class JsonRpcIds {

    private final AtomicLong next = new AtomicLong(1);

    /** The next id: 1, 2, 3… */
    public long next() {
        return next.getAndIncrement();
    }

    /** The id {@link #next()} would give, without taking it (for the composer's preview). */
    public long peek() {
        return next.get();
    }
}
