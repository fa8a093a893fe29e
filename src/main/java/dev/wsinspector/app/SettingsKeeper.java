package dev.wsinspector.app;

import dev.wsinspector.core.settings.AppSettings;
import dev.wsinspector.core.settings.SessionRetention;
import dev.wsinspector.core.settings.SettingsStore;
import dev.wsinspector.core.settings.ThemeChoice;
import dev.wsinspector.ui.theme.Theme;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the main window's place, size and maximized state and the theme between starts
 * ({@link SettingsStore}, {@code <data dir>/settings.json}).
 * <ol>
 *   <li>{@link #open}: starts reading the file on its own thread, so the read (and Jackson's start-up) overlaps
 *       the window's construction instead of delaying the first paint;</li>
 *   <li>{@link #applyTo}, before the stage is shown: the saved theme, and the saved bounds when they are still on
 *       a screen ({@link WindowPlacement}), else the first start's size ({@link WindowPlacement#firstStart}), centred;
 *       given again after showing if the toolkit opened the window at another size;</li>
 *   <li>{@link #track}, after it is shown: follows the window's normal (not maximized, not iconified) bounds and
 *       its state, and saves each change at once, off the FX thread (so a killed app keeps them too; a burst of
 *       changes while the window is dragged coalesces to at most one write queued behind the one running);</li>
 *   <li>{@link #close}: saves, and waits (bounded) until the file is written.</li>
 * </ol>
 * The theme saved is the user's choice from the theme menu ({@link ThemeChoice#SYSTEM} until they pick one); a
 * forced dark theme ({@code -Dwsi.dark=true}) is not remembered unless the user picks. Call everything but
 * {@link #open} on the FX thread.
 */
final class SettingsKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsKeeper.class);
    /** How long the start waits for the (tiny) file before going on with the defaults: a hung network home. */
    private static final long LOAD_WAIT_SECONDS = 3;
    /** How long {@link #close} waits for the last write. */
    private static final long SAVE_WAIT_SECONDS = 5;

    private final SettingsStore store;
    /** One thread: reads and writes happen in the order they were asked for. */
    private final ExecutorService io;
    private final CompletableFuture<AppSettings> loading;
    /** The latest settings not yet handed to the store; a queued write takes whatever is latest. */
    private final AtomicReference<AppSettings> pending = new AtomicReference<>();

    private AppSettings saved = AppSettings.DEFAULTS;
    private ThemeChoice chosenTheme = ThemeChoice.SYSTEM;
    private Stage stage;
    private Theme theme;
    /** The window's last normal bounds, and the ones before (see {@link #leftNormal}). */
    private Rectangle2D normal;
    /** The bounds {@link #applyTo} gave the window: saved ones, or the first start's. */
    private Rectangle2D intended;
    private Rectangle2D previousNormal;
    private boolean recordQueued;
    private boolean closed;
    private final InvalidationListener moved = o -> recordLater();
    private final ChangeListener<Boolean> maximizedOrIconified = (o, was, now) -> {
        if (now) {
            Platform.runLater(() -> {  // once the toolkit has told the new bounds too
                leftNormal();
                saveSoon();
            });
        } else {
            recordLater();
            saveSoon();
        }
    };
    private final ChangeListener<ThemeChoice> themePicked = (o, was, now) -> {
        chosenTheme = now;
        saveSoon();
    };

    private SettingsKeeper(SettingsStore store, ExecutorService io) {
        this.store = store;
        this.io = io;
        this.loading = CompletableFuture.supplyAsync(store::load, io);
    }

    /** Starts reading the settings of {@code dataDir}. */
    static SettingsKeeper open(Path dataDir) {
        return new SettingsKeeper(new SettingsStore(dataDir), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wsi-settings-io");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Before the stage is shown (its scene set, with the default size, and its minimum size set): shows the saved
     * theme (dark if {@code forceDark}), and gives the saved bounds and maximized state.
     */
    void applyTo(Stage stage, Theme theme, boolean forceDark) {
        this.stage = stage;
        this.theme = theme;
        saved = awaitLoaded();
        chosenTheme = saved.theme();
        theme.show(forceDark ? ThemeChoice.DARK : chosenTheme);
        AppSettings.WindowBounds window = saved.window().orElse(null);
        Optional<Rectangle2D> bounds = window == null ? Optional.empty() : WindowPlacement.restore(window,
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(), stage.getMinWidth(),
                stage.getMinHeight());
        if (window != null && bounds.isEmpty()) {
            LOG.info("The saved window position {} is on no current screen: using the default size, centred", window);
        }
        intended = bounds.orElseGet(() -> WindowPlacement.firstStart(Screen.getPrimary().getVisualBounds(),
                stage.getMinWidth(), stage.getMinHeight()));
        place(intended);
        if (bounds.isPresent()) {
            normal = intended;
        }
        // Maximized also when the position was dropped: then on the screen it is centred on.
        stage.setMaximized(window != null && window.maximized());
    }

    private void place(Rectangle2D b) {
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }

    /** Which sessions the start deletes, as the file says (the default until {@link #applyTo} read it). */
    SessionRetention sessionRetention() {
        return saved.sessionRetention();
    }

    /** After the stage is shown: follow its bounds and the theme menu. */
    void track() {
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener(maximizedOrIconified);
        stage.iconifiedProperty().addListener(maximizedOrIconified);
        theme.choiceProperty().addListener(themePicked);
        if (intended != null && !stage.isMaximized() && (stage.getWidth() != intended.getWidth()
                || stage.getHeight() != intended.getHeight())) {
            // Some toolkits open a window with a minimum size at that minimum, whatever size it was given:
            // give it its size again, before that size is taken for the user's and saved over theirs.
            LOG.info("The window opened at {} × {}: sizing it to {} × {}", stage.getWidth(), stage.getHeight(),
                    intended.getWidth(), intended.getHeight());
            place(intended);
        }
        record();
    }

    /** Saves what is current and waits (bounded) until it is written; stops following the window. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stage != null) {
            record();
            untrack();
            pending.set(current());
            io.execute(this::writePending);
        }
        io.shutdown();
        try {
            if (!io.awaitTermination(SAVE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The settings were not written within {} s; going on without", SAVE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The start failed: stop the thread, save nothing. */
    void discard() {
        closed = true;
        if (stage != null) {
            untrack();
        }
        io.shutdownNow();
    }

    private AppSettings awaitLoaded() {
        try {
            return loading.get(LOAD_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Reading {} took over {} s: starting with the default window and theme", store.file(),
                    LOAD_WAIT_SECONDS);
        } catch (ExecutionException e) {
            LOG.warn("Could not read {}: starting with the default window and theme", store.file(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return AppSettings.DEFAULTS;
    }

    private void untrack() {
        stage.xProperty().removeListener(moved);
        stage.yProperty().removeListener(moved);
        stage.widthProperty().removeListener(moved);
        stage.heightProperty().removeListener(moved);
        stage.maximizedProperty().removeListener(maximizedOrIconified);
        stage.iconifiedProperty().removeListener(maximizedOrIconified);
        theme.choiceProperty().removeListener(themePicked);
    }

    /**
     * Once per burst of changes (x, y, width and height arrive one by one), after the toolkit has told all of
     * them, including whether the window is now maximized.
     */
    private void recordLater() {
        if (!recordQueued && !closed) {
            recordQueued = true;
            Platform.runLater(() -> {
                recordQueued = false;
                if (!closed) {
                    record();
                }
            });
        }
    }

    /** Takes the window's bounds as its normal ones, if it is showing in its normal state. */
    private void record() {
        if (!stage.isShowing() || stage.isMaximized() || stage.isIconified() || stage.isFullScreen()) {
            return;
        }
        double x = stage.getX();
        double y = stage.getY();
        double width = stage.getWidth();
        double height = stage.getHeight();
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            return;  // not placed yet
        }
        Rectangle2D now = new Rectangle2D(x, y, width, height);
        if (!now.equals(normal)) {
            previousNormal = normal;
            normal = now;
            saveSoon();  // a killed or crashed app keeps its place too; writes coalesce (one queued at most)
        }
    }

    /**
     * The window was maximized or iconified a moment ago. Some toolkits report the new bounds a moment before the
     * new state, so they may have been taken as normal ones: if the normal bounds are the window's (maximized or
     * iconified) bounds now, go back to the ones before. (A window the user sized to exactly the maximized bounds
     * comes back at its size before that: harmless.)
     */
    private void leftNormal() {
        if (closed || !(stage.isMaximized() || stage.isIconified())) {
            return;
        }
        Rectangle2D now = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        if (now.equals(normal) && previousNormal != null) {
            normal = previousNormal;
            previousNormal = null;
        }
    }

    private AppSettings current() {
        Optional<AppSettings.WindowBounds> window = normal == null
                ? saved.window()
                : Optional.of(new AppSettings.WindowBounds(normal.getMinX(), normal.getMinY(), normal.getWidth(),
                        normal.getHeight(), stage.isMaximized()));
        return new AppSettings(window, chosenTheme, saved.sessionRetention());  // the retention is edited in the file
    }

    /** Something changed: write now (off the FX thread), so a crash later does not lose it. */
    private void saveSoon() {
        if (closed) {
            return;
        }
        if (pending.getAndSet(current()) == null) {
            io.execute(this::writePending);
        }
    }

    private void writePending() {
        AppSettings latest = pending.getAndSet(null);
        if (latest != null) {
            store.save(latest);
        }
    }
}
