package dev.wsinspector.ui.connection;

import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.core.timing.Scheduler;
import dev.wsinspector.ui.charts.ChartsViewModel;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.composer.ComposerController;
import dev.wsinspector.ui.composer.ComposerViewModel;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.detail.Highlights;
import dev.wsinspector.ui.filter.FilterBarController;
import dev.wsinspector.ui.filter.FilterBarViewModel;
import dev.wsinspector.ui.filter.SavedFiltersModel;
import dev.wsinspector.ui.messages.SavedMessageDialog;
import dev.wsinspector.ui.messages.SavedMessagesViewModel;
import dev.wsinspector.ui.replay.ReplayViewModel;
import dev.wsinspector.ui.timeline.TimelineView;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/**
 * One connection, assembled from its parts in {@code ConnectionTabView.fxml} ({@link ConnectionTabController}):
 * the connection bar, the timeline toolbar and the composer (FXML views), the timeline and the detail pane, and
 * on the right the tools pane, loaded the first time it is shown
 * (most tabs never open it). The tab is the {@code Tab} the window and the tests hold, so its methods are the
 * tab's API; state and logic are in the view models it wires together. The window's pulse calls {@link #pulse(long)}, which brings new frames in
 * once per pulse; nothing here is called from transport threads.
 */
public final class ConnectionTab extends Tab {

    private final ViewLoader views;
    private final ConnectionViewModel model;
    private final TimelineView timeline = new TimelineView();
    private final DetailPane detail;
    private final TabTimeline rows;
    private final TimelineToolbarViewModel toolbar;
    private final TimelineToolbarController toolbarView;
    private final ComposerViewModel composerModel;
    private final SavedMessagesViewModel messages;
    private final ReplayViewModel replay;
    /** What the tab is called (file, profile, session or address); the window may add a suffix to tell tabs apart. */
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final StringProperty titleSuffix = new SimpleStringProperty("");
    private final VBox bars;
    private final ToolsPane tools;
    /** Built on first use, below the timeline bar: most sessions never search (and a new window styles less). */
    private FindBarController findBar;
    private FindBarViewModel findModel;
    private BackgroundTasks tasks;
    private final TabPulse pulses;
    private final ChartsViewModel charts;
    private final FilterBarViewModel filterBar;
    private final SavedFiltersModel savedFilters;

    public ConnectionTab(ViewLoader views, ConnectionViewModel model, DetailPane detail) {
        this(views, model, detail, ProfileUpdater.NONE, Scheduler.system(), null);
    }

