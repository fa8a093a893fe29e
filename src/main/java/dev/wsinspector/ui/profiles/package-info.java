/**
 * The profiles sidebar and the profile editor: saved connections grouped by folder, created, edited, renamed,
 * duplicated and deleted through {@link dev.wsinspector.core.profile.ProfileRepository}, whose file I/O always
 * runs off the FX thread. Opening a profile (a connection tab) belongs to {@code ui.main}; sockets never
 * appear here.
 */
package dev.wsinspector.ui.profiles;
