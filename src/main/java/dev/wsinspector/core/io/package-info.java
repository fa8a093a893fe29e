/**
 * Export (and later import) of captures: JSONL event lines and HAR 1.2 with Chrome's WebSocket extension.
 *
 * <p>Pure Java plus Jackson: no JavaFX, no Java-WebSocket. The JSONL field names and the HAR layout are a
 * contract with users' scripts and with browser DevTools (DESIGN.md "Contracts users and scripts rely on"):
 * fields may be added, never renamed.
 */
package dev.wsinspector.core.io;
