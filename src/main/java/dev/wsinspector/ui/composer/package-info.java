/**
 * The composer at the bottom of a connection tab: its layout {@code ComposerView.fxml} (a RichTextFX editor, mode,
 * Send, Save…, Ping, Close), the thin {@link dev.wsinspector.ui.composer.ComposerController} and
 * {@link dev.wsinspector.ui.composer.ComposerViewModel} (input, validity, template preview, history, Save…'s
 * availability), and the Frame mode's fields ({@code FrameFieldsView.fxml},
 * {@link dev.wsinspector.ui.composer.FrameFieldsController}, {@link dev.wsinspector.ui.composer.FrameFieldsViewModel}:
 * a crafted {@code core.frame.FrameSpec}, and whether pings are answered). Parsing the input is {@code core.compose}'s, resolving variables {@code core.replay}'s; sending
 * goes to the tab's connection, whose single send thread does the work.
 */
package dev.wsinspector.ui.composer;
