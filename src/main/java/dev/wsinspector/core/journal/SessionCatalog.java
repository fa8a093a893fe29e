package dev.wsinspector.core.journal;

import dev.wsinspector.core.profile.AtomicFiles;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sessions of a data directory ({@code <data dir>/sessions/<id>/}: {@code frames.wsj}, {@code session.json},
 * {@code lock}): starts {@link Recording}s and runs the one journal thread that writes them all, lists past and
 * running sessions (recovering the ones a crash left open), opens them read-only, renames, pins, deletes with
 * undo, and applies the retention setting.
 *
 * <p>Journal files and folders are readable by their owner only (they hold what the connection carried,
 * credentials included).
 */
public final class SessionCatalog implements Closeable, SessionRecorder {

    public static final String DIRECTORY = "sessions";
    static final String META_FILE = "session.json";
    static final String LOCK_FILE = "lock";
    /** Lock files of the sessions this JVM records (see {@link #heldByAnotherProcess}). */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final String TRASH = ".trash";

    /** Settings of the journal. */
    public record Settings(Duration flushInterval, long memoryBudgetBytes) {
        public static final long DEFAULT_BUDGET = 256L << 20;

        /** Flushed every second; 256 MiB for all open sessions, at most a quarter of the heap. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), DEFAULT_BUDGET);
        }

        /**
         * The settings of a data directory: {@code settings.json}'s {@code "sessions"} object may hold
         * {@code "flushIntervalMillis"} (100 to 60000, default 1000) and {@code "memoryBudgetMiB"} (16 to 1048576,
         * default 256); a missing or unreadable file, or a value out of range, means the default (the desktop
         * app's settings keep fields they do not know, so these survive its saves).
         */
        public static Settings read(Path dataDir) {
            Settings d = defaults();
            Path file = dataDir.resolve("settings.json");
            try {
                JsonNode sessions = new ObjectMapper().readTree(file.toFile()).path("sessions");
                long flush = ranged(sessions.path("flushIntervalMillis"), 100, 60_000, d.flushInterval().toMillis());
                long mib = ranged(sessions.path("memoryBudgetMiB"), 16, 1L << 20, d.memoryBudgetBytes() >> 20);
                return new Settings(Duration.ofMillis(flush), mib << 20);
            } catch (IOException | RuntimeException e) {
                return d; // no settings file (the usual case for the command line), or not JSON
            }
        }

        private static long ranged(JsonNode n, long min, long max, long fallback) {
            return n.isIntegralNumber() && n.longValue() >= min && n.longValue() <= max ? n.longValue() : fallback;
        }

        /** The budget actually used: the setting, but never more than a quarter of the JVM's heap. */
        public long effectiveBudget() {
            return Math.max(8L << 20, Math.min(memoryBudgetBytes, Runtime.getRuntime().maxMemory() / 4));
        }
    }

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    private final Path root;
    private final Path dataDir;
    /** Null until first asked for when they come from the data directory's settings.json (read lazily). */
    private volatile Settings settings;
    private final AtomicFiles files = new AtomicFiles();
    private final List<Recording> live = new CopyOnWriteArrayList<>();
    private final Object threadLock = new Object();
    private Thread thread;
    private volatile boolean closing;
    /** Tests only: runs in a listing after it read a summary saying "running", before it looks at the lock. */
    static volatile Consumer<Path> afterSummaryReadForTests;
    /** Tests only: runs when a new session's files are made, right before its summary is first written. */
    static volatile Consumer<Path> beforeSummaryForTests;

    public SessionCatalog(Path dataDir, Settings settings) {
        this.root = dataDir.resolve(DIRECTORY);
        this.dataDir = dataDir;
        this.settings = settings;
    }

    public Path root() {
        return root;
    }

    /**
     * The sessions of {@code dataDir} with the journal settings of its {@code settings.json} ({@link Settings#read}),
     * read when first needed, so making a catalog costs no file read (the app's start).
     */
    public static SessionCatalog of(Path dataDir) {
        return new SessionCatalog(dataDir, null);
    }

    public Settings settings() {
        Settings s = settings;
        if (s == null) {
            s = Settings.read(dataDir);
            settings = s;
        }
        return s;
    }

