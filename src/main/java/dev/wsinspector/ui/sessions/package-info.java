/**
 * The Sessions sidebar: the journaled sessions of the data directory (past and running), searched, opened
 * read-only in a tab, renamed, pinned, deleted with undo, and the retention applied at start, all through
 * {@link dev.wsinspector.core.journal.SessionCatalog}, whose file I/O always runs off the FX thread. The layout is
 * {@code SessionsPanelView.fxml}; {@link dev.wsinspector.ui.sessions.SessionsPanelController} only binds it to
 * {@link dev.wsinspector.ui.sessions.SessionsViewModel}, which with
 * {@link dev.wsinspector.ui.sessions.SessionActions} holds the state, what may be done and why not. Making the
 * tab belongs to {@code ui.main}; sockets never appear here.
 */
package dev.wsinspector.ui.sessions;
