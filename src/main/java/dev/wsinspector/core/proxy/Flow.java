package dev.wsinspector.core.proxy;

/** Which way a message travels through the proxy; a breakpoint is set per flow. */
public enum Flow {
    /** From the client to the upstream server: read on the client leg, written on the server leg. */
    TO_SERVER,
    /** From the upstream server to the client: read on the server leg, written on the client leg. */
    TO_CLIENT;

    /** The leg the message is read from. */
    public Leg source() {
        return this == TO_SERVER ? Leg.CLIENT : Leg.SERVER;
    }

    /** The leg the message is written to. */
    public Leg target() {
        return this == TO_SERVER ? Leg.SERVER : Leg.CLIENT;
    }
}
