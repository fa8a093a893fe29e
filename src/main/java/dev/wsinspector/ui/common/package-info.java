/**
 * What every part of the GUI shares: {@link dev.wsinspector.ui.common.BackgroundTasks} (the one way to run work off
 * the FX thread, latest request per key wins), the uncaught-exception handler and its error window, short
 * notices, and the app icons. No feature's state or views live here.
 */
package dev.wsinspector.ui.common;
