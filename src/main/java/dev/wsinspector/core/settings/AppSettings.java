package dev.wsinspector.core.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * What the desktop app remembers between starts.
 *
 * @param window the main window's last normal (not maximized) place and size, and whether it was maximized;
 *               empty until a window was saved (the app then picks a size itself)
 * @param theme  the user's theme choice; {@link ThemeChoice#SYSTEM} until they pick one
 * @param sessionRetention which journaled sessions are deleted at start (edited in the file only)
 */
public record AppSettings(Optional<WindowBounds> window, ThemeChoice theme, SessionRetention sessionRetention) {

    /** A first start: no saved window, the system's theme, sessions kept 30 days / 10 GB. */
    public static final AppSettings DEFAULTS = new AppSettings(Optional.empty(), ThemeChoice.SYSTEM);

    public AppSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(sessionRetention, "sessionRetention");
    }

    /** With the default retention. */
    public AppSettings(Optional<WindowBounds> window, ThemeChoice theme) {
        this(window, theme, SessionRetention.DEFAULT);
    }

    public AppSettings withWindow(WindowBounds bounds) {
        return new AppSettings(Optional.of(bounds), theme, sessionRetention);
    }

    public AppSettings withTheme(ThemeChoice value) {
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
