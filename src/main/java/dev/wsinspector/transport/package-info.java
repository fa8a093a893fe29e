/**
 * Java-WebSocket 1.6.0 adapters, the only code that touches sockets: {@link dev.wsinspector.transport.JwsConnectionService}
 * opens client connections (direct or through an HTTP/SOCKS5 proxy, with their TLS settings), whose
 * {@link dev.wsinspector.transport.TappingDraft} records every frame exactly as on the wire into the
 * connection's {@code FrameStore}; the local {@link dev.wsinspector.transport.EchoServer}, whose limits
 * ({@code EchoServerGuard}) keep one client from knocking it over and whose {@code ClientFrameRules} hold clients to
 * the same RFC 6455 rules ({@code core.frame.FrameRules}) as the client holds servers. Transport threads append
 * and return; never JavaFX, {@code ui} or {@code cli} here (ArchUnit), and no formatting or files.
 * Crafted bytes ({@code CraftedWrite}) go past the library's encoder and are recorded too. The mock server
 * ({@link dev.wsinspector.transport.MockServer}, issue 16) is built like the echo server and carries out
 * {@code core.mock.MockEngine}'s decisions, faults included.
 */
package dev.wsinspector.transport;
