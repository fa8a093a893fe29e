package dev.wsinspector.cli;

import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.core.filter.FilterRun;
import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.io.JsonlEventWriter;
import dev.wsinspector.core.journal.JournalException;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.CaptureOrder;
import dev.wsinspector.core.session.ConnectionEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.pairing.PairingEngine;
import dev.wsinspector.core.pairing.PairingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ws-inspector show SESSION}: a stored session as the JSON lines {@code connect} prints. */
@Command(name = "show", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a stored session as connect's JSON lines (events and frames in capture order).",
                "Credentials are masked unless --include-secrets is given."})
final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id, name, or the start of an id")
    private String sessionRef;

    @Option(names = "--from", paramLabel = "SEQ", description = "First frame to print (default: 0)")
    private long from;

    @Option(names = "--count", paramLabel = "N", description = "Print at most N frames (default: all)")
    private Long count;

    @Option(names = "--decode", paramLabel = "FORMAT", converter = DecoderChoice.class,
            completionCandidates = DecoderChoice.class, defaultValue = "auto",
            description = "Add \"decoded\":{\"protocol\":…} to each frame line whose message this protocol's decoder"
                    + " reads: auto (default: chosen by the subprotocol, the URL, then the content), none (off), or one"
                    + " of ${COMPLETION-CANDIDATES}")
    private String decode;

    @Option(names = "--filter", paramLabel = "EXPR", description = FilterOption.DESCRIPTION
            + "; --from and --count choose the frames it looks at")
    private String filter;

    @Mixin
    private PairingOptions pairing = new PairingOptions();

    @Option(names = "--include-secrets", description = "Do not mask credentials in the output")
    private boolean includeSecrets;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: $WSI_HOME, else the OS convention)")
    private String dataDir;

    private final PrintStream out;
    private final PrintStream err;

    ShowCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (from < 0 || (count != null && count < 0)) {
            err.println("ws-inspector: --from and --count must not be negative");
            return ExitCodes.USAGE;
        }
        PairingSettings pairingSettings;
        try {
            pairingSettings = pairing.settings();
        } catch (IllegalArgumentException e) {
            err.println("ws-inspector: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        SessionCatalog catalog = SessionCatalog.of(DataDirectory.resolve(dataDir).path());
        try (SessionCatalog.Opened opened = catalog.open(catalog.find(sessionRef))) {
            opened.problems().forEach(p -> err.println("ws-inspector: " + p));
            FrameStore frames = opened.session().frames();
            long size = frames.size();
            long start = Math.min(from, size);
            long end = count == null ? size : Math.min(size, start + count);
            // Events placed before the first printed frame are left out, except from the start of the session.
            List<ConnectionEvent> events = opened.session().eventsFrom(0).stream()
                    .filter(e -> (start == 0 || e.frameIndex() >= start) && (end == size || e.frameIndex() <= end))
                    .toList();
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            // A range may begin inside a fragmented message: its start, before the range, says whether it is text.
            JsonlEventWriter lines = new JsonlEventWriter(w, includeSecrets, MessageKinds.Tracker.from(frames, start))
                    .decoding(new ProtocolDecoders(), decode);
            // A range that starts after the open line still decodes with what that open said.
            opened.session().eventsFrom(0).stream().filter(e -> e.frameIndex() <= start)
                    .filter(ConnectionEvent.Opened.class::isInstance).map(ConnectionEvent.Opened.class::cast)
                    .reduce((first, second) -> second).ifPresent(lines::connectionHint);
            PairingEngine paired = PairingOptions.stored(opened.session(), pairingSettings, decode);
            MatchSet matches = filter == null ? null : new FilterRun(FilterOption.bind(filter, opened.session().opened()
                    .map(ProtocolHint::of).orElse(ProtocolHint.NONE), paired), opened.session()).advance(null).frames();
            CaptureOrder.walk(events, start, end, lines::writeEvent, seq -> {
                if (matches == null || matches.contains(seq)) {
                    ObjectNode line = lines.frameNode(frames.get(seq));
                    PairingOptions.annotate(line, paired, seq);
                    lines.writeLine(line);
                } else {
                    lines.skipFrame(frames.direction(seq), frames.firstByte(seq)); // keeps continuations' text right
                }
            });
            w.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("ws-inspector: " + e.getMessage()); // a bad --filter or pairing option
            return ExitCodes.USAGE;
        } catch (JournalException e) {
            err.println("ws-inspector: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("ws-inspector: cannot read session '" + sessionRef + "': " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
