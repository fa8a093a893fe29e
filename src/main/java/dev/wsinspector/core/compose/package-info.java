/**
 * What the composer's input means: {@link dev.wsinspector.core.compose.MessageParser} checks and converts text,
 * JSON, hex or base64 ({@link dev.wsinspector.core.compose.MessageMode}) into a
 * {@link dev.wsinspector.core.compose.ComposedMessage}, with one-line problems before anything is sent (the
 * Frame mode's crafted frames are {@code core.frame.FrameSpec}s, not messages). Pure
 * functions; the editor belongs to {@code ui.composer}, sending to the connection, {@code {{variables}}} to
 * {@code core.replay}.
 */
package dev.wsinspector.core.compose;
