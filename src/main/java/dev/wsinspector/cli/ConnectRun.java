package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.pairing.PairingFeed;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.io.CaptureFiles;
import dev.wsinspector.core.io.JsonlEventWriter;
import dev.wsinspector.core.journal.Recording;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.payload.protocol.ProtobufSchema;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.JsonRpcIds;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.protocol.ClientProtocol;
import dev.wsinspector.core.protocol.ProtocolClient;
import dev.wsinspector.core.protocol.ProtocolDriver;
import dev.wsinspector.core.replay.SendOnConnect;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.CaptureOrder;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.ReconnectingConnection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code connect}: opens the connection, prints the capture, decides when to stop and with which
 * exit code.
 *
 * <p>Threading (DESIGN.md): transport threads only append frames to the store and put events on a queue. The
 * thread that calls {@link #run()} is the only one that formats and writes: it wakes on every event, or every
 * few milliseconds to pick up frames, prints everything new in capture order with each event placed at its
 * {@code frameIndex}, and flushes once per batch (so {@code | head} and {@code | jq} see lines promptly without
 * a flush per frame).
 */
final class ConnectRun {

    /** Settings of one run, already validated. */
    /**
     * @param onConnect a profile's send-on-connect messages, sent before {@code sends} each time the connection opens
     * @param templates their variables (null without a profile)
     * @param sends     the --send* messages
     * @param autoPong  answer the server's pings (false: --no-auto-pong)
     * @param filter    which frame lines stdout gets (--filter), null for all
     */
    record Settings(ConnectionOptions options, List<SavedMessage> onConnect, Templates templates, List<SendItem> sends,
                    int count, Duration timeout, CloseSpec close, boolean quiet, boolean includeSecrets,
                    RecordTarget record, String save, String profile, boolean autoPong, BoundFilter filter) {

        Settings withOptions(ConnectionOptions o) {
            return new Settings(o, onConnect, templates, sends, count, timeout, close, quiet, includeSecrets, record,
                    save, profile, autoPong, filter);
        }

        /** The run is journaled as a session: asked for with --save, and always with --record (see there). */
        boolean journaled() {
            return save != null || record != null;
        }
    }

    /** How long frames may sit in the store before the printer looks; low enough to feel live. */
    private static final long POLL_MILLIS = 5;
    /** After we send our close frame (or a failure), how long to wait for the close handshake to finish. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /**
     * How long the shutdown hook lets a Ctrl-C'd run close (1001) and complete its journal and --record file
     * before the JVM exits anyway.
     */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final int GOING_AWAY = 1001;

    private final Settings settings;
    private final ConnectionService service;
    private final SessionCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    private final BlockingQueue<ConnectionEvent> events = new LinkedBlockingQueue<>();
    private final UnsentMessages unsent = new UnsentMessages();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    /** SIGTERM / SIGINT: close with 1001 (going away) instead of --close. */
    private volatile boolean goingAway;
    private volatile String journalProblem;
    private boolean journalProblemShown;

    private Recording recording;
    private Session session;
    private FrameStore store;
    private SegmentedFrameStore segments;
    private long memoryBudget;

    private JsonlEventWriter stdoutLines;
    private JsonlEventWriter recordLines;
    private Writer recordWriter;
    /** Where the --record file is written until it is complete and moved over the target. */
    private Path recordTemp;
    private Connection connection;

    // Printer-thread state.
    private long nextSeq;
    private long dataFramesIn;
    private final long[] frames = new long[2];
    private final long[] bytes = new long[2];
    private boolean opened;
    private long openedMicros = -1;
    private boolean failed;
    private ConnectionEvent.Closed closed;
    /** The exit code once the run decided to stop (count reached, timeout, failure, interrupt); null before. */
    private Integer decided;
    private BoundFilter.FrameTest filterTest;
    private long stopByNanos = Long.MAX_VALUE;

    /**
     * @param catalog where a journaled run's session goes (see {@link Settings#journaled()}), and the memory budget
     *                of any run
     */
    ConnectRun(Settings settings, ConnectionService service, SessionCatalog catalog, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.service = service;
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    /** --decode or the profile's: the decoder choice for the printed lines ({@code auto} unless given). */
    private String decode = ProtocolHint.AUTO;

    /** --proto-descriptor/--proto-type or the profile's: protobuf payloads read as this type (null: schema-less). */
    private ProtobufSchema protobuf;

    /** --protocol: the protocol-aware client, RAW for none. */
    private ClientProtocol speak = ClientProtocol.RAW;
    private ClientProtocol.Settings speakSettings = ClientProtocol.Settings.defaults();
    /** Runs the protocol client (on {@link #protocolThread}); null without --protocol. */
    private ProtocolDriver driver;
    /** The profile's send-on-connect messages, when a protocol-aware client speaks (protocol thread). */
    private volatile Runnable onProtocolReady = () -> { };
    private ScheduledExecutorService protocolThread;
    /** Protocol problems, reported on the protocol thread, printed by the printer thread. */
    private final Queue<String> protocolProblems = new ConcurrentLinkedQueue<>();
    /** The protocol client's handshake completed (at least once). */
    private volatile boolean protocolReady;
    /** JSON-RPC ids of --call without --protocol. */
    private final JsonRpcIds rpcIds = new JsonRpcIds();

    ConnectRun speak(ClientProtocol protocol, ClientProtocol.Settings protocolSettings) {
        speak = protocol;
        speakSettings = protocolSettings;
        return this;
    }

    ConnectRun decode(DecoderSetup setup) {
        decode = setup.choice();
        protobuf = setup.protobuf();
        return this;
    }

    /** Pairs the frames as they are printed, with the decoder choice given to {@link #decode} before. */
    ConnectRun pairing(PairingFeed feed) {
        pairing = feed.decoder(decode);
        held = new HeldRequests(feed.engine(), settings.filter());
        return this;
    }

    private PairingFeed pairing;
    private long lastRelease;
    /** Requests --filter 'unanswered' may want once their timeout passes; null without pairing. */
    private HeldRequests held;

    int run() {
        try {
            openRecord();
        } catch (IOException e) {
            err.println("ws-inspector: cannot write " + settings.record().path() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            openSession();
        } catch (IOException | RuntimeException e) {
            err.println("ws-inspector: cannot start the session journal in " + catalog.root() + ": " + e.getMessage());
            deleteRecordTemp();
            return ExitCodes.FAILED;
        }
        Thread hook = new Thread(this::onShutdown, "ws-inspector-shutdown");
        boolean hookInstalled = installHook(hook);
        Writer stdout = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        int code = ExitCodes.FAILED;
        try {
            if (!settings.quiet()) {
                // Decoded here, on the thread that prints (see the class comment), never on the socket's.
                stdoutLines = new JsonlEventWriter(stdout, settings.includeSecrets()).decoding(new ProtocolDecoders(), decode, protobuf);
            }
            long start = System.nanoTime();
            long deadline = settings.timeout() == null ? Long.MAX_VALUE : start + settings.timeout().toNanos();
            ConnectionListener listener = event -> {
                session.onEvent(event);
                events.add(event);
            };
            startProtocol();
            if (settings.onConnect().isEmpty()) {
                connection = service.connect(settings.options(), store, listener);
            } else {
                SendOnConnect profileSends = new SendOnConnect(settings.onConnect(), settings.templates(), store, listener);
                if (driver != null) { // after the protocol's own handshake, before -s/--emit/--call
                    profileSends = profileSends.afterProtocolHandshake();
                    onProtocolReady = profileSends::protocolReady;
                }
                connection = profileSends.connect(service, settings.options());
            }
            if (!settings.autoPong()) {
                // Before the upgrade can have finished (that takes a round trip), so no ping is answered.
                connection.setAutoPong(false);
            }
            code = loop(deadline);
        } finally {
            if (protocolThread != null) {
                protocolThread.shutdownNow();
            }
            if (connection != null) {
                connection.close();
            }
            printProtocolProblems();
            if (driver != null && !protocolReady && !settings.sends().isEmpty()) {
                err.println("ws-inspector: " + speak.id() + ": the handshake did not complete; "
                        + settings.sends().size() + " message(s) not sent");
            }
            unsent.report(err);
            code = finishSession(code);
            code = finishRecord(code);
            releaseHeld(true);
            if (settings.quiet()) {
                new JsonlEventWriter(stdout, false).writeLine(summary());
            }
            flush(stdout);
            finished.countDown();
            if (hookInstalled) {
                removeHook(hook);
            }
        }
        return code;
    }

    private int loop(long deadline) {
        List<ConnectionEvent> batch = new ArrayList<>();
        while (true) {
            ConnectionEvent first;
            try {
                first = events.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested = true;
                first = null;
            }
            batch.clear();
            if (first != null) {
                batch.add(first);
                events.drainTo(batch);
            }
            // Read the size after taking the events: an event's frameIndex was the store size when it
            // happened, so every event in the batch fits at or before this size.
            long size = store.size();
            printBatch(batch, size);
            printProtocolProblems();
            releaseHeld(false);
            flushOutputs();
            if (closed != null) {
                return decided != null ? decided : exitCodeForClose(closed);
            }
            if (journalProblem != null && !journalProblemShown) {
                // Capture goes on in memory; the run will exit 1 (finishSession).
                journalProblemShown = true;
                err.println("ws-inspector: " + journalProblem);
            }
            long now = System.nanoTime();
            if (decided == null) {
                if (settings.count() > 0 && dataFramesIn >= settings.count()) {
                    stop(ExitCodes.OK, now);
                } else if (stopRequested) {
                    stop(ExitCodes.OK, now);

                } else if (now - deadline >= 0) {
                    err.println("ws-inspector: timed out after " + settings.timeout().toMillis() / 1000.0 + " s");
                    stop(ExitCodes.TIMEOUT, now);
                }
            }
            if (decided != null && now - stopByNanos >= 0) {
                return decided;
            }
        }
    }

    private void printBatch(List<ConnectionEvent> batch, long size) {
        CaptureOrder.walk(batch, nextSeq, size, this::onEvent, this::onFrame);
        nextSeq = Math.max(nextSeq, size);
        if (recording == null && segments.retainedBytes() > memoryBudget) {
            segments.release(nextSeq, null); // printed, and kept nowhere else: nobody reads them again
        }
    }

    private void onFrame(long seq) {
        Direction dir = store.direction(seq);
        frames[dir.ordinal()]++;
        bytes[dir.ordinal()] += store.payloadLength(seq);
        Opcode op = store.opcode(seq);
        if (dir == Direction.IN && (op.isDataStart() || op == Opcode.CONTINUATION)) {
            dataFramesIn++;
        }
        if (stdoutLines != null || recordLines != null) {
            // One JSON node for both outputs, but each writer tracks fragmented messages itself, so each
            // must see the frame.
            Frame frame = store.get(seq);
            if (pairing != null) {
                pairing.feed(store, seq); // here, on the printing thread, like the decoding
            }
            if (stdoutLines != null && settings.filter() != null && !filterTest().test(seq)) {
                stdoutLines.skipFrame(frame.direction(), frame.header().firstByte()); // --filter: not this one
                if (held != null) {
                    held.consider(seq);
                }
            } else if (stdoutLines != null) {
                writeFrame(stdoutLines, stdoutLines.frameNode(frame), seq);
            }
            if (recordLines != null) {
                writeFrame(recordLines, recordLines.frameNode(frame), seq);
            }
        }
    }

    private void writeFrame(JsonlEventWriter lines, ObjectNode line, long seq) {
        if (pairing != null) {
            PairingOptions.annotate(line, pairing.engine(), seq);
        }
        lines.writeLine(line);
    }

    /** Capture time moved on (or the run ended): requests held for 'unanswered' that are decided now get printed. */
    private void releaseHeld(boolean end) {
        if (held == null || stdoutLines == null || settings.filter() == null) {
            return;
        }
        long now = System.nanoTime();
        if (end) {
            pairing.engine().finish();
        } else if (now - lastRelease < 100_000_000L) {
            return; // held requests change with capture time; ten looks a second are enough
        } else {
            lastRelease = now;
            pairing.engine().advanceTo(store.clock().epochMicrosAt(store.clock().nanoTime()));
        }
        held.release(filterTest(), seq -> writeFrame(stdoutLines, stdoutLines.laterNode(store.get(seq)), seq));
    }

    private BoundFilter.FrameTest filterTest() {
        if (filterTest == null) {
            filterTest = settings.filter().frames(store);
        }
        return filterTest;
    }

    private void onEvent(ConnectionEvent event) {
        if (stdoutLines != null) {
            stdoutLines.writeEvent(event);
        }
        if (recordLines != null) {
            recordLines.writeEvent(event);
        }
        long now = System.nanoTime();
        if (event instanceof ConnectionEvent.Opened o) {
            if (pairing != null) {
                pairing.opened(o);
            }
            opened = true;
            failed = false; // a reconnect that got through
            openedMicros = o.epochMicros();
            if (driver != null) {
                driver.opened(connection, o.frameIndex()); // it sends the messages once the handshake completed
            } else {
                sendAll(null);
            }
        } else if (event instanceof ConnectionEvent.Failed f) {
            failed = true;
            err.println("ws-inspector: " + f.message());
            // With reconnect on, the Closed that follows decides (a reconnect may follow it).
            if (decided == null && !settings.options().reconnect().enabled()) {
                // Wait a little for the Closed event that follows, so the transcript ends with it.
                decided = ExitCodes.FAILED;
                stopByNanos = now + (opened ? CLOSE_GRACE.toNanos() : CLOSE_GRACE.toNanos() / 4);
            }
        } else if (event instanceof ConnectionEvent.Closed c) {
            if (driver != null) {
                driver.stop();
            }
            // The reconnecting connection decides before it reports the close, so this is already accurate.
            if (!(connection instanceof ReconnectingConnection r && r.willReconnect() && decided == null)) {
                closed = c;
            }
        } else if (event instanceof ConnectionEvent.Reconnecting r) {
            err.println("ws-inspector: " + r.message());
        } else if (event instanceof ConnectionEvent.Note n && !n.level().equals(ConnectionEvent.Note.INFO)) {
            // A send-on-connect message that was not sent; a protocol violation a --lenient run kept open through.
            err.println("ws-inspector: " + n.message());
        }
    }

    /**
     * Queues the --send* messages in order; the connection's single send thread keeps that order. The profile's
     * messages were queued before the open reached this thread (see {@link SendOnConnect}).
     */
    private void sendAll(ProtocolClient client) {
        for (SendItem item : settings.sends()) {
            CompletableFuture<Void> sent;
            if (item instanceof SendItem.Emit emit) {
                try {
                    sent = SendItem.Emit.send(connection, emit.encode(client, rpcIds));
                } catch (EncodeException e) {
                    sent = CompletableFuture.failedFuture(new IllegalArgumentException(e.getMessage()));
                }
            } else {
                sent = item.sendOn(connection);
            }
            sent.whenComplete((ok, error) -> {
                if (error != null) {
                    unsent.failed(error);
                }
            });
        }
    }

    /** With --protocol: one thread runs the protocol client; it sends the run's messages when the client is ready. */
    private void startProtocol() {
        if (speak == ClientProtocol.RAW) {
            return;
        }
        protocolThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ws-inspector-protocol");
            t.setDaemon(true);
            return t;
        });
        driver = new ProtocolDriver(() -> speak.create(speakSettings).orElseThrow(), store, protocolThread,
                () -> System.nanoTime() / 1_000_000, new ProtocolDriver.Listener() {
                    @Override
                    public void ready(ProtocolClient client) {
                        protocolReady = true;
                        onProtocolReady.run();
                        sendAll(client);
                    }

                    @Override
                    public void problem(String message) {
                        protocolProblems.add(message);
                    }
                });
    }

    private void printProtocolProblems() {
        for (String p; (p = protocolProblems.poll()) != null; ) {
            err.println("ws-inspector: " + speak.id() + ": " + p);
        }
    }

    /** Decides the exit code and starts the closing handshake; the loop then waits a bounded time for it. */
    private void stop(int exitCode, long now) {
        decided = exitCode;
        if (opened && connection.state() == ConnectionState.OPEN) {
            if (goingAway) {
                connection.close(GOING_AWAY, "going away");
            } else {
                connection.close(settings.close().code(), settings.close().reason());
            }
            stopByNanos = now + CLOSE_GRACE.toNanos();
        } else {
            stopByNanos = now;
        }
    }

    /** The server (or the network) ended the connection before we decided to stop. */
    private int exitCodeForClose(ConnectionEvent.Closed c) {
        if (failed || !c.clean()) {
            return ExitCodes.FAILED;
        }
        if (settings.count() > 0 && dataFramesIn < settings.count()) {
            err.println("ws-inspector: connection closed after " + dataFramesIn + " of " + settings.count()
                    + " data frames");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private ObjectNode summary() {
        long endMicros = closed != null ? closed.epochMicros() : store.clock().epochMicrosAt(store.clock().nanoTime());
        double seconds = openedMicros < 0 ? 0 : Math.max(0, endMicros - openedMicros) / 1e6;
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "summary");
        node.put("framesIn", frames[Direction.IN.ordinal()]);
        node.put("framesOut", frames[Direction.OUT.ordinal()]);
        node.put("bytesIn", bytes[Direction.IN.ordinal()]);
        node.put("bytesOut", bytes[Direction.OUT.ordinal()]);
        node.put("seconds", seconds);
        node.put("dataFramesIn", dataFramesIn);
        return node;
    }

    /**
     * Creates the --record file's temp file beside the target before connecting, so a bad path fails fast and an
     * existing file is only replaced once the new one is complete.
     */
    private void openRecord() throws IOException {
        RecordTarget target = settings.record();
        if (target == null) {
            return;
        }
        Path file = target.path().toAbsolutePath();
        recordTemp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        if (target.format() == RecordTarget.Format.JSONL) {
            recordWriter = Files.newBufferedWriter(recordTemp, StandardCharsets.UTF_8);
            recordLines = new JsonlEventWriter(recordWriter, settings.includeSecrets());
        }
    }

    private void openSession() throws IOException {
        memoryBudget = catalog.settings().effectiveBudget();
        if (settings.journaled()) {
            String name = settings.save() == null ? "" : settings.save();
            recording = catalog.record(name, settings.profile(), settings.options().uri().toString(),
                    problem -> journalProblem = problem);
            session = recording.session();
        } else {
            session = new Session(new SegmentedFrameStore());
        }
        store = session.frames();
        segments = (SegmentedFrameStore) store;
    }

    /** Completes the journal; one that could not be written turns a success into a failure. */
    private int finishSession(int code) {
        if (recording == null) {
            return code;
        }
        recording.close();
        String problem = recording.problem();
        if (problem != null && !journalProblemShown) {
            err.println("ws-inspector: " + problem);
        }
        if (settings.save() != null) {
            err.println("ws-inspector: session " + recording.id() + " saved (" + recording.meta().framesIn() + " frames in, "
                    + recording.meta().framesOut() + " out)");
        }
        return problem != null && code == ExitCodes.OK ? ExitCodes.FAILED : code;
    }

    /** Completes the --record file and moves it into place; a file that cannot be written turns a success into a failure. */
    private int finishRecord(int code) {
        if (recordTemp == null) {
            return code;
        }
        Path target = settings.record().path().toAbsolutePath();
        try {
            if (recordWriter != null) {
                recordWriter.close();
                CaptureFiles.moveIntoPlace(recordTemp, target);
            } else {
                CaptureFiles.write(session, target, settings.includeSecrets(), VersionProvider.version());
            }
            return code;
        } catch (IOException | RuntimeException e) {
            err.println("ws-inspector: cannot write " + settings.record().path() + ": " + e.getMessage()
                    + (recording != null ? " (the capture is kept as session " + recording.id()
                    + ": ws-inspector export " + recording.id() + " FILE)" : ""));
            return code == ExitCodes.OK ? ExitCodes.FAILED : code;
        } finally {
            deleteRecordTemp();
        }
    }

    private void deleteRecordTemp() {
        try {
            if (recordWriter != null) {
                recordWriter.close();
            }
            if (recordTemp != null) {
                Files.deleteIfExists(recordTemp);
            }
        } catch (IOException e) {
            // a leftover hidden temp file beside the target; nothing else is affected
        }
    }

    private void flushOutputs() {
        if (stdoutLines != null) {
            stdoutLines.flush();
            // PrintStream hides write errors; a closed pipe (| head) means nobody is reading: stop cleanly.
            if (out.checkError()) {
                stopRequested = true;
            }
        }
        if (recordLines != null) {
            recordLines.flush();
        }
    }

    private static void flush(Writer w) {
        try {
            w.flush();
        } catch (IOException e) {
            // Nothing left to tell: stdout itself is gone.
        }
    }

    /** Ctrl-C / SIGTERM: ask the loop to close with --close and give it a moment to finish the handshake. */
    private void onShutdown() {
        goingAway = true;
        stopRequested = true;
        try {
            finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean installHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false; // already shutting down
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and this hook is running or ran: nothing to remove.
        }
    }
}
