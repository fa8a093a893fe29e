package dev.wsinspector.ui.sessions;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.journal.JournalFormat;
import dev.wsinspector.core.journal.Recording;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.sessions.SessionsViewModel.EndKind;
import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sessions sidebar's logic on a real catalog in a temp directory, without the toolkit: the "FX thread" is
 * a queue the test drains, so every result arrives exactly where the app would deliver it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SessionsViewModelTest {

    @TempDir
    Path dataDir;

    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private SessionCatalog catalog;
    private BackgroundTasks io;
    private BackgroundTasks opening;
    private SessionsViewModel model;
    private final List<Recording> running = new ArrayList<>();

    @BeforeEach
    void setUp() {
        catalog = new SessionCatalog(dataDir, SessionCatalog.Settings.defaults());
        io = new BackgroundTasks(Executors.newSingleThreadExecutor(), fx::add);
        opening = new BackgroundTasks(Executors.newSingleThreadExecutor(), fx::add);
        model = new SessionsViewModel(catalog, io, opening, java.time.Clock.systemUTC(), ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        running.forEach(Recording::close);
        io.close();
        opening.close();
        catalog.close();
    }

    /** Runs FX work until one result was delivered. */
    private void deliver() throws InterruptedException {
        Runnable next = fx.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a result on the FX thread").isNotNull();
        next.run();
    }

    private void refresh() throws InterruptedException {
        model.refresh();
        deliver();
    }

    private static void frame(Session s, Direction dir, String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        boolean masked = dir == Direction.OUT;
        WireHeader h = WireHeader.of(0x80 | Opcode.TEXT.code(), masked, masked ? 0x37fa213d : 0, p.length);
        s.frames().append(dir, h, false, s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
    }

    private static long now(Session s) {
        return s.frames().clock().epochMicrosAt(s.frames().clock().nanoTime());
    }

    /** A past session with {@code exchanges} echoed messages, closed with 1000. */
    private String pastSession(String name, String profile, String url, int exchanges) throws Exception {
        Recording rec = catalog.record(name, profile, url, null);
        Session s = rec.session();
        s.onEvent(new ConnectionEvent.Connecting(now(s), 0, url));
        for (int i = 0; i < exchanges; i++) {
            frame(s, Direction.OUT, "message " + i);
            frame(s, Direction.IN, "message " + i);
        }
        s.onEvent(new ConnectionEvent.Closed(now(s), s.frames().size(), 1000, "bye", false, true));
        rec.close();
        long started = rec.meta().startedMicros(); // distinct start times: the list's order is by start
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1))
                .until(() -> java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
                        java.time.Instant.now()) > started);
        return rec.id();
    }

    private List<String> titles() {
        return model.sessions().stream().map(SessionRow::title).toList();
    }

    private SessionRow row(String id) {
        return model.sessions().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listsSessionsNewestFirstWithTitleCountsAndHowTheyEnded() throws Exception {
        pastSession("chat", "", "ws://127.0.0.1:1/chat", 2);
        pastSession("", "Prices", "wss://prices.example/feed", 0);
        String third = pastSession("", "", "ws://127.0.0.1:2/plain", 1);

        assertThat(model.placeholderProperty().get()).isEqualTo("Reading the sessions…");
        refresh();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(titles()).as("newest first; name, else profile, else URL")
                .containsExactly("ws://127.0.0.1:2/plain", "Prices", "chat");
        SessionRow chat = model.sessions().get(2);
        assertThat(chat.url()).isEqualTo("ws://127.0.0.1:1/chat");
        assertThat(chat.frames()).isEqualTo("↑ 2  ↓ 2 frames");
        assertThat(chat.bytes()).isEqualTo("↑ 18 B  ↓ 18 B");
        assertThat(chat.ended()).isEqualTo("closed 1000");
        assertThat(chat.endKind()).isEqualTo(EndKind.ENDED);
        assertThat(chat.started()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(row(third).pinned()).isFalse();
    }

    @Test
    void aSessionACrashLeftOpenIsShownAsEndedAbruptly() throws Exception {
        String id = pastSession("crashed", "", "ws://x/", 1);
        // As a killed app leaves it: the summary still says "running", no lock is held.
        Path meta = dataDir.resolve(SessionCatalog.DIRECTORY).resolve(id).resolve("session.json");
        String json = Files.readString(meta).replaceAll("\"ended\" : \"[^\"]*\"", "\"ended\" : null")
                .replace("\"how\" : \"closed 1000\"", "\"how\" : \"\"");
        Files.writeString(meta, json);

        refresh();

        SessionRow crashed = row(id);
        assertThat(crashed.endKind()).isEqualTo(EndKind.ABRUPT);
        assertThat(crashed.ended()).isEqualTo("ended abruptly");
        assertThat(crashed.frames()).as("recounted from the journal").isEqualTo("↑ 1  ↓ 1 frames");
    }

    @Test
    void theSearchFiltersByTitleUrlAndIdIgnoringCase() throws Exception {
        String chat = pastSession("Team chat", "", "ws://127.0.0.1:1/chat", 1);
        String prices = pastSession("", "", "wss://prices.example/feed", 1);
        refresh();

        model.filterProperty().set("CHAT");
        assertThat(titles()).containsExactly("Team chat");
        model.filterProperty().set("Prices.EXAMPLE");
        assertThat(titles()).containsExactly("wss://prices.example/feed");
        model.filterProperty().set(prices.substring(prices.length() - 4).toUpperCase());
        assertThat(model.sessions()).extracting(SessionRow::id).contains(prices);
        model.filterProperty().set("nothing like it");
        assertThat(model.sessions()).isEmpty();
        assertThat(model.placeholderProperty().get())
                .isEqualTo("No session matches 'nothing like it'.\nClear the search to see all 2.");
        model.filterProperty().set("");
        assertThat(model.sessions()).extracting(SessionRow::id).containsExactly(prices, chat);
        assertThat(model.placeholderProperty().get()).as("nothing to say over a list").isEmpty();
    }

    @Test
    void anEmptyCatalogSaysHowSessionsAppear() throws Exception {
        refresh();
        assertThat(model.sessions()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo("No sessions yet: every connection is kept here.\n"
                + "Connect a tab and it appears, running; it stays after its tab closes.");
    }

    @Test
    void withoutASelectionEveryActionIsDisabledAndSaysToSelectASession() throws Exception {
        pastSession("chat", "", "ws://a/", 1);
        refresh();
        SessionActions actions = model.actions();

        assertThat(List.of(actions.open(), actions.rename(), actions.pin(), actions.delete()))
                .allSatisfy(a -> assertThat(a.disabled().get()).isTrue());
        assertThat(actions.open().tip().get()).isEqualTo("Select a session to open it");
        assertThat(actions.rename().tip().get()).isEqualTo("Select a session to rename it");
        assertThat(actions.pin().tip().get()).isEqualTo("Select a session to pin it");
        assertThat(actions.delete().tip().get()).isEqualTo("Select a session to delete it");
        assertThat(actions.hint().get()).isEmpty();

        List<SessionCatalog.Opened> shown = new ArrayList<>();
        model.openSelected(shown::add);
        model.deleteSelected();
        model.togglePin();
        assertThat(model.openingProperty().get()).as("nothing to open").isEmpty();
        assertThat(model.noticeProperty().get()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void aPastSessionsActionsSayWhatTheyDoAndPinTurnsIntoUnpin() throws Exception {
        String id = pastSession("chat", "", "ws://a/", 1);
        refresh();
        SessionActions actions = model.actions();
        model.select(row(id));

        assertThat(List.of(actions.open(), actions.rename(), actions.pin(), actions.delete()))
                .allSatisfy(a -> assertThat(a.disabled().get()).isFalse());
        assertThat(actions.open().tip().get()).startsWith("Show 'chat' read-only in a new tab");
        assertThat(actions.rename().tip().get()).isEqualTo("Give 'chat' a name (empty: show its profile or URL)");
        assertThat(actions.delete().tip().get()).startsWith("Move 'chat' to the trash (Undo follows");
        assertThat(actions.pinText().get()).isEqualTo("Pin");
        assertThat(actions.pin().tip().get()).contains("never deletes pinned sessions");

        model.togglePin();
        deliver();
        assertThat(row(id).pinned()).isTrue();
        assertThat(actions.pinText().get()).as("the selection followed the pinned row").isEqualTo("Unpin");
        assertThat(actions.pin().tip().get()).isEqualTo("Let the retention delete it again when it is old");
        assertThat(row(id).details()).contains("chat\nws://a/\nid " + id, "↑ 1  ↓ 1 frames",
                "pinned: kept by the retention");

        model.deleteSelected();
        deliver();
        assertThat(model.sessions()).isEmpty();
        assertThat(model.noticeProperty().get()).isEqualTo("Deleted 'chat'");
    }

    @Test
    void theSameNameAgainIsNotARename() throws Exception {
        String id = pastSession("chat", "", "ws://a/", 1);
        refresh();

        assertThat(SessionsViewModel.renamePrompt(row(id))).isEqualTo("New name for 'chat' (empty: show its profile"
                + " or URL)");
        assertThat(model.rename(row(id), " chat ")).isFalse();
        assertThat(model.rename(row(id), null)).as("the dialog was cancelled").isFalse();
        assertThat(model.rename(row(id), "chat 2")).isTrue();
        deliver();
        assertThat(row(id).title()).isEqualTo("chat 2");
    }

    @Test
    void renameChangesTheTitleOnDiskAndAnEmptyNameShowsTheUrlAgain() throws Exception {
        String id = pastSession("", "", "ws://127.0.0.1:1/chat", 1);
        refresh();
        model.select(row(id));

        model.rename(row(id), "  Login bug  ");
        deliver();
        assertThat(row(id).title()).isEqualTo("Login bug");
        assertThat(catalog.find(id).name()).as("on disk").isEqualTo("Login bug");
        assertThat(model.selectedProperty().get().title()).as("the selection follows the new row")
                .isEqualTo("Login bug");

        model.rename(row(id), "");
        deliver();
        assertThat(row(id).title()).isEqualTo("ws://127.0.0.1:1/chat");
    }

    @Test
    void pinnedSessionsSurviveTheRetentionAndOthersAreDeleted() throws Exception {
        String kept = pastSession("keep me", "", "ws://a/", 1);
        String old = pastSession("old", "", "ws://b/", 1);
        refresh();

        model.pin(row(kept), true);
        deliver();
        assertThat(row(kept).pinned()).isTrue();
        assertThat(catalog.find(kept).pinned()).isTrue();

        model.applyRetention(Duration.ZERO, 10L << 30);
        deliver();
        assertThat(model.sessions()).extracting(SessionRow::id).containsExactly(kept);
        assertThat(model.noticeProperty().get()).startsWith("Deleted 1 session beyond the retention");
        assertThat(Files.exists(dataDir.resolve(SessionCatalog.DIRECTORY).resolve(old))).isFalse();

        model.pin(row(kept), false);
        deliver();
        assertThat(row(kept).pinned()).isFalse();
    }

    @Test
    void theRetentionTextNamesTheDefaultsAndThenTheSettingApplied() throws Exception {
        assertThat(model.retentionTextProperty().get()).isEqualTo(
                "Sessions older than 30 days, or beyond 10 GB, are deleted at start; pinned sessions are kept");
        model.applyRetention(Duration.ofDays(7), 2L << 30);
        deliver();
        assertThat(model.retentionTextProperty().get()).isEqualTo(
                "Sessions older than 7 days, or beyond 2 GB, are deleted at start; pinned sessions are kept");
    }

    @Test
    void deleteMovesToTheTrashAndUndoBringsItBack() throws Exception {
        String first = pastSession("first", "", "ws://a/", 1);
        String second = pastSession("second", "", "ws://b/", 1);
        refresh();
        model.select(row(second));
        assertThat(model.actions().delete().disabled().get()).isFalse();

        model.delete(row(second));
        deliver();
        assertThat(model.sessions()).extracting(SessionRow::id).containsExactly(first);
        assertThat(model.noticeProperty().get()).isEqualTo("Deleted 'second'");
        assertThat(model.undoAvailableProperty().get()).isTrue();
        assertThat(model.selectedProperty().get()).as("the deleted row is not selected any more").isNull();

        model.undoDelete();
        deliver();
        assertThat(model.sessions()).extracting(SessionRow::id).containsExactly(second, first);
        assertThat(model.noticeProperty().get()).isEqualTo("Restored 'second'");
        assertThat(model.undoAvailableProperty().get()).isFalse();
        assertThat(catalog.find(second).framesIn()).isEqualTo(1);
    }

    @Test
    void theTrashIsEmptiedAtStartSoAnOldDeleteCannotBeUndoneThen() throws Exception {
        String gone = pastSession("gone", "", "ws://a/", 1);
        refresh();
        model.delete(row(gone));
        deliver();

        model.applyRetention(SessionsViewModel.DEFAULT_MAX_AGE, SessionsViewModel.DEFAULT_MAX_BYTES);
        deliver();
        assertThat(Files.exists(dataDir.resolve(SessionCatalog.DIRECTORY).resolve(".trash").resolve(gone))).isFalse();
        assertThat(model.sessions()).isEmpty();
    }

    @Test
    void aRunningSessionIsListedAsRunningAndCannotBeDeleted() throws Exception {
        Recording live = catalog.record("live one", "", "ws://127.0.0.1:1/live", null);
        running.add(live);
        frame(live.session(), Direction.OUT, "hi");
        refresh();

        SessionRow row = row(live.id());
        assertThat(row.running()).isTrue();
        assertThat(row.ended()).isEqualTo("running");
        assertThat(row.endKind()).isEqualTo(EndKind.RUNNING);
        model.select(row);
        assertThat(model.actions().delete().disabled().get()).isTrue();
        assertThat(model.actions().delete().tip().get()).isEqualTo(SessionsViewModel.RUNNING_REASON);
        assertThat(model.actions().hint().get()).as("said under the buttons too").isEqualTo(
                SessionsViewModel.RUNNING_REASON);
        assertThat(model.actions().open().disabled().get()).as("what it recorded so far can be read").isFalse();
        assertThat(model.actions().open().tip().get()).startsWith("Show what 'live one' recorded so far");

        model.delete(row);
        assertThat(model.errorProperty().get()).contains("'live one' is not deleted").contains("close its tab");
        refresh();
        assertThat(model.sessions()).extracting(SessionRow::id).containsExactly(live.id());
        assertThat(Files.isDirectory(dataDir.resolve(SessionCatalog.DIRECTORY).resolve(live.id()))).isTrue();

        live.close();
        refresh();
        model.select(row(live.id()));
        assertThat(model.actions().delete().disabled().get()).as("once it ended").isFalse();
    }

    @Test
    void openReadsTheSessionBackOffTheFxThreadAndHandsItOver() throws Exception {
        String id = pastSession("chat", "", "ws://127.0.0.1:1/chat", 3);
        refresh();
        List<SessionCatalog.Opened> shown = new ArrayList<>();
        model.select(row(id));

        model.openSelected(shown::add);
        assertThat(model.openingProperty().get()).isEqualTo("Opening 'chat'…");
        deliver();

        assertThat(model.openingProperty().get()).isEmpty();
        assertThat(shown).hasSize(1);
        try (SessionCatalog.Opened opened = shown.get(0)) {
            assertThat(opened.meta().id()).isEqualTo(id);
            assertThat(opened.session().frames().size()).isEqualTo(6);
            assertThat(opened.problems()).isEmpty();
        }
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void aJournalOfANewerFormatIsOneClearLineNotAStackTrace() throws Exception {
        String id = pastSession("future", "", "ws://x/", 1);
        Path journal = dataDir.resolve(SessionCatalog.DIRECTORY).resolve(id).resolve(JournalFormat.JOURNAL_FILE);
        byte[] bytes = Files.readAllBytes(journal);
        bytes[8] = 9;  // major version (little-endian short after the 8-byte magic)
        bytes[9] = 0;
        Files.write(journal, bytes);
        refresh();
        List<SessionCatalog.Opened> shown = new ArrayList<>();

        model.open(row(id), shown::add);
        deliver();

        assertThat(shown).isEmpty();
        assertThat(model.openingProperty().get()).isEmpty();
        assertThat(model.errorProperty().get())
                .startsWith("Cannot open 'future': written by a newer WS Inspector (journal format 9")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aSessionDeletedBehindTheListCannotBeOpenedAndSaysSo() throws Exception {
        String id = pastSession("vanishing", "", "ws://x/", 1);
        refresh();
        SessionRow row = row(id);
        catalog.delete(id);
        catalog.emptyTrash();

        model.open(row, o -> { });
        deliver();

        assertThat(model.errorProperty().get()).startsWith("Cannot open 'vanishing': ").doesNotContain("\n");
    }

    @Test
    void durationsReadLikePeopleSayThem() {
        assertThat(SessionsViewModel.duration(850)).isEqualTo("850 ms");
        assertThat(SessionsViewModel.duration(42_000)).isEqualTo("42 s");
        assertThat(SessionsViewModel.duration(185_000)).isEqualTo("3 min 05 s");
        assertThat(SessionsViewModel.duration(7_380_000)).isEqualTo("2 h 03 min");
        assertThat(SessionsViewModel.duration(100_800_000L)).isEqualTo("1 d 4 h");
    }
}
