/**
 * The side panel of the local echo server: start and stop, host and port, clients and its log
 * ({@link dev.wsinspector.ui.server.ServerPanel} over {@link dev.wsinspector.ui.server.ServerViewModel}, which reads
 * core's {@code LocalServer} on the pulse). The server itself lives in {@code transport}; no sockets here.
 */
package dev.wsinspector.ui.server;
