package dev.wsinspector.app;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.server.LocalServer;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.connection.ConnectionViewModel;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.main.MainWindow;
import dev.wsinspector.ui.server.ServerViewModel;
import dev.wsinspector.ui.theme.Theme;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The JavaFX application and the one place where the GUI's objects are wired together. On start it runs the
 * local echo server on loopback and opens a tab pointed at it, so Connect → type → Send works with no set-up.
 */
public final class InspectorApp extends Application {

    private AppContext context;

    @Override
    public void start(Stage stage) {
        context = AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(),
                Boolean.getBoolean("wsi.dark"), Boolean.getBoolean("wsi.autoConnect"));
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** Everything one window needs, built in one place; tests build it with their own parts. */
    public static final class AppContext implements AutoCloseable {
        private final MainWindow window;
        private final LocalServer server;
        private final BackgroundTasks tasks;

        private AppContext(MainWindow window, LocalServer server, BackgroundTasks tasks) {
            this.window = window;
            this.server = server;
            this.tasks = tasks;
        }

        public static AppContext start(Stage stage, ConnectionService connections, LocalServer server, boolean dark,
                                       boolean autoConnect) {
            ServerViewModel serverModel = new ServerViewModel(server);
            serverModel.start();
            BackgroundTasks tasks = new BackgroundTasks();
            Scene scene = new Scene(new Pane(), 1280, 800);
            Theme theme = new Theme(scene, dark);
            MainWindow window = new MainWindow(serverModel,
                    url -> new ConnectionTab(new ConnectionViewModel(connections, ColumnarFrameStore::new, url),
                            new DetailPane(tasks)),
                    theme);
            scene.setRoot(window);
            window.attach(scene);
            stage.setTitle("WS Inspector");
            stage.setScene(scene);
            stage.setMinWidth(900);
            stage.setMinHeight(560);
            ConnectionTab first = window.openTab(serverModel.addressProperty().get());
            stage.show();
            if (autoConnect && serverModel.runningProperty().get()) {
                first.connect();
            }
            return new AppContext(window, server, tasks);
        }

        public MainWindow window() {
            return window;
        }

        @Override
        public void close() {
            window.detach();
            tasks.close();
            server.stop();
        }
    }
}
