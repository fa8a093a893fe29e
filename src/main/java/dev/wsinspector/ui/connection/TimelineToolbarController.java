package dev.wsinspector.ui.connection;

import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.ui.common.CompactBar;
import dev.wsinspector.ui.timeline.TimeMode;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The bar above a tab's timeline (TimelineToolbarView.fxml), bound to its {@link TimelineToolbarViewModel}. */
public final class TimelineToolbarController {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final TimelineToolbarViewModel model;

    @FXML private CompactBar timelineBar;
    @FXML private ToggleButton pauseButton;
    @FXML private Label pendingLabel;
    @FXML private Button clearButton;
    @FXML private MenuButton saveCaptureMenu;
    @FXML private CheckMenuItem includeSecretsMenu;
    @FXML private TextField goToField;
    @FXML private Button latestButton;
    @FXML private Button findButton;
    @FXML private Label timeLabel;
    @FXML private ChoiceBox<TimeMode> timeMode;
    @FXML private ToggleButton toolsToggle;

    public TimelineToolbarController(TimelineToolbarViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        pauseButton.selectedProperty().bindBidirectional(model.pausedProperty());
        pauseButton.textProperty().bind(model.pauseTextProperty());
        pendingLabel.textProperty().bind(model.pendingTextProperty());
        saveCaptureMenu.visibleProperty().bind(model.saveAvailableProperty());
        saveCaptureMenu.managedProperty().bind(saveCaptureMenu.visibleProperty());
        saveCaptureMenu.disableProperty().bind(model.hasCaptureProperty().not());
        includeSecretsMenu.selectedProperty().bindBidirectional(model.includeSecretsProperty());
        goToField.textProperty().bindBidirectional(model.goToTextProperty());
        model.goToInvalidProperty().addListener((o, a, invalid) -> goToField.pseudoClassStateChanged(INVALID, invalid));
        latestButton.visibleProperty().bind(model.latestShownProperty());
        latestButton.managedProperty().bind(latestButton.visibleProperty());
        timeMode.getItems().setAll(TimeMode.values());
        timeMode.valueProperty().bindBidirectional(model.timeModeProperty());
        timeLabel.setLabelFor(timeMode);
        toolsToggle.selectedProperty().bindBidirectional(model.toolsShownProperty());

        CompactBar.withIcon(pauseButton, MaterialDesignP.PAUSE);
        model.pausedProperty().addListener((o, a, paused) ->
                pauseButton.setGraphic(CompactBar.icon(paused ? MaterialDesignP.PLAY : MaterialDesignP.PAUSE)));
        CompactBar.withIcon(clearButton, MaterialDesignB.BROOM);
        CompactBar.withIcon(saveCaptureMenu, MaterialDesignC.CONTENT_SAVE_OUTLINE);
        CompactBar.withIcon(findButton, MaterialDesignM.MAGNIFY);
        CompactBar.withIcon(timeLabel, MaterialDesignC.CLOCK_OUTLINE);
        CompactBar.withIcon(toolsToggle, MaterialDesignM.MESSAGE_TEXT_OUTLINE);
        CompactBar.withIcon(latestButton, MaterialDesignA.ARROW_COLLAPSE_DOWN);
        // Where the bar is short of room (a sidebar open, a small window) the widest texts go first.
        timelineBar.collapsible(toolsToggle, saveCaptureMenu, pauseButton, timeLabel, clearButton, findButton,
                latestButton);
    }

    /** Puts the cursor in Go to # (Ctrl+G). */
    public void focusGoTo() {
        goToField.requestFocus();
        goToField.selectAll();
    }

    @FXML
    private void clear() {
        model.clearView();
    }

    @FXML
    private void saveHar() {
        model.saveCapture(CaptureFormat.HAR);
    }

    @FXML
    private void saveJsonl() {
        model.saveCapture(CaptureFormat.JSONL);
    }

    @FXML
    private void savePcapng() {
        model.saveCapture(CaptureFormat.PCAPNG);
    }

    @FXML
    private void goTo() {
        model.goTo();
    }

    @FXML
    private void follow() {
        model.follow();
    }

    @FXML
    private void find() {
        model.openFind();
    }
}
