/**
 * One connection as the rest of the app sees it: {@link dev.wsinspector.core.session.ConnectionService} and
 * {@link dev.wsinspector.core.session.Connection} (implemented in {@code transport}), their
 * {@link dev.wsinspector.core.session.ConnectionOptions}, events and handshake, the
 * {@link dev.wsinspector.core.session.Session} (a frame store plus events), reconnection as a decorator, running
 * totals, and {@link dev.wsinspector.core.session.CaptureOrder}, which places events among frames for every
 * reader. Plain Java: no sockets and no Java-WebSocket here, no JavaFX.
 */
package dev.wsinspector.core.session;
