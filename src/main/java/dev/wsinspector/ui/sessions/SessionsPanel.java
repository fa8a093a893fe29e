package dev.wsinspector.ui.sessions;

import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.util.Duration;

/**
 * The Sessions sidebar: search, the list of journaled sessions (a few lines each: title and how it ended; URL;
 * start and duration; frames and bytes), the actions, the "Opening…" state, the "Deleted — Undo" notice and the
 * retention rule. Every action is a call on {@link SessionsViewModel}; showing an opened session is handed to
 * the window ({@code opener}). While the panel is in a scene the list is read again every few seconds (small
 * {@code session.json} files, off the FX thread), so running sessions' counts move.
 */
public final class SessionsPanel extends VBox {

    /** How often the list is read again while shown. */
    static final Duration REFRESH_EVERY = Duration.seconds(3);

    private final SessionsViewModel model;
    private final SessionsViewModel.Opener opener;
    private final ListView<SessionRow> list = new ListView<>();
    private final Timeline refresher;

    public SessionsPanel(SessionsViewModel model, SessionsViewModel.Opener opener) {
        super(6);
        this.model = model;
        this.opener = opener;
        setId("sessionsPanel");
        getStyleClass().addAll("profiles-panel", "sessions-panel");
        setPadding(new Insets(8));
        setPrefWidth(330);
        setMinWidth(260);

        Label title = new Label("Sessions");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Button refresh = button("Refresh", "refreshSessionsButton", "Read the sessions again (also every few seconds"
                + " while this panel shows)", model::refresh);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(6, title, grow, refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        TextField search = new TextField();
        search.setId("sessionSearch");
        search.setPromptText("Search name, URL, id");
        search.textProperty().bindBidirectional(model.filterProperty());

        list.setId("sessionList");
        list.setItems(model.sessions());
        list.setCellFactory(l -> new SessionCell());
        // The counts of a row take one line or two depending on the width (SessionCell.fitsOneLine).
        list.widthProperty().addListener((o, was, now) -> {
            if (Math.abs(was.doubleValue() - now.doubleValue()) >= 1) {
                list.refresh();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> model.select(row));
        model.selectedProperty().addListener((o, a, row) -> {
            if (list.getSelectionModel().getSelectedItem() != row) {
                if (row == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(row);
                }
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
            }
        });
        list.setContextMenu(contextMenu());
        Label empty = new Label();
        empty.getStyleClass().add("hint");
        empty.setWrapText(true);
        empty.setPadding(new Insets(8));
        empty.setMouseTransparent(true);
        empty.textProperty().bind(model.placeholderProperty());
        empty.visibleProperty().bind(Bindings.isEmpty(model.sessions()));
        StackPane listArea = new StackPane(list, empty);
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        VBox.setVgrow(listArea, Priority.ALWAYS);

        Label retention = new Label();
        retention.textProperty().bind(model.retentionTextProperty());
        retention.setId("sessionRetention");
        retention.getStyleClass().add("hint");
        retention.setWrapText(true);
        retention.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip retentionTip = new Tooltip();
        retentionTip.textProperty().bind(model.retentionTextProperty().concat(".\nChange the numbers in the data"
                + " directory's settings.json: \"sessions\": {\"maxAgeDays\": 30, \"maxGigabytes\": 10}"));
        retention.setTooltip(retentionTip);

        getChildren().addAll(header, search, listArea, actions(), opening(), notice(), error(), retention);

        refresher = new Timeline(new KeyFrame(REFRESH_EVERY, e -> model.refresh()));
        refresher.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                model.refresh();
                refresher.play();
            } else {
                refresher.stop();
            }
        });
    }

    public ListView<SessionRow> list() {
        return list;
    }

    // ---- actions ----

    private void openSelected() {
        model.open(model.selectedProperty().get(), opener);
    }

    private void renameSelected() {
        SessionRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(row.meta().name());
        ask.initOwner(getScene().getWindow());
        ask.initModality(Modality.NONE);
        ask.setTitle("Rename session");
        ask.setHeaderText("New name for '" + row.title() + "' (empty: show its profile or URL)");
        ask.getDialogPane().setId("renameSessionDialog");
        ask.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        ask.resultProperty().addListener((o, a, name) -> {
            if (name != null && !name.strip().equals(row.meta().name())) {
                model.rename(row, name);
            }
        });
        ask.show();
    }

    private void togglePin() {
        SessionRow row = model.selectedProperty().get();
        if (row != null) {
            model.pin(row, !row.pinned());
        }
    }

    private void deleteSelected() {
        model.delete(model.selectedProperty().get());
    }

    // ---- layout ----

