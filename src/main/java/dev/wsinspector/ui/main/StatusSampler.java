package dev.wsinspector.ui.main;

import dev.wsinspector.core.session.CaptureStats;
import dev.wsinspector.ui.connection.ConnectionTab;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The status bar's figures, counted on a thread of their own: counting reads every new frame of every tab, which at
 * a flood's pace is more frames per pulse than the FX thread can spare, and grows with the rate. Every
 * {@link #PERIOD_MILLIS} the {@code wsi-status} thread has each tab count what arrived ({@link ConnectionTab#count},
 * then {@link ConnectionTab#pair} within one budget for all)
 * and publish an immutable snapshot; the pulse only reads the selected tab's ({@link #figures}), so its cost does not
 * depend on how fast frames come. The counts on screen are at most one period old, which people cannot tell.
 */
final class StatusSampler {

    /** How often the figures are counted: ten times a second is as often as anyone reads a number. */
    static final long PERIOD_MILLIS = 100;

    /** What one round may spend pairing, all tabs together: a fifth of the period, so a fifth of a core at most. */
    static final long PAIRING_BUDGET_NANOS = 20_000_000L;

    /** Which tab pairs next within the round's budget (the selected one always first). Sampler thread. */
    private final PulseRota pairing = new PulseRota(System::nanoTime);
    /** The tab on screen, as of the last pulse ({@link #figures}). */
    private volatile ConnectionTab selected;

    /** The window's tabs; changed on the FX thread when a tab opens or closes, read by the sampler. */
    private final List<ConnectionTab> tabs = new CopyOnWriteArrayList<>();
    private volatile long captureBytes;
    private ScheduledExecutorService thread;

    /** What the pulse handed out last, so an unchanged status bar costs it no allocation. */
    private StatusFigures shown;
    private CaptureStats.Snapshot shownSnapshot;

    void add(ConnectionTab tab) {
        tabs.add(tab);
    }

    void remove(ConnectionTab tab) {
        tabs.remove(tab);
    }

    /** Starts the sampler thread (once the window shows). */
    void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wsi-status");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::sampleNow, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    /**
     * One round: every tab counts what arrived, the memory of all captures is summed, then the tabs pair what
     * arrived within one shared {@link #PAIRING_BUDGET_NANOS} (the selected tab first, then the others in turn,
     * {@link PulseRota}): pairing decodes every message, the costliest reading of a frame, and a budget per tab would
     * let four flooding tabs take most of a core from the capture (measured with JFR, issue 17).
     */
    void sampleNow() {
        long now = System.nanoTime();
        long bytes = 0;
        List<ConnectionTab> round = List.copyOf(tabs);
        for (ConnectionTab tab : round) {
            try {
                tab.count(now);
                bytes += tab.captureBytes();
            } catch (RuntimeException e) {
                // A capture that cannot be read (a journal going away as its tab closes) counts as nothing this round.
            }
        }
        captureBytes = bytes;
        long deadline = System.nanoTime() + PAIRING_BUDGET_NANOS;
        ConnectionTab shown = selected;
        pairing.run(round.size(), shown == null ? -1 : round.indexOf(shown), deadline, i -> {
            try {
                round.get(i).pair(deadline);
            } catch (RuntimeException e) {
                // as above: this tab pairs nothing this round
            }
        });
    }

    /** Memory held by every tab's capture, as of the last round. */
    long captureBytes() {
        return captureBytes;
    }

    /**
     * The status bar's figures for {@code selected} (null: no tab): the same instance as the last call while
     * nothing changed. FX thread.
     */
    StatusFigures figures(ConnectionTab selected) {
        this.selected = selected;
        long bytes = captureBytes;
        CaptureStats.Snapshot snapshot = selected == null ? null : selected.figures();
        String position = selected == null ? "" : selected.positionText();
        if (shown == null || snapshot != shownSnapshot || bytes != shown.captureBytes()
                || !shown.position().equals(position == null ? "" : position)) {
            shown = snapshot == null ? StatusFigures.noTab(bytes) : StatusFigures.of(snapshot, position, bytes);
            shownSnapshot = snapshot;
        }
        return shown;
    }
}
