package dev.wsinspector.ui.main;

import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.core.payload.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The main window's state: which sidebar and panel are shown, whether files can be opened, and the status bar's
 * texts. The texts are made from {@link StatusFigures} only when a figure changed, so the pulse that hands them in
 * 60 times a second stays cheap. FX thread only; no toolkit needed (tests).
 */
public final class MainWindowViewModel {

    /** What the window's left side shows: at most one sidebar. */
    public enum Sidebar { NONE, PROFILES, SESSIONS }

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("WS Inspector");
    private final BooleanProperty profilesShown = new SimpleBooleanProperty(false);
    private final BooleanProperty sessionsShown = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Sidebar> sidebar = new ReadOnlyObjectWrapper<>(Sidebar.NONE);
    private final ReadOnlyBooleanWrapper sessionsAvailable;
    private final BooleanProperty serverPanelShown = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper captureFilesAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rates = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ratesShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper saveProgress = new ReadOnlyDoubleWrapper(0);
    private final ObservableStringValue serverStatus;
    /** What the texts show now; null before the first pulse. */
    private StatusFigures shown;

    /**
     * @param serverStatus      the echo server's one line ({@code ServerViewModel.statusProperty})
     * @param sessionsAvailable false without the session journal: no Sessions sidebar
     */
    public MainWindowViewModel(ObservableStringValue serverStatus, boolean sessionsAvailable) {
        this.serverStatus = serverStatus;
        this.sessionsAvailable = new ReadOnlyBooleanWrapper(sessionsAvailable);
        // One sidebar on the left: choosing one puts the other away.
        profilesShown.addListener((o, was, on) -> {
            if (on) {
                sessionsShown.set(false);
            }
            updateSidebar();
        });
        sessionsShown.addListener((o, was, on) -> {
            if (on && !this.sessionsAvailable.get()) {
                sessionsShown.set(false);
            } else if (on) {
                profilesShown.set(false);
            }
            updateSidebar();
        });
    }

    private void updateSidebar() {
        sidebar.set(profilesShown.get() ? Sidebar.PROFILES : sessionsShown.get() ? Sidebar.SESSIONS : Sidebar.NONE);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The Profiles toggle; turning it on puts the Sessions sidebar away. */
    public BooleanProperty profilesShownProperty() {
        return profilesShown;
    }

    /** The Sessions toggle; turning it on puts the Profiles sidebar away. */
    public BooleanProperty sessionsShownProperty() {
        return sessionsShown;
    }

    public ReadOnlyObjectProperty<Sidebar> sidebarProperty() {
        return sidebar.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionsAvailableProperty() {
        return sessionsAvailable.getReadOnlyProperty();
    }

    public BooleanProperty serverPanelShownProperty() {
        return serverPanelShown;
    }

    /** Profiles were read from disk: shown by default once there are some; after that the user decides. */
    public void profilesLoaded(int count) {
        if (count > 0) {
            profilesShown.set(true);
        }
    }

    /** Open…, Ctrl+O and dropped files work once the app hands the window its capture files. */
    public ReadOnlyBooleanProperty captureFilesAvailableProperty() {
        return captureFilesAvailable.getReadOnlyProperty();
    }

    public void captureFilesAvailable(boolean available) {
        captureFilesAvailable.set(available);
    }

    /** The capture files among {@code dropped}, or none when files cannot be opened (yet). */
    public List<Path> capturesAmong(List<Path> dropped) {
        if (!captureFilesAvailable.get()) {
            return List.of();
        }
        return dropped.stream().filter(file -> CaptureFormat.readableOf(file).isPresent()).toList();
    }

    /** The selected tab's totals ("In 12 frames · 1.2 KB   Out 3 frames · 96 B"), or empty. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratesProperty() {
        return rates.getReadOnlyProperty();
    }

    /** Rates only while something flows. */
    public ReadOnlyBooleanProperty ratesShownProperty() {
        return ratesShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObservableStringValue serverStatusProperty() {
        return serverStatus;
    }

    /** A one-line result ("Saved 1,024 frames to …"), until the next one. */
    public void showNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty saveProgressProperty() {
        return saveProgress.getReadOnlyProperty();
    }

    /** How far a save is, 0 to 1; below 0 when none runs. */
    public void saveProgress(double share) {
        saving.set(share >= 0);
        saveProgress.set(Math.max(0, share));
    }

    /** This pulse's figures; only the texts whose figures changed are made again. */
    public void show(StatusFigures figures) {
        if (figures == shown) {
            return; // the pulse hands in the same instance while nothing changed
        }
        StatusFigures before = shown;
        shown = figures;
        if (before == null || !Objects.equals(before.counts(), figures.counts())) {
            StatusFigures.Counts c = figures.counts();
            counts.set(c == null ? "" : "In " + Formats.count(c.framesIn()) + " frames · "
                    + Formats.humanBytes(c.bytesIn()) + "   Out " + Formats.count(c.framesOut()) + " frames · "
                    + Formats.humanBytes(c.bytesOut()));
        }
        if (before == null || !Objects.equals(before.rates(), figures.rates())) {
            StatusFigures.Rates r = figures.rates();
            rates.set(r == null ? "" : String.format(Locale.ROOT, "↓ %,.0f/s %s/s   ↑ %,.0f/s %s/s", r.framesIn(),
                    Formats.humanBytes((long) r.bytesIn()), r.framesOut(), Formats.humanBytes((long) r.bytesOut())));
            ratesShown.set(r != null && r.flowing());
        }
        position.set(figures.position());
        if (before == null || before.captureBytes() != figures.captureBytes()) {
            memory.set("Captures: " + Formats.humanBytes(figures.captureBytes()));
        }
    }

    /**
     * What follows each tab's title so that equal titles (two tabs on one address, a session reopened beside its
     * live tab) are told apart, in tab order: the first keeps its title, the next get " (2)", " (3)", ….
     */
    public static List<String> titleSuffixes(List<String> titles) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> suffixes = new ArrayList<>(titles.size());
        for (String title : titles) {
            int n = seen.merge(title, 1, Integer::sum);
            suffixes.add(n == 1 ? "" : " (" + n + ")");
        }
        return suffixes;
    }
}
