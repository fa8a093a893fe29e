package dev.wsinspector.app;

import dev.wsinspector.core.settings.AppSettings.WindowBounds;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPlacementTest {

    /** A laptop screen with a task bar at the bottom, and a bigger monitor to its left. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1440, 860);
    private static final Rectangle2D MONITOR = new Rectangle2D(-2560, -200, 2560, 1400);
    private static final List<Rectangle2D> BOTH = List.of(LAPTOP, MONITOR);

    private static Optional<Rectangle2D> restore(WindowBounds saved, List<Rectangle2D> screens) {
        return WindowPlacement.restore(saved, screens, 900, 560);
    }

    @Test
    void boundsOnAScreenAreKeptAsTheyAre() {
        assertThat(restore(new WindowBounds(100, 50, 1200, 700, false), BOTH))
                .contains(new Rectangle2D(100, 50, 1200, 700));
        assertThat(restore(new WindowBounds(-2000, -150, 1600, 1000, true), BOTH))
                .contains(new Rectangle2D(-2000, -150, 1600, 1000));
    }

    @Test
    void boundsOnAScreenThatIsGoneAreDropped() {
        assertThat(restore(new WindowBounds(-2000, -150, 1600, 1000, false), List.of(LAPTOP))).isEmpty();
        assertThat(restore(new WindowBounds(-20000, -20000, 1200, 700, false), BOTH)).isEmpty();
        assertThat(restore(new WindowBounds(5000, 100, 1200, 700, false), BOTH)).isEmpty();
    }

    @Test
    void theTitleAreaMustBeOnTheScreenNotJustTheWindow() {
        // The top edge above the screen: the title bar cannot be grabbed though most of the window shows.
        assertThat(restore(new WindowBounds(100, -30, 1200, 700, false), List.of(LAPTOP))).isEmpty();
        // Only the window's bottom part on the screen, the title under the task bar or below the screen.
        assertThat(restore(new WindowBounds(100, 830, 1200, 700, false), List.of(LAPTOP))).isEmpty();
        assertThat(restore(new WindowBounds(100, 810, 1200, 700, false), List.of(LAPTOP))).isPresent();
    }

    @Test
    void atLeastAHundredPixelsOfTheTitleMustShowSideways() {
        assertThat(restore(new WindowBounds(1350, 100, 1000, 700, false), List.of(LAPTOP))).isEmpty();
        assertThat(restore(new WindowBounds(1340, 100, 1000, 700, false), List.of(LAPTOP))).isPresent();
        assertThat(restore(new WindowBounds(-910, 100, 1000, 700, false), List.of(LAPTOP))).isEmpty();
        assertThat(restore(new WindowBounds(-900, 100, 1000, 700, false), List.of(LAPTOP))).isPresent();
    }

    @Test
    void theSizeIsAtLeastTheMinimumAndAtMostTheScreen() {
        assertThat(restore(new WindowBounds(10, 20, 300, 200, false), List.of(LAPTOP)))
                .contains(new Rectangle2D(10, 20, 900, 560));
        assertThat(restore(new WindowBounds(10, 20, 2560, 1400, false), List.of(LAPTOP)))
                .contains(new Rectangle2D(10, 20, 1440, 860));
        // A screen smaller than the minimum: the minimum wins.
        assertThat(restore(new WindowBounds(0, 0, 2000, 2000, false), List.of(new Rectangle2D(0, 0, 800, 500))))
                .contains(new Rectangle2D(0, 0, 900, 560));
    }

    @Test
    void noScreensNoPlace() {
        assertThat(restore(new WindowBounds(0, 0, 1000, 700, false), List.of())).isEmpty();
    }

    @Test
    void aFirstStartTakesEightyPercentOfTheScreenAtLeast1100By700Centred() {
        assertThat(WindowPlacement.firstStart(new Rectangle2D(0, 0, 1920, 1080), 900, 560))
                .isEqualTo(new Rectangle2D(192, 108, 1536, 864));
        assertThat(WindowPlacement.firstStart(new Rectangle2D(0, 0, 1280, 800), 900, 560))
                .isEqualTo(new Rectangle2D(90, 50, 1100, 700));
        assertThat(WindowPlacement.firstStart(LAPTOP, 900, 560)).isEqualTo(new Rectangle2D(144, 80, 1152, 700));
        // A small screen: all of it, but never below the minimum.
        assertThat(WindowPlacement.firstStart(new Rectangle2D(0, 0, 1024, 600), 900, 560))
                .isEqualTo(new Rectangle2D(0, 0, 1024, 600));
        assertThat(WindowPlacement.firstStart(new Rectangle2D(-2560, -200, 800, 500), 900, 560))
                .isEqualTo(new Rectangle2D(-2610, -230, 900, 560));
    }
}
