package dev.wsinspector.ui.about;

import dev.wsinspector.ui.common.AppIcons;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The About window: version, Java and JavaFX versions, where the data and the log are. The app registers its
 * {@link AboutInfo} on the main window ({@link #register}); the toolbar's button ({@link #button}) finds it there,
 * so the main window needs no knowledge of paths or versions.
 */
public final class AboutDialog {

    private AboutDialog() {
    }

    /** Makes {@code info} what the About button of this window shows. */
    public static void register(Window window, AboutInfo info) {
        window.getProperties().put(AboutInfo.class, info);
    }

    /** The toolbar's "About" button. */
    public static Button button() {
        Button button = new Button("About");
        button.setId("aboutButton");
        button.setTooltip(new Tooltip("Version, Java, data directory and log file"));
        button.setOnAction(e -> {
            Window owner = button.getScene() == null ? null : button.getScene().getWindow();
            Object info = owner == null ? null : owner.getProperties().get(AboutInfo.class);
            show(owner, info instanceof AboutInfo a ? a : AboutInfo.current(null, null));
        });
        return button;
    }

    public static Stage show(Window owner, AboutInfo info) {
        Label name = new Label("WS Inspector");
        name.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        Label tagline = new Label("Every frame of your WebSocket connection, live.");
        VBox title = new VBox(4, name, tagline);
        title.setAlignment(Pos.CENTER_LEFT);
        ImageView icon = new ImageView(AppIcons.image(64));
        HBox header = new HBox(16, icon, title);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        row(grid, 0, "Version", "aboutVersion", info.version());
        row(grid, 1, "Java", "aboutJava", info.java());
        row(grid, 2, "JavaFX", "aboutJavaFx", info.javafx());
        row(grid, 3, "OS", "aboutOs", info.os());
        row(grid, 4, "Data directory", "aboutDataDirectory", info.dataDirectoryText());
        row(grid, 5, "Log file", "aboutLogFile", info.logFileText());

        Stage stage = new Stage();
        Button copy = new Button("Copy");
        copy.setId("aboutCopyButton");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(info.text());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        Button close = new Button("Close");
        close.setId("aboutCloseButton");
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, grow, close);

        VBox root = new VBox(16, header, grid, buttons);
        root.setId("aboutDialog");
        root.setPadding(new Insets(20));
        Scene scene = new Scene(root);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setTitle("About WS Inspector");
        stage.setScene(scene);
        stage.setResizable(false);
        AppIcons.apply(stage);
        stage.show();
        return stage;
    }

    private static void row(GridPane grid, int row, String key, String id, String value) {
        Label k = new Label(key);
        k.setStyle("-fx-font-weight: bold;");
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(520);
        grid.addRow(row, k, v);
    }
}
