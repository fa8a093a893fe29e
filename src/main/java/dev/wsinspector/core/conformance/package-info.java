/**
 * The conformance run: server-side RFC 6455 (and RFC 7692) checks made from the client's side.
 * {@link dev.wsinspector.core.conformance.ConformanceCases} holds the cases as data (what each sends, often a
 * {@code core.frame.FrameSpec}, the section it checks, what a server that keeps the RFC answers);
 * {@link dev.wsinspector.core.conformance.ConformanceRunner} runs them one connection each through a
 * {@code core.session.ConnectionService}, each with its own timeout, and captures each case's frames in a session;
 * {@link dev.wsinspector.core.conformance.ConformanceOutput} writes a run as JSON lines, a table, JUnit XML and
 * HTML. Used by the CLI's {@code conformance} command and the GUI's Conformance panel alike; no sockets, no
 * JavaFX, no files here.
 */
package dev.wsinspector.core.conformance;
