package dev.wsinspector.ui.common;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A readable report of a failure: one sentence for people, the full details (versions, paths, stack trace)
 * in a box below, and "Copy details" for a bug report. Built from plain controls with no app stylesheet, so it
 * still draws when the failure was in the app's own UI code. Two kinds: an error while running (the app
 * carries on; "Close" closes this window) and a failed start (nothing else is shown; "Quit" ends the app).
 */
public final class ErrorWindow {

    private final Stage stage = new Stage();
    private final Label headline = new Label();
    private final Label message = new Label();
    private final TextArea details = new TextArea();
    private final Button copy = new Button("Copy details");
    private int reports;

    private ErrorWindow(String title, String hint, boolean fatal) {
        headline.setId("errorHeadline");
        headline.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        message.setId("errorMessage");
        message.setWrapText(true);
        Label hintLabel = new Label(hint);
        hintLabel.setId("errorHint");
        hintLabel.setWrapText(true);
        details.setId("errorDetails");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        details.setStyle("-fx-font-family: monospace;");
        VBox.setVgrow(details, Priority.ALWAYS);

        copy.setId("copyDetailsButton");
        copy.setOnAction(e -> copyDetails());
        Button close = new Button(fatal ? "Quit" : "Close");
        close.setId("closeErrorButton");
        close.setDefaultButton(true);
        close.setOnAction(e -> {
            stage.close();
            if (fatal) {
                Platform.exit();
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, grow, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(10, headline, message, hintLabel, details, buttons);
        root.setId("errorWindow");
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 720, 480);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.fire();
            }
        });
        stage.setTitle(title);
        stage.setScene(scene);
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
        reports++;
        if (reports == 1) {
            headline.setText(headlineText);
            message.setText(messageText);
            details.setText(detailText);
        } else {
            headline.setText(headlineText + " (" + reports + " errors)");
            details.appendText("\n\n---- error " + reports + " ----\n" + detailText);
        }
        return this;
    }

    public int reports() {
        return reports;
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
        return details.getText();
    }

    private void copyDetails() {
        ClipboardContent content = new ClipboardContent();
        content.putString(headline.getText() + "\n" + message.getText() + "\n\n" + details.getText());
        Clipboard.getSystemClipboard().setContent(content);
        copy.setText("Copied");
    }
}
