package dev.wsinspector.core.mock;

import dev.wsinspector.core.profile.AtomicFiles;
import dev.wsinspector.core.profile.ConflictException;
import dev.wsinspector.core.profile.FileStamp;
import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.core.profile.Slugs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server profiles in {@code <data dir>/servers/}, one {@code *.json} file each, like
 * {@code core.profile.ProfileRepository}: writes are atomic ({@link AtomicFiles}: temp file, then move) and owner-only
 * (the directory {@code rwx------}, each file {@code rw-------} on POSIX systems: rules and upgrade checks hold
 * tokens); a file that does not parse is reported with its line and column ({@link #problems()}) and left as it is,
 * never overwritten or dropped, so the user can fix it by hand; a save over a file another program changed since
 * it was loaded is refused ({@link ConflictException}). Methods are synchronized and do file I/O: call them off the
 * UI thread.
 */
public final class MockProfileRepository {

    public static final String DIRECTORY = "servers";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;
    private final AtomicFiles files = new AtomicFiles();
    private final Clock clock;
    private final Map<String, StoredMockProfile> byId = new LinkedHashMap<>();
    private final List<ProfileProblem> problems = new ArrayList<>();

    /** The server profiles of data directory {@code dataDir} (its {@value #DIRECTORY} subdirectory). */
    public MockProfileRepository(Path dataDir) {
        this(dataDir.resolve(DIRECTORY), Clock.systemUTC());
    }

    MockProfileRepository(Path serversDir, Clock clock) {
        this.dir = serversDir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    /** Reads a server profile file (e.g. the CLI's {@code mock FILE}); problems name the file, line and column. */
    public static MockProfile readFile(Path file) throws IOException, MockFormatException {
        return MockProfileJson.read(file.toString(), Files.readAllBytes(file));
    }

    /** Scans the directory (creating it if missing); returns the usable profiles, by name. */
    public synchronized List<StoredMockProfile> reload() throws IOException {
        createDirectory();
        byId.clear();
        problems.clear();
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    found.add(p);
                }
            });
        }
        found.sort(Comparator.comparing(Path::toString));
        for (Path file : found) {
            load(file).ifPresent(p -> byId.put(p.id(), p));
        }
        return profiles();
    }

    public synchronized List<StoredMockProfile> profiles() {
        return byId.values().stream().sorted(Comparator.comparing(StoredMockProfile::name,
                String.CASE_INSENSITIVE_ORDER).thenComparing(StoredMockProfile::id)).toList();
    }

    /** Files of the last scan that could not be used (left in place; {@code movedTo} is always null). */
    public synchronized List<ProfileProblem> problems() {
        return List.copyOf(problems);
    }

    public synchronized Optional<StoredMockProfile> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private Optional<StoredMockProfile> load(Path file) {
        byte[] bytes;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new ProfileProblem(ProfileProblem.Kind.IO, file, null, "cannot be read: " + e.getMessage(),
                    clock.instant()));
            return Optional.empty();
        }
        try {
            MockProfile profile = MockProfileJson.read(file.getFileName().toString(), bytes);
            return Optional.of(new StoredMockProfile(file.getFileName().toString(), file, profile,
                    FileStamp.of(bytes, modified)));
        } catch (MockFormatException e) {
            problems.add(new ProfileProblem(ProfileProblem.Kind.CORRUPT, file, null,
                    "line " + e.position().line() + ", column " + e.position().column() + ": " + e.problem(),
                    clock.instant()));
            return Optional.empty();
        }
    }

    /** Writes a new profile to a new file named after it ({@code <slug>.json}, {@code -2} … when taken). */
    public synchronized StoredMockProfile create(MockProfile profile) throws IOException {
        createDirectory();
        return writeTo(Slugs.freeFile(dir, profile.name()), profile);
    }

    /**
     * Saves {@code updated} over the file {@code base} was loaded from.
     *
     * @throws ConflictException when another program changed or deleted the file since; nothing is written
     */
    public synchronized StoredMockProfile save(StoredMockProfile base, MockProfile updated)
            throws IOException, ConflictException {
        checkUnchanged(base);
        return writeTo(base.file(), updated);
    }

    /** Saves even though the file changed on disk: the user chose to replace the other version. */
    public synchronized StoredMockProfile overwrite(StoredMockProfile base, MockProfile updated) throws IOException {
        return writeTo(base.file(), updated);
    }

    /** @throws ConflictException when the file changed since it was loaded (its new content would be lost) */
    public synchronized void delete(StoredMockProfile base) throws IOException, ConflictException {
        checkUnchanged(base);
        Files.delete(base.file());
        byId.remove(base.id());
    }

    private void checkUnchanged(StoredMockProfile base) throws IOException, ConflictException {
        byte[] now;
        try {
            now = Files.readAllBytes(base.file());
        } catch (NoSuchFileException e) {
            throw new ConflictException(ConflictException.Kind.DELETED, base.file(), base.name());
        }
        if (!base.stamp().matches(now)) {
            throw new ConflictException(ConflictException.Kind.CHANGED, base.file(), base.name());
        }
    }

    private StoredMockProfile writeTo(Path file, MockProfile profile) throws IOException {
        byte[] bytes = MockProfileJson.write(profile);
        files.write(file, bytes); // the temp file is created rw------- on POSIX and moved as it is
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        StoredMockProfile stored = new StoredMockProfile(file.getFileName().toString(), file, profile,
                FileStamp.of(bytes, Files.getLastModifiedTime(file)));
        byId.put(stored.id(), stored);
        return stored;
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