    /**
     * @param profiles  saves changes of the tab's profile (its message library)
     * @param scheduler runs replays
     * @param tasks     runs Find in capture off the FX thread (the app's; null: the tab makes its own on first use)
     */
    public ConnectionTab(ViewLoader views, ConnectionViewModel model, DetailPane detail, ProfileUpdater profiles,
                         Scheduler scheduler, BackgroundTasks tasks) {
        this.views = views;
        this.model = model;
        this.tasks = tasks;
        this.detail = detail;
        getStyleClass().add("connection-tab");
        title.bind(TabTitle.of(model));
        textProperty().bind(title.concat(titleSuffix));

        composerModel = new ComposerViewModel(model::connection, model::templates);
        messages = new SavedMessagesViewModel(model::sendSaved, (change, result) -> profiles.update(
                model.profileProperty().get().id(), p -> p.withMessages(change.apply(p.messages())), result));
        replay = new ReplayViewModel(scheduler, new TabReplayTarget(model));
        composerModel.saveAvailableProperty().bind(messages.availableProperty());
        composerModel.onSave(draft -> saveMessage("Save message from composer", draft));
        composerModel.formats().protobufFrom(() -> model.protocolHint(
                dev.wsinspector.core.payload.protocol.ProtocolHint.NONE).protobufSchema().orElse(null));
        model.stateProperty().addListener((o, a, state) -> composerModel.connectionChanged()); // keeps auto-pong off
        Parent composer = views.load(ComposerController.class, composerModel,
                (ComposerViewModel.CloseAction) model::close).root();

        rows = new TabTimeline(this, timeline, detail, messages, replay);
        charts = new ChartsViewModel(this::tasks, rows::goToFrame);
        charts.setLatencySource(rows.latencySource());
        pulses = new TabPulse(model, replay, rows, charts);
        toolbar = rows.toolbar();
        toolbar.hasCaptureProperty().bind(model.sessionProperty().isNotNull());
        ViewLoader.View<Parent, TimelineToolbarController> toolbarLoaded = views.load(TimelineToolbarController.class,
                toolbar);
        toolbarView = toolbarLoaded.controller();

        filterBar = new FilterBarViewModel(rows, this::tasks);
        rows.useFilter(filterBar);
        savedFilters = new SavedFiltersModel((change, result) -> profiles.update(
                model.profileProperty().get().id(), p -> p.withFilters(change.apply(p.filters())), result));
        Parent filterView = views.load(FilterBarController.class, filterBar, savedFilters).root();
        filterBar.appliedProperty().addListener((o, a, b) -> highlightMatches());

        ViewLoader.View<Parent, ConnectionTabController> layout = views.load(ConnectionTabController.class,
                new ConnectionTabController.Parts(List.of(views.load(ConnectionBarController.class, model).root(),
                        toolbarLoaded.root(), filterView), timeline, detail, composer, this::openFind, this::openGoTo));
        bars = layout.controller().bars();
        tools = new ToolsPane(views, layout.controller().middle(), messages, replay, model, charts);
        toolbar.toolsShownProperty().addListener((o, a, show) -> tools.show(show));
        model.profileProperty().addListener((o, a, p) -> profileShown(a, p));
        model.environmentProperty().addListener((o, a, b) -> composerModel.revalidate());
        setContent(layout.root());
    }

    public ConnectionViewModel model() {
        return model;
    }

