package dev.wsinspector.ui.charts;

import dev.wsinspector.core.charts.CaptureCharts;
import dev.wsinspector.core.charts.ChartCsv;
import dev.wsinspector.core.charts.ChartSnapshot;
import dev.wsinspector.core.charts.LatencySource;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.core.profile.AtomicFiles;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * The state of a tab's Charts panel: while it is {@link #activeProperty() active}, the tab's pulse calls
 * {@link #refresh}, which at most {@link #PULL_NANOS} apart (a stored session that is not read to its end yet:
 * at every pulse, one chunk at a time) has a background worker take the new frames into the tab's
 * {@link CaptureCharts} and hand back a {@link ChartSnapshot}. So nothing here reads frames on the FX thread, and
 * one worker at a time owns the counting. A click on a point of a chart over time jumps the timeline to the first
 * frame in that time bucket or after it; CSV and PNG are written through a temporary file.
 *
 * <p>FX thread only (results arrive there through {@link BackgroundTasks}).
 */
public final class ChartsViewModel {

    /** How often a live capture's charts are brought up to date: 4 Hz. */
    public static final long PULL_NANOS = 250_000_000L;
    /** Frames one background step takes in (a stored session of millions is read in steps, with progress). */
    static final int STEP_FRAMES = 1 << 19;

    private final Supplier<BackgroundTasks> tasks;
    private final LongPredicate goToFrame;
    private final AtomicFiles files = new AtomicFiles();
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final ObjectProperty<ChartKind> kind = new SimpleObjectProperty<>(ChartKind.MESSAGES);
    private final ReadOnlyObjectWrapper<ChartSnapshot> snapshot = new ReadOnlyObjectWrapper<>(ChartSnapshot.EMPTY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No capture");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private volatile LatencySource latency = LatencySource.NO_PAIRING;
    private Session session;
    private CaptureCharts charts;
    private long lastSubmit = Long.MIN_VALUE;
    private boolean behind;
    private long pulls;

    /**
     * @param tasks     the worker that counts (the tab's; asked for at the first refresh)
     * @param goToFrame selects a frame in the tab's timeline; false when it is not there
     */
    public ChartsViewModel(Supplier<BackgroundTasks> tasks, LongPredicate goToFrame) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.goToFrame = Objects.requireNonNull(goToFrame, "goToFrame");
        active.addListener((o, was, now) -> {
            if (!now && charts != null) {
                tasks.get().cancel(this);
            }
        });
    }

    /** Where reply latencies come from (the pairing engine); none by default. Counted from the next refresh on. */
    public void setLatencySource(LatencySource source) {
        latency = source == null ? LatencySource.NO_PAIRING : source;
    }

    /** True while the panel is on screen: only then does it count. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The chart shown. */
    public ObjectProperty<ChartKind> kindProperty() {
        return kind;
    }

    public ReadOnlyObjectProperty<ChartSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Share of the capture counted (1 when up to date). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12,345 frames · 100 ms buckets", or how far reading a long session is. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the last export did, or why it failed. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Snapshots delivered so far (tests and the benchmark watch it). */
    public long pulls() {
        return pulls;
    }

    /** Called by the tab's pulse with the capture it shows. */
    public void refresh(Session now, long nowNanos) {
        if (!active.get()) {
            return;
        }
        if (now != session) {
            session = now;
            charts = now == null ? null : new CaptureCharts();
            tasks.get().cancel(this);
            behind = now != null;
            snapshot.set(ChartSnapshot.EMPTY);
            progress.set(now == null ? 1 : 0);
            status.set(now == null ? "No capture" : "Counting…");
        }
        if (charts == null || tasks.get().isPending(this) || (!behind && nowNanos - lastSubmit < PULL_NANOS)) {
            return;
        }
        FrameStore frames = session.frames();
        if (!behind && charts.position() == frames.size() && snapshot.get().frames() == frames.size()
                && lastSubmit != Long.MIN_VALUE && latency == LatencySource.NO_PAIRING) {
            return; // nothing new
        }
        lastSubmit = nowNanos;
        CaptureCharts counting = charts;
        LatencySource pairing = latency;
        tasks.get().submitLatest(this, () -> step(counting, frames, pairing), result -> taken(counting, result));
    }

    private record Step(ChartSnapshot snapshot, long size) {
    }

    /** On the worker: the next frames, at most one step of them. */
    private static Step step(CaptureCharts counting, FrameStore frames, LatencySource pairing) {
        long size = frames.size();
        counting.advance(frames, Math.min(size, counting.position() + STEP_FRAMES));
        counting.latencies(frames, pairing);
        return new Step(counting.snapshot(), size);
    }

    private void taken(CaptureCharts counting, Step step) {
        if (counting != charts) {
            return;
        }
        pulls++;
        ChartSnapshot s = step.snapshot;
        snapshot.set(s);
        behind = s.frames() < step.size;
        progress.set(step.size == 0 ? 1 : (double) s.frames() / step.size);
        status.set(behind ? "Counting… " + Math.round(progress.get() * 100) + " %"
                : Formats.count(s.frames()) + (s.frames() == 1 ? " frame · " : " frames · ") + ChartKind.millis(s.widthNanos() / 1000) + " buckets");
    }

    /**
     * A click at {@code seconds} on a chart over time: selects the first frame of that time bucket or after it.
     *
     * @return whether a frame was selected
     */
    public boolean jumpTo(double seconds) {
        ChartSnapshot s = snapshot.get();
        int bucket = s.bucketAt(seconds);
        long seq = bucket < 0 ? -1 : s.firstSeqFrom(bucket);
        return seq >= 0 && goToFrame.test(seq);
    }

    /** The numbers of every chart as CSV ({@link ChartCsv}) into {@code file}, through a temporary file. */
    public void exportCsv(Path file) {
        try {
            StringWriter out = new StringWriter();
            ChartCsv.write(snapshot.get(), out);
            files.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
            notice.set("Saved " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            notice.set("Could not save " + file.getFileName() + ": " + reason(e));
        }
    }

    /** A PNG (encoded by the view from its snapshot) into {@code file}, through a temporary file. */
    public void exportPng(Path file, byte[] png) {
        try {
            files.write(file, png);
            notice.set("Saved " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            notice.set("Could not save " + file.getFileName() + ": " + reason(e));
        }
    }

    /** A file name for the export of the chart shown. */
    public String suggestedFileName(String extension) {
        return "ws-inspector-" + kind.get().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "."
                + extension;
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
