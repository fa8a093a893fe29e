/**
 * Session journals: every capture on disk as it arrives, so it outlives the process and any session length.
 * {@link dev.wsinspector.core.journal.SessionCatalog} is the entry point — it starts
 * {@link dev.wsinspector.core.journal.Recording}s (one journal thread writes them all and gives memory back at
 * the budget), lists, recovers, opens, renames, pins, deletes and retains sessions under
 * {@code <data dir>/sessions/}. The file format is {@link dev.wsinspector.core.journal.JournalFormat}, documented
 * for other tools in docs/JOURNAL.md.
 *
 * <p>Plain Java and Jackson: no JavaFX, no sockets. Exporting a stored session to HAR/JSONL/pcapng belongs to
 * {@code core.io} (it reads the session's {@code FrameStore} like any other); showing sessions to {@code ui}.
 */
package dev.wsinspector.core.journal;