    /**
     * Starts journaling a new session.
     *
     * @param name      what the user called it (may be empty: the URL or profile is shown instead)
     * @param onProblem told once, on the journal thread, when the journal stops taking frames
     * @throws IOException when the session's folder or journal cannot be created
     */
    public Recording record(String name, String profile, String url, Consumer<String> onProblem) throws IOException {
        if (closing) {
            throw closed();
        }
        createPrivateDirectory(root);
        Instant now = Instant.now();
        Path dir;
        String id;
        while (true) {
            id = ID_TIME.format(now) + "-" + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(1 << 16));
            dir = root.resolve(id);
            try {
                createPrivateDirectory(dir, true);
                break;
            } catch (FileAlreadyExistsException taken) {
                // another session started in the same second drew the same suffix: draw again
            }
        }
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        SessionMeta meta = new SessionMeta(id, name, profile, url, micros, 0, false, "", 0, 0, 0, 0, false);
        // Lock first, then the journal with its header on the disk, the summary last: a reader that sees the
        // summary sees a held lock and a readable journal, so it never takes a starting session for a crashed one,
        // and a crash at any point leaves either no summary or one over a journal that opens.
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), privateFile());
        JournalWriter writer = null;
        Path lockPath = dir.resolve(LOCK_FILE).toAbsolutePath().normalize();
        Recording recording;
        try {
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new IOException("the new session's lock is held by another process");
            }
            HELD_HERE.add(lockPath);
            writer = createJournal(dir, micros);
            Consumer<Path> hook = beforeSummaryForTests;
            if (hook != null) {
                hook.accept(dir);
            }
            saveMeta(dir, meta);
            recording = new Recording(dir, this, meta, writer, lockChannel, lock,
                    onProblem == null ? p -> { } : onProblem);
        } catch (IOException | RuntimeException e) {
            // Nothing half-open stays behind: the caller falls back to a capture in memory.
            HELD_HERE.remove(lockPath);
            if (writer != null) {
                closeQuietly(writer);
            }
            lockChannel.close();
            try {
                deleteTree(dir); // nothing was captured: no empty session to list
            } catch (IOException | RuntimeException ignored) {
                // left as an empty folder; a listing shows it as an empty session that ended abruptly, if at all
            }
            throw e;
        }
        register(recording);
        return recording;
    }

    /**
     * Makes {@code dir}'s journal: its header is written and forced to disk in a temporary file that is then
     * renamed into place, so {@code frames.wsj} never exists without a whole header.
     */
    private static JournalWriter createJournal(Path dir, long createdMicros) throws IOException {
        Path temp = dir.resolve("." + JournalFormat.JOURNAL_FILE + ".tmp");
        FileChannel journal = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), privateFile());
        try {
            JournalWriter writer = new JournalWriter(JournalSink.of(journal), createdMicros);
            journal.force(true);
            // The open channel follows the file through the rename: frames are appended to frames.wsj.
            Files.move(temp, dir.resolve(JournalFormat.JOURNAL_FILE), StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
            return writer;
        } catch (IOException | RuntimeException e) {
            journal.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Lets the journal thread write {@code recording}, unless the catalog began closing meanwhile: then the
     * recording is completed at once (nothing was captured yet), its folder removed, and the caller refused.
     */
    private void register(Recording recording) {
        synchronized (threadLock) {
            if (!closing) {
                live.add(recording);
                startThread();
                return;
            }
        }
        recording.close();
        try {
            deleteTree(recording.directory());
        } catch (IOException | RuntimeException e) {
            // an empty session that ended at once stays listed; nothing is lost
        }
        throw closed();
    }

    private static JournalException closed() {
        return new JournalException("the session catalog is closing (the app or the command is exiting):"
                + " no new session is recorded");
    }

    /**
     * A journaled capture, or, when the journal cannot be started (a read-only or full data directory), one in
     * memory whose timeline says why in a red row.
     */
    @Override
    public Recorded start(String profile, String url) {
        try {
            return record("", profile, url, null);
        } catch (IOException | RuntimeException e) {
            Recorded memory = SessionRecorder.inMemory().start(profile, url);
            Session s = memory.session();
            String problem = "This session is not kept on disk (" + e.getMessage() + "): it lives in memory only";
            s.onEvent(new ConnectionEvent.Note(s.frames().clock().epochMicrosAt(s.frames().clock().nanoTime()), 0,
                    ConnectionEvent.Note.ERROR, problem));
            return new Recorded() {
                @Override
                public Session session() {
                    return s;
                }

                @Override
                public String problem() {
                    return problem;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /**
     * A test's recording whose journal goes to {@code sink} (e.g. one that fails like a full disk). The folder's
     * own {@code frames.wsj} holds only a header, so the sink should fail before the recording ends (frames that
     * leave memory are read back from the folder's journal).
     */
    Recording record(String name, String url, JournalSink sink, Consumer<String> onProblem) throws IOException {
        createPrivateDirectory(root);
        String id = "test-" + System.nanoTime();
        Path dir = root.resolve(id);
        createPrivateDirectory(dir, true);
        SessionMeta meta = new SessionMeta(id, name, "", url, System.currentTimeMillis() * 1000, 0, false, "", 0, 0,
                0, 0, false);
        JournalWriter writer = new JournalWriter(sink, meta.startedMicros());
        ByteBuffer header = JournalFormat.fileHeader(meta.startedMicros());
        byte[] headerBytes = new byte[header.remaining()];
        header.get(headerBytes);
        files.write(dir.resolve(JournalFormat.JOURNAL_FILE), headerBytes); // the folder's own journal opens, empty
        saveMeta(dir, meta);
        Recording recording = new Recording(dir, this, meta, writer, null, null, onProblem);
        register(recording);
        return recording;
    }

    private void startThread() {
        synchronized (threadLock) {
            if (thread == null && !closing) {
                thread = new Thread(this::run, "ws-inspector-journal");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** The journal thread: every few milliseconds, each live recording writes what arrived. */
    private void run() {
        long syncNanos = settings().flushInterval().toNanos();
        while (!closing) {
            List<Recording> now = List.copyOf(live);
            long share = settings().effectiveBudget() / Math.max(1, now.size());
            for (Recording r : now) {
                try {
                    r.pump(syncNanos, share);
                } catch (Throwable t) {
                    // One recording's failure (even an Error) must not end the thread that writes all of them.
                    r.failed(t);
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void ended(Recording recording) {
        live.remove(recording);
    }

    /** The recording in {@code dir} let go of its lock. */
    static void lockReleased(Path dir) {
        HELD_HERE.remove(dir.resolve(LOCK_FILE).toAbsolutePath().normalize());
    }

    void saveMeta(Path dir, SessionMeta meta) throws IOException {
        files.write(dir.resolve(META_FILE), meta.toFile());
    }

    /** Sessions, newest first: running ones, past ones, and ones a crash left open (recounted from the journal). */
    public List<SessionMeta> list() throws IOException {
        List<SessionMeta> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (dir.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    readMeta(dir).ifPresent(out::add);
                } catch (IOException | RuntimeException e) {
                    // One session that cannot be read or recovered (a full disk, a damaged folder) must not hide
                    // the others, nor keep the user from deleting them: listed as unreadable.
                    out.add(new SessionMeta(dir.getFileName().toString(), "", "", "", 0, 0, true,
                            "unreadable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                            0, 0, 0, 0, false));
                }
            }
        }
        out.sort(Comparator.comparingLong(SessionMeta::startedMicros).reversed()
                .thenComparing(SessionMeta::id, Comparator.reverseOrder()));
        return out;
    }

    private Optional<SessionMeta> readMeta(Path dir) throws IOException {
        for (Recording r : live) {
            if (r.directory().equals(dir)) {
                return Optional.of(r.meta());
            }
        }
        SessionMeta meta = null;
        try {
            meta = SessionMeta.fromFile(Files.readAllBytes(dir.resolve(META_FILE)));
        } catch (NoSuchFileException e) {
            if (!Files.exists(dir.resolve(JournalFormat.JOURNAL_FILE))) {
                return Optional.empty(); // not a session folder
            }
        } catch (IOException | RuntimeException e) {
            // a damaged summary: recounted from the journal below
        }
        if (meta != null && !meta.running()) {
            return Optional.of(meta);
        }
        Consumer<Path> hook = afterSummaryReadForTests;
        if (hook != null) {
            hook.accept(dir);
        }
        try (Closeable held = holdIfFree(dir)) {
            if (held == null) {
                return Optional.ofNullable(meta); // recording (here or in another process): "running" is true
            }
            // The lock is ours now, so no writer runs. A writer that ended cleanly after the summary was read above
            // wrote its end before it let go of the lock: read the summary again, or a clean end would be taken
            // for a crash and overwritten.
            meta = summary(dir);
            if (meta != null && !meta.running()) {
                return Optional.of(meta);
            }
            if (!Files.exists(dir.resolve(JournalFormat.JOURNAL_FILE))) {
                // Killed between making the folder and the journal: nothing was captured.
                return meta == null ? Optional.empty()
                        : Optional.of(meta.ended(meta.startedMicros(), true, "ended abruptly"));
            }
            return Optional.of(recover(dir, meta));
        }
    }

    /** {@code dir}'s summary, or null when it is missing or cannot be read (then the journal is the truth). */
    private static SessionMeta summary(Path dir) {
        try {
            return SessionMeta.fromFile(Files.readAllBytes(dir.resolve(META_FILE)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A session that never wrote its end: count it from its journal and mark it ended abruptly. Called with the
     * session's lock held.
     */
    private SessionMeta recover(Path dir, SessionMeta meta) throws IOException {
        String id = dir.getFileName().toString();
        Path journal = dir.resolve(JournalFormat.JOURNAL_FILE);
        if (Files.size(journal) < JournalFormat.FILE_HEADER_LENGTH && JournalFormat.tornHeader(Files.readAllBytes(journal))) {
            // The writer stopped before the header was on the disk (a version that wrote the summary first, or a
            // disk that lost the write): nothing was captured. A whole header makes it a journal that opens, empty.
            ByteBuffer header = JournalFormat.fileHeader(meta != null ? meta.startedMicros() : 0);
            byte[] bytes = new byte[header.remaining()];
            header.get(bytes);
            files.write(journal, bytes);
        }
        try (StoredJournal j = StoredJournal.open(journal, true)) {
            String url = meta != null ? meta.url() : j.events().stream()
                    .filter(e -> e instanceof ConnectionEvent.Connecting).map(e -> ((ConnectionEvent.Connecting) e).url())
                    .findFirst().orElse("");
            long started = meta != null ? meta.startedMicros()
                    : j.createdEpochMicros() > 0 ? j.createdEpochMicros() : Math.max(0, j.firstEpochMicros());
            long ended = j.lastEpochMicros() == Long.MIN_VALUE ? started : j.lastEpochMicros();
            SessionMeta base = meta != null ? meta
                    : new SessionMeta(id, "", "", url, started, 0, false, "", 0, 0, 0, 0, false);
            SessionMeta recovered = base.withCounts(j.framesIn(), j.framesOut(), j.bytesIn(), j.bytesOut())
                    .ended(Math.max(ended, started), true, "ended abruptly");
            saveMeta(dir, recovered);
            return recovered;
        } catch (JournalException e) {
            SessionMeta base = meta != null ? meta
                    : new SessionMeta(id, "", "", "", 0, 0, false, "", 0, 0, 0, 0, false);
            return base.ended(base.startedMicros(), true, "unreadable: " + e.getMessage());
        }
    }

    /**
     * Takes {@code dir}'s lock when no recording holds it, for as long as the returned handle is open (a
     * recovery: no writer may start meanwhile, nor another lister recover it too); null when it is held, or when
     * that cannot be told. A folder without a lock file gets a handle that holds nothing (no writer ever ran
     * there: a writer makes its lock first).
     */
    private static Closeable holdIfFree(Path dir) {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return () -> { };
        }
        Path key = lockFile.toAbsolutePath().normalize();
        // Marked before the file is opened: other catalogs of this JVM then do not open (and close) a descriptor of
        // it, which on POSIX would drop the lock taken here.
        if (!HELD_HERE.add(key)) {
            return null; // recording in this JVM, or being recovered by another catalog of it
        }
        FileChannel c = null;
        try {
            c = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            FileLock l = c.tryLock();
            if (l != null) {
                FileChannel channel = c;
                return () -> {
                    try {
                        channel.close(); // releases the lock
                    } finally {
                        HELD_HERE.remove(key);
                    }
                };
            }
        } catch (OverlappingFileLockException | IOException e) {
            // held by this process, or cannot tell: taking it for alive is safe, "recovering" a live journal is not
        }
        closeQuietly(c);
        HELD_HERE.remove(key);
        return null;
    }

    private static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // what was opened only to be let go of
        }
    }

    private static boolean heldByAnotherProcess(Path dir) {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        if (HELD_HERE.contains(lockFile.toAbsolutePath().normalize())) {
            // Recording in this JVM (another catalog of the same directory). Do not even open the file: on POSIX,
            // closing any descriptor of it would drop the lock this process holds.
            return true;
        }
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this process, by a recording of another catalog
        } catch (IOException e) {
            return true; // cannot tell: taking it for alive is safe, "recovering" a live journal is not
        }
    }

    /** The session with this id, exact name, or unique id prefix. */
    public SessionMeta find(String idOrName) throws IOException {
        List<SessionMeta> all = list();
        for (SessionMeta m : all) {
            if (m.id().equals(idOrName)) {
                return m;
            }
        }
        List<SessionMeta> named = all.stream().filter(m -> m.name().equals(idOrName)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new JournalException(named.size() + " sessions are named '" + idOrName + "': use the id ("
                    + named.get(0).id() + ", …)");
        }
        List<SessionMeta> prefixed = all.stream().filter(m -> m.id().startsWith(idOrName)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        throw new JournalException(prefixed.isEmpty() ? "no session '" + idOrName + "' (see: ws-inspector sessions)"
                : "'" + idOrName + "' matches " + prefixed.size() + " sessions: give more of the id");
    }

    /** A session read back; close it when done. */
    public record Opened(SessionMeta meta, Session session, List<String> problems, StoredJournal journal)
            implements Closeable {
        @Override
        public void close() throws IOException {
            journal.close();
        }
    }

    /** Opens a stored (or running: as far as it was written) session read-only. */
    public Opened open(SessionMeta meta) throws IOException {
        Path dir = root.resolve(meta.id());
        boolean repair = !meta.running() && !heldByAnotherProcess(dir) && live.stream().noneMatch(r -> r.id().equals(meta.id()));
        StoredJournal journal = StoredJournal.open(dir.resolve(JournalFormat.JOURNAL_FILE), repair);
        Session session = new Session(journal.frames());
        journal.events().forEach(session::onEvent);
        return new Opened(meta, session, journal.problems(), journal);
    }

    public void rename(String id, String name) throws IOException {
        for (Recording r : live) {
            if (r.id().equals(id)) {
                r.rename(name);
                return;
            }
        }
        Path dir = root.resolve(id);
        saveMeta(dir, SessionMeta.fromFile(Files.readAllBytes(dir.resolve(META_FILE))).withName(name));
    }

    public void pin(String id, boolean pinned) throws IOException {
        for (Recording r : live) {
            if (r.id().equals(id)) {
                r.pin(pinned);
                return;
            }
        }
        Path dir = root.resolve(id);
        saveMeta(dir, SessionMeta.fromFile(Files.readAllBytes(dir.resolve(META_FILE))).withPinned(pinned));
    }

    /** Moves a past session to the trash, from which {@link #undoDelete} brings it back. */
    public void delete(String id) throws IOException {
        if (live.stream().anyMatch(r -> r.id().equals(id))) {
            throw new JournalException("the session is still recording: close its tab first");
        }
        Path trash = root.resolve(TRASH);
        createPrivateDirectory(trash);
        Path target = trash.resolve(id);
        deleteTree(target);
        Files.move(root.resolve(id), target, StandardCopyOption.ATOMIC_MOVE);
    }

    public void undoDelete(String id) throws IOException {
        Files.move(root.resolve(TRASH).resolve(id), root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes what is in the trash for good. */
    public void emptyTrash() throws IOException {
        deleteTree(root.resolve(TRASH));
    }

    /**
     * Deletes past sessions beyond the retention setting: older than {@code maxAge} or, newest kept first,
     * beyond {@code maxBytes} on disk. Pinned and running sessions are kept.
     *
     * @return the ids deleted
     */
    public List<String> applyRetention(Duration maxAge, long maxBytes) throws IOException {
        List<String> deleted = new ArrayList<>();
        long cutoff = (System.currentTimeMillis() - maxAge.toMillis()) * 1000L;
        long total = 0;
        for (SessionMeta m : list()) { // newest first
            Path dir = root.resolve(m.id());
            long size = treeSize(dir);
            if (m.pinned() || m.running() || live.stream().anyMatch(r -> r.id().equals(m.id()))) {
                total += size;
                continue;
            }
            if (m.startedMicros() < cutoff || total + size > maxBytes) {
                deleteTree(dir);
                deleted.add(m.id());
            } else {
                total += size;
            }
        }
        return deleted;
    }

    /**
     * Ends every live recording (app exit, SIGTERM) and stops the journal thread. From here on {@link #record}
     * refuses with a {@link JournalException} (and {@link #start} captures in memory, saying so); a recording
     * that was starting meanwhile is either among those ended here or refused.
     */
    @Override
    public void close() {
        synchronized (threadLock) {
            closing = true;
        }
        // Every recording registered before the flag was set is in live now; none is added after.
        for (Recording r : List.copyOf(live)) {
            r.close();
        }
        synchronized (threadLock) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Tests: whether the journal thread runs. */
    boolean journalThreadRunning() {
        synchronized (threadLock) {
            return thread != null && thread.isAlive();
        }
    }

    private static long treeSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Best effort: makes a rename in {@code dir} survive a power cut (POSIX; Windows cannot open a directory). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the rename itself is atomic; only its durability across a power cut is left to the OS
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                createPrivateDirectory(dir, false);
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile by another session starting
            }
        }
    }

    private static void createPrivateDirectory(Path dir, boolean exclusive) throws IOException {
        Files.createDirectories(dir.getParent());
        if (POSIX) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    private static FileAttribute<?>[] privateFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }
}
