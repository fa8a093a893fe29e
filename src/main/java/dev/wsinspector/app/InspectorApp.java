package dev.wsinspector.app;

import dev.wsinspector.core.AppVersion;
import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.timing.Scheduler;
import dev.wsinspector.core.server.LocalServer;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.ReconnectingConnectionService;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.InterceptingProxy;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.about.AboutDialog;
import dev.wsinspector.ui.about.AboutInfo;
import dev.wsinspector.ui.common.AppIcons;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ErrorReporter;
import dev.wsinspector.ui.common.ErrorWindow;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.conformance.ConformanceRuns;
import dev.wsinspector.ui.tests.SaveAsTest;
import dev.wsinspector.ui.tests.TestRuns;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.connection.TestSaver;
import dev.wsinspector.ui.connection.ConnectionViewModel;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.main.CaptureFileActions;
import dev.wsinspector.ui.main.MainWindow;
import dev.wsinspector.ui.profiles.ProfilesViewModel;
import dev.wsinspector.ui.profiles.SaveListener;
import dev.wsinspector.ui.proxy.ProxyTab;
import dev.wsinspector.ui.proxy.ProxyViewModel;
import dev.wsinspector.ui.server.ServerViewModel;
import dev.wsinspector.ui.sessions.SessionsViewModel;
import dev.wsinspector.ui.theme.SystemColorScheme;
import dev.wsinspector.ui.theme.Theme;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.beans.value.ChangeListener;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * The JavaFX application and the one place where the GUI's objects are wired together. On start it runs the
 * local echo server on loopback and opens a tab pointed at it, so Connect → type → Send works with no set-up.
 */
