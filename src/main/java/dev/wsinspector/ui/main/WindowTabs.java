package dev.wsinspector.ui.main;

import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.ui.common.WindowTab;
import dev.wsinspector.ui.connection.CaptureTab;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.connection.ConnectionViewModel;
import dev.wsinspector.ui.profiles.ProfilesViewModel;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.io.Closeable;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The window's connection tabs, and what each holds: however a tab goes (its close button, Ctrl+W, code), its
 * connection is dropped and what it held open (a stored session's journal) is let go, so no path forgets one.
 */
final class WindowTabs {

    private final TabPane pane;
    private final Function<String, ConnectionTab> factory;
    private final Consumer<String> notices;
    private final Map<ConnectionTab, Closeable> held = new IdentityHashMap<>();
    private final InvalidationListener titleChanged = o -> tellApart();
    private final StatusSampler sampler;
    private final PulseRota rota = new PulseRota(System::nanoTime);
    /** One tab's part of a pulse; made once, so a pulse allocates nothing. */
    private final IntConsumer pulseTab = this::pulseTab;
    private long pulseStart;
    private ConnectionTab.CaptureSaver saver;

    /**
     * @param notices where a problem in letting go of a tab's journal is told (the status bar)
     * @param sampler counts every open tab's capture for the status bar
     */
    WindowTabs(TabPane pane, Function<String, ConnectionTab> factory, Consumer<String> notices, StatusSampler sampler) {
        this.pane = pane;
        this.factory = factory;
        this.notices = notices;
        this.sampler = sampler;
        pane.getTabs().addListener((ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(t -> {
                    if (t instanceof WindowTab other) {
                        if (t instanceof CaptureTab capture) { // a mock server's tab: its viewer was counted
                            sampler.remove(capture.viewer());
                        }
                        other.closeNow();
                        return;
                    }
                    ((ConnectionTab) t).model().disconnectNow();  // idempotent: its session completes
                    ((ConnectionTab) t).titleProperty().removeListener(titleChanged);
                    sampler.remove((ConnectionTab) t);
                    release((ConnectionTab) t);
                });
                c.getAddedSubList().forEach(t -> {
                    if (t instanceof CaptureTab capture) {
                        sampler.add(capture.viewer());
                    }
                    if (!(t instanceof ConnectionTab)) {
                        return;
                    }
                    ((ConnectionTab) t).titleProperty().addListener(titleChanged);
                    sampler.add((ConnectionTab) t);
                });
            }
            tellApart();
        });
    }

    /** A new tab for {@code url}, selected. */
    ConnectionTab open(String url) {
        ConnectionTab tab = factory.apply(url);
        tab.setCaptureSaver(saver);
        tab.setOnClosed(e -> tab.model().disconnectNow());
        pane.getTabs().add(tab);
        pane.getSelectionModel().select(tab);
        return tab;
    }

    /** A tab that is no connection tab (a proxy's), selected; the pulse brings it up to date. */
    <T extends Tab & WindowTab> T openOther(T tab) {
        pane.getTabs().add(tab);
        pane.getSelectionModel().select(tab);
        return tab;
    }

    /** {@code tab} keeps {@code resource} open until it closes. */
    void hold(ConnectionTab tab, Closeable resource) {
        held.put(tab, resource);
    }

    /** The selected connection tab, or the viewer of a selected {@link CaptureTab}; null for other tabs. */
    ConnectionTab selected() {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        if (tab instanceof CaptureTab capture) {
            return capture.viewer();
        }
        return tab instanceof ConnectionTab connection ? connection : null;
    }

    void closeSelected() {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        if (tab instanceof ConnectionTab connection) {
            connection.model().disconnectNow();
        }
        pane.getTabs().remove(tab);
    }

    /** Every tab's Save capture, now and for tabs opened later; null: none. */
    void useCaptureSaver(ConnectionTab.CaptureSaver saver) {
        this.saver = saver;
        all().forEach(t -> t.setCaptureSaver(saver));
    }

    /** Connections not closed for good (open, connecting, reconnecting, closing). */
    long openConnections() {
        return all().stream().filter(t -> t.model().stateProperty().get() != ConnectionState.CLOSED).count()
                + pane.getTabs().stream().filter(WindowTab.class::isInstance)
                        .mapToLong(t -> ((WindowTab) t).openConnections()).sum();
    }

    /** Quitting: open connections are closed with 1001 (waiting up to {@code goingAwayMillis}), then dropped. */
    void closeAll(long goingAwayMillis) {
        List<ConnectionViewModel> models = all().stream().map(ConnectionTab::model).toList();
        ConnectionViewModel.goAwayAll(models, goingAwayMillis);
        models.forEach(ConnectionViewModel::disconnectNow);
        pane.getTabs().stream().filter(WindowTab.class::isInstance).forEach(t -> ((WindowTab) t).closeNow());
        List.copyOf(held.keySet()).forEach(this::release);
    }

    /** Tabs of a profile that was saved or changed on disk take the new version. */
    void profilesChanged(ProfilesViewModel profiles) {
        for (ConnectionTab t : all()) {
            StoredProfile mine = t.model().profileProperty().get();
            if (mine != null) {
                profiles.find(mine.id()).ifPresent(t.model()::profileChanged);
            }
        }
    }

    /**
     * The selected tab takes in what arrived, then the others (their timelines a few times a second:
     * {@link ConnectionTab#pulseHidden}) while the pulse is before {@code deadlineNanos}; the rest go first in the
     * next pulse ({@link PulseRota}).
     */
    void pulse(long now, long deadlineNanos) {
        pulseStart = now;
        rota.run(pane.getTabs().size(), pane.getSelectionModel().getSelectedIndex(), deadlineNanos, pulseTab);
    }

    private void pulseTab(int index) {
        if (pane.getTabs().get(index) instanceof WindowTab other) {
            if (index == pane.getSelectionModel().getSelectedIndex()) {
                other.pulse(pulseStart);
            } else {
                other.pulseHidden(pulseStart);
            }
            return;
        }
        ConnectionTab tab = (ConnectionTab) pane.getTabs().get(index);
        if (index == pane.getSelectionModel().getSelectedIndex()) {
            tab.pulse(pulseStart);
        } else {
            tab.pulseHidden(pulseStart);
        }
    }

    private List<ConnectionTab> all() {
        return pane.getTabs().stream().filter(ConnectionTab.class::isInstance).map(t -> (ConnectionTab) t).toList();
    }

    private void release(ConnectionTab tab) {
        Closeable resource = held.remove(tab);
        if (resource != null) {
            try {
                resource.close();
            } catch (IOException e) {
                // Only a read-only journal was open: nothing is lost; the next open reads it again.
                notices.accept("Could not let go of a stored session's journal: " + e.getMessage());
            }
        }
    }

    /** Tabs with the same title are told apart by a number after it ({@link MainWindowViewModel#titleSuffixes}). */
    private void tellApart() {
        List<ConnectionTab> tabs = all();
        List<String> suffixes = MainWindowViewModel.titleSuffixes(tabs.stream().map(t -> t.titleProperty().get()).toList());
        for (int i = 0; i < tabs.size(); i++) {
            tabs.get(i).setTitleSuffix(suffixes.get(i));
        }
    }
}
