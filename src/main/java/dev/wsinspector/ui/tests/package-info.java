/**
 * The Tests panel of a tab's tools (issue 15): the scenarios in {@code <data dir>/scenarios/}, run one or all off
 * the FX thread through {@code core.scenario.ScenarioRunner}, pass/fail per step with the reason, and each step's
 * frames opened in a tab. {@link dev.wsinspector.ui.tests.TestRuns} is what every tab shares (provided once by the
 * composition root), {@link dev.wsinspector.ui.tests.TestsViewModel} the panel's state, testable without a toolkit.
 */
package dev.wsinspector.ui.tests;
