package dev.wsinspector.cli;

import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.core.io.CaptureFiles;
import dev.wsinspector.core.io.CaptureFormatException;
import dev.wsinspector.core.journal.JournalException;
import dev.wsinspector.core.journal.SessionCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ws-inspector export SESSION FILE}: a stored session as HAR or JSON lines. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a stored session to FILE; the format follows the extension: .har (browser DevTools),"
                + " .jsonl (every frame with its header bits), .pcapng (Wireshark).",
                "The file is written to a temporary file beside it and moved into place when complete.",
                "Credentials are masked unless --include-secrets is given."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id, name, or the start of an id")
    private String sessionRef;

    @Parameters(index = "1", paramLabel = "FILE", description = "Target file: .har, .jsonl or .pcapng")
    private Path file;

    @Option(names = "--include-secrets", description = "Do not mask credentials in the file")
    private boolean includeSecrets;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: $WSI_HOME, else the OS convention)")
    private String dataDir;

    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        SessionCatalog catalog = SessionCatalog.of(DataDirectory.resolve(dataDir).path());
        try (SessionCatalog.Opened opened = catalog.open(catalog.find(sessionRef))) {
            opened.problems().forEach(p -> err.println("ws-inspector: " + p));
            CaptureFiles.write(opened.session(), file, includeSecrets, VersionProvider.version());
            err.println("ws-inspector: wrote " + file + " (" + opened.session().frames().size() + " frames)");
            return ExitCodes.OK;
        } catch (CaptureFormatException e) {
            err.println("ws-inspector: " + file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (JournalException e) {
            err.println("ws-inspector: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("ws-inspector: cannot export '" + sessionRef + "' to " + file + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
