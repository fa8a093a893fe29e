/**
 * The engine's root: facts every layer needs, the app's version ({@link dev.wsinspector.core.AppVersion}) and
 * where its files live ({@link dev.wsinspector.core.DataDirectory}: {@code --data-dir}, {@code WSI_HOME} or the
 * OS convention). Everything under {@code core} is plain Java (an ArchUnit rule enforces it): no JavaFX, no
 * Java-WebSocket, no {@code transport}, {@code ui}, {@code cli} or {@code app}. Features go in a sub-package.
 */
package dev.wsinspector.core;
