package dev.wsinspector.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.profile.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <data dir>/settings.json}: what the desktop app remembers between starts. A small, human-readable file
 * that people may edit or delete, so this class never lets it get in the way:
 * <ul>
 *   <li>a missing file means {@link AppSettings#DEFAULTS};</li>
 *   <li>a file that is not a settings JSON object is moved aside to {@code settings.json.corrupt-<time>} (never
 *       overwritten) with a warning in the log, and the defaults are used;</li>
 *   <li>fields it does not know are ignored on reading and kept on writing; a value of the wrong type is ignored
 *       (its default used) with a warning;</li>
 *   <li>a file of a newer {@code schemaVersion} is read as far as this version understands it and never
 *       rewritten (as {@link dev.wsinspector.core.profile.ProfileRepository} does with newer profiles);</li>
 *   <li>writes are atomic ({@link AtomicFiles}); I/O errors are logged, never thrown.</li>
 * </ul>
 * <pre>
 * {"schemaVersion": 1, "theme": "system"|"light"|"dark",
 *  "window": {"x": 120, "y": 80, "width": 1400, "height": 900, "maximized": false},
 *  "sessions": {"maxAgeDays": 30, "maxGigabytes": 10}}
 * </pre>
 * Methods do file I/O (a few hundred bytes) and are synchronized.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";
    public static final int CURRENT_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter CORRUPT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));
    private static final List<String> TOP = List.of("schemaVersion", "theme", "window", "sessions");
    private static final List<String> SESSIONS = List.of("maxAgeDays", "maxGigabytes");
    private static final List<String> WINDOW = List.of("x", "y", "width", "height", "maximized");

    private final Path file;
    private final AtomicFiles files;
    private final Clock clock;
    /** Said once per store that a newer file is left alone, not at every save. */
    private boolean toldNewer;

    /** The settings of data directory {@code dataDir} (the file {@value #FILE_NAME} in it). */
    public SettingsStore(Path dataDir) {
        this(dataDir.resolve(FILE_NAME), new AtomicFiles(), Clock.systemUTC());
    }

    SettingsStore(Path file, AtomicFiles files, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.files = files;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults when there are none or they cannot be read. Never throws. */
    public synchronized AppSettings load() {
        Optional<byte[]> bytes = read();
        if (bytes.isEmpty()) {
            return AppSettings.DEFAULTS;
        }
        try {
            Parsed parsed = parse(bytes.get());
            if (parsed.version() > CURRENT_VERSION) {
                LOG.info("{} was written by a newer WS Inspector (schemaVersion {}; this version understands up to {}):"
                        + " using what this version understands, and leaving the file as it is", file,
                        parsed.version(), CURRENT_VERSION);
            }
            return decode(parsed.root());
        } catch (Unreadable e) {
            moveAside(e.getMessage());
            return AppSettings.DEFAULTS;
        }
    }

    /**
     * Writes {@code settings}, keeping fields of the file this version does not know.
     *
     * @return false when nothing was written: the file is of a newer version, or is corrupt and could not be moved
     * aside, or the write failed (all logged)
     */
    public synchronized boolean save(AppSettings settings) {
        ObjectNode keep = MAPPER.createObjectNode();
        Optional<byte[]> existing = read();
        if (existing.isPresent()) {
            try {
                Parsed parsed = parse(existing.get());
                if (parsed.version() > CURRENT_VERSION) {
                    if (!toldNewer) {
                        toldNewer = true;
                        LOG.info("Settings not saved: {} is of a newer WS Inspector (schemaVersion {})", file,
                                parsed.version());
                    }
                    return false;
                }
                keep = parsed.root();
            } catch (Unreadable e) {
                if (!moveAside(e.getMessage())) {
                    return false;  // never overwrite a file we could not keep a copy of
                }
            }
        }
        try {
            files.write(file, encode(settings, keep));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the settings to {}: {}", file, e.toString());
            return false;
        }
    }

    // ---- reading ----

    private record Parsed(ObjectNode root, int version) {
    }

    /** The file does not hold a settings object. */
    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The file's bytes; empty when there is no file or it cannot be read (logged). */
    private Optional<byte[]> read() {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Could not read the settings {}: {}; using the defaults", file, e.toString());
            return Optional.empty();
        }
    }

    private static Parsed parse(byte[] bytes) throws Unreadable {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new Unreadable("not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Unreadable("cannot be read: " + e.getMessage());
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new Unreadable("the settings file must hold one JSON object");
        }
        JsonNode versionNode = root.get("schemaVersion");
        if (versionNode != null && (!versionNode.isIntegralNumber() || !versionNode.canConvertToInt()
                || versionNode.intValue() < 1)) {
            throw new Unreadable("\"schemaVersion\" must be a whole number from 1");
        }
        return new Parsed(root, versionNode == null ? CURRENT_VERSION : versionNode.intValue());
    }

    /** Lenient: a value of the wrong type falls back to its default, with a warning. */
    private AppSettings decode(ObjectNode root) {
        // Files from before "system" say "light" or "dark": the same choices still.
        ThemeChoice choice = ThemeChoice.SYSTEM;
        JsonNode theme = root.get("theme");
        if (theme != null && !theme.isNull()) {
            Optional<ThemeChoice> named = theme.isTextual() ? ThemeChoice.fromJsonName(theme.textValue())
                    : Optional.empty();
            if (named.isPresent()) {
                choice = named.get();
            } else {
                LOG.warn("{}: \"theme\" {} is not \"system\", \"light\" or \"dark\"; following the system", file,
                        theme);
            }
        }
        Optional<AppSettings.WindowBounds> window = Optional.empty();
        JsonNode w = root.get("window");
        if (w != null && !w.isNull()) {
            window = window(w);
            if (window.isEmpty()) {
                LOG.warn("{}: \"window\" {} is not a usable window position (x, y, width, height); using the default",
                        file, w);
            }
        }
        SessionRetention retention = SessionRetention.DEFAULT;
        JsonNode sessions = root.get("sessions");
        if (sessions != null && !sessions.isNull()) {
            Optional<SessionRetention> read = retention(sessions);
            if (read.isPresent()) {
                retention = read.get();
            } else {
                LOG.warn("{}: \"sessions\" {} is not a retention (\"maxAgeDays\" and \"maxGigabytes\", whole numbers"
                        + " from 1); keeping sessions {} days, {} GB", file, sessions, retention.maxAgeDays(),
                        retention.maxGigabytes());
            }
        }
        return new AppSettings(window, choice, retention);
    }

    /** Either field may be left out (its default is used); present ones must be whole numbers from 1. */
    private static Optional<SessionRetention> retention(JsonNode s) {
        if (!s.isObject()) {
            return Optional.empty();
        }
        long[] values = {SessionRetention.DEFAULT.maxAgeDays(), SessionRetention.DEFAULT.maxGigabytes()};
        for (int i = 0; i < SESSIONS.size(); i++) {
            JsonNode v = s.get(SESSIONS.get(i));
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 1 || v.longValue() > 1L << 20) {
                return Optional.empty();
            }
            values[i] = v.longValue();
        }
        return Optional.of(new SessionRetention(values[0], values[1]));
    }

    private static Optional<AppSettings.WindowBounds> window(JsonNode w) {
        if (!w.isObject()) {
            return Optional.empty();
        }
        for (String field : List.of("x", "y", "width", "height")) {
            if (!w.path(field).isNumber()) {
                return Optional.empty();
            }
        }
        JsonNode maximized = w.get("maximized");
        if (maximized != null && !maximized.isBoolean() && !maximized.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AppSettings.WindowBounds(w.get("x").doubleValue(), w.get("y").doubleValue(),
                    w.get("width").doubleValue(), w.get("height").doubleValue(),
                    maximized != null && maximized.booleanValue()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Moves the file to {@code settings.json.corrupt-<time>}; false (logged) when it could not. */
    private boolean moveAside(String why) {
        String base = file.getFileName() + ".corrupt-" + CORRUPT_TIME.format(clock.instant());
        Path target = file.resolveSibling(base);
        for (int i = 2; Files.exists(target); i++) {
            target = file.resolveSibling(base + "-" + i);
        }
        try {
            // No REPLACE_EXISTING: an existing file of that name is never overwritten.
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("The settings {} {}; moved aside to {}, using the defaults", file, why, target.getFileName());
            return true;
        } catch (NoSuchFileException gone) {
            return true;  // removed meanwhile: nothing to keep
        } catch (IOException e) {
            LOG.warn("The settings {} {}, and could not be moved aside ({}); using the defaults", file, why,
                    e.toString());
            return false;
        }
    }

    // ---- writing ----

    /** Pretty JSON, two-space indent, a final new line; the known fields first, then those kept from {@code old}. */
    private static byte[] encode(AppSettings settings, ObjectNode old) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", CURRENT_VERSION);
        root.put("theme", settings.theme().jsonName());
        JsonNode oldWindow = old.get("window");
        settings.window().ifPresentOrElse(b -> {
            ObjectNode w = root.putObject("window");
            number(w, "x", b.x());
            number(w, "y", b.y());
            number(w, "width", b.width());
            number(w, "height", b.height());
            w.put("maximized", b.maximized());
            if (oldWindow instanceof ObjectNode o) {
                copyUnknown(o, w, WINDOW);
            }
        }, () -> {
            if (oldWindow != null) {
                root.set("window", oldWindow);  // nothing new to say: leave what is there
            }
        });
        ObjectNode sessions = root.putObject("sessions");
        sessions.put("maxAgeDays", settings.sessionRetention().maxAgeDays());
        sessions.put("maxGigabytes", settings.sessionRetention().maxGigabytes());
        if (old.get("sessions") instanceof ObjectNode o) {
            copyUnknown(o, sessions, SESSIONS);
        }
        copyUnknown(old, root, TOP);
        try {
            return (PRETTY.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** Whole pixels as whole numbers ({@code 120}, not {@code 120.0}): easier to read and edit. */
    private static void number(ObjectNode node, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }

    private static void copyUnknown(ObjectNode from, ObjectNode to, List<String> known) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            if (!known.contains(e.getKey())) {
                to.set(e.getKey(), e.getValue());
            }
        }
    }
}
