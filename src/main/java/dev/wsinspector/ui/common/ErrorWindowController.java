package dev.wsinspector.ui.common;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** The error window's content (ErrorWindowView.fxml): bindings to {@link ErrorViewModel}, Copy and Close. */
public final class ErrorWindowController {

    private final ErrorViewModel model;

    @FXML private VBox errorWindow;
    @FXML private Label errorHeadline;
    @FXML private Label errorMessage;
    @FXML private Label errorHint;
    @FXML private TextArea errorDetails;
    @FXML private Button copyDetailsButton;
    @FXML private Button closeErrorButton;

    public ErrorWindowController(ErrorViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        errorHeadline.textProperty().bind(model.headlineProperty());
        errorMessage.textProperty().bind(model.messageProperty());
        errorHint.setText(model.hint());
        errorDetails.textProperty().bind(model.detailsProperty());
        copyDetailsButton.textProperty().bind(model.copyTextProperty());
        closeErrorButton.setText(model.closeText());
    }

    @FXML
    private void copy() {
        model.copy();
    }

    /** Hides the window; a failed start's window quits the app when it is hidden ({@link ErrorWindow}). */
    @FXML
    private void close() {
        errorWindow.getScene().getWindow().hide();
    }
}
