/**
 * The About window and the facts it shows ({@link dev.wsinspector.ui.about.AboutInfo}: versions, data directory,
 * log file), which error reports reuse. Its layout is {@code AboutView.fxml} with
 * {@link dev.wsinspector.ui.about.AboutController} over {@link dev.wsinspector.ui.about.AboutViewModel};
 * {@link dev.wsinspector.ui.about.AboutDialog} opens it. No app state lives here.
 */
package dev.wsinspector.ui.about;