public final class InspectorApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(InspectorApp.class);

    /**
     * What {@link Launcher} prepared before JavaFX started: {@code Application.launch} builds this class itself,
     * so this one static hand-over is how the launch reaches it.
     */
    private static volatile GuiLaunch prepared;

    private AppContext context;

    /**
     * @param logFile  null when logging to the file could not be set up
     * @param instance the data directory's instance lock, empty when not held
     * @param refusal  when set, show only this problem (e.g. another instance does not answer) and quit
     */
    record GuiLaunch(DataDirectory dataDirectory, Path logFile, Optional<SingleInstance> instance, List<Path> files,
                     String refusal, CompletableFuture<Boolean> systemDark) {
    }

    static void launch(GuiLaunch launch) {
        prepared = launch;
        Application.launch(InspectorApp.class);
    }

    @Override
    public void start(Stage stage) {
        GuiLaunch launch = prepared != null ? prepared
                : new GuiLaunch(DataDirectory.resolve(null), null, Optional.empty(), List.of(), null,
                        SystemColorScheme.ofThisSystem().prefersDarkLater());
        AboutInfo about = AboutInfo.current(launch.dataDirectory().path(), launch.logFile());
        String logHint = launch.logFile() == null ? "Details were written to standard error."
                : "The log is " + launch.logFile() + ".";
        ErrorReporter reporter = new ErrorReporter(about::text, logHint).install();
        if (launch.refusal() != null) {
            ErrorWindow.failedStart(logHint).report("WS Inspector is already running", launch.refusal(), about.text())
                    .show();
            return;
        }
        try {
            context = AppContext.start(stage, new ReconnectingConnectionService(new JwsConnectionService()), new LocalEchoServer(),
                    Boolean.getBoolean("wsi.dark"), Boolean.getBoolean("wsi.autoConnect"), about, launch.files(),
                    launch.dataDirectory().path(), launch.systemDark());
        } catch (RuntimeException | LinkageError e) {
            // Never leave a half-drawn window behind: hide it and say what happened instead.
            LOG.error("WS Inspector could not start", e);
            stage.hide();
            ErrorWindow.failedStart(logHint)
                    .report("WS Inspector could not start", ErrorReporter.summary(e),
                            reporter.details(Thread.currentThread(), e))
                    .show();
            return;
        }
        launch.instance().ifPresent(instance -> instance.onActivation(args -> Platform.runLater(
                () -> context.activate(LaunchArguments.parse(args.toArray(String[]::new),
                        java.nio.file.Files::isRegularFile).files()))));
        // SIGTERM / SIGINT (logout, kill, Ctrl-C in a terminal): close like the window's close button does —
        // connections with 1001, every session completed — before the JVM goes (bounded).
        AppContext shown = context;
        Thread hook = new Thread(() -> {
            if (shown.closed) {
                return; // the window was closed normally: stop() already did it
            }
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            try {
                Platform.runLater(() -> {
                    try {
                        shown.close();
                    } finally {
                        done.countDown();
                    }
                });
                done.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IllegalStateException | InterruptedException toolkitGone) {
                // the toolkit already exited normally: stop() closed everything
            }
        }, "ws-inspector-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("Window shown");
        Launcher.exitAfterShownIfAsked();  // packaging: -Dwsi.exitAfterShown=true records a start, then quits
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** Everything one window needs, built in one place; tests build it with their own parts. */
    public static final class AppContext implements AutoCloseable {
        /**
         * Pulses after the window shows before the first tab's detail views are built. Not sooner: the first
         * frame reaches the screen only when the FX thread uploads what the render thread painted, so building
         * the views at the 3rd pulse (≈ 150 ms of FX work) held the first visible frame back by as much (measured
         * with tools/first-paint.c). By the 10th pulse frames have been rendered and uploaded (each pulse waits
         * for the previous rendering); the window's own timer keeps pulses coming at ≈ 60 Hz.
         */
        static final int PREPARE_AFTER_PULSES = 10;
        /** Longest the start waits for the desktop's light or dark preference (it is asked at launch). */
        private static final Duration SYSTEM_THEME_WAIT = Duration.ofMillis(100);

        private final Stage stage;
        private final MainWindow window;
        private final LocalServer server;
        private final BackgroundTasks tasks;
        private final BackgroundTasks profileIo;
        private final BackgroundTasks sessionIo;
        private final SettingsKeeper settings;
        private final SessionCatalog sessions;
        private final ConformanceRuns conformance;
        private volatile boolean closed;
        /** Takes this context's listeners off the stage, which outlives it (tests restart on one stage). */
        private final Runnable unhookStage;

        private AppContext(Stage stage, MainWindow window, LocalServer server, SessionCatalog sessions, BackgroundTasks tasks,
                           BackgroundTasks profileIo, BackgroundTasks sessionIo, SettingsKeeper settings,
                           ConformanceRuns conformance, Runnable unhookStage) {
            this.sessionIo = sessionIo;
            this.conformance = conformance;
            this.unhookStage = unhookStage;
            this.stage = stage;
            this.window = window;
            this.server = server;
            this.tasks = tasks;
            this.profileIo = profileIo;
            this.settings = settings;
            this.sessions = sessions;
        }

        /** With a throwaway data directory (tests that do not look at profiles). */
        public static AppContext start(Stage stage, ConnectionService connections, LocalServer server, boolean dark,
                                       boolean autoConnect) {
            return start(stage, connections, server, dark, autoConnect, throwawayDataDir());
        }

        /** With the profiles of {@code dataDir} (tests that restart the app on the same directory). */
        public static AppContext start(Stage stage, ConnectionService connections, LocalServer server, boolean dark,
                                       boolean autoConnect, Path dataDir) {
            return start(stage, connections, server, dark, autoConnect, AboutInfo.current(dataDir, null), List.of(),
                    dataDir);
        }

        public static AppContext start(Stage stage, ConnectionService connections, LocalServer server, boolean dark,
                                       boolean autoConnect, AboutInfo about, List<Path> files) {
            return start(stage, connections, server, dark, autoConnect, about, files, throwawayDataDir());
        }

        /** As if the desktop preferred light (tests: the same look on every machine). */
        public static AppContext start(Stage stage, ConnectionService connections, LocalServer server, boolean dark,
                                       boolean autoConnect, AboutInfo about, List<Path> files, Path dataDir) {
            return start(stage, connections, server, dark, autoConnect, about, files, dataDir,
                    CompletableFuture.completedFuture(false));
        }

        /**
         * Builds the whole window before showing it; if building fails, what was started is stopped again and
         * the stage stays hidden.
         *
         * @param dark       dark theme whatever the saved choice ({@code -Dwsi.dark=true}); false: the saved choice
         * @param files      capture files the app was opened with (from the desktop's file association)
         * @param dataDir    the data directory; profiles live in its {@code profiles} folder, the window's place
         *                   and the theme in its {@code settings.json}
         * @param systemDark whether the desktop prefers dark ({@link SystemColorScheme#prefersDarkLater}, asked
         *                   before JavaFX started), for the theme choice System
         */
        public static AppContext start(Stage stage, ConnectionService connections, LocalServer server, boolean dark,
                                       boolean autoConnect, AboutInfo about, List<Path> files, Path dataDir,
                                       CompletableFuture<Boolean> systemDark) {
            // Read on its own thread while the window is built; applied right before it shows.
            SettingsKeeper settings = SettingsKeeper.open(dataDir);
            // Every connection's capture is journaled under <data dir>/sessions (issue 10).
            SessionCatalog sessions = SessionCatalog.of(dataDir);
            BackgroundTasks tasks = new BackgroundTasks();
            // One thread for profile files: saves happen in the order they were asked for.
            BackgroundTasks profileIo = new BackgroundTasks(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "wsi-profile-io");
                t.setDaemon(true);
                return t;
            }), Platform::runLater);
            // One thread for the session list and its changes: a list read after a rename sees it.
            BackgroundTasks sessionIo = new BackgroundTasks(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "wsi-session-io");
                t.setDaemon(true);
                return t;
            }), Platform::runLater);
            // Conformance runs: one connection per case, each journaled like a tab's (issue 12).
            ConformanceRuns conformance = ConformanceRuns.of(connections, sessions);
            // Scenario runs (issue 15): <data dir>/scenarios/, each connection journaled like a tab's.
            TestRuns testRuns = TestRuns.of(connections, sessions, dataDir); // daemon threads: a run under way ends with the app
            MainWindow window = null;
            Runnable unhookStage = () -> { };
            try {
                ServerViewModel serverModel = new ServerViewModel(server);
                serverModel.start();
                // Three panes side by side need room: take most of the screen, up to 1600 × 1000.
                javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
                Scene scene = new Scene(new Pane(), Math.min(1600, Math.max(900, screen.getWidth() * 0.92)),
                        Math.min(1000, Math.max(560, screen.getHeight() * 0.92)));
                // Shown (one stylesheet parsed) once the saved choice is read: settings.applyTo below.
                Theme theme = Theme.notShownYet(scene);
                ProfilesViewModel profiles = new ProfilesViewModel(new ProfileRepository(dataDir), profileIo,
                        Platform::runLater);
                SessionsViewModel sessionsModel = new SessionsViewModel(sessions, sessionIo, tasks,
                        Clock.systemUTC(), ZoneId.systemDefault());
                SaveAsTest testSaver = new SaveAsTest(testRuns);
                // The composition root's services, for every FXML view's controller (ui.common.Controllers).
                ViewLoader views = new ViewLoader(Controllers.builder()
                        .provide(ServerViewModel.class, serverModel)
                        .provide(BackgroundTasks.class, tasks)
                        .provide(ProfilesViewModel.class, profiles)
                        .provide(SessionsViewModel.class, sessionsModel)
                        .provide(Theme.class, theme)
                        .provide(ConformanceRuns.class, conformance)
                        .provide(TestRuns.class, testRuns)
                        .provide(TestSaver.class, testSaver)
                        .build());
                java.util.function.Function<String, ConnectionTab> tabFactory = url -> {
                    ConnectionTab tab = new ConnectionTab(views, new ConnectionViewModel(connections, sessions, url),
                            new DetailPane(tasks),
                            (id, change, result) -> profiles.update(id, change, SaveListener.reportingTo(result)),
                            Scheduler.system(), tasks);
                    tab.setTestSaver(testSaver);
                    return tab;
                };
                window = new MainWindow(views, serverModel, tabFactory, theme, profiles, sessionsModel);
                // Intercepting proxies (issue 16): each leg of each client journaled like a tab's connection.
                window.useProxyTabs(() -> new ProxyTab(views,
                        new ProxyViewModel(proxy -> new InterceptingProxy(proxy, sessions), stop -> {
                            Thread t = new Thread(stop, "wsi-proxy-stop"); // waits for closing handshakes
                            t.setDaemon(true);
                            t.start();
                        }), new DetailPane(tasks)));
                MainWindow framesWindow = window;
                // Mock servers (issue 16): the toolbar's menu opens one tab each, over transport's MockServer.
                window.addToolbarItem(new dev.wsinspector.ui.mock.MockTabs(views,
                        new dev.wsinspector.transport.JwsMockServers(),
                        new dev.wsinspector.core.mock.MockProfileRepository(dataDir), sessions, profileIo, tabFactory,
                        tab -> {
                            framesWindow.tabs().getTabs().add(tab);
                            framesWindow.tabs().getSelectionModel().select(tab);
                        }).menu());
                conformance.showFramesWith((title, url, capture) ->
                        framesWindow.openTab(url).model().showStored(url, capture, title));
                testRuns.showFramesWith((title, url, capture, seq) -> {
                    ConnectionTab tab = framesWindow.openTab(url);
                    tab.model().showStored(url, capture, title);
                    if (seq >= 0) {
                        tab.goToFrameWhenShown(seq);
                    }
                });
                scene.setRoot(window.root());
                window.attach(scene);
                stage.titleProperty().bind(window.titleProperty());
                stage.setScene(scene);
                stage.setMinWidth(900);
                stage.setMinHeight(560);
                AppIcons.applyLater(stage);
                AboutDialog.register(stage, about);
                MainWindow shown = window;
                window.useCaptureFiles(new CaptureFileActions(() -> stage, tasks, CaptureFileActions.FileDialogs.system(),
                        shown::openCapture, shown::showNotice, AppVersion.current()));
                ConnectionTab first = window.openTab(serverModel.addressProperty().get());
                // The file watch polls on some systems: coming back to the window also looks for changes.
                ChangeListener<Boolean> lookForChanges = (o, was, focused) -> {
                    if (focused) {
                        profiles.reload();
                    }
                };
                stage.focusedProperty().addListener(lookForChanges);
                // Closing the window with connections open asks first (they are closed with 1001 on Quit).
                stage.setOnCloseRequest(e -> {
                    if (!dev.wsinspector.ui.main.QuitConfirmation.confirm(stage, shown.openConnections())) {
                        e.consume();
                    }
                });
                unhookStage = () -> {
                    stage.titleProperty().unbind();
                    stage.focusedProperty().removeListener(lookForChanges);
                    stage.setOnCloseRequest(null);
                };
                // The desktop's preference is there by now (asked at launch, ≈ 10 ms); if not, light until it is.
                SystemColorScheme.await(systemDark, SYSTEM_THEME_WAIT).ifPresentOrElse(
                        theme.systemDarkProperty()::set,
                        () -> systemDark.thenAccept(late -> Platform.runLater(() -> theme.systemDarkProperty().set(late))));
                settings.applyTo(stage, theme, dark);  // the saved theme and place, as late as can be
                stage.show();
                settings.track();
                // Off the FX thread: last run's trash, then sessions beyond the retention of settings.json.
                sessionsModel.applyRetention(settings.sessionRetention().maxAge(),
                        settings.sessionRetention().maxBytes());
                // The detail pane shows only a placeholder until a row is selected; build its views once the
                // window has painted, so neither the first paint nor the first click waits for them. A packaging
                // run (Launcher.exitAfterShownIfAsked) quits later, so their classes are in its record.
                afterPulses(PREPARE_AFTER_PULSES, first::prepareDetail);
                AppContext context = new AppContext(stage, window, server, sessions, tasks, profileIo, sessionIo,
                        settings, conformance, unhookStage);
                if (autoConnect && serverModel.runningProperty().get()) {
                    first.connect();
                }
                window.captureFiles().open(files);  // from the desktop's file association
                return context;
            } catch (RuntimeException | LinkageError e) {
                unhookStage.run();
                if (window != null) {
                    window.detach();
                }
                settings.discard();
                conformance.close();
                testRuns.close();
                sessions.close();
                tasks.close();
                profileIo.close();
                sessionIo.close();
                server.stop();
                throw e;
            }
        }

        /** Runs {@code action} once, on the FX thread, at the {@code pulses}-th pulse from now. */
        private static void afterPulses(int pulses, Runnable action) {
            new AnimationTimer() {
                private int seen;

                @Override
                public void handle(long now) {
                    if (++seen == pulses) {
                        stop();
                        action.run();
                    }
                }
            }.start();
        }

        public MainWindow window() {
            return window;
        }

        /** Another launch with the same data directory: come to the front, and take the files it was given. */
        public void activate(List<Path> files) {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
            stage.requestFocus();
            window.captureFiles().open(files);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            settings.close();  // first: the window is as the user left it
            unhookStage.run();
            window.detach();  // every tab's connection dropped and its session completed
            conformance.close();  // a run under way closes its case; its session completes below
            sessions.close();
            tasks.close();
            profileIo.close();
            sessionIo.close();
            try {
                sessions.emptyTrash();  // deleted sessions could be undone until now
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not empty the sessions' trash", e);
            }
            server.stop();
        }

        private static Path throwawayDataDir() {
            try {
                return Files.createTempDirectory("wsi-data-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary data directory", e);
            }
        }
    }
}
