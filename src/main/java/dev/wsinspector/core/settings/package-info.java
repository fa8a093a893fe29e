/**
 * What the desktop app remembers between starts (the main window's place and size, the theme choice), in
 * {@code <data dir>/settings.json} ({@link dev.wsinspector.core.settings.SettingsStore}). Plain Java and Jackson:
 * applying them to a window is the app's job.
 */
package dev.wsinspector.core.settings;
