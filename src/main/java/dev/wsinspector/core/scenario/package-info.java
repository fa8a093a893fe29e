/**
 * Scenario files (issue 15): WebSocket tests with assertions, run from the CLI's {@code test} command and the GUI's
 * Tests panel. {@link dev.wsinspector.core.scenario.ScenarioReader} reads a file (JSON or YAML) into a
 * {@link dev.wsinspector.core.scenario.Scenario} and reports what is wrong at a file, line and column;
 * {@link dev.wsinspector.core.scenario.ScenarioRunner} runs it over a {@code core.session.ConnectionService}
 * (real connections, every wait bounded) into a {@link dev.wsinspector.core.scenario.ScenarioResult} with each
 * step's verdict, reason and the seqs of the frames it matched or last saw;
 * {@link dev.wsinspector.core.scenario.ScenarioOutput} writes results as JSON lines, JUnit XML and HTML;
 * {@link dev.wsinspector.core.scenario.ScenarioRecorder} turns a recorded session into a scenario with loosened
 * matchers. No sockets, no JavaFX here; files are read here but written by the callers.
 */
package dev.wsinspector.core.scenario;
