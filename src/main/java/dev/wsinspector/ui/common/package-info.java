/**
 * What every part of the GUI shares: {@link dev.wsinspector.ui.common.ViewLoader} with
 * {@link dev.wsinspector.ui.common.Controllers} (FXML views and the one controller factory), {@link dev.wsinspector.ui.common.BackgroundTasks} (the one way to run work off
 * the FX thread, latest request per key wins), the uncaught-exception handler and its error window (an FXML view over
 * {@link dev.wsinspector.ui.common.ErrorViewModel}), short
 * notices, the app icons, and {@link dev.wsinspector.ui.common.CompactBar} (a bar whose buttons drop to their Ikonli
 * icon rather than cut their text). No feature's state or views live here.
 */
package dev.wsinspector.ui.common;
