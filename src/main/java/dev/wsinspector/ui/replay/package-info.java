/**
 * The Replay panel of a connection tab: sequences of saved messages with delays and waits, "send every N ms",
 * and replaying the sent frames of a timeline range. Its layout is {@code ReplayPanelView.fxml}, each step of a
 * sequence a {@code ReplayStepView.fxml}, with thin controllers over
 * {@link dev.wsinspector.ui.replay.ReplayViewModel} and {@link dev.wsinspector.ui.replay.StepDraft}. Runs
 * {@link dev.wsinspector.core.replay.ReplayRunner}; its events become note rows in the tab's timeline, and its
 * progress is read by the UI pulse.
 */
package dev.wsinspector.ui.replay;