    /** The tab's own title, without the suffix that tells it from a tab of the same title. */
    public ReadOnlyStringProperty titleProperty() {
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

    /** Enables the rows' "Save selection as test…" with {@code saver}; without one it stays disabled. */
    public void setTestSaver(TestSaver saver) {
        rows.setTestSaver(saver);
    }

    /** Enables "Save capture" with {@code saver}; without one the menu stays hidden. */
    public void setCaptureSaver(CaptureSaver saver) {
        rows.setCaptureSaver(saver);
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

    /** The tab's Charts panel's state (counting only while the panel is shown). */
    public ChartsViewModel charts() {
        return charts;
    }

    public ComposerViewModel composer() {
        return composerModel;
    }

    /** The filter bar above the timeline (tests drive it). */
    public FilterBarViewModel filterBar() {
        return filterBar;
    }

    /** The saved filters of the tab's profile. */
    public SavedFiltersModel savedFilters() {
        return savedFilters;
    }

    /** Opens one of the tab's tools ("Messages", "Replay", "Conformance", "Tests" or "Charts"). */
    public void showTool(String title) {
        toolbar.toolsShownProperty().set(true);
        tools.select(title);
    }

    /** Makes this a tab of {@code stored}: options, variables, messages (relative paths against {@code dir}). */
    public void useProfile(StoredProfile stored, Path dir) {
        model.useProfile(stored, dir);
    }

    private void profileShown(StoredProfile before, StoredProfile now) {
        messages.availableProperty().set(now != null);
        messages.show(now == null ? List.of() : now.profile().messages());
        savedFilters.show(now != null, now == null ? List.of() : now.profile().filters());
        rows.pairBy(now);
        composerModel.revalidate();
        if (before == null && now != null) {
            toolbar.toolsShownProperty().set(true);
        }
    }

    /**
     * Builds the detail pane's views now, so the first click on a row does not wait for them. For after the
     * window has shown: until then nothing is selected and the pane only shows its placeholder.
     */
    public void prepareDetail() {
        detail.prepare();
    }

    /** For tests: whether the tools pane has been built. */
    boolean toolsBuilt() {
        return tools.built();
    }

    /** Selects (and scrolls to) frame {@code seq} of the capture shown now, once its row is in. */
    public void goToFrameWhenShown(long seq) {
        rows.goToFrameWhenShown(model.session(), seq);
    }

    /** The selected rows' frame range becomes the replay's; the Replay panel opens. */
    public void replaySelectedRows() {
        rows.replaySelectedRows();
    }

    /** Opens the dialog that keeps {@code draft} (edited) in the profile's messages. */
    void saveMessage(String title, SavedMessage draft) {
        new SavedMessageDialog(views, getTabPane().getScene().getWindow(), title, draft, messages::add).show();
    }

    /**
     * Counts and classifies the frames that arrived, for the status bar and the detail pane. Safe off the FX
     * thread, and meant for it: the window's {@code StatusSampler} calls it for every tab, so the pulse never reads
     * frame by frame.
     */
    public void sample(long nowNanos) {
        count(nowNanos);
        pair(System.nanoTime() + TabPairing.BUDGET_NANOS);
    }

    /** The counting and classifying half of {@link #sample}: reads each new frame once, cheaply. Any one thread. */
    public void count(long nowNanos) {
        rows.count(nowNanos);
    }

    /**
     * The pairing half of {@link #sample}: decodes new frames for request/reply pairing until {@code deadlineNanos}
     * ({@link System#nanoTime}), the rest next time. The window's sampler gives all its tabs one deadline a round,
     * so pairing costs the same share of a core however many tabs flood. Same thread as {@link #count}.
     */
    public void pair(long deadlineNanos) {
        rows.pair(deadlineNanos);
    }

    /** The counts and rates of the last {@link #sample}; the same instance until the next one. */
    public CaptureStats.Snapshot figures() {
        return rows.figures();
    }

    /** Memory held by this tab's capture, as of the last {@link #sample}. */
    public long captureBytes() {
        return rows.captureBytes();
    }

    /** Called by the window's pulse for the tab on screen: bring state and new frames in, in one batch. */
    public void pulse(long nowNanos) {
        pulses.shown(nowNanos);
    }

    /** Called by the window's pulse for a tab not on screen (see {@link TabPulse#hidden}). */
    public void pulseHidden(long nowNanos) {
        pulses.hidden(nowNanos);
    }

    /** Opens the connection (the window's Connect action and the first-run flow). */
    public void connect() {
        model.connect();
    }

    /** Shows the find bar and puts the cursor in its field (Ctrl+F, the Find button). */
    public void openFind() {
        if (findBar == null) {
            ViewLoader.View<Parent, FindBarController> find = views.load(FindBarController.class,
                    new FindBarViewModel(rows, this::tasks), timeline);
            findBar = find.controller();
            findModel = find.controller().model();
            findModel.queryProperty().addListener((o, a, b) -> highlightMatches());
            bars.getChildren().add(find.root());
        }
        findBar.open();
    }

    /**
     * The detail views mark the filter's terms and Find's query from the next row shown on (showing the current
     * row again would also reset the view the user picked).
     */
    private void highlightMatches() {
        detail.setHighlights(Highlights.of(filterBar.appliedProperty().get(),
                findModel == null ? null : findModel.queryProperty().get()));
    }

    private BackgroundTasks tasks() {
        if (tasks == null) {
            tasks = new BackgroundTasks();
        }
        return tasks;
    }

    /** Puts the cursor in Go to # (Ctrl+G). */
    public void openGoTo() {
        toolbarView.focusGoTo();
    }

    /** "Rows X–Y of Z" while the capture is longer than the screen, else empty (the status bar shows it). */
    public String positionText() {
        return toolbar.positionProperty().get();
    }
}
