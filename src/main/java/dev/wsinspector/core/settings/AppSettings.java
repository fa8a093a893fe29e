package dev.wsinspector.core.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * What the desktop app remembers between starts.
 *
 * @param window the main window's last normal (not maximized) place and size, and whether it was maximized;
 *               empty until a window was saved (the app then picks a size itself)
 * @param dark   the user's theme choice: true for Dark
 * @param sessionRetention which journaled sessions are deleted at start (edited in the file only)
 */
public record AppSettings(Optional<WindowBounds> window, boolean dark, SessionRetention sessionRetention) {

    /** A first start: no saved window, light theme, sessions kept 30 days / 10 GB. */
    public static final AppSettings DEFAULTS = new AppSettings(Optional.empty(), false);

    public AppSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(sessionRetention, "sessionRetention");
    }

    /** With the default retention. */
    public AppSettings(Optional<WindowBounds> window, boolean dark) {
        this(window, dark, SessionRetention.DEFAULT);
    }

    public AppSettings withWindow(WindowBounds bounds) {
        return new AppSettings(Optional.of(bounds), dark, sessionRetention);
    }

    public AppSettings withDark(boolean value) {
        return new AppSettings(window, value, sessionRetention);
    }

    /**
     * The window's normal bounds in screen coordinates (as the toolkit reports them, decorations included) and
     * whether it was maximized; a maximized window keeps the bounds it goes back to.
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public WindowBounds {
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width) || !Double.isFinite(height)) {
                throw new IllegalArgumentException("window bounds must be finite numbers");
            }
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("window width and height must be positive");
            }
        }

        public WindowBounds withMaximized(boolean value) {
            return new WindowBounds(x, y, width, height, value);
        }
    }
}
