package dev.wsinspector.ui.mock;

import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionMeta;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockProfileRepository;
import dev.wsinspector.core.mock.MockServers;
import dev.wsinspector.core.mock.RuleSeeder;
import dev.wsinspector.core.mock.StoredMockProfile;
import dev.wsinspector.core.profile.ConflictException;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.CompactBar;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.connection.ConnectionTab;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens mock server tabs (the toolbar's "Mock server" menu: New mock server…, and each server saved under
 * {@code <data dir>/servers/}) and does their file and session work on the app's background worker: saving a
 * server ({@link MockProfileRepository}; a file changed by another program since is not overwritten unless Save is
 * pressed again), and seeding rules from a stored session of the journal ({@link SessionCatalog},
 * {@link RuleSeeder}). Provided once by the app.
 */
public final class MockTabs {

    private final ViewLoader views;
    private final MockServers servers;
    private final MockProfileRepository repository;
    private final SessionCatalog sessions;
    private final BackgroundTasks io;
    private final Function<String, ConnectionTab> viewers;
    private final Consumer<MockTab> show;
    /** Files whose save met another program's change: the next Save replaces it. */
    private final Set<String> overwriteNext = ConcurrentHashMap.newKeySet();

    /**
     * @param viewers makes the connection tab whose views a mock tab shows its clients in (never put in the pane)
     * @param show    puts a new tab in the window, selected
     */
    public MockTabs(ViewLoader views, MockServers servers, MockProfileRepository repository, SessionCatalog sessions,
                    BackgroundTasks io, Function<String, ConnectionTab> viewers, Consumer<MockTab> show) {
        this.views = views;
        this.servers = servers;
        this.repository = repository;
        this.sessions = sessions;
        this.io = io;
        this.viewers = viewers;
        this.show = show;
    }

    /** A new mock server tab (selected), empty or showing {@code stored}. */
    public MockTab open(StoredMockProfile stored) {
        MockServerViewModel model = new MockServerViewModel(servers);
        if (stored != null) {
            model.load(stored);
        }
        MockTab[] tab = new MockTab[1];
        tab[0] = new MockTab(views, model, viewers.apply("ws://127.0.0.1/"), new MockServerController.Actions() {
            @Override
            public void seed() {
                chooseSession(tab[0]);
            }

            @Override
            public void save() {
                model.save(MockTabs.this::save);
            }

            @Override
            public void copy(String text) {
                MockTab.copy(text);
            }
        });
        show.accept(tab[0]);
        return tab[0];
    }

    /** The toolbar's menu: New mock server…, then the saved servers (read again each time it opens). */
    public MenuButton menu() {
        MenuButton menu = new MenuButton("Mock server");
        menu.setId("mockServerMenu");
        menu.setGraphic(CompactBar.icon(MaterialDesignS.SERVER_PLUS));
        menu.setTooltip(new Tooltip("Stand in for a server: rules that answer messages, faults on purpose"));
        MenuItem create = new MenuItem("New mock server…");
        create.setId("newMockServer");
        create.setOnAction(e -> open(null));
        menu.getItems().setAll(create);
        menu.setOnShowing(e -> io.submitLatest("mock-servers-list", () -> {
            List<StoredMockProfile> saved = repository.reload();
            return new Listed(saved, repository.problems().stream().map(p -> p.describe()).toList());
        }, listed -> {
            List<MenuItem> items = new ArrayList<>(List.of(create));
            if (!listed.saved().isEmpty() || !listed.problems().isEmpty()) {
                items.add(new SeparatorMenuItem());
            }
            for (StoredMockProfile p : listed.saved()) {
                MenuItem item = new MenuItem(p.name() + "  (" + p.id() + ")");
                item.setOnAction(a -> open(p));
                items.add(item);
            }
            for (String problem : listed.problems()) {
                MenuItem item = new MenuItem(problem);
                item.setDisable(true);
                items.add(item);
            }
            menu.getItems().setAll(items);
        }, failed -> menu.getItems().setAll(create, disabled("Cannot read " + repository.directory() + ": "
                + failed.getMessage()))));
        return menu;
    }

    private record Listed(List<StoredMockProfile> saved, List<String> problems) {
    }

    private static MenuItem disabled(String text) {
        MenuItem item = new MenuItem(text);
        item.setDisable(true);
        return item;
    }

    private void save(StoredMockProfile base, MockProfile profile, Consumer<StoredMockProfile> saved,
                      Consumer<String> failed) {
        io.submitLatest("mock-save-" + System.identityHashCode(base == null ? profile : base), () -> {
            if (base == null) {
                return repository.create(profile);
            }
            if (overwriteNext.remove(base.id())) {
                return repository.overwrite(base, profile);
            }
            return repository.save(base, profile);
        }, saved, e -> {
            if (e instanceof ConflictException && base != null) {
                overwriteNext.add(base.id());
                failed.accept(base.file() + " was changed or deleted by another program since it was opened;"
                        + " Save again to replace it");
            } else {
                failed.accept(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
    }

    /** Asks which stored session to seed from (the journal's list), then seeds the tab's rules from it. */
    private void chooseSession(MockTab tab) {
        io.submitLatest("mock-seed-list", sessions::list, metas -> {
            List<SessionChoice> choices = metas.stream().filter(m -> !m.running()).map(SessionChoice::new).toList();
            if (choices.isEmpty()) {
                tab.model().showNotice("No stored session to seed from: connect somewhere first, every connection"
                        + " is kept");
                return;
            }
            ChoiceDialog<SessionChoice> dialog = new ChoiceDialog<>(choices.get(0), choices);
            dialog.setTitle("Seed rules from a session");
            dialog.setHeaderText("Each message the client sent becomes a rule replying what the server replied");
            dialog.setContentText("Session");
            if (tab.getTabPane() != null && tab.getTabPane().getScene() != null) {
                dialog.initOwner(tab.getTabPane().getScene().getWindow());
            }
            dialog.showAndWait().ifPresent(c -> seedFrom(tab, c.meta()));
        }, e -> tab.model().showNotice("Cannot list the sessions: " + e.getMessage()));
    }

    /** Seeds {@code tab}'s rules from stored session {@code meta}, read on the worker. */
    public void seedFrom(MockTab tab, SessionMeta meta) {
        io.submitLatest("mock-seed", () -> {
            try (SessionCatalog.Opened opened = sessions.open(meta)) {
                return RuleSeeder.seed(opened.session());
            }
        }, seeds -> tab.model().seed(seeds, meta.title()),
                e -> tab.model().showNotice("Cannot read '" + meta.title() + "': " + e.getMessage()));
    }

    /** A session in the dialog's list: its title, address and start. */
    private record SessionChoice(SessionMeta meta) {
        @Override
        public String toString() {
            return meta.title() + "  ·  " + meta.url();
        }
    }
}
