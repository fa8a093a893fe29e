/**
 * A profile's saved messages inside its connection tab: the list, one-click send, reorder, send-on-connect
 * marks, and the small editor used for "Save from composer" and "Save this frame". Changes are saved into the
 * tab's profile through a callback; sending goes through the tab's templates so variables resolve.
 */
package dev.wsinspector.ui.messages;
