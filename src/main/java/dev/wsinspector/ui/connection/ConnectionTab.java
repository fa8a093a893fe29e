package dev.wsinspector.ui.connection;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.core.payload.Utf8Text;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.timing.Scheduler;
import dev.wsinspector.ui.messages.SavedMessageDialog;
import dev.wsinspector.ui.messages.SavedMessagesPanel;
import dev.wsinspector.ui.messages.SavedMessagesViewModel;
import dev.wsinspector.ui.replay.ReplayPanel;
import dev.wsinspector.ui.replay.ReplayViewModel;
import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.composer.ComposerView;
import dev.wsinspector.ui.composer.ComposerViewModel;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.CompactBar;
import dev.wsinspector.ui.timeline.RowFormatter;
import dev.wsinspector.ui.timeline.TimeMode;
import dev.wsinspector.ui.timeline.TimelineList;
import dev.wsinspector.ui.timeline.TimelineRow;
import dev.wsinspector.ui.timeline.TimelineView;
import javafx.beans.binding.Bindings;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One connection: its bar (URL, Connect, state badge), the timeline, the detail pane and the composer, and on
 * the right the saved messages and the replay panel. A tab opened from a profile also shows the environment
 * choice and, for insecure TLS, a warning on its bar. The window's pulse calls {@link #pulse(long)}; nothing
 * here is called from transport threads.
 */
public final class ConnectionTab extends Tab {

    /** The environment choice for "the profile's own variables only". */
    private static final String NO_ENVIRONMENT = "No environment";

    private final ConnectionViewModel model;
    private final TimelineView timeline = new TimelineView();
    private final DetailPane detail;
    private final RowFormatter formatter = new RowFormatter(ZoneId.systemDefault());
    private final Label pending = new Label();
    private final ToggleButton pause = new ToggleButton("Pause view");
    private final ChoiceBox<TimeMode> timeMode = new ChoiceBox<>(FXCollections.observableArrayList(TimeMode.values()));
    private final Label badge = new Label();
    /** What the tab is called (file, profile, session or address); the window may add a suffix to tell tabs apart. */
    private final javafx.beans.property.ReadOnlyStringWrapper title = new javafx.beans.property.ReadOnlyStringWrapper();
    private final javafx.beans.property.StringProperty titleSuffix = new javafx.beans.property.SimpleStringProperty("");

    private final ComposerViewModel composerModel;
    private final SavedMessagesViewModel messages;
    private final ReplayViewModel replay;
    private final ToggleButton toolsToggle = new ToggleButton("Messages & replay");
    /** The saved messages and replay panels: built the first time they are shown. */
    private TabPane tools;
    private final SplitPane middle;

    private final MenuButton saveCapture = new MenuButton("Save capture");
    private CaptureSaver captureSaver;

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination GO_TO = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private BackgroundTasks tasks;
    /** Built on first use, below the timeline bar: most sessions never search (and a new window styles less). */
    private FindBar findBar;
    private final VBox bars = new VBox();

    private String position = "";
    private final HBox windowControls = new HBox(6);
    private final TextField goTo = new TextField();
    private final Button latest = new Button("Latest");
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
    /** A short message for the user on the timeline bar (copy limit, Go to), until noticeUntil. */
    private String notice = "";
    private long noticeUntil;
    private Session shown;
    /** Which frames of the shown capture are text (continuations included), kept up to date by the pulse. */
    private MessageKinds kinds;
    private CaptureStats stats = new CaptureStats();

    public ConnectionTab(ConnectionViewModel model, DetailPane detail) {
        this(model, detail, ProfileUpdater.NONE, Scheduler.system());
    }

    /**
     * @param profiles  saves changes of the tab's profile (its message library)
     * @param scheduler runs replays
     */
    public ConnectionTab(ConnectionViewModel model, DetailPane detail, ProfileUpdater profiles, Scheduler scheduler) {
        this(model, detail, profiles, scheduler, null);
    }

