/**
 * The intercepting proxy's tab (issue 16, item 3): set-up (listen address, upstream, TLS, handshake rewrites),
 * Start/Stop, both legs of a client connection through the proxy in the timelines and the detail pane a client
 * tab uses, breakpoints per direction in the filter bar's language, the held messages (edit, forward, drop) and
 * the injector. {@link dev.wsinspector.ui.proxy.ProxyTab} over {@link dev.wsinspector.ui.proxy.ProxyViewModel};
 * the proxy itself is {@code core.proxy.Interceptor}, made by a {@link dev.wsinspector.ui.proxy.ProxyFactory} the
 * app gives; no sockets here.
 */
package dev.wsinspector.ui.proxy;
