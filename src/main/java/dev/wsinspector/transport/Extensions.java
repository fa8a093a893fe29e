package dev.wsinspector.transport;

import dev.wsinspector.transport.deflate.PermessageDeflate;
import org.java_websocket.extensions.IExtension;

/** The extensions the client can offer. */
final class Extensions {

    private Extensions() {
    }

    /**
     * The permessage-deflate offer: what browsers offer ({@code permessage-deflate; client_max_window_bits}),
     * honouring context takeover. The library's own extension always demands no context takeover, which
     * servers that keep context refuse with HTTP 400 (DESIGN.md).
     */
    static IExtension permessageDeflate() {
        return new PermessageDeflate();
    }
}
