package dev.wsinspector.testutil;

import dev.wsinspector.core.compose.MessageMode;
import javafx.scene.control.ChoiceBox;
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

    /** Types {@code input} into the selected tab's composer in {@code mode} and clicks Send. */
    @SuppressWarnings("unchecked")
    public static void sendFromComposer(FxRobot robot, MessageMode mode, String input) {
        robot.interact(() -> {
            robot.lookup("#composerMode").queryAs(ChoiceBox.class).setValue(mode);
            robot.lookup("#composerEditor").queryAs(CodeArea.class).replaceText(input);
        });
        robot.clickOn("#sendButton");
    }
}
