package dev.wsinspector.ui.main;

import dev.wsinspector.ui.about.AboutDialog;
import dev.wsinspector.ui.common.CompactBar;
import dev.wsinspector.ui.theme.Theme;
import dev.wsinspector.ui.theme.ThemeMenu;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The main window (MainWindowView.fxml): bindings to {@link MainWindowViewModel}, the side panels put in their
 * slots, and the buttons handed to the window's {@link Actions}. The tabs themselves are {@link MainWindow}'s.
 */
public final class MainWindowController {

    /** What the toolbar and dropped files ask of the window, which owns the tabs and the capture files. */
    public interface Actions {
        void newTab();

        void chooseCapture();

        void openCaptures(List<Path> files);

        /** A new intercepting-proxy tab (the toolbar's New proxy…, shown once the app gives proxies). */
        default void newProxy() {
        }
    }

    private final MainWindowViewModel model;
    private final WindowPanels panels;
    private final Theme theme;
    private final Actions actions;

    @FXML private BorderPane mainWindow;
    @FXML private ToolBar mainToolbar;
    @FXML private ToggleButton profilesToggle;
    @FXML private ToggleButton sessionsToggle;
    @FXML private Button newTabButton;
    @FXML private Button openCaptureButton;
    @FXML private Button newProxyButton;
    @FXML private ToggleButton serverPanelToggle;
    @FXML private TabPane connectionTabs;
    @FXML private Label frameCounts;
    @FXML private Label frameRates;
    @FXML private Label timelinePosition;
    @FXML private Label captureMemory;
    @FXML private ProgressBar saveProgress;
    @FXML private Label statusNotice;
    @FXML private Label serverStatus;

    public MainWindowController(MainWindowViewModel model, WindowPanels panels, Theme theme, Actions actions) {
        this.model = model;
        this.panels = panels;
        this.theme = theme;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        // Icons beside the texts (issue 11), in the text's colour (the bar-icon style).
        profilesToggle.setGraphic(CompactBar.icon(MaterialDesignB.BOOKMARK_MULTIPLE_OUTLINE));
        sessionsToggle.setGraphic(CompactBar.icon(MaterialDesignH.HISTORY));
        newTabButton.setGraphic(CompactBar.icon(MaterialDesignT.TAB_PLUS));
        openCaptureButton.setGraphic(CompactBar.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        serverPanelToggle.setGraphic(CompactBar.icon(MaterialDesignS.SERVER_NETWORK));
        newProxyButton.setGraphic(CompactBar.icon(MaterialDesignS.SWAP_HORIZONTAL));
        // Built in Java by their own packages: System/Light/Dark follows the theme both ways; About (issue 5).
        Button about = AboutDialog.button();
        about.setGraphic(CompactBar.icon(MaterialDesignI.INFORMATION_OUTLINE));
        mainToolbar.getItems().addAll(ThemeMenu.create(theme), about);

        profilesToggle.selectedProperty().bindBidirectional(model.profilesShownProperty());
        sessionsToggle.selectedProperty().bindBidirectional(model.sessionsShownProperty());
        sessionsToggle.visibleProperty().bind(model.sessionsAvailableProperty());
        sessionsToggle.managedProperty().bind(sessionsToggle.visibleProperty());
        serverPanelToggle.selectedProperty().bindBidirectional(model.serverPanelShownProperty());
        openCaptureButton.disableProperty().bind(model.captureFilesAvailableProperty().not());
        mainWindow.setLeft(panels.sidebar(model.sidebarProperty().get()));
        model.sidebarProperty().addListener((o, was, shown) -> mainWindow.setLeft(panels.sidebar(shown)));
        model.serverPanelShownProperty().addListener((o, was, shown) -> mainWindow.setRight(shown ? panels.server() : null));

        frameCounts.textProperty().bind(model.countsProperty());
        frameRates.textProperty().bind(model.ratesProperty());
        frameRates.visibleProperty().bind(model.ratesShownProperty());
        frameRates.managedProperty().bind(frameRates.visibleProperty());
        timelinePosition.textProperty().bind(model.positionProperty());
        captureMemory.textProperty().bind(model.memoryProperty());
        saveProgress.progressProperty().bind(model.saveProgressProperty());
        saveProgress.visibleProperty().bind(model.savingProperty());
        saveProgress.managedProperty().bind(saveProgress.visibleProperty());
        statusNotice.textProperty().bind(model.noticeProperty());
        serverStatus.textProperty().bind(model.serverStatusProperty());
        wholeOnHover(statusNotice);
        wholeOnHover(serverStatus);
    }

    /** What gives way in the status bar (a long notice, the server's address) is shown whole on hover. */
    private static void wholeOnHover(Label givesWay) {
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(givesWay.textProperty());
        givesWay.tooltipProperty().bind(Bindings.when(givesWay.textProperty().isEmpty())
                .then((Tooltip) null).otherwise(whole));
    }

    TabPane tabs() {
        return connectionTabs;
    }

    /** A feature's toolbar item, placed after Open… (before the spacer): the app adds them (MainWindow). */
    void addToolbarItem(javafx.scene.Node item) {
        mainToolbar.getItems().add(mainToolbar.getItems().indexOf(openCaptureButton) + 1, item);
    }

    @FXML
    private void newTab() {
        actions.newTab();
    }

    /** Shows New proxy… (the app gives proxy tabs). */
    void showNewProxy() {
        newProxyButton.setVisible(true);
        newProxyButton.setManaged(true);
    }

    @FXML
    private void newProxy() {
        actions.newProxy();
    }

    @FXML
    private void openCapture() {
        actions.chooseCapture();
    }

    @FXML
    private void dragOver(DragEvent e) {
        if (!model.capturesAmong(dropped(e)).isEmpty()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    @FXML
    private void dragDropped(DragEvent e) {
        List<Path> files = model.capturesAmong(dropped(e));
        if (!files.isEmpty()) {
            actions.openCaptures(files);
        }
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    private static List<Path> dropped(DragEvent e) {
        return e.getDragboard().hasFiles() ? e.getDragboard().getFiles().stream().map(File::toPath).toList() : List.of();
    }
}
