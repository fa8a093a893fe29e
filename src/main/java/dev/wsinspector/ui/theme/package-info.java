/**
 * The light and dark looks ({@link dev.wsinspector.ui.theme.Theme}: AtlantaFX's Primer themes plus the stylesheets
 * in the resources of this package: app.css, detail.css, light.css, dark.css), the toolbar's theme menu
 * ({@link dev.wsinspector.ui.theme.ThemeMenu}) and the desktop's light or dark preference
 * ({@link dev.wsinspector.ui.theme.SystemColorScheme}, plain Java, for the choice System). Only looks: remembering
 * the choice belongs to {@code app} and {@code core.settings}; feature views add their style classes to the CSS here.
 */
package dev.wsinspector.ui.theme;
