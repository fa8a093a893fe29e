package dev.wsinspector.ui.connection;

import dev.wsinspector.core.charts.LatencySource;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WholeMessage;
import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.filter.FilterBarViewModel;
import dev.wsinspector.ui.messages.SavedMessagesViewModel;
import dev.wsinspector.ui.replay.ReplayViewModel;
import dev.wsinspector.ui.timeline.RowColumn;
import dev.wsinspector.ui.timeline.RowFormatter;
import dev.wsinspector.ui.timeline.TimelineList;
import dev.wsinspector.ui.timeline.TimelineRow;
import dev.wsinspector.ui.timeline.TimelineView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.time.ZoneId;

/**
 * A tab's timeline kept to its capture, once per pulse: a new capture gets a new list, new frames come in as
 * one batch, the toolbar's texts are brought up to date, and the selected row goes to the detail pane. It is what
 * the timeline toolbar acts on (Go to, Latest, Clear, Save capture) and the find bar searches, and it offers the
 * rows' own actions (save a frame as a message, replay the sent frames of a selection).
 */
final class TabTimeline implements TimelineToolbarViewModel.Timeline, FindBarViewModel.Timeline,
        FilterBarViewModel.Target {

    private final ConnectionTab tab;
    private final TimelineView timeline;
    private final DetailPane detail;
    private final SavedMessagesViewModel messages;
    private final ReplayViewModel replay;
    private final RowFormatter formatter = new RowFormatter(ZoneId.systemDefault());
    private final ShownCapture capture = new ShownCapture();
    private final TabPairing pairing = new TabPairing();
    private long pairingShown = -1;
    private long pairingDrawnAt;
    private final TimelineToolbarViewModel toolbar;
    private ConnectionTab.CaptureSaver captureSaver;
    private FilterBarViewModel filter;
    private TestSaver testSaver;
    private Session goToIn;
    private long goToSeq = -1;

    TabTimeline(ConnectionTab tab, TimelineView timeline, DetailPane detail, SavedMessagesViewModel messages,
                ReplayViewModel replay) {
        this.tab = tab;
        this.timeline = timeline;
        this.detail = detail;
        this.messages = messages;
        this.replay = replay;
        toolbar = new TimelineToolbarViewModel(this, System::nanoTime);
        toolbar.pausedProperty().addListener((o, a, paused) -> {
            if (timeline.rows() != null) {
                timeline.setPaused(paused);
            }
        });
        toolbar.timeModeProperty().addListener((o, a, mode) -> {
            if (timeline.rows() != null) {
                timeline.rows().setTimeMode(mode);
                timeline.refresh();
            }
        });
        timeline.onNotice(toolbar::notice);
        timeline.setLiveText(RowColumn.Cell.LATENCY, pairing::latencyText);
        timeline.selection().leadProperty().addListener((o, a, lead) -> showDetail(timeline.leadRow()));
        addRowActions();
    }

    TimelineToolbarViewModel toolbar() {
        return toolbar;
    }

    /** Counts and classifies what arrived (off the FX thread: see {@link ShownCapture#advance}); no pairing. */
    void count(long nowNanos) {
        capture.advance(nowNanos);
    }

    /** Pairs what arrived until {@code deadlineNanos} (off the FX thread: see {@link TabPairing#sample(long)}). */
    void pair(long deadlineNanos) {
        pairing.sample(deadlineNanos);
    }

    CaptureStats.Snapshot figures() {
        return capture.figures();
    }

    long captureBytes() {
        return capture.retainedBytes();
    }

    void setCaptureSaver(ConnectionTab.CaptureSaver saver) {
        captureSaver = saver;
        toolbar.saveAvailableProperty().set(saver != null);
    }

    void setTestSaver(TestSaver saver) {
        testSaver = saver;
    }

    /** Save selection as test…: the selected rows' frame range as a scenario, reviewed before it is saved. */
    void saveSelectionAsTest() {
        long[] range = timeline.selectedFrameRange();
        Session session = capture.session();
        if (range != null && session != null && testSaver != null) {
            String stored = tab.model().storedSessionProperty().get();
            String name = (stored == null || stored.isEmpty() ? "recorded" : stored) + " " + range[0] + "-" + range[1];
            testSaver.save(timeline.getScene() == null ? null : timeline.getScene().getWindow(), name, session,
                    range[0], range[1], toolbar::notice);
        }
    }

    /** Shows {@code session} (the tab's capture now) with what came since the last pulse. */
    void pulse(Session session) {
        pairing.show(session);
        if (capture.show(session)) {
            TimelineList list = session == null ? null : new TimelineList(session, formatter, capture.fragments());
            if (list != null) {
                list.setTimeMode(toolbar.timeModeProperty().get());
                list.setProtocolHints(tab.model()::protocolHint);
                list.setPaused(toolbar.pausedProperty().get());
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
        goToPending(session);
        redrawLatencies();
        if (filter != null) {
            filter.pulse(); // new frames to the filter's run; its result comes back through show()
        }
        toolbar.refresh(rows.pendingRows(), rows.firstRow() - rows.firstReachableRow(), rows.size(),
                rows.reachableRows(), rows.isFollowing());
    }

    /**
     * Selects frame {@code seq} of {@code session} once its row is in (a capture just shown gets its rows on the
     * next pulse); forgotten when the tab shows another capture first.
     */
    void goToFrameWhenShown(Session session, long seq) {
        goToIn = session;
        goToSeq = seq;
    }

    private void goToPending(Session session) {
        if (goToSeq < 0) {
            return;
        }
        if (session != goToIn) {
            goToSeq = -1;
        } else if (timeline.rows().rowOfFrame(goToSeq) >= 0) {
            goToFrame(goToSeq);
            goToSeq = -1;
        }
    }

    /** The tab pairs requests and replies as {@code profile}'s {@code "pairing"} setting says (none: by ids). */
    void pairBy(StoredProfile profile) {
        pairing.use(TabPairing.settingsOf(profile));
    }

    /** Reply latencies for the Charts panel, from the tab's pairing. */
    LatencySource latencySource() {
        return pairing.latencySource();
    }

    /** The Latency cells on screen are drawn again when pairing moved on, at most four times a second. */
    private void redrawLatencies() {
        long changes = pairing.changes();
        long now = System.nanoTime();
        if (changes != pairingShown && now - pairingDrawnAt > 250_000_000L) {
            pairingShown = changes;
            pairingDrawnAt = now;
            timeline.refresh();
        }
    }

    /** From a request to its reply, from a reply to its request (Shortcut+J, the rows' menu); false when none. */
    boolean jumpToPartner() {
        TimelineRow row = timeline.leadRow();
        long partner = row == null || !row.isFrame() ? -1 : pairing.partner(row.seq());
        return partner >= 0 && goToFrame(partner);
    }

    /** The filter bar whose rows the timeline shows; its run follows the capture once per pulse. */
    void useFilter(FilterBarViewModel bar) {
        filter = bar;
    }

    @Override
    public Session session() {
        return capture.session();
    }

    @Override
    public FilterContext context() {
        Session session = capture.session();
        ProtocolHint last = session == null ? ProtocolHint.NONE : capture.protocolHint(Long.MAX_VALUE);
        return FilterContext.defaults().withHint(tab.model().protocolHint(last)).withPairing(pairing.filterPairing());
    }

    @Override
    public void show(MatchSet frames, MatchSet events) {
        timeline.setFilter(frames, events);
    }

    @Override
    public void extend(MatchSet frames, MatchSet events) {
        timeline.extendFilter(frames, events);
    }

    @Override
    public void showFragments(boolean all) {
        timeline.setExpandAll(all);
    }

    @Override
    public boolean isFiltered() {
        return timeline.rows() != null && timeline.rows().isFiltered();
    }

    /** The selected rows' frame range becomes the replay's; the Replay panel opens. */
    void replaySelectedRows() {
        long[] range = timeline.selectedFrameRange();
        if (range != null && capture.session() != null) {
            replay.useRange(capture.session().frames(), range[0], range[1]);
            tab.showTool("Replay");
        }
    }

    @Override
    public boolean goToFrame(long seq) {
        boolean found = timeline.goToFrame(seq);
        if (found) {
            timeline.requestFocus();
        }
        return found;
    }

    @Override
    public long frameCount() {
        return capture.frameCount();
    }

    @Override
    public void follow() {
        timeline.follow();
    }

    @Override
    public void clearView() {
        if (timeline.rows() != null) {
            timeline.clearView();
            detail.clear();
        }
    }

    @Override
    public void openFind() {
        tab.openFind();
    }

    @Override
    public TimelineList rows() {
        return timeline.rows();
    }

    @Override
    public long lead() {
        return timeline.selection().lead();
    }

    @Override
    public boolean selectRow(long row) {
        return timeline.selectRow(row);
    }

    @Override
    public void saveCapture(CaptureFormat format, boolean includeSecrets) {
        if (captureSaver != null) {
            captureSaver.save(tab, format, includeSecrets);
        }
    }

    private void showDetail(TimelineRow row) {
        if (row == null) {
            detail.clear();
        } else if (row.isFrame()) {
            detail.setProtocolHint(tab.model().protocolHint(capture.protocolHint(row.seq())));
            FrameStore frames = capture.session().frames();
            WholeMessage message = WholeMessage.starting(frames, row.seq()).orElse(null);
            if (message != null) {
                // The first frame of a fragmented message stands for the whole message, reassembled by seq in the
                // detail pane's background formatting (up to 16 MiB: not on the FX thread).
                detail.showMessage(capture.frame(row.seq()), message,
                        () -> message.payload(frames, WholeMessage.MAX_REASSEMBLED_BYTES));
            } else {
                detail.showFrame(capture.frame(row.seq()), capture.isText(row.seq()));
            }
        } else {
            detail.showEvent(row.event());
        }
    }

    /** Right-click on timeline rows: keep a frame as a saved message, or replay what we sent in the range. */
    private void addRowActions() {
        MenuItem saveFrame = new MenuItem("Save this frame…");
        saveFrame.setId("saveFrameMenu");
        saveFrame.setOnAction(e -> saveSelectedFrame());
        MenuItem replayRows = new MenuItem("Replay sent frames of the selection…");
        replayRows.setId("replayRowsMenu");
        replayRows.setOnAction(e -> replaySelectedRows());
        MenuItem saveTest = new MenuItem("Save selection as test…");
        saveTest.setId("saveSelectionAsTestMenu");
        saveTest.setOnAction(e -> saveSelectionAsTest());
        MenuItem jump = new MenuItem("Go to reply");
        jump.setId("jumpToPartnerMenu");
        jump.setAccelerator(new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN));
        jump.setOnAction(e -> jumpToPartner());
        MenuItem stats = new MenuItem("Latency statistics…");
        stats.setId("latencyStatsMenu");
        stats.setOnAction(e -> LatencyStatsDialog.show(timeline.getScene() == null ? null : timeline.getScene().getWindow(),
                tab.getText(), pairing.methods()));
        timeline.contextMenu().getItems().addAll(new SeparatorMenuItem(), saveFrame, replayRows, saveTest, jump,
                stats);
        timeline.contextMenu().setOnShowing(e -> {
            TimelineRow row = timeline.leadRow();
            jump.setText(row != null && row.isFrame() && pairing.isRequest(row.seq()) ? "Go to reply" : "Go to request");
            saveFrame.setDisable(row == null || !row.isFrame() || !messages.availableProperty().get());
            replayRows.setDisable(timeline.selectedFrameRange() == null);
            saveTest.setDisable(testSaver == null || timeline.selectedFrameRange() == null);
        });
    }

    private void saveSelectedFrame() {
        TimelineRow row = timeline.leadRow();
        if (row != null && row.isFrame() && capture.session() != null) {
            tab.saveMessage("Save frame " + row.seq(), capture.asMessage(row.seq()));
        }
    }
}
