package dev.wsinspector.ui.about;

import dev.wsinspector.ui.common.AppIcons;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/** The About window's content (AboutView.fxml): the facts of {@link AboutViewModel}, Copy and Close. */
public final class AboutController {

    private final AboutViewModel model;

    @FXML private VBox aboutDialog;
    @FXML private ImageView aboutIcon;
    @FXML private Label aboutVersion;
    @FXML private Label aboutJava;
    @FXML private Label aboutJavaFx;
    @FXML private Label aboutOs;
    @FXML private Label aboutDataDirectory;
    @FXML private Label aboutLogFile;
    @FXML private Button aboutCopyButton;

    public AboutController(AboutViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        AboutInfo info = model.info();
        aboutIcon.setImage(AppIcons.image(64));
        aboutVersion.setText(info.version());
        aboutJava.setText(info.java());
        aboutJavaFx.setText(info.javafx());
        aboutOs.setText(info.os());
        aboutDataDirectory.setText(info.dataDirectoryText());
        aboutLogFile.setText(info.logFileText());
        aboutCopyButton.textProperty().bind(model.copyTextProperty());
    }

    @FXML
    private void copy() {
        model.copy();
    }

    @FXML
    private void close() {
        aboutDialog.getScene().getWindow().hide();
    }
}
