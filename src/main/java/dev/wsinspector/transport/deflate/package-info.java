/**
 * permessage-deflate (RFC 7692) for Java-WebSocket, replacing the library's extension: offers what browsers
 * offer, honours the negotiated context takeover and window bits ({@link dev.wsinspector.transport.deflate.DeflateParameters}),
 * guards against decompression bombs ({@link dev.wsinspector.transport.deflate.PermessageDeflate}), and a draft that
 * decodes compressed fragments with control frames between them ({@link dev.wsinspector.transport.deflate.PermessageDeflateDraft}).
 * Compression only: capturing frames belongs to {@code transport}.
 */
package dev.wsinspector.transport.deflate;
