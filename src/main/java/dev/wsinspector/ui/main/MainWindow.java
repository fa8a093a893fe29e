package dev.wsinspector.ui.main;

import dev.wsinspector.core.io.ImportedCapture;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionMeta;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.profiles.ProfilesViewModel;
import dev.wsinspector.ui.proxy.ProxyTab;
import dev.wsinspector.ui.server.ServerViewModel;
import dev.wsinspector.ui.sessions.SessionsViewModel;
import dev.wsinspector.ui.theme.Theme;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The main window as the app sees it: its connection tabs ({@link WindowTabs}) and the one UI pulse
 * ({@link WindowPulse}) that brings captured frames into every tab in batches. The layout is MainWindowView.fxml
 * ({@link MainWindowController}) and its state {@link MainWindowViewModel}; {@link #root} is what the scene shows.
 */
public final class MainWindow {

    /**
     * How long quitting waits for open connections to finish their closing handshake (1001, going away) before
     * it drops them.
     */
    private static final long GOING_AWAY_MILLIS = 1500;

    private final ServerViewModel server;
    private final ProfilesViewModel profiles;
    private final MainWindowViewModel model;
    private final WindowPanels panels;
    private final BorderPane root;
    private final WindowTabs tabs;
    private final TabPane tabPane;
    private final MainWindowController controller;
    private final WindowPulse pulse = new WindowPulse(this::pulse);
    private final StatusSampler status = new StatusSampler();
    /** Makes proxy tabs; null until the app provides it ({@link #useProxyTabs}). */
    private Supplier<ProxyTab> proxyTabs;
    /** Opening and saving capture files; null until the app provides it ({@link #useCaptureFiles}). */
    private CaptureFileActions captureFiles;

    /**
     * @param views      loads the FXML views (controllers get the app's services through it)
     * @param tabFactory makes a tab for a URL
     * @param theme      switches the scene between light and dark
     * @param sessions   the Sessions sidebar's model; null: no Sessions button
     */
    public MainWindow(ViewLoader views, ServerViewModel server, Function<String, ConnectionTab> tabFactory, Theme theme,
                      ProfilesViewModel profiles, SessionsViewModel sessions) {
        this.server = server;
        this.profiles = profiles;
        model = new MainWindowViewModel(server.statusProperty(), sessions != null);
        panels = new WindowPanels(views, this::openProfile, sessions, this::openStored);
        ViewLoader.View<BorderPane, MainWindowController> view = views.load(MainWindowController.class, model, panels,
                theme, new MainWindowController.Actions() {
                    @Override
                    public void newTab() {
                        openTab(defaultUrl());
                    }

                    @Override
                    public void chooseCapture() {
                        chooseAndOpenCapture();
                    }

                    @Override
                    public void openCaptures(List<Path> files) {
                        captureFiles.open(files);
                    }

                    @Override
                    public void newProxy() {
                        openProxy();
                    }
                });
        root = view.root();
        controller = view.controller();
        tabPane = view.controller().tabs();
        tabs = new WindowTabs(tabPane, tabFactory, model::showNotice, status);
        profiles.loadedProperty().addListener((o, was, loaded) -> {
            if (loaded) {
                model.profilesLoaded(profiles.profiles().size());
            }
        });
        profiles.profiles().addListener((ListChangeListener<StoredProfile>) c -> tabs.profilesChanged(profiles));
    }

    /** What the scene shows. */
    public BorderPane root() {
        return root;
    }

    public ReadOnlyStringProperty titleProperty() {
        return model.titleProperty();
    }

    /** Installs keyboard shortcuts and starts the pulse; call once the window is in a scene. */
    public void attach(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> openTab(defaultUrl()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                tabs::closeSelected);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::chooseAndOpenCapture);
        pulse.start();
        status.start();
        profiles.reload();
        profiles.startWatching();
    }

    /** Connections not closed for good (open, connecting, reconnecting, closing), over all tabs. */
    public long openConnections() {
        return tabs.openConnections();
    }

    public void detach() {
        pulse.stop();
        status.stop();
        profiles.close();
        tabs.closeAll(GOING_AWAY_MILLIS);
    }

    /**
     * Shows a session read back from the journal in a new tab (selected), read-only; the tab holds
     * {@code opened} until it closes. A damaged journal's problems go to the status bar.
     */
    public ConnectionTab openStored(SessionCatalog.Opened opened) {
        SessionMeta meta = opened.meta();
        ConnectionTab tab = openTab(meta.url().isEmpty() ? defaultUrl() : meta.url());
        tabs.hold(tab, opened);
        tab.model().showStored(meta.url(), opened.session(), meta.title());
        if (!opened.problems().isEmpty()) {
            showNotice("'" + meta.title() + "' is damaged, shown as far as it can be read: "
                    + String.join("; ", opened.problems()));
        }
        return tab;
    }

    public void setPulseObserver(WindowPulse.Observer observer) {
        pulse.setObserver(observer);
    }

    /** Turns on Open… (Ctrl+O, dropped files) and every tab's Save capture. */
    public void useCaptureFiles(CaptureFileActions actions) {
        captureFiles = actions;
        if (actions != null) {
            actions.onProgress(model::saveProgress);
        }
        model.captureFilesAvailable(actions != null);
        tabs.useCaptureSaver(actions == null ? null : actions::save);
    }

    /** Turns on New proxy… with {@code factory}, which makes each proxy tab. */
    public void useProxyTabs(Supplier<ProxyTab> factory) {
        proxyTabs = factory;
        controller.showNewProxy();
    }

    /** A new intercepting-proxy tab (selected), not started; null when the app gives none. */
    public ProxyTab openProxy() {
        return proxyTabs == null ? null : tabs.openOther(proxyTabs.get());
    }

    public CaptureFileActions captureFiles() {
        return captureFiles;
    }

    private void chooseAndOpenCapture() {
        if (captureFiles != null) {
            captureFiles.chooseAndOpen();
        }
    }

    /** Shows a capture read from {@code file} in a new tab (selected). */
    public ConnectionTab openCapture(ImportedCapture capture, Path file) {
        ConnectionTab tab = openTab(defaultUrl());
        tab.model().showCapture(capture, file);
        return tab;
    }

    /** A one-line result in the status bar (e.g. "Saved 1,024 frames to …"), until the next one. */
    public void showNotice(String text) {
        model.showNotice(text);
    }

    public ConnectionTab openTab(String url) {
        return tabs.open(url);
    }

    /** Opens {@code stored} in a new tab and connects; its send-on-connect messages follow once open. */
    public ConnectionTab openProfile(StoredProfile stored) {
        ConnectionTab tab = openTab(stored.profile().url());
        tab.useProfile(stored, profiles.directory());
        tab.connect();
        return tab;
    }

    public Parent profilesPanel() {
        return panels.profiles();
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    /** The Sessions sidebar, or null without the session journal. */
    public Parent sessionsPanel() {
        return panels.sessions();
    }

    public TabPane tabs() {
        return tabPane;
    }

    /** Puts {@code item} (a feature's menu, e.g. the mock servers') in the toolbar after Open…. */
    public void addToolbarItem(javafx.scene.Node item) {
        controller.addToolbarItem(item);
    }

    public ConnectionTab selectedTab() {
        return tabs.selected();
    }

    private String defaultUrl() {
        return server.addressProperty().get();
    }

    /**
     * One batch: the tabs take in what arrived, within the pulse's budget ({@link WindowPulse#BUDGET_NANOS}); the
     * status bar shows the selected tab's figures, counted off the FX thread ({@link StatusSampler}), its texts
     * made only when they changed.
     */
    void pulse(long now) {
        tabs.pulse(now, now + WindowPulse.BUDGET_NANOS);
        server.refresh();
        model.show(status.figures(tabs.selected()));
    }
}
