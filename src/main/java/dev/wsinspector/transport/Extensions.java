package dev.wsinspector.transport;

import org.java_websocket.extensions.IExtension;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;

/** The extensions the client can offer. */
final class Extensions {

    private Extensions() {
    }

    /**
     * The permessage-deflate offer. For now the library's extension, which always offers
     * {@code server_no_context_takeover; client_no_context_takeover} (DESIGN.md); swap this one line for
     * {@code new dev.wsinspector.transport.deflate.PermessageDeflate()} (browser-like offer, context takeover)
     * when that class lands.
     */
    static IExtension permessageDeflate() {
        return new PerMessageDeflateExtension();
    }
}
