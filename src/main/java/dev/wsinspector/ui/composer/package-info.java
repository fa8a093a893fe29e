/**
 * The composer at the bottom of a connection tab: {@link dev.wsinspector.ui.composer.ComposerView} (a RichTextFX
 * editor, mode, Send, Ping, Close) over {@link dev.wsinspector.ui.composer.ComposerViewModel} (input, validity,
 * template preview, history). Parsing the input is {@code core.compose}'s, resolving variables {@code core.replay}'s;
 * sending goes to the tab's connection, whose single send thread does the work.
 */
package dev.wsinspector.ui.composer;
