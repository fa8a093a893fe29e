package dev.wsinspector.ui.common;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** A bar short of room shows icons instead of cutting texts, in the order given, and the texts come back. */
@ExtendWith(ApplicationExtension.class)
class CompactBarTest {

    private Button pause;
    private Button clear;
    private Button find;
    private CompactBar bar;

    @Start
    void start(Stage stage) {
        pause = CompactBar.withIcon(new Button("Pause view"), MaterialDesignP.PAUSE);
        clear = CompactBar.withIcon(new Button("Clear"), MaterialDesignB.BROOM);
        find = CompactBar.withIcon(new Button("Find"), MaterialDesignM.MAGNIFY);
        TextField field = new TextField();
        field.setPrefColumnCount(10);
        field.setMinWidth(40);
        bar = new CompactBar(8, pause, clear, field, find).collapsible(pause, find, clear);
        // A group that leaves the bar's size to the test (the shared stage may carry another test's minimum size).
        Group root = new Group(bar);
        root.setAutoSizeChildren(false);
        stage.setScene(new Scene(root, 800, 40));
        stage.show();
    }

    private void width(FxRobot robot, double width) {
        robot.interact(() -> {
            bar.resize(width, 40);
            bar.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dropsTextsOneByOneWhenNarrowAndBringsThemBack(FxRobot robot) throws Exception {
        width(robot, 800);
        assertThat(fx(bar::collapsedCount)).isZero();
        double full = fx(() -> bar.prefWidth(-1));

        width(robot, full - 10);
        assertThat(fx(() -> pause.getContentDisplay())).as("the first given goes first").isEqualTo(ContentDisplay.GRAPHIC_ONLY);
        assertThat(fx(() -> clear.getContentDisplay())).isEqualTo(ContentDisplay.LEFT);

        width(robot, 120);
        assertThat(fx(bar::collapsedCount)).isEqualTo(3);
        assertThat(fx(() -> pause.getWidth())).as("a button never goes below its own width")
                .isGreaterThanOrEqualTo(fx(() -> pause.prefWidth(-1)) - 0.5);

        width(robot, 800);
        assertThat(fx(bar::collapsedCount)).isZero();
    }

    @Test
    void anIconOnlyButtonKeepsItsTextForTheUser() throws Exception {
        assertThat(fx(() -> pause.getTooltip().getText())).isEqualTo("Pause view");
        assertThat(fx(() -> pause.getAccessibleText())).isEqualTo("Pause view");
        assertThat(fx(() -> pause.getMinWidth())).isEqualTo(Region.USE_PREF_SIZE);
    }
}
