package dev.wsinspector.testutil;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.settings.ThemeChoice;
import dev.wsinspector.ui.theme.ThemeMenu;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import org.fxmisc.richtext.CodeArea;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** What the desktop flow tests (real app, headless window) do the same way. */
public final class FxFlow {

    private FxFlow() {
    }

    /** Runs {@code read} on the FX thread and returns its result (at most 10 s). */
    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /**
     * Clicks the node of {@code query} once it is shown, waiting for it at most 10 s. The lookup runs on the FX
     * thread: a lookup from the test thread while the window is still being laid out (the first pulses after
     * start, a notice appearing) can miss a node that is there.
     */
    public static void clickWhenShown(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> fx(() ->
                robot.lookup(query).match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent()));
        robot.clickOn(query);
    }

    /**
     * Hides every window but {@code keep} (FX thread): popups, menus and dialogs a test left open would lie over the
     * next test's window in this JVM and take its robot clicks.
     */
    public static void hideOtherWindows(javafx.stage.Window keep) {
        java.util.List.copyOf(javafx.stage.Window.getWindows()).stream().filter(w -> w != keep)
                .forEach(javafx.stage.Window::hide);
    }

    /** Types {@code input} into the selected tab's composer in {@code mode} and clicks Send. */
    @SuppressWarnings("unchecked")
    public static void sendFromComposer(FxRobot robot, MessageMode mode, String input) {
        robot.interact(() -> {
            robot.lookup("#composerMode").queryAs(ChoiceBox.class).setValue(mode);
            robot.lookup("#composerEditor").queryAs(CodeArea.class).replaceText(input);
        });
        robot.clickOn("#sendButton");
    }

    /** The toolbar's theme menu item for {@code choice}; select it inside {@code robot.interact}. */
    public static RadioMenuItem themeItem(FxRobot robot, ThemeChoice choice) {
        for (MenuItem item : robot.lookup("#" + ThemeMenu.ID).queryAs(MenuButton.class).getItems()) {
            if (item.getUserData() == choice) {
                return (RadioMenuItem) item;
            }
        }
        throw new AssertionError("no theme menu item for " + choice);
    }

    /** Picks {@code choice} as a user does: opens the toolbar's theme menu and clicks the item. */
    public static void pickTheme(FxRobot robot, ThemeChoice choice) {
        robot.clickOn("#" + ThemeMenu.ID);
        robot.clickOn("#theme-" + choice.jsonName());
    }

    /** The theme the toolbar's menu shows as chosen. */
    public static ThemeChoice pickedTheme(FxRobot robot) throws Exception {
        return fx(() -> {
            for (ThemeChoice choice : ThemeChoice.values()) {
                if (themeItem(robot, choice).isSelected()) {
                    return choice;
                }
            }
            return null;
        });
    }
}
