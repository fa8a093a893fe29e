package dev.wsinspector.ui.main;

import dev.wsinspector.core.io.CaptureFiles;
import dev.wsinspector.core.io.ProgressFrameStore;
import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.core.io.CaptureFormatException;
import dev.wsinspector.core.io.ImportResult;
import dev.wsinspector.core.io.ImportedCapture;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Notices;
import dev.wsinspector.ui.connection.ConnectionTab;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opening capture files (HAR from browser DevTools or this app, the app's JSON lines) into tabs, and saving a
 * tab's capture to either format or to pcapng for Wireshark (saved only, never opened). Files are read and written off the FX thread; what happened is reported
 * plainly: a status line for success, a notice naming the file and the reason otherwise, and a list of the
 * lines or entries that could not be read when the rest of a file could. Call from the FX thread.
 */
public final class CaptureFileActions {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureFileActions.class);

    /** The file dialogs, behind an interface so tests can answer them. */
    public interface FileDialogs {
        /** Files the user chose to open; empty when cancelled. */
        List<Path> chooseToOpen(Window owner);

        /** Where to save a capture in {@code format}, suggesting {@code name}; empty when cancelled. */
        Optional<Path> chooseToSave(Window owner, CaptureFormat format, String name);

        /** JavaFX's native file choosers, starting where the last one was left. */
        static FileDialogs system() {
            return new SystemFileDialogs();
        }
    }

    private final Supplier<Window> owner;
    private final BackgroundTasks io;
    private final FileDialogs dialogs;
    private final BiConsumer<ImportedCapture, Path> show;
    private final Consumer<String> status;
    /** Share written of the save in progress (0..1), or -1 when none runs. */
    private java.util.function.DoubleConsumer progress = share -> { };
    private final String version;
    private final AtomicLong jobs = new AtomicLong();

    /**
     * @param show   opens one capture (from the given file) in a new tab
     * @param status shows a one-line result in the status bar
     */
    public CaptureFileActions(Supplier<Window> owner, BackgroundTasks io, FileDialogs dialogs,
                              BiConsumer<ImportedCapture, Path> show, Consumer<String> status, String version) {
        this.owner = owner;
        this.io = io;
        this.dialogs = dialogs;
        this.show = show;
        this.status = status;
        this.version = version;
    }

    /** True for the files this opens (by name): {@code .har} and {@code .jsonl} (never the export-only pcapng). */
    public static boolean isCapture(Path file) {
        return CaptureFormat.readableOf(file).isPresent();
    }

    /** Asks for files, then opens them. */
    public void chooseAndOpen() {
        open(dialogs.chooseToOpen(owner.get()));
    }

    /** Opens every capture in {@code files}, one tab per WebSocket connection. */
    public void open(List<Path> files) {
        for (Path file : files) {
            io.submitLatest("open-capture-" + jobs.incrementAndGet(), () -> CaptureFiles.read(file),
                    result -> opened(file, result),
                    e -> {
                        LOG.warn("Could not open capture {}: {}", file, describe(e));
                        Notices.captureNotOpened(owner.get(), file, describe(e));
                    });
        }
    }

    /** Told how far a save has got (0..1), and -1 when it ended; the window shows a progress bar. */
    public void onProgress(java.util.function.DoubleConsumer target) {
        progress = target;
    }

    /** Asks where, then saves the tab's capture. */
    public void save(ConnectionTab tab, CaptureFormat format, boolean includeSecrets) {
        dialogs.chooseToSave(owner.get(), format, suggestedName(tab, format))
                .ifPresent(file -> saveTo(tab, format, includeSecrets, file));
    }

    /** Saves the tab's capture to {@code file} (in {@code format}, whatever the file is called). */
    public void saveTo(ConnectionTab tab, CaptureFormat format, boolean includeSecrets, Path file) {
        Session session = tab.model().session();
        if (session == null) {
            return;
        }
        Path target = withExtension(file, format);
        long frames = session.frames().size();
        String job = "save-capture-" + jobs.incrementAndGet();
        progress.accept(0);
        io.submitLatest(job, () -> {
            // Long captures take a while (≈ 50 MB/s to HAR): the status line counts up as the file is written.
            CaptureFiles.write(ProgressFrameStore.watching(session, share -> io.onFxThread(() -> {
                if (io.isPending(job)) {
                    status.accept(String.format(java.util.Locale.ROOT, "Saving %s frames to %s: %.0f %%",
                            Formats.count(frames), target.getFileName(), share * 100));
                    progress.accept(share);
                }
            })), target, includeSecrets, version);
            return target;
        }, saved -> {
                    progress.accept(-1);
                    status.accept("Saved " + Formats.count(frames) + " frames to " + saved
                            + (includeSecrets ? " (with secrets)" : ""));
                },
                e -> {
                    progress.accept(-1);
                    LOG.warn("Could not save capture {}: {}", target, describe(e));
                    Notices.captureNotSaved(owner.get(), target, describe(e));
                });
    }

    private void opened(Path file, ImportResult result) {
        for (ImportedCapture capture : result.captures()) {
            show.accept(capture, file);
        }
        long frames = result.captures().stream().mapToLong(c -> c.session().frames().size()).sum();
        LOG.info("Opened capture {}: {} connection(s), {} frames, {} problem(s)", file, result.captures().size(),
                frames, result.problems().size());
        status.accept("Opened " + file.getFileName() + ": " + result.captures().size()
                + (result.captures().size() == 1 ? " connection, " : " connections, ") + Formats.count(frames)
                + " frames" + (result.problems().isEmpty() ? "" : ", " + result.problems().size() + " not readable"));
        if (!result.problems().isEmpty()) {
            Notices.captureProblems(owner.get(), file, result.problems());
        }
    }

    /** A reason for the user, without exception class names where the message says it better. */
    static String describe(Throwable e) {
        if (e instanceof CaptureFormatException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "the file does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** E.g. "127.0.0.1-38783 2026-11-26 0905.har": the tab's title and the time, safe for any file system. */
    static String suggestedName(ConnectionTab tab, CaptureFormat format) {
        String title = tab.getText() == null ? "capture" : tab.getText().replaceFirst("\\.(har|jsonl|pcapng)$", "");
        String safe = title.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        String when = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HHmm", Locale.ROOT));
        return (safe.isEmpty() ? "capture" : safe) + " " + when + format.extension();
    }

    private static Path withExtension(Path file, CaptureFormat format) {
        return CaptureFormat.of(file).filter(f -> f == format).isPresent() ? file
                : file.resolveSibling(file.getFileName() + format.extension());
    }

    private static final class SystemFileDialogs implements FileDialogs {
        private File lastDirectory;

        @Override
        public List<Path> chooseToOpen(Window owner) {
            FileChooser chooser = chooser("Open capture");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Captures (*.har, *.jsonl)", "*.har", "*.jsonl"),
                    new FileChooser.ExtensionFilter("HAR from browser DevTools (*.har)", "*.har"),
                    new FileChooser.ExtensionFilter("WS Inspector JSON lines (*.jsonl)", "*.jsonl"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            List<File> files = chooser.showOpenMultipleDialog(owner);
            if (files == null || files.isEmpty()) {
                return List.of();
            }
            lastDirectory = files.get(0).getParentFile();
            return files.stream().map(File::toPath).toList();
        }

        @Override
        public Optional<Path> chooseToSave(Window owner, CaptureFormat format, String name) {
            FileChooser chooser = chooser(switch (format) {
                case HAR -> "Save capture as HAR";
                case JSONL -> "Save capture as JSON lines";
                case PCAPNG -> "Save capture for Wireshark (pcapng)";
            });
            chooser.getExtensionFilters().add(switch (format) {
                case HAR -> new FileChooser.ExtensionFilter("HAR (*.har)", "*.har");
                case JSONL -> new FileChooser.ExtensionFilter("JSON lines (*.jsonl)", "*.jsonl");
                case PCAPNG -> new FileChooser.ExtensionFilter("pcapng for Wireshark (*.pcapng)", "*.pcapng");
            });
            chooser.setInitialFileName(name);
            File file = chooser.showSaveDialog(owner);
            if (file == null) {
                return Optional.empty();
            }
            lastDirectory = file.getParentFile();
            return Optional.of(file.toPath());
        }

        private FileChooser chooser(String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            if (lastDirectory != null && Files.isDirectory(lastDirectory.toPath())) {
                chooser.setInitialDirectory(lastDirectory);
            }
            return chooser;
        }
    }
}
