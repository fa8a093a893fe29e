package dev.wsinspector.ui.connection;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.composer.ComposerView;
import dev.wsinspector.ui.composer.ComposerViewModel;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.timeline.RowFormatter;
import dev.wsinspector.ui.timeline.TimeMode;
import dev.wsinspector.ui.timeline.TimelineList;
import dev.wsinspector.ui.timeline.TimelineRow;
import dev.wsinspector.ui.timeline.TimelineView;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * One connection: its bar (URL, Connect, state badge), the timeline, the detail pane and the composer.
 * The window's pulse calls {@link #pulse(long)}; nothing here is called from transport threads.
 */
public final class ConnectionTab extends Tab {

    /** How far back to look for the first frame of a fragmented message (to know if it is text). */
    private static final int MESSAGE_START_SCAN = 100_000;

    private final ConnectionViewModel model;
    private final TimelineView timeline = new TimelineView();
    private final DetailPane detail;
    private final RowFormatter formatter = new RowFormatter(ZoneId.systemDefault());
    private final Label pending = new Label();
    private final ToggleButton pause = new ToggleButton("Pause view");
    private final ChoiceBox<TimeMode> timeMode = new ChoiceBox<>(FXCollections.observableArrayList(TimeMode.values()));
    private final Label badge = new Label();

    private Session shown;
    private CaptureStats stats = new CaptureStats();

