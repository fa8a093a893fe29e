package dev.wsinspector.cli;

import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionMeta;
import dev.wsinspector.core.payload.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ws-inspector sessions}: the journaled sessions of the data directory, newest first. */
@Command(name = "sessions", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"List the sessions kept in the data directory (the app journals every connection; the command"
                + " line with connect --save or --record), newest first.",
                "A session whose process died is recounted from its journal and shown as ended abruptly."})
final class SessionsCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $WSI_HOME, else the OS convention); sessions are in DIR/sessions")
    private String dataDir;

    @Option(names = "--json", description = "One JSON object per session and line: {\"id\",\"name\",\"url\","
            + "\"started\",\"ended\",\"endedAbruptly\",\"framesIn\",\"framesOut\",\"bytesIn\",\"bytesOut\",…}")
    private boolean json;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final PrintStream out;
    private final PrintStream err;

    SessionsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        SessionCatalog catalog = SessionCatalog.of(DataDirectory.resolve(dataDir).path());
        List<SessionMeta> sessions;
        try {
            sessions = catalog.list();
        } catch (IOException | RuntimeException e) {
            err.println("ws-inspector: cannot read " + catalog.root() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (json) {
            sessions.forEach(m -> out.println(m.toJson()));
        } else if (sessions.isEmpty()) {
            err.println("No sessions in " + catalog.root());
        } else {
            out.printf(Locale.ROOT, "%-25s %-19s %9s %9s %10s  %-16s %s%n", "ID", "STARTED", "FRAMES IN", "FRAMES OUT",
                    "BYTES", "ENDED", "NAME / URL");
            for (SessionMeta m : sessions) {
                out.printf(Locale.ROOT, "%-25s %-19s %9d %9d %10s  %-16s %s%n", m.id(),
                        LOCAL.format(Instant.ofEpochSecond(m.startedMicros() / 1_000_000)), m.framesIn(), m.framesOut(),
                        Formats.humanBytes(m.bytesIn() + m.bytesOut()),
                        m.running() ? "running" : m.endedAbruptly() ? "abruptly" : m.how(),
                        m.name().isEmpty() ? m.url() : m.name() + "  " + m.url());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
