package dev.wsinspector.core.profile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles in {@code <data dir>/profiles/}: every {@code *.json} there is one profile (file name free; new
 * ones get a slug of their name). Files are the truth: people edit them by hand, copy them around and keep
 * them in git, so this class
 * <ul>
 *   <li>writes atomically ({@link AtomicFiles}) and keeps fields it does not know ({@link UnknownFields});</li>
 *   <li>moves a file that does not parse aside to {@code <name>.corrupt-<time>} and reports it
 *       ({@link #problems()}): never overwritten, never silently dropped;</li>
 *   <li>refuses to save over a file another program changed since it was loaded ({@link ConflictException});
 *       {@link #reload()} (e.g. from {@link #watch}) picks such changes up;</li>
 *   <li>shows files of a newer {@code schemaVersion} read-only and never rewrites them.</li>
 * </ul>
 * Methods are synchronized and do file I/O: call them off the UI thread.
 */
public final class ProfileRepository {

    public static final String DIRECTORY = "profiles";
    /** A file that does not parse but changed this recently is probably still being written: not moved yet. */
    static final Duration SETTLE_TIME = Duration.ofSeconds(2);
    private static final DateTimeFormatter CORRUPT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Comparator<StoredProfile> ORDER = Comparator
            .comparing((StoredProfile s) -> s.profile().folder(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(StoredProfile::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(StoredProfile::id);

    private final Path dir;
    private final List<ProfileMigration> migrations;
    private final AtomicFiles files;
    private final Clock clock;

    private final Map<String, StoredProfile> byId = new LinkedHashMap<>();
    /** Files moved aside, kept until dismissed. */
    private final List<ProfileProblem> movedAside = new ArrayList<>();
    /** Files in trouble in the latest scan (left in place, so found again by the next). */
    private final List<ProfileProblem> current = new ArrayList<>();

    /** Profiles of data directory {@code dataDir} (in its {@value #DIRECTORY} subdirectory). */
    public ProfileRepository(Path dataDir) {
        this(dataDir.resolve(DIRECTORY), List.of(), new AtomicFiles(), Clock.systemUTC());
    }

    /** Profiles directly in {@code profilesDir}, reading older formats with {@code migrations}. */
    public static ProfileRepository inDirectory(Path profilesDir, List<ProfileMigration> migrations) {
        return new ProfileRepository(profilesDir, migrations, new AtomicFiles(), Clock.systemUTC());
    }

    ProfileRepository(Path profilesDir, List<ProfileMigration> migrations, AtomicFiles files, Clock clock) {
        this.dir = profilesDir.toAbsolutePath().normalize();
        this.migrations = List.copyOf(migrations);
        this.files = files;
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    // ---- reading ----

    /** Scans the directory (creating it if missing) and returns what changed since the last scan. */
    public synchronized ReloadResult reload() throws IOException {
        Files.createDirectories(dir);
        Map<String, StoredProfile> found = new LinkedHashMap<>();
        List<ProfileProblem> problems = new ArrayList<>();
        current.clear();
        for (Path file : jsonFiles(dir)) {
            load(file, problems).ifPresent(p -> found.put(p.id(), p));
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        found.forEach((id, p) -> {
            StoredProfile old = byId.get(id);
            if (old == null) {
                added.add(id);
            } else if (!old.stamp().sha256().equals(p.stamp().sha256())) {
                changed.add(id);
            }
        });
        byId.keySet().stream().filter(id -> !found.containsKey(id)).forEach(removed::add);
        byId.clear();
        byId.putAll(found);
        return new ReloadResult(profiles(), added, changed, removed, problems);
    }

    /** All usable profiles, sorted by folder, then name. */
    public synchronized List<StoredProfile> profiles() {
        return byId.values().stream().sorted(ORDER).toList();
    }

    /** Files that could not be used: moved-aside corrupt ones (until {@link #dismissProblems()}) and current ones. */
    public synchronized List<ProfileProblem> problems() {
        List<ProfileProblem> all = new ArrayList<>(movedAside);
        all.addAll(current);
        return all;
    }

    /** The user saw the moved-aside reports; files still in trouble are reported again by the next reload. */
    public synchronized void dismissProblems() {
        movedAside.clear();
    }

    public synchronized Optional<StoredProfile> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Finds a profile by name (case-insensitive), by file name ({@code local-echo} or {@code local-echo.json}).
     *
     * @throws IllegalArgumentException naming the candidates when nothing or more than one profile matches
     */
    public synchronized StoredProfile find(String nameOrId) {
        List<StoredProfile> byName = byId.values().stream()
                .filter(p -> p.name().equalsIgnoreCase(nameOrId)).sorted(ORDER).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        if (byName.size() > 1) {
            throw new IllegalArgumentException("More than one profile is called '" + nameOrId + "' (files: "
                    + String.join(", ", byName.stream().map(StoredProfile::id).toList())
                    + "); give the file name instead");
        }
        StoredProfile byFile = byId.get(nameOrId.endsWith(".json") ? nameOrId : nameOrId + ".json");
        if (byFile != null) {
            return byFile;
        }
        throw new IllegalArgumentException("No profile '" + nameOrId + "' in " + dir
                + (byId.isEmpty() ? " (there are none)"
                        : " (there are: " + String.join(", ", profiles().stream().map(StoredProfile::name).toList()) + ")"));
    }

    private Optional<StoredProfile> load(Path file, List<ProfileProblem> problems) {
        String id = file.getFileName().toString();
        byte[] bytes;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // deleted while we scanned: simply not there
        } catch (IOException e) {
            report(problems, new ProfileProblem(ProfileProblem.Kind.IO, file, null, "cannot be read: " + e.getMessage(),
                    clock.instant()));
            return Optional.empty();
        }
        FileStamp stamp = FileStamp.of(bytes, modified);
        String stem = id.substring(0, id.length() - ".json".length());
        try {
            ProfileJson.Decoded decoded = ProfileJson.read(bytes, stem, migrations);
            String readOnly = decoded.readOnly() ? ProfileJson.newerMessage(decoded.fileVersion()) : "";
            return Optional.of(new StoredProfile(id, file, decoded.profile(), stamp, decoded.fileVersion(), readOnly));
        } catch (UnsupportedVersionException e) {
            report(problems, new ProfileProblem(ProfileProblem.Kind.UNSUPPORTED_VERSION, file, null, e.getMessage(),
                    clock.instant()));
        } catch (ProfileFormatException e) {
            if (Duration.between(modified.toInstant(), clock.instant()).compareTo(SETTLE_TIME) < 0) {
                report(problems, new ProfileProblem(ProfileProblem.Kind.BEING_WRITTEN, file, null,
                        e.getMessage() + " (changed a moment ago; looked at again on the next reload)", clock.instant()));
            } else {
                moveAside(file, e.getMessage(), problems);
            }
        }
        return Optional.empty();
    }

    private void report(List<ProfileProblem> problems, ProfileProblem problem) {
        problems.add(problem);
        current.add(problem);
    }

    private void moveAside(Path file, String why, List<ProfileProblem> problems) {
        String base = file.getFileName() + ".corrupt-" + CORRUPT_TIME.format(clock.instant());
        Path target = file.resolveSibling(base);
        for (int i = 2; Files.exists(target); i++) {
            target = file.resolveSibling(base + "-" + i);
        }
        try {
            // No REPLACE_EXISTING: an existing file of that name is never overwritten.
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            ProfileProblem problem = new ProfileProblem(ProfileProblem.Kind.CORRUPT, file, target, why, clock.instant());
            problems.add(problem);
            movedAside.add(problem);
        } catch (IOException e) {
            report(problems, new ProfileProblem(ProfileProblem.Kind.IO, file, null,
                    why + "; it could not be moved aside (" + e.getMessage() + ")", clock.instant()));
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    // ---- writing ----

    /** Writes a new profile to a new file named after it ({@code <slug>.json}, {@code -2} etc. when taken). */
    public synchronized StoredProfile create(ConnectionProfile profile) throws IOException {
        Files.createDirectories(dir);
        return writeTo(Slugs.freeFile(dir, profile.name()), profile);
    }

    /**
     * Saves {@code updated} over the file {@code base} was loaded from.
     *
     * @throws ConflictException         when another program changed or deleted the file since {@code base} was
     *                                   loaded or saved; nothing is written
     * @throws ReadOnlyProfileException  when the file is in a newer format
     */
    public synchronized StoredProfile save(StoredProfile base, ConnectionProfile updated)
            throws IOException, ConflictException, ReadOnlyProfileException {
        checkWritable(base);
        checkUnchanged(base);
        return writeTo(base.file(), updated);
    }

    /** Saves even though the file changed on disk: the user chose to replace the other version. */
    public synchronized StoredProfile overwrite(StoredProfile base, ConnectionProfile updated)
            throws IOException, ReadOnlyProfileException {
        checkWritable(base);
        return writeTo(base.file(), updated);
    }

    /**
     * Deletes the profile's file. Keep the returned {@link StoredProfile} for an undo ({@link #restore}).
     *
     * @throws ConflictException when the file changed since it was loaded (its new content would be lost)
     */
    public synchronized StoredProfile delete(StoredProfile base) throws IOException, ConflictException {
        checkUnchanged(base);
        Files.delete(base.file());
        byId.remove(base.id());
        return base;
    }

    /** Undo of a delete: writes the profile back under its old file name, or a new one if that was taken since. */
    public synchronized StoredProfile restore(StoredProfile deleted) throws IOException {
        Path target = Files.exists(deleted.file()) ? Slugs.freeFile(dir, deleted.name()) : deleted.file();
        return writeTo(target, deleted.profile());
    }

    private void checkWritable(StoredProfile base) throws ReadOnlyProfileException {
        if (base.readOnly()) {
            throw new ReadOnlyProfileException(base);
        }
    }

    /** Compares the file with what {@code base} was made from; a change in the gap before the write is not caught. */
    private void checkUnchanged(StoredProfile base) throws IOException, ConflictException {
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

    private StoredProfile writeTo(Path file, ConnectionProfile profile) throws IOException {
        byte[] bytes = ProfileJson.write(profile);
        files.write(file, bytes);
        StoredProfile stored = new StoredProfile(file.getFileName().toString(), file, profile,
                FileStamp.of(bytes, Files.getLastModifiedTime(file)), ProfileJson.CURRENT_VERSION, "");
        byId.put(stored.id(), stored);
        return stored;
    }

    // ---- import / export ----

    /**
     * Copies a profile file from elsewhere into the repository as a new profile (older formats migrated,
     * unknown fields kept). The source file is never changed.
     */
    public synchronized StoredProfile importFile(Path file) throws IOException, ProfileFormatException {
        String fileName = file.getFileName().toString();
        String stem = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        ProfileJson.Decoded decoded = ProfileJson.read(Files.readAllBytes(file), stem, migrations);
        if (decoded.readOnly()) {
            throw new UnsupportedVersionException(ProfileJson.newerMessage(decoded.fileVersion())
                    + "; import it with a newer WS Inspector", decoded.fileVersion());
        }
        return create(decoded.profile());
    }

    /** Imports every {@code *.json} of {@code folder}; files that are not profiles are reported and skipped. */
    public synchronized ImportResult importFolder(Path folder) throws IOException {
        List<StoredProfile> imported = new ArrayList<>();
        List<ProfileProblem> problems = new ArrayList<>();
        for (Path file : jsonFiles(folder)) {
            try {
                imported.add(importFile(file));
            } catch (UnsupportedVersionException e) {
                problems.add(new ProfileProblem(ProfileProblem.Kind.UNSUPPORTED_VERSION, file, null, e.getMessage(),
                        clock.instant()));
            } catch (ProfileFormatException e) {
                problems.add(new ProfileProblem(ProfileProblem.Kind.CORRUPT, file, null, e.getMessage(),
                        clock.instant()));
            }
        }
        return new ImportResult(imported, problems);
    }

    /**
     * Writes one profile to {@code file} for sharing. Without {@code includeSecrets} secret values are left
     * empty (see {@link ProfileJson#writeExport}).
     */
    public void export(ConnectionProfile profile, Path file, boolean includeSecrets) throws IOException {
        files.write(file, ProfileJson.writeExport(profile, includeSecrets));
    }

    /**
     * Exports the profiles of sidebar folder {@code folder} and its subfolders (empty: all) into directory
     * {@code target}, one file each; returns the files written.
     */
    public synchronized List<Path> exportFolder(String folder, Path target, boolean includeSecrets) throws IOException {
        String prefix = ConnectionProfile.normaliseFolder(folder);
        List<Path> written = new ArrayList<>();
        Files.createDirectories(target);
        for (StoredProfile p : profiles()) {
            String f = p.profile().folder();
            if (prefix.isEmpty() || f.equals(prefix) || f.startsWith(prefix + "/")) {
                Path file = Slugs.freeFile(target, p.name());
                export(p.profile(), file, includeSecrets);
                written.add(file);
            }
        }
        return written;
    }

    /**
     * Calls {@code onChange} (on a background thread, at most about every 200 ms) when files in the directory
     * change, including our own writes; the listener then calls {@link #reload()}, whose result tells what
     * really changed. Close the returned handle to stop watching.
     */
    public ProfileWatch watch(Runnable onChange) throws IOException {
        Files.createDirectories(dir);
        return ProfileWatch.start(dir, Objects.requireNonNull(onChange));
    }
}