    public ConnectionTab(ConnectionViewModel model, DetailPane detail) {
        this.model = model;
        this.detail = detail;
        getStyleClass().add("connection-tab");
        textProperty().bind(Bindings.createStringBinding(() -> tabTitle(model.urlProperty().get()), model.urlProperty()));

        ComposerViewModel composerModel = new ComposerViewModel(model::connection);
        ComposerView composer = new ComposerView(composerModel, model::close);

        BorderPane content = new BorderPane();
        content.setTop(new VBox(connectionBar(), timelineBar()));
        SplitPane middle = new SplitPane(timeline, detail);
        middle.setDividerPositions(0.62);
        SplitPane vertical = new SplitPane(middle, composer);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(composer, false);
        content.setCenter(vertical);
        setContent(content);

        timeline.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showDetail(row));
        model.stateProperty().addListener((o, a, state) -> updateBadge(state));
        updateBadge(model.stateProperty().get());
    }

    public ConnectionViewModel model() {
        return model;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public CaptureStats stats() {
        return stats;
    }

    /** Memory held by this tab's capture. */
    public long captureBytes() {
        Session session = model.session();
        return session == null ? 0 : session.frames().retainedBytes();
    }

    /** Called by the window's pulse: bring state and new frames in, in one batch. */
    public void pulse(long nowNanos) {
        model.refresh();
        Session session = model.session();
        if (session != shown) {
            shown = session;
            stats = new CaptureStats();
            timeline.show(session == null ? null : new TimelineList(session, formatter));
            timeline.rows().setPaused(pause.isSelected());
            if (timeline.rows() != null) {
                timeline.rows().setTimeMode(timeMode.getValue());
            }
            detail.clear();
        }
        TimelineList rows = timeline.rows();
        if (rows == null) {
            return;
        }
        // Follow new rows only while the user is looking at the newest ones; scrolling up stops following.
        boolean atBottom = timeline.isAtBottom();
        int added = rows.pull();
        if (added > 0 && atBottom) {
            timeline.scrollToEnd();
        }
        long waiting = rows.pendingRows();
        pending.setText(waiting > 0 ? waiting + " new" : "");
        stats.update(session.frames(), nowNanos);
    }

    /** Opens the connection (the window's Connect action and the first-run flow). */
    public void connect() {
        model.connect();
    }

    private HBox connectionBar() {
        ComboBox<String> url = new ComboBox<>(model.urlHistory());
        url.setId("urlField");
        url.setEditable(true);
        url.setPromptText("ws://host:port/path");
        url.getEditor().textProperty().bindBidirectional(model.urlProperty());
        url.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(url, Priority.ALWAYS);
        url.getEditor().setOnAction(e -> model.connect());

        Button connect = new Button();
        connect.setId("connectButton");
        connect.textProperty().bind(Bindings.when(model.connectedProperty()).then("Disconnect").otherwise("Connect"));
        connect.setOnAction(e -> {
            if (model.connectedProperty().get()) {
                model.disconnect();
            } else {
                model.connect();
            }
        });
        connect.setDefaultButton(false);
        connect.setMinWidth(96);

        badge.setId("stateBadge");
        badge.getStyleClass().add("state-badge");
        badge.textProperty().bind(model.stateTextProperty());
        Label details = label(model.detailTextProperty(), "connection-detail");
        Label queued = label(model.queuedTextProperty(), "connection-queued");
        Label ping = label(model.pingTextProperty(), "connection-ping");
        Label error = label(model.lastErrorProperty(), "connection-error");
        error.setId("connectionError");
        error.setMaxWidth(520);
        error.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> model.lastErrorProperty().get().isEmpty() ? null : new Tooltip(model.lastErrorProperty().get()),
                model.lastErrorProperty()));

        HBox bar = new HBox(8, url, connect, badge, details, queued, ping, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        bar.getStyleClass().add("connection-bar");
        return bar;
    }

    private HBox timelineBar() {
        pause.setId("pauseButton");
        pause.setTooltip(new Tooltip("Freeze the list; capture goes on"));
        pause.selectedProperty().addListener((o, a, paused) -> {
            pause.setText(paused ? "Resume view" : "Pause view");
            if (timeline.rows() != null) {
                timeline.rows().setPaused(paused);
                if (!paused) {
                    timeline.scrollToEnd();
                }
            }
        });
        pending.setId("pendingLabel");
        pending.getStyleClass().add("pending-count");
        Button clear = new Button("Clear");
        clear.setId("clearButton");
        clear.setTooltip(new Tooltip("Empty the list (the capture keeps every frame)"));
        clear.setOnAction(e -> {
            if (timeline.rows() != null) {
                timeline.rows().clearView();
                detail.clear();
            }
        });
        timeMode.setId("timeMode");
        timeMode.setValue(TimeMode.ABSOLUTE);
        timeMode.setTooltip(new Tooltip("Time column"));
        timeMode.valueProperty().addListener((o, a, mode) -> {
            if (timeline.rows() != null) {
                timeline.rows().setTimeMode(mode);
                timeline.refresh();
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, pause, pending, clear, grow, new Label("Time:"), timeMode);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 8, 6, 8));
        bar.getStyleClass().add("timeline-bar");
        return bar;
    }

    private void showDetail(TimelineRow row) {
        if (row == null) {
            detail.clear();
        } else if (row.isFrame()) {
            FrameStore store = shown.frames();
            detail.showFrame(store.get(row.seq()), isTextMessage(store, row.seq()));
        } else {
            detail.showEvent(row.event());
        }
    }

    /** True when frame {@code seq} belongs to a text message (continuations inherit their first frame's type). */
    private static boolean isTextMessage(FrameStore store, long seq) {
        for (long s = seq, stop = Math.max(0, seq - MESSAGE_START_SCAN); s >= stop; s--) {
            if (store.direction(s) != store.direction(seq)) {
                continue;
            }
            Opcode opcode = store.opcode(s);
            if (opcode == Opcode.TEXT) {
                return true;
            }
            if (opcode == Opcode.BINARY || (opcode.isControl() && s == seq)) {
                return false;
            }
        }
        return false;
    }

    private void updateBadge(ConnectionState state) {
        badge.getStyleClass().removeAll("state-connecting", "state-open", "state-closing", "state-closed");
        badge.getStyleClass().add("state-" + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Label label(javafx.beans.value.ObservableValue<String> text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static String tabTitle(String url) {
        String t = url == null ? "" : url.replaceFirst("^wss?://", "");
        return t.isEmpty() ? "New connection" : t.length() > 28 ? t.substring(0, 27) + "…" : t;
    }

    /** Makes a tab; {@code detailPanes} gives each tab its own detail pane. */
    public static ConnectionTab create(ConnectionViewModel model, Supplier<DetailPane> detailPanes) {
        return new ConnectionTab(model, detailPanes.get());
    }
}
