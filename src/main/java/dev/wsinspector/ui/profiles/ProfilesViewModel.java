package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ConflictException;
import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.ProfileWatch;
import dev.wsinspector.core.profile.ReadOnlyProfileException;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.ui.common.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The sidebar's state: the profiles on disk, the problems the repository found, the search text, and the
 * "Deleted 'X' — Undo" notice. Every repository call runs on {@code io} (give it one thread, so writes happen
 * in the order they were asked for); results arrive on the FX thread and replace the list in one go.
 */
public final class ProfilesViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfilesViewModel.class);

    /** An operation's result or failure, and the repository's state right after it (read on the worker). */
    private record Outcome<T>(T result, Exception failure, List<StoredProfile> profiles,
                              List<ProfileProblem> problems) {
    }

    private final ProfileRepository repository;
    private final BackgroundTasks io;
    private final Executor fxThread;
    private final ObservableList<StoredProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<ProfileProblem> problems = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper undoAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    /** Set while a reload is queued; the watch thread's bursts then add nothing. */
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private StoredProfile lastDeleted;
    private ProfileWatch watch;

    /**
     * @param io       runs repository calls (one thread) and delivers results on the FX thread
     * @param fxThread where the watch's "something changed" is handed over ({@code Platform::runLater})
     */
    public ProfilesViewModel(ProfileRepository repository, BackgroundTasks io, Executor fxThread) {
        this.repository = repository;
        this.io = io;
        this.fxThread = fxThread;
    }

    public ObservableList<StoredProfile> profiles() {
        return profiles;
    }

    /** Files the repository could not use (corrupt ones moved aside, unreadable, being written). */
    public ObservableList<ProfileProblem> problems() {
        return problems;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty undoAvailableProperty() {
        return undoAvailable.getReadOnlyProperty();
    }

    /** The last operation's failure, one line; empty when it went well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True once the first reload finished. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public Path directory() {
        return repository.directory();
    }

    public Optional<StoredProfile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Reads the directory again (also what the file watch triggers). */
    public void reload() {
        reload(() -> { });
    }

    /** Reloads, then runs {@code afterwards} on the FX thread (e.g. reopen an editor on the version on disk). */
    public void reload(Runnable afterwards) {
        run(() -> {
            reloadQueued.set(false);
            repository.reload();
            return null;
        }, r -> {
            loaded.set(true);
            afterwards.run();
        });
    }

    /**
     * Follows changes other programs make to the directory. The watch thread only queues one reload at a time
     * onto the FX thread, however many events a burst brings.
     */
    public void startWatching() {
        try {
            watch = repository.watch(() -> {
                if (reloadQueued.compareAndSet(false, true)) {
                    fxThread.execute(this::reload);
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot watch {}", repository.directory(), e);
            error.set("Changes made by other programs are not followed: " + e.getMessage());
        }
    }

    /** A new profile in a new file. */
    public void create(ConnectionProfile profile, SaveListener listener) {
        clearNotice();
        run(() -> repository.create(profile), listener::saved, e -> listener.failed(message(e)));
    }

    /** Saves over {@code base}'s file unless another program changed it meanwhile ({@link SaveListener#conflict}). */
    public void save(StoredProfile base, ConnectionProfile updated, SaveListener listener) {
        clearNotice();
        run(() -> {
            try {
                return repository.save(base, updated);
            } catch (ConflictException e) {
                throw new Conflict(e);
            }
        }, listener::saved, e -> report(e, listener));
    }

    /** The user chose to replace the version on disk with theirs. */
    public void overwrite(StoredProfile base, ConnectionProfile updated, SaveListener listener) {
        run(() -> repository.overwrite(base, updated), listener::saved, e -> listener.failed(message(e)));
    }

    /**
     * Changes the latest loaded version of profile {@code id} (messages reordered, a message added): the change
     * is applied on the worker, after earlier saves, so quick edits in a row never undo each other.
     */
    public void update(String id, UnaryOperator<ConnectionProfile> change, SaveListener listener) {
        run(() -> {
            StoredProfile base = repository.get(id).orElseThrow(() -> new IOException("The profile's file is gone"));
            try {
                return repository.save(base, change.apply(base.profile()));
            } catch (ConflictException e) {
                throw new Conflict(e);
            }
        }, listener::saved, e -> report(e, listener));
    }

    public void duplicate(StoredProfile source) {
        String name = copyName(source.name());
        create(source.profile().withName(name), SaveListener.reportingTo(error::set));
    }

    public void rename(StoredProfile base, String newName) {
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty()) {
            error.set("A profile needs a name");
            return;
        }
        save(base, base.profile().withName(name), SaveListener.reportingTo(error::set));
    }

    /** Deletes the file; the notice offers Undo until the next action. */
    public void delete(StoredProfile base) {
        clearNotice();
        run(() -> {
            try {
                return repository.delete(base);
            } catch (ConflictException e) {
                throw new Conflict(e);
            }
        }, deleted -> {
            lastDeleted = deleted;
            notice.set("Deleted '" + deleted.name() + "'");
            undoAvailable.set(true);
        }, e -> error.set(message(e)));
    }

    /** Writes the last deleted profile back (under its old file name when that is still free). */
    public void undoDelete() {
        StoredProfile deleted = lastDeleted;
        if (deleted == null) {
            return;
        }
        clearNotice();
        run(() -> repository.restore(deleted), restored -> notice.set("Restored '" + restored.name() + "'"));
    }

    /** Imports profile files from elsewhere as new profiles; the source files are not changed. None: nothing. */
    public void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        clearNotice();
        run(() -> {
            int imported = 0;
            List<String> failed = new java.util.ArrayList<>();
            for (Path file : files) {
                try {
                    repository.importFile(file);
                    imported++;
                } catch (Exception e) {
                    // One unreadable file must not stop the others; each is named in the report.
                    failed.add(file.getFileName() + ": " + message(e));
                }
            }
            return new ImportOutcome(imported, failed);
        }, this::report);
    }

    /** Imports every {@code *.json} of a folder. */
    public void importFolder(Path folder) {
        clearNotice();
        run(() -> {
            dev.wsinspector.core.profile.ImportResult result = repository.importFolder(folder);
            return new ImportOutcome(result.imported().size(), result.problems().stream()
                    .map(p -> p.file().getFileName() + ": " + p.message()).toList());
        }, this::report);
    }

    /**
     * Writes one profile to {@code file} for sharing; secret values are left empty unless
     * {@code includeSecrets}.
     */
    public void export(StoredProfile profile, Path file, boolean includeSecrets) {
        clearNotice();
        run(() -> {
            repository.export(profile.profile(), file, includeSecrets);
            return file;
        }, written -> notice.set("Exported '" + profile.name() + "' to " + written
                + (includeSecrets ? " (with secrets)" : " (secrets left out)")));
    }

    /** Exports the profiles of a sidebar folder (empty: all) into a directory, one file each. */
    public void exportFolder(String folder, Path target, boolean includeSecrets) {
        clearNotice();
        run(() -> repository.exportFolder(folder, target, includeSecrets),
                written -> notice.set("Exported " + written.size() + (written.size() == 1 ? " profile" : " profiles")
                        + " to " + target + (includeSecrets ? " (with secrets)" : " (secrets left out)")));
    }

    private void report(ImportOutcome outcome) {
        notice.set("Imported " + outcome.imported() + (outcome.imported() == 1 ? " profile" : " profiles"));
        if (!outcome.failed().isEmpty()) {
            error.set("Not imported: " + String.join("; ", outcome.failed()));
        }
    }

    private record ImportOutcome(int imported, List<String> failed) {
    }

    /** Hides the notice (and gives up the undo). */
    public void clearNotice() {
        lastDeleted = null;
        notice.set("");
        undoAvailable.set(false);
        error.set("");
    }

    /** The user read the problem reports: moved-aside files are not reported again. */
    public void dismissProblems() {
        run(() -> {
            repository.dismissProblems();
            return null;
        }, r -> { });
    }

    @Override
    public void close() {
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                LOG.debug("Closing the profile watch", e);
            }
        }
    }

    /** "Name copy", "Name copy 2", … whichever is not taken. */
    String copyName(String name) {
        String base = name + " copy";
        String candidate = base;
        for (int i = 2; taken(candidate); i++) {
            candidate = base + " " + i;
        }
        return candidate;
    }

    private boolean taken(String name) {
        return profiles.stream().anyMatch(p -> p.name().equalsIgnoreCase(name));
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        run(work, done, e -> error.set(message(e)));
    }

    /** Every operation: work and a fresh snapshot on the worker, list and callback on the FX thread. */
    private <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        io.submitLatest(new Object(), () -> {
            T result = null;
            Exception failure = null;
            try {
                result = work.call();
            } catch (Exception e) {
                failure = e;
            }
            return new Outcome<>(result, failure, repository.profiles(), repository.problems());
        }, outcome -> {
            // Unchanged lists stay untouched, so a reload after our own write does not rebuild the tree.
            if (!profiles.equals(outcome.profiles())) {
                profiles.setAll(outcome.profiles());
            }
            if (!problems.equals(outcome.problems())) {
                problems.setAll(outcome.problems());
            }
            if (outcome.failure() == null) {
                done.accept(outcome.result());
            } else {
                failed.accept(outcome.failure());
            }
        });
    }

    private void report(Exception e, SaveListener listener) {
        if (e instanceof Conflict c) {
            listener.conflict(c.getMessage());
        } else {
            listener.failed(message(e));
        }
    }

    static String message(Exception e) {
        if (e instanceof IOException) {
            return "Could not read or write the profile file: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Carries a {@link ConflictException} out of the worker as an unchecked failure. */
    private static final class Conflict extends Exception {
        Conflict(ConflictException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
