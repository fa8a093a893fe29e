package dev.wsinspector.app;

import dev.wsinspector.core.settings.AppSettings;
import javafx.geometry.Rectangle2D;

import java.util.List;
import java.util.Optional;

/**
 * Where a saved window may go back to. Screens come and go (a laptop undocked, a monitor unplugged or
 * rearranged), so saved bounds are used only while the window's title area is still on a screen: at least
 * {@value #MIN_VISIBLE_WIDTH} × {@value #TITLE_HEIGHT} px of its top {@value #TITLE_HEIGHT} px within one screen's
 * visual bounds (not under a task bar or dock), enough to grab and move it. Pure: screens are passed in.
 */
final class WindowPlacement {

    /** The strip along the window's top edge that must be on a screen: title bar and toolbar. */
    static final double TITLE_HEIGHT = 50;
    static final double MIN_VISIBLE_WIDTH = 100;
    /** A first start's window is at least this big when the screen allows (three panes side by side). */
    static final double FIRST_WIDTH = 1100;
    static final double FIRST_HEIGHT = 700;

    private WindowPlacement() {
    }

    /**
     * The bounds to give a window saved at {@code saved}: its position, its size but at least the minimum and at
     * most the size of the screen it is on; empty when no screen shows enough of its title area.
     *
     * @param screens the visual bounds of the current screens
     */
    static Optional<Rectangle2D> restore(AppSettings.WindowBounds saved, List<Rectangle2D> screens, double minWidth,
                                         double minHeight) {
        double width = Math.max(minWidth, saved.width());
        double height = Math.max(minHeight, saved.height());
        for (Rectangle2D screen : screens) {
            if (titleVisibleOn(saved.x(), saved.y(), width, screen)) {
                // Saved on a bigger screen: shrink to this one (not below the minimum), keeping the position.
                return Optional.of(new Rectangle2D(saved.x(), saved.y(),
                        Math.max(minWidth, Math.min(width, screen.getWidth())),
                        Math.max(minHeight, Math.min(height, screen.getHeight()))));
            }
        }
        return Optional.empty();
    }

    /**
     * The window of a first start (or of saved bounds on no current screen) on {@code screen}: 80 % of it, at
     * least {@value #FIRST_WIDTH} × {@value #FIRST_HEIGHT} where the screen allows, never below the minimum,
     * centred. Set explicitly rather than left to the scene's size, which some toolkits shrink to the minimum.
     */
    static Rectangle2D firstStart(Rectangle2D screen, double minWidth, double minHeight) {
        double width = Math.max(minWidth, Math.min(screen.getWidth(), Math.max(FIRST_WIDTH, screen.getWidth() * 0.8)));
        double height = Math.max(minHeight, Math.min(screen.getHeight(),
                Math.max(FIRST_HEIGHT, screen.getHeight() * 0.8)));
        width = Math.round(width);
        height = Math.round(height);
        return new Rectangle2D(Math.round(screen.getMinX() + (screen.getWidth() - width) / 2),
                Math.round(screen.getMinY() + (screen.getHeight() - height) / 2), width, height);
    }

    private static boolean titleVisibleOn(double x, double y, double width, Rectangle2D screen) {
        double visibleWidth = Math.min(x + width, screen.getMaxX()) - Math.max(x, screen.getMinX());
        double visibleHeight = Math.min(y + TITLE_HEIGHT, screen.getMaxY()) - Math.max(y, screen.getMinY());
        return visibleWidth >= MIN_VISIBLE_WIDTH && visibleHeight >= TITLE_HEIGHT;
    }
}
