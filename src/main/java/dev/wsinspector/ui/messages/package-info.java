/**
 * A profile's saved messages inside its connection tab: the list ({@code SavedMessagesPanelView.fxml},
 * {@link dev.wsinspector.ui.messages.SavedMessagesPanelController}, rows drawn by the cheap
 * {@code SavedMessageCell}), one-click send, reorder, send-on-connect marks, and the small editor used for "Save
 * from composer" and "Save this frame" ({@link dev.wsinspector.ui.messages.SavedMessageDialog} around
 * {@code SavedMessageFormView.fxml} over {@link dev.wsinspector.ui.messages.SavedMessageForm}). State and logic are
 * in {@link dev.wsinspector.ui.messages.SavedMessagesViewModel}; changes are saved into the tab's profile through a
 * callback; sending goes through the tab's templates so variables resolve.
 */
package dev.wsinspector.ui.messages;
