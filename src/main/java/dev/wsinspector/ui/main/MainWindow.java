package dev.wsinspector.ui.main;

import dev.wsinspector.core.io.ImportedCapture;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionMeta;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.ui.common.CompactBar;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.connection.ConnectionViewModel;
import dev.wsinspector.ui.profiles.ProfileOpener;
import dev.wsinspector.ui.profiles.ProfilesPanelController;
import dev.wsinspector.ui.profiles.ProfilesViewModel;
import dev.wsinspector.ui.sessions.SessionsPanelController;
import dev.wsinspector.ui.sessions.SessionsViewModel;
import dev.wsinspector.ui.server.ServerPanelController;
import dev.wsinspector.ui.server.ServerViewModel;
import dev.wsinspector.ui.theme.Theme;
import dev.wsinspector.ui.theme.ThemeMenu;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

/**
 * The main window's content: toolbar, the profiles or sessions sidebar, one tab per connection, the echo-server
 * panel and the status bar. Owns the one UI pulse that brings captured frames into every tab in batches.
 */
public final class MainWindow extends BorderPane {

    /** Pulses closer together than this are skipped: 60 Hz is plenty for a list people read. */
    private static final long MIN_PULSE_NANOS = 15_000_000L;

    private final TabPane tabs = new TabPane();
    private final ServerViewModel server;
    private final Function<String, ConnectionTab> tabFactory;
    private final Label counts = new Label();
    private final Label rates = new Label();
    private final Label memory = new Label();
    private final Label serverStatus = new Label();
    private final Theme theme;
    private final ProfilesViewModel profiles;
    /** The sidebars, loaded when first shown: the first paint does not wait for views it does not show. */
    private Parent profilesPanel;
    private final java.util.function.Supplier<Parent> profilesPanelView;
    private final ToggleButton profilesToggle = new ToggleButton("Profiles");
    /** Where the selected tab's screen is in a long capture ("Rows X–Y of Z"). */
    private final Label position = new Label();
    private final ToggleButton sessionsToggle = new ToggleButton("Sessions");
    /** Null when the window was built without the session journal (tests of other parts). */
    private Parent sessionsPanel;
    private final java.util.function.Supplier<Parent> sessionsPanelView;
    /** What a tab showing a stored session holds open (its journal), closed when the tab goes. */
    private final Map<ConnectionTab, Closeable> heldByTab = new IdentityHashMap<>();
    private final Button openCapture = new Button("Open…");
    private final Label notice = new Label();
    /** Shown while a capture is being saved. */
    private final javafx.scene.control.ProgressBar saveProgress = new javafx.scene.control.ProgressBar(0);
    /** Opening and saving capture files; null until the app provides it ({@link #useCaptureFiles}). */
    private CaptureFileActions captureFiles;
    private PulseObserver pulseObserver = (start, work) -> { };
    private long lastPulse;
    private final javafx.beans.InvalidationListener titleChanged = o -> tellTabsApart();

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - lastPulse >= MIN_PULSE_NANOS) {
                lastPulse = now;
                MainWindow.this.pulse(System.nanoTime());
            }
        }
    };

    /**
     * @param views      loads the FXML views (controllers get the app's services through it)
     * @param tabFactory makes a tab for a URL
     * @param theme      switches the scene between light and dark
     * @param sessions   the Sessions sidebar's model; null: no Sessions button
     */
    public MainWindow(ViewLoader views, ServerViewModel server, Function<String, ConnectionTab> tabFactory, Theme theme,
                      ProfilesViewModel profiles, SessionsViewModel sessions) {
        this.server = server;
        this.tabFactory = tabFactory;
        this.theme = theme;
        this.profiles = profiles;
        getStyleClass().add("main-window");

        profilesPanelView = () -> views.load(ProfilesPanelController.class, (ProfileOpener) this::openProfile).root();
        profilesToggle.setId("profilesToggle");
        profilesToggle.setTooltip(new Tooltip("Show the saved connection profiles"));
        profilesToggle.selectedProperty().addListener((o, a, show) -> showSidebar());
        sessionsPanelView = sessions == null ? () -> null : () -> views.load(SessionsPanelController.class, sessions,
                (SessionsViewModel.Opener) this::openStored).root();
        sessionsToggle.setId("sessionsToggle");
        sessionsToggle.setTooltip(new Tooltip("Show past and running sessions: every connection is kept on disk"));
        sessionsToggle.setVisible(sessions != null);
        sessionsToggle.setManaged(sessions != null);
        sessionsToggle.selectedProperty().addListener((o, a, show) -> showSidebar());
        // One sidebar on the left: choosing one puts the other away.
        ToggleGroup sidebar = new ToggleGroup();
        profilesToggle.setToggleGroup(sidebar);
        sessionsToggle.setToggleGroup(sidebar);
        // Shown by default once profiles exist; after that the user decides.
        profiles.loadedProperty().addListener((o, a, loaded) -> {
            if (loaded && !profiles.profiles().isEmpty()) {
                profilesToggle.setSelected(true);
            }
        });
        profiles.profiles().addListener((ListChangeListener<StoredProfile>) c -> profilesChanged());

        tabs.setId("connectionTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        // However a tab goes (its close button, Ctrl+W, code), its connection and what it held open are let go.
        tabs.getTabs().addListener((ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(t -> {
                    ((ConnectionTab) t).model().disconnectNow();  // idempotent: its session completes
                    ((ConnectionTab) t).titleProperty().removeListener(titleChanged);
                    release((ConnectionTab) t);
                });
                c.getAddedSubList().forEach(t -> ((ConnectionTab) t).titleProperty().addListener(titleChanged));
            }
            tellTabsApart();
        });
        setCenter(tabs);

        ToggleButton serverToggle = new ToggleButton("Echo server");
        serverToggle.setId("serverPanelToggle");
        serverToggle.setTooltip(new Tooltip("Show the local echo server"));
        // Loaded when first shown: start-up does not wait for a panel most sessions never open.
        javafx.scene.Parent[] serverPanel = new javafx.scene.Parent[1];
        serverToggle.selectedProperty().addListener((o, a, show) -> {
            if (show && serverPanel[0] == null) {
                serverPanel[0] = views.load(ServerPanelController.class).root();
            }
            setRight(show ? serverPanel[0] : null);
        });

        Button newTab = new Button("New tab");
        newTab.setId("newTabButton");
        newTab.setTooltip(new Tooltip("New connection (Ctrl+T)"));
        newTab.setOnAction(e -> openTab(defaultUrl()));
        openCapture.setId("openCaptureButton");
        openCapture.setTooltip(new Tooltip("Open a capture: HAR from browser DevTools or from WS Inspector, or its "
                + "JSON lines (Ctrl+O); or drop the files on the window"));
        openCapture.setDisable(true);
        openCapture.setOnAction(e -> captureFiles.chooseAndOpen());
        setOnDragOver(e -> {
            if (captureFiles != null && e.getDragboard().hasFiles()
                    && e.getDragboard().getFiles().stream().anyMatch(f -> CaptureFileActions.isCapture(f.toPath()))) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<Path> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles().stream().map(File::toPath)
                    .filter(CaptureFileActions::isCapture).toList() : List.of();
            if (captureFiles != null && !files.isEmpty()) {
                captureFiles.open(files);
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // Issue 5 hook (About window; the app registers what it shows): ui/about/AboutDialog.
        Button about = dev.wsinspector.ui.about.AboutDialog.button();
        // Icons beside the texts (issue 11), in the text's colour (the bar-icon style).
        profilesToggle.setGraphic(CompactBar.icon(MaterialDesignB.BOOKMARK_MULTIPLE_OUTLINE));
        sessionsToggle.setGraphic(CompactBar.icon(MaterialDesignH.HISTORY));
        newTab.setGraphic(CompactBar.icon(MaterialDesignT.TAB_PLUS));
        openCapture.setGraphic(CompactBar.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        serverToggle.setGraphic(CompactBar.icon(MaterialDesignS.SERVER_NETWORK));
        about.setGraphic(CompactBar.icon(MaterialDesignI.INFORMATION_OUTLINE));
        // System, Light or Dark; follows the theme both ways (the saved choice is shown after the window is built).
        setTop(new ToolBar(profilesToggle, sessionsToggle, newTab, openCapture, grow, serverToggle,
                ThemeMenu.create(theme), about));

        serverStatus.setId("serverStatus");
        serverStatus.textProperty().bind(server.statusProperty());
        counts.setId("frameCounts");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        notice.setId("statusNotice");
        position.setId("timelinePosition");
        // The figures keep their full width; the server's address (long, and shown whole in its panel) gives way.
        for (Label figure : List.of(counts, rates, position, memory)) {
            figure.setMinWidth(Region.USE_PREF_SIZE);
        }
        rates.managedProperty().bind(rates.visibleProperty());
        // What gives way (a long notice, the server's address) is shown whole on hover.
        for (Label givesWay : List.of(notice, serverStatus)) {
            givesWay.setMinWidth(0);
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(givesWay.textProperty());
            givesWay.tooltipProperty().bind(javafx.beans.binding.Bindings.when(givesWay.textProperty().isEmpty())
                    .then((Tooltip) null).otherwise(whole));
        }

        saveProgress.setId("saveProgress");
        saveProgress.setPrefWidth(120);
        saveProgress.setVisible(false);
        saveProgress.managedProperty().bind(saveProgress.visibleProperty());
        HBox status = new HBox(16, counts, rates, position, memory, saveProgress, notice, spacer, serverStatus);
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(4, 8, 4, 8));
        setBottom(status);
    }

    /** Installs keyboard shortcuts and starts the pulse; call once the window is in a scene. */
    public void attach(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> openTab(defaultUrl()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                this::closeSelectedTab);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), () -> {
            if (captureFiles != null) {
                captureFiles.chooseAndOpen();
            }
        });
        pulse.start();
        profiles.reload();
        profiles.startWatching();
    }

    /**
     * How long quitting waits for open connections to finish their closing handshake (1001, going away) before
     * it drops them.
     */
    private static final long GOING_AWAY_MILLIS = 1500;

    /** Connections not closed for good (open, connecting, reconnecting, closing), over all tabs. */
    public long openConnections() {
        return tabs.getTabs().stream().map(t -> ((ConnectionTab) t).model().stateProperty().get())
                .filter(state -> state != dev.wsinspector.core.session.ConnectionState.CLOSED).count();
    }

    public void detach() {
        pulse.stop();
        profiles.close();
        List<ConnectionViewModel> models = tabs.getTabs().stream().map(t -> ((ConnectionTab) t).model()).toList();
        ConnectionViewModel.goAwayAll(models, GOING_AWAY_MILLIS);
        models.forEach(ConnectionViewModel::disconnectNow);
        List.copyOf(heldByTab.keySet()).forEach(this::release);
    }

    private void showSidebar() {
        setLeft(profilesToggle.isSelected() ? profilesPanel()
                : sessionsToggle.isSelected() ? sessionsPanel() : null);
    }

    /**
     * Shows a session read back from the journal in a new tab (selected), read-only; the tab holds
     * {@code opened} until it closes. A damaged journal's problems go to the status bar.
     */
    public ConnectionTab openStored(SessionCatalog.Opened opened) {
        SessionMeta meta = opened.meta();
        ConnectionTab tab = openTab(meta.url().isEmpty() ? defaultUrl() : meta.url());
        heldByTab.put(tab, opened);
        tab.model().showStored(meta.url(), opened.session(), meta.title());
        if (!opened.problems().isEmpty()) {
            showNotice("'" + meta.title() + "' is damaged, shown as far as it can be read: "
                    + String.join("; ", opened.problems()));
        }
        return tab;
    }

    private void release(ConnectionTab tab) {
        Closeable held = heldByTab.remove(tab);
        if (held != null) {
            try {
                held.close();
            } catch (IOException e) {
                // Only a read-only journal was open: nothing is lost; the next open reads it again.
                showNotice("Could not let go of a stored session's journal: " + e.getMessage());
            }
        }
    }

    /** Told about every pulse: when it started and how long the window's own work took (benchmarks). */
    @FunctionalInterface
    public interface PulseObserver {
        void onPulse(long startNanos, long workNanos);
    }

    public void setPulseObserver(PulseObserver observer) {
        pulseObserver = observer;
    }

    /** Turns on Open… (Ctrl+O, dropped files) and every tab's Save capture. */
    public void useCaptureFiles(CaptureFileActions actions) {
        captureFiles = actions;
        if (actions != null) {
            actions.onProgress(share -> {
                saveProgress.setVisible(share >= 0);
                saveProgress.setProgress(Math.max(0, share));
            });
        }
        openCapture.setDisable(actions == null);
        tabs.getTabs().forEach(t -> ((ConnectionTab) t).setCaptureSaver(actions == null ? null : actions::save));
    }

    public CaptureFileActions captureFiles() {
        return captureFiles;
    }

    /** Shows a capture read from {@code file} in a new tab (selected). */
    public ConnectionTab openCapture(ImportedCapture capture, Path file) {
        ConnectionTab tab = openTab(defaultUrl());
        tab.model().showCapture(capture, file);
        return tab;
    }

    /** A one-line result in the status bar (e.g. "Saved 1,024 frames to …"), until the next one. */
    public void showNotice(String text) {
        notice.setText(text);
    }

    public ConnectionTab openTab(String url) {
        ConnectionTab tab = tabFactory.apply(url);
        if (captureFiles != null) {
            tab.setCaptureSaver(captureFiles::save);
        }
        tab.setOnClosed(e -> tab.model().disconnectNow());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return tab;
    }

    /** Opens {@code stored} in a new tab and connects; its send-on-connect messages follow once open. */
    public ConnectionTab openProfile(StoredProfile stored) {
        ConnectionTab tab = openTab(stored.profile().url());
        tab.useProfile(stored, profiles.directory());
        tab.connect();
        return tab;
    }

    public Parent profilesPanel() {
        if (profilesPanel == null) {
            profilesPanel = profilesPanelView.get();
        }
        return profilesPanel;
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    /** The Sessions sidebar, or null without the session journal. */
    public Parent sessionsPanel() {
        if (sessionsPanel == null) {
            sessionsPanel = sessionsPanelView.get();
        }
        return sessionsPanel;
    }

    /** Tabs of a profile that was saved or changed on disk take the new version. */
    private void profilesChanged() {
        for (Tab tab : tabs.getTabs()) {
            ConnectionTab t = (ConnectionTab) tab;
            StoredProfile mine = t.model().profileProperty().get();
            if (mine != null) {
                profiles.find(mine.id()).ifPresent(t.model()::profileChanged);
            }
        }
    }

    /**
     * Tabs with the same title (two tabs on one address, a session reopened beside its live tab) are told apart
     * by a number after the title, in tab order: the first keeps its title, the next are " (2)", " (3)", ….
     */
    private void tellTabsApart() {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (Tab tab : tabs.getTabs()) {
            ConnectionTab t = (ConnectionTab) tab;
            int n = seen.merge(t.titleProperty().get(), 1, Integer::sum);
            t.setTitleSuffix(n == 1 ? "" : " (" + n + ")");
        }
    }

    public TabPane tabs() {
        return tabs;
    }

    public ConnectionTab selectedTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return (ConnectionTab) tab;
    }

    private void closeSelectedTab() {
        ConnectionTab tab = selectedTab();
        if (tab != null) {
            tab.model().disconnectNow();
            tabs.getTabs().remove(tab);
        }
    }

    private String defaultUrl() {
        return server.addressProperty().get();
    }

    /** One batch: every tab takes in what arrived; the status bar shows the selected tab. */
    void pulse(long now) {
        long captureBytes = 0;
        for (Tab tab : tabs.getTabs()) {
            ConnectionTab connectionTab = (ConnectionTab) tab;
            connectionTab.pulse(now);
            captureBytes += connectionTab.captureBytes();
        }
        server.refresh();
        ConnectionTab selected = selectedTab();
        if (selected != null) {
            CaptureStats s = selected.stats();
            counts.setText("In " + Formats.count(s.framesIn()) + " frames · " + Formats.humanBytes(s.bytesIn())
                    + "   Out " + Formats.count(s.framesOut()) + " frames · " + Formats.humanBytes(s.bytesOut()));
            rates.setText(String.format(Locale.ROOT, "↓ %,.0f/s %s/s   ↑ %,.0f/s %s/s", s.framesInPerSecond(),
                    Formats.humanBytes((long) s.bytesInPerSecond()), s.framesOutPerSecond(),
                    Formats.humanBytes((long) s.bytesOutPerSecond())));
            // Rates only while something flows (a stored session or an idle connection has none to show).
            rates.setVisible(s.framesInPerSecond() > 0 || s.framesOutPerSecond() > 0);
            position.setText(selected.positionText());
        } else {
            counts.setText("");
            rates.setText("");
            position.setText("");
        }
        memory.setText("Captures: " + Formats.humanBytes(captureBytes));
        pulseObserver.onPulse(now, System.nanoTime() - now);
    }
}
