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

    private static boolean titleVisibleOn(double x, double y, double width, Rectangle2D screen) {
        double visibleWidth = Math.min(x + width, screen.getMaxX()) - Math.max(x, screen.getMinX());
        double visibleHeight = Math.min(y + TITLE_HEIGHT, screen.getMaxY()) - Math.max(y, screen.getMinY());
        return visibleWidth >= MIN_VISIBLE_WIDTH && visibleHeight >= TITLE_HEIGHT;
    }
}
