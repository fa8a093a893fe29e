/**
 * Captures as files: export and import of JSONL event lines and of HAR 1.2 with Chrome's WebSocket extension,
 * and export (only) as pcapng for Wireshark ({@link dev.wsinspector.core.io.PcapngWriter}).
 * {@link dev.wsinspector.core.io.CaptureFiles} is the entry point for opening and saving a capture; the writers
 * ({@link dev.wsinspector.core.io.HarWriter}, {@link dev.wsinspector.core.io.JsonlEventWriter}) also serve the
 * CLI's live output.
 *
 * <p>Pure Java plus Jackson: no JavaFX, no Java-WebSocket. The JSONL field names and the HAR layout are a
 * contract with users' scripts and with browser DevTools (DESIGN.md "Contracts users and scripts rely on"):
 * fields may be added, never renamed. What the writers write, the readers read back to the same frames and
 * events (HAR keeps whole messages only).
 */
package dev.wsinspector.core.io;
