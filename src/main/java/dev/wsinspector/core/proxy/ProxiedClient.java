package dev.wsinspector.core.proxy;

import dev.wsinspector.core.session.Session;

/**
 * One client connection through the proxy: both legs' captures and the pairing of their frames.
 *
 * @param id         1, 2, … in accept order (JSONL's {@code "client"})
 * @param remote     the client's address, for people ({@code 127.0.0.1:53122})
 * @param clientLeg  client↔proxy
 * @param serverLeg  proxy↔upstream
 * @param pairs      which frame is whose copy
 */
public record ProxiedClient(int id, String remote, Session clientLeg, Session serverLeg, LegPairs pairs) {

    public Session leg(Leg leg) {
        return leg == Leg.CLIENT ? clientLeg : serverLeg;
    }
}
