/**
 * The mock server's model and engine (issue 16): a server profile ({@link dev.wsinspector.core.mock.MockProfile})
 * with ordered rules ({@link dev.wsinspector.core.mock.MockRule}) and faults
 * ({@link dev.wsinspector.core.mock.Fault}), its file format ({@link dev.wsinspector.core.mock.MockProfileJson}) and
 * the files under {@code <data dir>/servers/} ({@link dev.wsinspector.core.mock.MockProfileRepository}), and
 * {@link dev.wsinspector.core.mock.MockEngine}, which decides what a server does (pure: no sockets, no threads);
 * {@code transport.MockServer} carries its decisions out on the wire. Matching reuses {@code core.scenario.Matcher}.
 */
package dev.wsinspector.core.mock;
