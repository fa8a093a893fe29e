package dev.wsinspector.ui.connection;

import dev.wsinspector.ui.charts.ChartsViewModel;
import dev.wsinspector.ui.replay.ReplayViewModel;

/**
 * What one window pulse does for a tab: its state every pulse (the title shows it), its timeline every pulse while
 * the tab is on screen and only every {@link #HIDDEN_TIMELINE_NANOS} while it is not. A timeline that changes costs
 * JavaFX CSS and layout of its rows in every pulse, shown or not (measured with JFR: the table's cells were most of
 * a flooded window's FX thread); the pulse that selects the tab brings it up to date before it is laid out, so
 * nobody sees the difference. The charts, shown or not, only ask a worker to count (at most four times a second,
 * and only while their panel is on screen). FX thread only.
 */
final class TabPulse {

    /** How often the timeline of a tab that is not shown takes in new rows. */
    static final long HIDDEN_TIMELINE_NANOS = 250_000_000L;

    private final ConnectionViewModel model;
    private final ReplayViewModel replay;
    private final TabTimeline rows;
    private final ChartsViewModel charts;
    private long lastTimelinePulse;
    private boolean timelinePulsed;

    TabPulse(ConnectionViewModel model, ReplayViewModel replay, TabTimeline rows, ChartsViewModel charts) {
        this.charts = charts;
        this.model = model;
        this.replay = replay;
        this.rows = rows;
    }

    /** The tab is on screen: state and new frames in, in one batch. */
    void shown(long nowNanos) {
        model.refresh();
        replay.refresh();
        rows.pulse(model.session());
        charts.refresh(model.session(), nowNanos);
        lastTimelinePulse = nowNanos;
        timelinePulsed = true;
    }

    /** The tab is not on screen: its state now, its timeline when it last took rows long enough ago. */
    void hidden(long nowNanos) {
        if (!timelinePulsed || nowNanos - lastTimelinePulse >= HIDDEN_TIMELINE_NANOS) {
            shown(nowNanos);
        } else {
            model.refresh();
            replay.refresh();
        }
    }
}
