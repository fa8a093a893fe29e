/**
 * The local echo server as the UI sees it: the {@link dev.wsinspector.core.server.LocalServer} interface only.
 * Its implementation ({@code transport.LocalEchoServer} over {@code transport.EchoServer}) is wired in by the app,
 * so nothing here opens a socket or imports Java-WebSocket.
 */
package dev.wsinspector.core.server;
