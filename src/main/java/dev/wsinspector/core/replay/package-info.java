/**
 * Variables and replay: {@link dev.wsinspector.core.replay.Templates} resolves {@code {{name}}},
 * {@link dev.wsinspector.core.replay.ProfileResolver} turns a profile into connection options and sendable
 * messages, {@link dev.wsinspector.core.replay.SendOnConnect} sends a profile's send-on-connect messages at every
 * open (for the GUI's tab and the command line alike), {@link dev.wsinspector.core.replay.ReplayRunner} runs a
 * {@link dev.wsinspector.core.replay.ReplayPlan} against a connection on an injectable scheduler.
 * Plain Java: no JavaFX, no socket library.
 */
package dev.wsinspector.core.replay;
