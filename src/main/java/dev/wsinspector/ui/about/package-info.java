/**
 * The About window and the facts it shows ({@link dev.wsinspector.ui.about.AboutInfo}: versions, data directory,
 * log file), which error reports reuse. No app state lives here.
 */
package dev.wsinspector.ui.about;
