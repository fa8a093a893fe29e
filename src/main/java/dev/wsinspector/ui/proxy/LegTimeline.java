package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WholeMessage;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.timeline.RowFormatter;
import dev.wsinspector.ui.timeline.TimelineList;
import dev.wsinspector.ui.timeline.TimelineRow;
import dev.wsinspector.ui.timeline.TimelineView;

import javafx.scene.control.TableView;

import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * One leg of the connection shown, in the same timeline a client tab has ({@code ui.timeline.TimelineView}):
 * a new capture gets a new list, new frames come in as one batch per pulse (nothing per frame), and the selected
 * row goes to the tab's detail pane, which both legs share. FX thread only.
 */
final class LegTimeline {

    private static final java.util.Set<String> HIDDEN_COLUMNS = java.util.Set.of("col-fin", "col-latency",
            "col-summary");

    private final Leg leg;
    private final TimelineView view = new TimelineView();
    private final RowFormatter formatter = new RowFormatter(ZoneId.systemDefault());
    private Session shown;

    /** @param selected told of this leg's selected row (null: none), to show it in the detail pane */
    LegTimeline(Leg leg, Consumer<TimelineRow> selected) {
        this.leg = leg;
        view.getStyleClass().add("proxy-leg-" + leg.jsonName());
        view.selection().leadProperty().addListener((o, a, lead) -> selected.accept(view.leadRow()));
        // Two timelines side by side: the preview gets the room of the columns a leg needs least (the header's
        // menu shows them again).
        if (view.lookup(".timeline") instanceof TableView<?> table) {
            table.getColumns().stream().filter(c -> c.getStyleClass().stream().anyMatch(HIDDEN_COLUMNS::contains))
                    .forEach(c -> c.setVisible(false));
        }
    }

    Leg leg() {
        return leg;
    }

    TimelineView view() {
        return view;
    }

    Session session() {
        return shown;
    }

    /** Shows {@code session} (null: none) and takes in what arrived since the last pulse. */
    void pulse(Session session) {
        if (session != shown) {
            shown = session;
            view.show(session == null ? null : new TimelineList(session, formatter));
        }
        if (view.rows() != null) {
            view.pull();
        }
    }

    /** Puts {@code row} of this leg in {@code detail}: a fragmented message's first frame stands for it whole. */
    void showIn(DetailPane detail, TimelineRow row) {
        if (row == null || shown == null) {
            detail.clear();
        } else if (row.isFrame()) {
            FrameStore frames = shown.frames();
            WholeMessage message = WholeMessage.starting(frames, row.seq()).orElse(null);
            if (message != null) {
                detail.showMessage(frames.get(row.seq()), message,
                        () -> message.payload(frames, WholeMessage.MAX_REASSEMBLED_BYTES));
            } else {
                detail.showFrame(frames.get(row.seq()), frames.opcode(row.seq()) == dev.wsinspector.core.frame.Opcode.TEXT);
            }
        } else {
            detail.showEvent(row.event());
        }
    }

    /** Selects frame {@code seq} and gives the timeline the keyboard; false when its row is not (yet) in. */
    boolean goToFrame(long seq) {
        boolean found = view.rows() != null && view.goToFrame(seq);
        if (found) {
            view.requestFocus();
        }
        return found;
    }
}