    private VBox actions() {
        var none = model.selectedProperty().isNull();
        Button open = button("Open", "openSessionButton", "Show the session read-only in a new tab (Enter,"
                + " double-click); Connect there goes live at the same address", this::openSelected);
        open.getStyleClass().add("accent");
        open.disableProperty().bind(none);
        Button rename = button("Rename…", "renameSessionButton", "Give the session a name", this::renameSelected);
        rename.disableProperty().bind(none);
        Button pin = button("Pin", "pinSessionButton", "", this::togglePin);
        pin.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().pinned() ? "Unpin" : "Pin", model.selectedProperty()));
        pin.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().pinned() ? "Let the retention delete it again when it is old"
                : "Keep it: the retention at start never deletes pinned sessions", model.selectedProperty()));
        pin.disableProperty().bind(none);
        Button delete = button("Delete", "deleteSessionButton", "", this::deleteSelected);
        delete.disableProperty().bind(model.canDeleteProperty().not());
        delete.getTooltip().textProperty().bind(model.deleteTipProperty());
        // A disabled button shows no tooltip: its holder does, so the reason is one hover away.
        StackPane deleteHolder = new StackPane(delete);
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.deleteTipProperty());
        Tooltip.install(deleteHolder, why);
        FlowPane row = new FlowPane(4, 4, open, rename, pin, deleteHolder);

        Label reason = new Label();
        reason.setId("sessionActionHint");
        reason.getStyleClass().add("hint");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().running() ? SessionsViewModel.RUNNING_REASON : "",
                model.selectedProperty()));
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        return new VBox(4, row, reason);
    }

    private Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private ContextMenu contextMenu() {
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> openSelected());
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> renameSelected());
        MenuItem pin = new MenuItem("Pin / Unpin");
        pin.setOnAction(e -> togglePin());
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> deleteSelected());
        ContextMenu menu = new ContextMenu(open, rename, pin, new SeparatorMenuItem(), delete);
        menu.setOnShowing(e -> {
            boolean none = model.selectedProperty().get() == null;
            open.setDisable(none);
            rename.setDisable(none);
            pin.setDisable(none);
            delete.setDisable(!model.canDeleteProperty().get());
        });
        return menu;
    }

    private HBox opening() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        Label text = new Label();
        text.setId("sessionOpening");
        text.textProperty().bind(model.openingProperty());
        text.setWrapText(true);
        HBox bar = new HBox(6, spinner, text);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("notice-bar");
        bar.visibleProperty().bind(model.openingProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private HBox notice() {
        Label text = new Label();
        text.setId("sessionNotice");
        text.textProperty().bind(model.noticeProperty());
        text.setWrapText(true);
        Button undo = new Button("Undo");
        undo.setId("undoSessionDeleteButton");
        undo.setMinWidth(Region.USE_PREF_SIZE);
        undo.setTooltip(new Tooltip("Bring the session back from the trash"));
        undo.visibleProperty().bind(model.undoAvailableProperty());
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setOnAction(e -> model.undoDelete());
        Button dismiss = new Button("✕");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setTooltip(new Tooltip("Dismiss"));
        dismiss.setOnAction(e -> model.clearNotice());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, text, grow, undo, dismiss);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("notice-bar");
        bar.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Label error() {
        Label error = new Label();
        error.setId("sessionError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    /** A few lines, built once per cell; {@link #updateItem} only sets the row's ready-made texts. */
    /** The list's border, the cell's padding and a vertical scroll bar: what a row's text cannot use. */
    private static final double CELL_ROOM = 32;

    private final class SessionCell extends ListCell<SessionRow> {
        private final Label pin = new Label("★");
        private final Label title = new Label();
        private final Label ended = new Label();
        private final Label url = new Label();
        private final Label when = new Label();
        private final Label counts = new Label();
        private final VBox box;

        SessionCell() {
            pin.getStyleClass().add("session-pin");
            pin.setMinWidth(Region.USE_PREF_SIZE);
            pin.managedProperty().bind(pin.visibleProperty());
            title.getStyleClass().add("session-title");
            title.setMinWidth(40);
            ended.getStyleClass().add("session-ended");
            ended.setMinWidth(Region.USE_PREF_SIZE);
            url.getStyleClass().add("session-url");
            url.setMinWidth(0);
            url.managedProperty().bind(url.visibleProperty());
            when.getStyleClass().add("session-details");
            when.setMinWidth(0);
            counts.getStyleClass().add("session-details");
            counts.setMinWidth(0);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox top = new HBox(4, pin, title, grow, ended);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(1, top, url, when, counts);
            box.setMinWidth(0);
            box.setPrefWidth(1);  // take the cell's width, never widen the list
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    openSelected();
                }
            });
        }

        /**
         * Whether frames and bytes fit on one line of the list (a long session's counts do not): else they take
         * two, decided here because a cell's height does not follow a wrapping label.
         */
        private boolean fitsOneLine(String text) {
            double room = list.getWidth() - snappedLeftInset() - snappedRightInset() - CELL_ROOM;
            if (list.getWidth() <= 0) {
                return true;
            }
            Text measure = new Text(text);
            measure.setFont(counts.getFont());
            return measure.getLayoutBounds().getWidth() <= room;
        }

        @Override
        protected void updateItem(SessionRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("session-running", "session-abrupt");
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            pin.setVisible(row.pinned());
            title.setText(row.title());
            ended.setText(row.ended());
            url.setText(row.url());
            url.setVisible(!row.url().equals(row.title()));  // a session without a name shows its URL once
            when.setText(row.when());
            counts.setText(fitsOneLine(row.counts()) ? row.counts() : row.frames() + "\n" + row.bytes());
            switch (row.endKind()) {
                case RUNNING -> getStyleClass().add("session-running");
                case ABRUPT -> getStyleClass().add("session-abrupt");
                default -> { }
            }
            setTooltip(new Tooltip(row.title() + "\n" + row.url() + "\nid " + row.id() + "\nstarted " + row.started()
                    + ", " + row.duration() + ", " + row.ended() + "\n" + row.frames() + "\n" + row.bytes()
                    + (row.pinned() ? "\npinned: kept by the retention" : "")));
            setGraphic(box);
        }
    }
}
