/**
 * The intercepting proxy's decisions and its API (issue 16, item 3), as plain Java: which leg and direction a
 * frame belongs to ({@link dev.wsinspector.core.proxy.Leg}, {@link dev.wsinspector.core.proxy.Flow}), the
 * handshake header rewrite ({@link dev.wsinspector.core.proxy.HeaderRule}), breakpoints over the
 * {@code core.filter} language ({@link dev.wsinspector.core.proxy.Breakpoints}), held messages, the pairing of a
 * forwarded frame with its copy on the other leg ({@link dev.wsinspector.core.proxy.LegPairs}) and the
 * {@link dev.wsinspector.core.proxy.Interceptor} interface that the UI and the CLI drive. The sockets are in
 * {@code transport.InterceptingProxy}; nothing here opens one.
 */
package dev.wsinspector.core.proxy;