    /**
     * @param profiles  saves changes of the tab's profile (its message library)
     * @param scheduler runs replays
     * @param tasks     runs Find in capture off the FX thread (the app's; null: the tab makes its own on first use)
     */
    public ConnectionTab(ConnectionViewModel model, DetailPane detail, ProfileUpdater profiles, Scheduler scheduler,
                         BackgroundTasks tasks) {
        this.model = model;
        this.tasks = tasks;
        this.detail = detail;
        getStyleClass().add("connection-tab");
        title.bind(Bindings.createStringBinding(() -> model.captureFileProperty().get() != null
                ? model.captureFileProperty().get().getFileName().toString()
                : model.profileProperty().get() != null ? model.profileProperty().get().name()
                : storedTitle() != null ? storedTitle()
                : tabTitle(model.urlProperty().get()),
                model.urlProperty(), model.profileProperty(), model.captureFileProperty(),
                model.storedSessionProperty()));
        textProperty().bind(title.concat(titleSuffix));

        composerModel = new ComposerViewModel(model::connection, model::templates);
        ComposerView composer = new ComposerView(composerModel, model::close);
        messages = new SavedMessagesViewModel(model::sendSaved, (change, result) -> profiles.update(
                model.profileProperty().get().id(), p -> p.withMessages(change.apply(p.messages())), result));
        replay = new ReplayViewModel(scheduler, new ReplayTarget());
        composer.saveButton().disableProperty().bind(messages.availableProperty().not());
        composer.saveButton().setOnAction(e -> saveMessage("Save message from composer", composerModel.draft()));

        BorderPane content = new BorderPane();
        bars.getChildren().setAll(connectionBar(), timelineBar());
        content.setTop(bars);
        content.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                openFind();
                e.consume();
            } else if (GO_TO.match(e)) {
                openGoTo();
                e.consume();
            }
        });
        middle = new SplitPane(timeline, detail);
        middle.setDividerPositions(0.62);
        // A larger window widens the timeline (its preview column), not the detail pane.
        SplitPane.setResizableWithParent(detail, false);
        toolsToggle.selectedProperty().addListener((o, a, show) -> showTools(show));
        addTimelineActions();
        model.profileProperty().addListener((o, a, p) -> profileShown(a, p));
        model.environmentProperty().addListener((o, a, b) -> composerModel.revalidate());
        SplitPane vertical = new SplitPane(middle, composer);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(composer, false);
        content.setCenter(vertical);
        setContent(content);

        timeline.selection().leadProperty().addListener((o, a, lead) -> showDetail(timeline.leadRow()));
        timeline.onNotice(text -> {
            notice = text;
            noticeUntil = System.nanoTime() + 6_000_000_000L;
        });
        model.stateProperty().addListener((o, a, state) -> updateBadge(state));
        updateBadge(model.stateProperty().get());
    }

    /** A stored session's own name for the tab; null when it has none (its URL is shown short instead). */
    private String storedTitle() {
        String stored = model.storedSessionProperty().get();
        return stored == null || stored.equals(model.urlProperty().get()) ? null : stored;
    }

    public ConnectionViewModel model() {
        return model;
    }

    /** The tab's own title, without the suffix that tells it from a tab of the same title. */
    public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Added to the title in the tab header (" (2)"), set by the window when two tabs would look the same. */
    public void setTitleSuffix(String suffix) {
        titleSuffix.set(suffix == null ? "" : suffix);
    }

    /** Saves a tab's capture to a file the user picks; the window provides it ({@code ui/main/CaptureFileActions}). */
    @FunctionalInterface
    public interface CaptureSaver {
        void save(ConnectionTab tab, CaptureFormat format, boolean includeSecrets);
    }

    /** Enables "Save capture" with {@code saver}; without one the menu stays hidden. */
    public void setCaptureSaver(CaptureSaver saver) {
        captureSaver = saver;
        saveCapture.setVisible(saver != null);
    }

    public TimelineView timeline() {
        return timeline;
    }

    /** The detail pane of the selected row (tests and benchmarks watch it). */
    public DetailPane detailPane() {
        return detail;
    }

    public SavedMessagesViewModel messages() {
        return messages;
    }

    public ReplayViewModel replay() {
        return replay;
    }

    public ComposerViewModel composer() {
        return composerModel;
    }

    /** Opens the tab's messages or replay panel ("Messages" / "Replay"). */
    public void showTool(String title) {
        toolsToggle.setSelected(true);
        tools().getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tools.getSelectionModel().select(t));
    }

    /** Makes this a tab of {@code stored}: options, variables, messages (relative paths against {@code dir}). */
    public void useProfile(StoredProfile stored, java.nio.file.Path dir) {
        model.useProfile(stored, dir);
    }

    private void profileShown(StoredProfile before, StoredProfile now) {
        messages.availableProperty().set(now != null);
        messages.show(now == null ? List.of() : now.profile().messages());
        composerModel.revalidate();
        if (before == null && now != null) {
            toolsToggle.setSelected(true);
        }
    }

    /**
     * Builds the detail pane's views now, so the first click on a row does not wait for them. For after the
     * window has shown: until then nothing is selected and the pane only shows its placeholder.
     */
    public void prepareDetail() {
        detail.prepare();
    }

    private void showTools(boolean show) {
        if (show && !middle.getItems().contains(tools())) {
            middle.getItems().add(tools());
            middle.setDividerPositions(0.56, 0.76);
        } else if (!show && tools != null) {
            middle.getItems().remove(tools);
            middle.setDividerPositions(0.62);
        }
    }

    /** The tools pane, built on first use: most tabs never open it. */
    private TabPane tools() {
        if (tools == null) {
            tools = new TabPane(new Tab("Messages", new SavedMessagesPanel(messages)),
                    new Tab("Replay", new ReplayPanel(replay, messages.messages())));
            tools.setId("tabTools");
            tools.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            tools.setMinWidth(280);
        }
        return tools;
    }

    /** For tests: whether the tools pane has been built. */
    boolean toolsBuilt() {
        return tools != null;
    }

    /** Right-click on timeline rows: keep a frame as a saved message, or replay what we sent in the range. */
    private void addTimelineActions() {
        MenuItem saveFrame = new MenuItem("Save this frame…");
        saveFrame.setId("saveFrameMenu");
        saveFrame.setOnAction(e -> saveSelectedFrame());
        MenuItem replayRows = new MenuItem("Replay sent frames of the selection…");
        replayRows.setId("replayRowsMenu");
        replayRows.setOnAction(e -> replaySelectedRows());
        timeline.contextMenu().getItems().addAll(new SeparatorMenuItem(), saveFrame, replayRows);
        timeline.contextMenu().setOnShowing(e -> {
            TimelineRow row = timeline.leadRow();
            saveFrame.setDisable(row == null || !row.isFrame() || !messages.availableProperty().get());
            replayRows.setDisable(timeline.selectedFrameRange() == null);
        });
    }

    private void saveSelectedFrame() {
        TimelineRow row = timeline.leadRow();
        if (row != null && row.isFrame() && shown != null) {
            saveMessage("Save frame " + row.seq(),
                    frameAsMessage(shown.frames().get(row.seq()), row.seq(), kinds.isText(row.seq())));
        }
    }

    /** The selected rows' frame range becomes the replay's; the Replay panel opens. */
    public void replaySelectedRows() {
        long[] range = timeline.selectedFrameRange();
        if (range != null && shown != null) {
            replay.useRange(shown.frames(), range[0], range[1]);
            showTool("Replay");
        }
    }

    private void saveMessage(String title, SavedMessage draft) {
        new SavedMessageDialog(getTabPane().getScene().getWindow(), title, draft, messages::add).show();
    }

    /** A captured frame as a saved message: JSON, text or hex, with any "{{" kept literal. */
    static SavedMessage frameAsMessage(Frame frame, long seq, boolean textMessage) {
        byte[] payload = frame.payloadBytes();
        boolean text = textMessage && Utf8Text.isValidUtf8(payload);
        if (!text) {
            return new SavedMessage("Frame " + seq, MessageMode.HEX, HexFormat.ofDelimiter(" ").formatHex(payload));
        }
        String body = new String(payload, StandardCharsets.UTF_8);
        MessageMode type = MessageParser.problem(MessageMode.JSON, body) == null && !body.isBlank()
                ? MessageMode.JSON : MessageMode.TEXT;
        return new SavedMessage("Frame " + seq, type, Templates.escape(body));
    }

    /** What a replay of this tab runs against. */
    private final class ReplayTarget implements ReplayViewModel.Target {
        @Override
        public Connection connection() {
            return model.connection();
        }

        @Override
        public Templates templates() {
            Templates t = model.templates();
            return t != null ? t : new Templates(Map.of(), BuiltIns.system());
        }

        @Override
        public ConnectionListener events() {
            return model.session();
        }
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
        replay.refresh();
        Session session = model.session();
        if (session != shown) {
            shown = session;
            kinds = session == null ? null : new MessageKinds(session.frames());
            stats = new CaptureStats();
            TimelineList list = session == null ? null : new TimelineList(session, formatter);
            if (list != null) {
                list.setTimeMode(timeMode.getValue());
                list.setPaused(pause.isSelected());
            }
            timeline.show(list);
            detail.clear();
        }
        TimelineList rows = timeline.rows();
        if (rows == null) {
            return;
        }
        // The viewport follows new rows while the user is at the newest ones; scrolling up stops that.
        timeline.pull();
        if (session.frames().sealedTotals() == null) {
            kinds.advance(session.frames().size()); // a live capture: a few new frames a pulse, known exactly
        }
        long waiting = rows.pendingRows();
        pending.setText(System.nanoTime() < noticeUntil ? notice
                : waiting > 0 ? String.format(java.util.Locale.ROOT, "%,d new", waiting) : "");
        updateWindowBar(rows);
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
        // The skin takes Enter away from the editor (its onAction never fires): catch it on the box itself.
        url.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !url.isShowing()) {
                e.consume();
                connectTyped(url);
            }
        });

        Button connect = new Button();
        connect.setId("connectButton");
        connect.textProperty().bind(Bindings.when(model.connectedProperty()).then("Disconnect").otherwise("Connect"));
        connect.setOnAction(e -> {
            if (model.connectedProperty().get()) {
                model.disconnect();
            } else {
                connectTyped(url);
            }
        });
        connect.setDefaultButton(false);
        connect.setMinWidth(96);

        badge.setId("stateBadge");
        badge.getStyleClass().add("state-badge");
        badge.setGraphic(CompactBar.icon(MaterialDesignC.CIRCLE_MEDIUM));  // coloured by state (app.css)
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

        ChoiceBox<String> environment = new ChoiceBox<>();
        environment.setId("environmentChoice");
        environment.setTooltip(new Tooltip("Environment: whose {{variables}} this tab uses"));
        Runnable fillEnvironments = () -> {
            environment.getItems().setAll(NO_ENVIRONMENT);
            environment.getItems().addAll(model.environments());
            environment.setValue(model.environmentProperty().get().isEmpty() ? NO_ENVIRONMENT : model.environmentProperty().get());
        };
        model.environments().addListener((javafx.collections.ListChangeListener<String>) c -> fillEnvironments.run());
        fillEnvironments.run();
        environment.setOnAction(e -> model.chooseEnvironment(NO_ENVIRONMENT.equals(environment.getValue()) ? "" : environment.getValue()));
        environment.visibleProperty().bind(Bindings.isNotEmpty(model.environments()));
        environment.managedProperty().bind(environment.visibleProperty());

        Label insecure = new Label("⚠ TLS not verified");
        insecure.setId("insecureBadge");
        insecure.getStyleClass().add("insecure-badge");
        insecure.setTooltip(new Tooltip("This profile accepts any certificate: the connection can be read and changed by "
                + "anyone on the network path"));
        insecure.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.templateProperty().get() != null
                && model.templateProperty().get().insecure(), model.templateProperty()));
        insecure.managedProperty().bind(insecure.visibleProperty());
        Label profileProblem = label(model.profileProblemProperty(), "connection-error");
        profileProblem.setId("profileProblem");

        // Controls and badges keep their size. The address takes a share of the bar's width, not what the state
        // texts leave: so Connect stays put whatever they say, and they get the rest, on two lines if need be.
        environment.setMinWidth(Region.USE_PREF_SIZE);
        insecure.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        connect.setMinWidth(Region.USE_PREF_SIZE);
        for (Label text : List.of(queued, ping)) {
            text.setMinWidth(Region.USE_PREF_SIZE);
        }
        details.setWrapText(true);
        details.setMinWidth(0);
        details.setMaxWidth(Double.MAX_VALUE);
        details.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(details, Priority.SOMETIMES);
        error.setMinWidth(0);
        profileProblem.setMinWidth(0);
        profileProblem.setMaxWidth(520);
        profileProblem.tooltipProperty().bind(Bindings.createObjectBinding(() -> model.profileProblemProperty().get()
                .isEmpty() ? null : new Tooltip(model.profileProblemProperty().get()), model.profileProblemProperty()));
        HBox.setHgrow(url, Priority.NEVER);
        HBox status = new HBox(8, badge, details, queued, ping, error, profileProblem);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setMinWidth(0);
        status.getStyleClass().add("connection-status");
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(8, url, environment, connect, insecure, status);
        url.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(220, Math.min(640, (bar.getWidth() - 16) * 0.42)), bar.widthProperty()));
        url.setMinWidth(Region.USE_PREF_SIZE);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        bar.getStyleClass().add("connection-bar");
        return bar;
    }

    /** Connects (again) to the typed address, committed as the box's value first (as Enter would). */
    private void connectTyped(ComboBox<String> url) {
        url.setValue(url.getEditor().getText());
        model.connect();
    }

    private CompactBar timelineBar() {
        pause.setId("pauseButton");
        pause.setTooltip(new Tooltip("Freeze the list; capture goes on"));
        pause.selectedProperty().addListener((o, a, paused) -> {
            pause.setText(paused ? "Resume view" : "Pause view");
            if (timeline.rows() != null) {
                timeline.setPaused(paused);
            }
        });
        pending.setId("pendingLabel");
        pending.getStyleClass().add("pending-count");
        Button clear = new Button("Clear");
        clear.setId("clearButton");
        clear.setTooltip(new Tooltip("Empty the list (the capture keeps every frame)"));
        clear.setOnAction(e -> {
            if (timeline.rows() != null) {
                timeline.clearView();
                detail.clear();
            }
        });
        saveCapture.setId("saveCaptureMenu");
        saveCapture.setTooltip(new Tooltip("Save every frame and event of this tab to a file"));
        MenuItem har = new MenuItem("As HAR (browser DevTools)…");
        har.setId("saveHarMenu");
        MenuItem jsonl = new MenuItem("As JSON lines…");
        jsonl.setId("saveJsonlMenu");
        MenuItem pcapng = new MenuItem("As pcapng (Wireshark)…");
        pcapng.setId("savePcapngMenu");
        CheckMenuItem secrets = new CheckMenuItem("Include secrets (Authorization, cookies, tokens)");
        secrets.setId("includeSecretsMenu");
        har.setOnAction(e -> captureSaver.save(this, CaptureFormat.HAR, secrets.isSelected()));
        jsonl.setOnAction(e -> captureSaver.save(this, CaptureFormat.JSONL, secrets.isSelected()));
        pcapng.setOnAction(e -> captureSaver.save(this, CaptureFormat.PCAPNG, secrets.isSelected()));
        saveCapture.getItems().setAll(har, jsonl, pcapng, new SeparatorMenuItem(), secrets);
        saveCapture.disableProperty().bind(model.sessionProperty().isNull());
        saveCapture.setVisible(false);
        saveCapture.managedProperty().bind(saveCapture.visibleProperty());
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
        toolsToggle.setId("toolsToggle");
        toolsToggle.setTooltip(new Tooltip("Saved messages of the profile, and replay"));
        Button find = new Button("Find");
        find.setId("findButton");
        find.setTooltip(new Tooltip("Find text in this capture (Ctrl+F)"));
        find.setOnAction(e -> openFind());
        Label time = new Label("Time:");
        time.setLabelFor(timeMode);
        timeMode.setMinWidth(Region.USE_PREF_SIZE);
        CompactBar.withIcon(pause, MaterialDesignP.PAUSE);
        pause.selectedProperty().addListener((o, a, paused) ->
                pause.setGraphic(CompactBar.icon(paused ? MaterialDesignP.PLAY : MaterialDesignP.PAUSE)));
        CompactBar.withIcon(clear, MaterialDesignB.BROOM);
        CompactBar.withIcon(saveCapture, MaterialDesignC.CONTENT_SAVE_OUTLINE);
        CompactBar.withIcon(find, MaterialDesignM.MAGNIFY);
        CompactBar.withIcon(time, MaterialDesignC.CLOCK_OUTLINE);
        CompactBar.withIcon(toolsToggle, MaterialDesignM.MESSAGE_TEXT_OUTLINE);
        CompactBar.withIcon(latest, MaterialDesignA.ARROW_COLLAPSE_DOWN);
        pending.setMinWidth(Region.USE_PREF_SIZE);
        // Where the bar is short of room (a sidebar open, a small window) the widest texts go first.
        CompactBar bar = new CompactBar(8, pause, pending, clear, saveCapture, windowBar(), grow, find, time, timeMode,
                toolsToggle).collapsible(toolsToggle, saveCapture, pause, time, clear, find, latest);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 8, 6, 8));
        bar.getStyleClass().add("timeline-bar");
        return bar;
    }

    /** Shows the find bar and puts the cursor in its field (Ctrl+F, the Find button). */
    public void openFind() {
        if (findBar == null) {
            findBar = new FindBar(timeline, this::tasks);
            bars.getChildren().add(findBar);
        }
        findBar.open();
    }

    private BackgroundTasks tasks() {
        if (tasks == null) {
            tasks = new BackgroundTasks();
        }
        return tasks;
    }

    /**
     * Go to #seq (Ctrl+G) and Latest, which shows the newest rows and follows them again (shown while the user
     * reads older rows). Where the screen is in a long capture goes to the status bar ({@link #positionText()}).
     */
    private HBox windowBar() {
        goTo.setId("goToField");
        goTo.setPromptText("Go to #");
        goTo.setPrefColumnCount(6);
        goTo.setMinWidth(64);
        goTo.setTooltip(new Tooltip("Go to frame number (Ctrl+G), then Enter"));
        goTo.setOnAction(e -> goToTyped());
        goTo.textProperty().addListener((o, a, b) -> goTo.pseudoClassStateChanged(INVALID, false));
        latest.setId("latestButton");
        latest.setTooltip(new Tooltip("Show the newest rows and follow them (End)"));
        latest.setOnAction(e -> timeline.follow());
        latest.managedProperty().bind(latest.visibleProperty());
        latest.setVisible(false);
        windowControls.getChildren().setAll(goTo, latest);
        windowControls.setAlignment(Pos.CENTER_LEFT);
        return windowControls;
    }

    /** Go to the frame typed in the Go to field; a number that is no frame marks the field. */
    private void goToTyped() {
        String text = goTo.getText().strip().replace("#", "").replace(",", "").replace("_", "");
        boolean found = false;
        try {
            found = !text.isEmpty() && timeline.goToFrame(Long.parseLong(text));
        } catch (NumberFormatException e) {
            found = false;
        }
        goTo.pseudoClassStateChanged(INVALID, !found);
        if (found) {
            timeline.requestFocus();
        } else {
            long frames = shown == null ? 0 : shown.frames().size();
            notice = frames == 0 ? "No frames yet" : String.format(java.util.Locale.ROOT,
                    "No frame #%s: frames are #0–#%,d", text, frames - 1);
            noticeUntil = System.nanoTime() + 6_000_000_000L;
        }
    }

    /** Puts the cursor in Go to # (Ctrl+G). */
    public void openGoTo() {
        goTo.requestFocus();
        goTo.selectAll();
    }

    private void updateWindowBar(TimelineList rows) {
        long reachable = rows.reachableRows();
        boolean scrolls = reachable > rows.size();
        position = scrolls ? String.format(java.util.Locale.ROOT, "Rows %,d–%,d of %,d",
                rows.firstRow() - rows.firstReachableRow() + 1,
                rows.firstRow() - rows.firstReachableRow() + rows.size(), reachable) : "";
        latest.setVisible(!rows.isFollowing() && scrolls);
    }

    /** "Rows X–Y of Z" while the capture is longer than the screen, else empty (the status bar shows it). */
    public String positionText() {
        return position;
    }

    private void showDetail(TimelineRow row) {
        if (row == null) {
            detail.clear();
        } else if (row.isFrame()) {
            FrameStore store = shown.frames();
            detail.setProtocolHint(protocolHint(shown, row.seq()));
            detail.showFrame(store.get(row.seq()), kinds.isText(row.seq()));
        } else {
            detail.showEvent(row.event());
        }
    }

    /**
     * Subprotocol and URL of the connection that carried frame {@code seq}: the last open before it (a tab that
     * reconnected may have negotiated differently each time). NONE when the frame came before any open.
     */
    private static ProtocolHint protocolHint(Session session, long seq) {
        ProtocolHint hint = ProtocolHint.NONE;
        for (ConnectionEvent event : session.eventsFrom(0)) {
            if (event.frameIndex() > seq) {
                break;
            }
            if (event instanceof ConnectionEvent.Opened opened) {
                hint = ProtocolHint.of(opened);
            }
        }
        return hint;
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
