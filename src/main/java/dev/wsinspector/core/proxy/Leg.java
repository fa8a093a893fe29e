package dev.wsinspector.core.proxy;

/**
 * One side of a proxied connection, each captured as its own {@code Session}: {@link #CLIENT} is client↔proxy
 * (the proxy acts as the server there: frames from the client are {@code IN}), {@link #SERVER} is
 * proxy↔upstream server (the proxy is the client: frames to the server are {@code OUT}).
 */
public enum Leg {
    CLIENT, SERVER;

    /** The name in JSONL's {@code "leg"} field. */
    public String jsonName() {
        return this == CLIENT ? "client" : "server";
    }
}
