package dev.wsinspector.ui.main;

import dev.wsinspector.ui.main.MainWindowViewModel.Sidebar;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window's state without a toolkit: sidebars, files, the status bar's texts, tab titles. */
class MainWindowViewModelTest {

    private final StringProperty serverStatus = new SimpleStringProperty("Local server stopped");
    private final MainWindowViewModel model = new MainWindowViewModel(serverStatus, true);

    private static StatusFigures figures(long framesIn, long bytesIn, long framesOut, long bytesOut, double inPerSecond,
                                         double outPerSecond, String position, long captureBytes) {
        return new StatusFigures(new StatusFigures.Counts(framesIn, bytesIn, framesOut, bytesOut),
                new StatusFigures.Rates(inPerSecond, inPerSecond * 100, outPerSecond, outPerSecond * 10),
                position, captureBytes);
    }

    @Test
    void oneSidebarAtATime() {
        assertThat(model.sidebarProperty().get()).isEqualTo(Sidebar.NONE);

        model.profilesShownProperty().set(true);
        assertThat(model.sidebarProperty().get()).isEqualTo(Sidebar.PROFILES);

        model.sessionsShownProperty().set(true);
        assertThat(model.profilesShownProperty().get()).as("choosing one puts the other away").isFalse();
        assertThat(model.sidebarProperty().get()).isEqualTo(Sidebar.SESSIONS);

        model.sessionsShownProperty().set(false);
        assertThat(model.sidebarProperty().get()).isEqualTo(Sidebar.NONE);
    }

    @Test
    void withoutTheJournalThereIsNoSessionsSidebar() {
        MainWindowViewModel noJournal = new MainWindowViewModel(serverStatus, false);
        assertThat(noJournal.sessionsAvailableProperty().get()).isFalse();

        noJournal.sessionsShownProperty().set(true);

        assertThat(noJournal.sessionsShownProperty().get()).isFalse();
        assertThat(noJournal.sidebarProperty().get()).isEqualTo(Sidebar.NONE);
    }

    @Test
    void profilesAreShownOnceSomeAreLoaded() {
        model.profilesLoaded(0);
        assertThat(model.sidebarProperty().get()).isEqualTo(Sidebar.NONE);

        model.profilesLoaded(3);
        assertThat(model.sidebarProperty().get()).isEqualTo(Sidebar.PROFILES);
    }

    @Test
    void theStatusBarShowsTheSelectedTabsFigures() {
        model.show(figures(1234, 1536, 2, 10, 12, 0, "Rows 1–20 of 1,236", 3 * 1024 * 1024));

        assertThat(model.countsProperty().get()).isEqualTo("In 1,234 frames · 1.5 KiB   Out 2 frames · 10 B");
        assertThat(model.ratesProperty().get()).isEqualTo("↓ 12/s 1.2 KiB/s   ↑ 0/s 0 B/s");
        assertThat(model.ratesShownProperty().get()).isTrue();
        assertThat(model.positionProperty().get()).isEqualTo("Rows 1–20 of 1,236");
        assertThat(model.memoryProperty().get()).isEqualTo("Captures: 3 MiB");

        // Nothing flows any more (an idle connection, a stored session): no rates.
        model.show(figures(1234, 1536, 2, 10, 0, 0, "Rows 1–20 of 1,236", 3 * 1024 * 1024));
        assertThat(model.ratesShownProperty().get()).isFalse();
        assertThat(model.countsProperty().get()).isEqualTo("In 1,234 frames · 1.5 KiB   Out 2 frames · 10 B");

        // Only the figures that changed change their text.
        model.show(figures(1235, 1600, 2, 10, 0, 0, "Rows 2–21 of 1,237", 3 * 1024 * 1024));
        assertThat(model.countsProperty().get()).isEqualTo("In 1,235 frames · 1.6 KiB   Out 2 frames · 10 B");
        assertThat(model.positionProperty().get()).isEqualTo("Rows 2–21 of 1,237");
    }

    @Test
    void withNoTabOnlyTheMemoryIsShown() {
        model.show(figures(5, 50, 5, 50, 1, 1, "Rows 1–10 of 10", 100));

        model.show(StatusFigures.noTab(2048));

        assertThat(model.countsProperty().get()).isEmpty();
        assertThat(model.ratesProperty().get()).isEmpty();
        assertThat(model.ratesShownProperty().get()).isFalse();
        assertThat(model.positionProperty().get()).isEmpty();
        assertThat(model.memoryProperty().get()).isEqualTo("Captures: 2 KiB");
    }

    @Test
    void theServerStatusAndNoticesAreShownAsTheyCome() {
        serverStatus.set("Local echo server: ws://127.0.0.1:41234/ · 1 client");
        model.showNotice("Saved 2 frames to /tmp/a.har");

        assertThat(model.serverStatusProperty().get()).isEqualTo("Local echo server: ws://127.0.0.1:41234/ · 1 client");
        assertThat(model.noticeProperty().get()).isEqualTo("Saved 2 frames to /tmp/a.har");
    }

    @Test
    void aSaveShowsItsProgressUntilItEnds() {
        assertThat(model.savingProperty().get()).isFalse();

        model.saveProgress(0.25);
        assertThat(model.savingProperty().get()).isTrue();
        assertThat(model.saveProgressProperty().get()).isEqualTo(0.25);

        model.saveProgress(-1);
        assertThat(model.savingProperty().get()).isFalse();
        assertThat(model.saveProgressProperty().get()).isZero();
    }

    @Test
    void onlyCapturesAreTakenFromDroppedFilesAndOnlyOnceFilesCanBeOpened() {
        List<Path> dropped = List.of(Path.of("a.har"), Path.of("notes.txt"), Path.of("b.wsi.jsonl"),
                Path.of("c.pcapng"));
        assertThat(model.capturesAmong(dropped)).isEmpty();

        model.captureFilesAvailable(true);

        assertThat(model.captureFilesAvailableProperty().get()).isTrue();
        assertThat(model.capturesAmong(dropped)).containsExactly(Path.of("a.har"), Path.of("b.wsi.jsonl"));
    }

    @Test
    void equalTabTitlesAreToldApartInTabOrder() {
        assertThat(MainWindowViewModel.titleSuffixes(List.of("echo", "echo", "other", "echo")))
                .containsExactly("", " (2)", "", " (3)");
        assertThat(MainWindowViewModel.titleSuffixes(List.of())).isEmpty();
    }
}
