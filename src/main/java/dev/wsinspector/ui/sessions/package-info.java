/**
 * The Sessions sidebar: the journaled sessions of the data directory (past and running), searched, opened
 * read-only in a tab, renamed, pinned, deleted with undo, and the retention applied at start, all through
 * {@link dev.wsinspector.core.journal.SessionCatalog}, whose file I/O always runs off the FX thread. Making the
 * tab belongs to {@code ui.main}; sockets never appear here.
 */
package dev.wsinspector.ui.sessions;
