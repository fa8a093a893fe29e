/**
 * Light and dark themes ({@link dev.wsinspector.ui.theme.Theme}): the stylesheets in the resources of this package
 * (app.css, detail.css, light.css, dark.css) applied to a scene. Only looks: remembering the choice belongs to
 * {@code app} and {@code core.settings}.
 */
package dev.wsinspector.ui.theme;
