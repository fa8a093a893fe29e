package dev.wsinspector.core.session;

/**
 * Receives a connection's events on a transport thread. Implementations return quickly and never touch UI
 * objects from here (queue the event; the UI pulls).
 */
@FunctionalInterface
public interface ConnectionListener {
    void onEvent(ConnectionEvent event);
}
