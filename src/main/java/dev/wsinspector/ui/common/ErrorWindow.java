package dev.wsinspector.ui.common;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

/**
 * A readable report of a failure: one sentence for people, the full details (versions, paths, stack trace)
 * in a box below, and "Copy details" for a bug report (ErrorWindowView.fxml over {@link ErrorViewModel}). Plain
 * controls with no app stylesheet and no app services, so it still draws when the failure was in the app's own
 * UI code. Two kinds: an error while running (the app carries on; "Close" closes this window) and a failed
 * start (nothing else is shown; "Quit" ends the app).
 */
public final class ErrorWindow {

    private final Stage stage = new Stage();
    private final ErrorViewModel model;

    private ErrorWindow(String title, String hint, boolean fatal) {
        model = new ErrorViewModel(hint, fatal, ErrorWindow::toClipboard);
        Parent root = new ViewLoader(Controllers.none()).load(ErrorWindowController.class, model).root();
        stage.setTitle(title);
        stage.setScene(new Scene(root, 720, 480));
        stage.setMinWidth(420);
        stage.setMinHeight(300);
        if (fatal) {
            stage.setOnHidden(e -> Platform.exit());
        }
        try {
            AppIcons.apply(stage);
        } catch (RuntimeException e) {
            // An icon is not worth failing the error report over.
        }
    }

    /** An error while the app runs: the main window stays usable. */
    public static ErrorWindow whileRunning(String logHint) {
        return new ErrorWindow("WS Inspector – error", "WS Inspector is still running; you can close this window and "
                + "carry on. " + logHint, false);
    }

    /** The app could not start: this is the only window, and closing it quits. */
    public static ErrorWindow failedStart(String logHint) {
        return new ErrorWindow("WS Inspector could not start", logHint, true);
    }

    /** Adds one report: the first sets the headline; later ones count up and append their details. */
    public ErrorWindow report(String headlineText, String messageText, String detailText) {
        model.report(headlineText, messageText, detailText);
        return this;
    }

    public int reports() {
        return model.reports();
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public Stage stage() {
        return stage;
    }

    public String detailsText() {
        return model.detailsProperty().get();
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
