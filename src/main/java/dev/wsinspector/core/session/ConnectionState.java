package dev.wsinspector.core.session;

/** Life cycle of one connection attempt. */
public enum ConnectionState {
    CONNECTING, OPEN, CLOSING, CLOSED
}
