package dev.wsinspector.bench;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.journal.Recording;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.transport.JwsConnectionService;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ingest benchmark of issue #2 (see docs/BENCHMARKS.md): a local {@link FloodServer} floods pre-built
 * unmasked data frames over loopback, and in the same JVM run we measure
 * <ul>
 *   <li>{@code bare}: a stock Java-WebSocket {@link WebSocketClient} ({@link Draft_6455}) that only counts
 *       {@code onMessage};</li>
 *   <li>{@code capture}: our client ({@link JwsConnectionService#connect}) capturing every frame into a
 *       {@link ColumnarFrameStore}; afterwards every stored frame is checked against what the server sent
 *       (count from the server's close reason, opcode, length, and the index each frame carries);</li>
 *   <li>{@code raw-sink}: a plain socket that reads and discards, to show how fast the server can push.</li>
 * </ul>
 * Rounds alternate bare and capture; the summary reports medians. After each capture round the heap after
 * GC is compared with the heap before it to give bytes per stored frame beyond the payload.
 *
 * <pre>
 * java -Xmx4g -cp target/ws-inspector.jar:target/ws-inspector-bench.jar dev.wsinspector.bench.IngestBenchmark --seconds 10
 *   --seconds S       flood time per run (default 10)       --rounds N      bare/capture pairs (default 3)
 *   --payload B       small-frame payload, text (100)       --frame-size B  large binary frames (65536; 0 = skip)
 *   --mode all|bare|capture (all)                           --warmup S      untimed warm-up per client (2)
 *   --max-frames N    cap per run (default: what fits in half the heap, so a capture never runs out)
 *   --cases both|small|large  which frame sizes to run (both)
 * </pre>
 * Every wait is bounded; the flood server has a watchdog; the program ends by itself.
 */
public final class IngestBenchmark {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int END_GRACE_SECONDS = 60;
    private static final int READ_BUFFER = 65536; // what Java-WebSocket's client reads per call
    /** --journal on: the capture client journals into a session (SessionCatalog) in a temp data directory. */
    private static boolean journal;
    /** --journal on: CPU per stored frame of the journal thread (plus the final write at close), per timed round. */
    private static final List<Double> JOURNAL_CPU_PER_FRAME = new ArrayList<>();

    private IngestBenchmark() {
    }

    // ---- options ----

    record Options(double seconds, int rounds, int payload, int frameSize, String mode, double warmup,
                   long maxFrames, String cases, boolean journal) {

        static Options parse(String[] args) {
            double seconds = 10;
            int rounds = 3;
            int payload = 100;
            int frameSize = 65536;
            String mode = "all";
            double warmup = 2;
            long maxFrames = 0;
            String cases = "both";
            boolean journal = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    usage(0);
                }
                if (i + 1 >= args.length) {
                    System.err.println("missing value for " + a);
                    usage(2);
                }
                String v = args[++i];
                switch (a) {
                    case "--seconds" -> seconds = Double.parseDouble(v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--payload" -> payload = Integer.parseInt(v);
                    case "--frame-size" -> frameSize = Integer.parseInt(v);
                    case "--mode" -> mode = v;
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--max-frames" -> maxFrames = Long.parseLong(v);
                    case "--cases" -> cases = v;
                    case "--journal" -> journal = v.equals("on");
                    default -> {
                        System.err.println("unknown option " + a);
                        usage(2);
                    }
                }
            }
            if (!List.of("all", "bare", "capture").contains(mode) || !List.of("both", "small", "large").contains(cases)
                    || seconds <= 0 || rounds < 1 || payload < 0 || frameSize < 0 || warmup < 0 || maxFrames < 0) {
                usage(2);
            }
            return new Options(seconds, rounds, payload, frameSize, mode, warmup, maxFrames, cases, journal);
        }

        boolean bare() {
            return !mode.equals("capture");
        }

        boolean capture() {
            return !mode.equals("bare");
        }
    }

    private static void usage(int exit) {
        System.err.println("usage: IngestBenchmark [--seconds 10] [--rounds 3] [--payload 100] [--frame-size 65536]"
                + " [--mode all|bare|capture] [--cases both|small|large] [--warmup 2] [--max-frames N] [--journal on|off]");
        System.exit(exit);
    }

    /** One flood: what the server sends, bounded in frames and time. */
    record Plan(String name, boolean text, int payload, long maxFrames, double seconds) {
    }

    /**
     * One client run.
     *
     * @param frames        data frames the client got (bare: onMessage calls; capture: inbound data frames stored)
     * @param sent          data frames the server says it sent (its close reason)
     * @param nanos         first data frame to the server's close frame, on the client
     * @param contentErrors stored frames whose opcode, length or carried index was wrong (-1: not checked)
     * @param heapPerFrame  heap after GC per stored frame beyond its payload (NaN: not measured)
     * @param readCpuNanos  CPU time of the client's read thread from open to close (0: unknown)
     */
    record Run(String plan, String client, String round, long frames, long payloadBytes, long sent, long nanos,
               long contentErrors, double heapPerFrame, double retainedPerFrame, String problem,
               long readCpuNanos, long processCpuNanos) {

        /** CPU of the socket read thread per frame, open to close: what a frame costs, whatever the load. */
        double readCpuPerFrame() {
            return readCpuNanos <= 0 || frames == 0 ? Double.NaN : (double) readCpuNanos / frames;
        }

        /** CPU of the whole JVM per frame (server thread, GC and JIT included). */
        double processCpuPerFrame() {
            return processCpuNanos <= 0 || frames == 0 ? Double.NaN : (double) processCpuNanos / frames;
        }

        double framesPerSecond() {
            return nanos <= 0 ? 0 : frames * 1e9 / nanos;
        }

        double megabytesPerSecond() {
            return nanos <= 0 ? 0 : payloadBytes * 1e3 / nanos; // 1 MB = 10^6 bytes
        }

        long lost() {
            return sent < 0 ? -1 : sent - frames;
        }

        boolean counts() {
            return !round.startsWith("warm") && problem == null;
        }
    }

    // ---- main ----

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        printMachine(o);
        List<Run> runs = new ArrayList<>();

        // Stored payload + columns must fit with room to spare; a journaled capture gives memory back, so only
        // the clock ends its runs.
        long budget = o.journal ? Long.MAX_VALUE / 2 : Runtime.getRuntime().maxMemory() / 2;
        journal = o.journal;
        Plan small = new Plan(o.payload + " B text", true, o.payload,
                cap(o.maxFrames, budget / (o.payload + 40L)), o.seconds);
        if (!o.cases.equals("large")) {
            runCase(o, small, runs, true);
        }
        if (o.frameSize > 0 && !o.cases.equals("small")) {
            Plan large = new Plan(sizeName(o.frameSize) + " binary", false, o.frameSize,
                    cap(o.maxFrames, budget / (o.frameSize + 40L)), o.seconds);
            runCase(o, large, runs, false);
        }
        printSummary(o, small, runs);
        boolean anyLost = runs.stream().anyMatch(r -> r.lost() != 0 || r.contentErrors() > 0 || r.problem() != null);
        System.exit(anyLost ? 1 : 0);
    }

    private static long cap(long requested, long fits) {
        return requested > 0 ? requested : Math.max(1, fits);
    }

    /** @param measureHeap heap per frame is only meaningful with millions of frames, so only for small ones */
    private static void runCase(Options o, Plan plan, List<Run> runs, boolean measureHeap) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s: server stops after %.0f s or %,d frames, whichever first ==%n",
                plan.name(), plan.seconds(), plan.maxFrames());
        printHeader();
        if (o.warmup > 0) {
            Plan warm = new Plan(plan.name(), plan.text(), plan.payload(), plan.maxFrames(), o.warmup);
            if (o.bare()) {
                print(runBare(warm, "warm-up"));
            }
            if (o.capture()) {
                print(runCapture(warm, "warm-up", false));
            }
        }
        if (o.mode.equals("all")) {
            Run sink = runSink(plan, "-");
            print(sink);
            runs.add(sink);
        }
        for (int r = 1; r <= o.rounds; r++) {
            if (o.bare()) {
                Run run = runBare(plan, Integer.toString(r));
                print(run);
                runs.add(run);
            }
            if (o.capture()) {
                Run run = runCapture(plan, Integer.toString(r), measureHeap);
                print(run);
                runs.add(run);
            }
        }
    }

    // ---- clients ----

    /** A stock client that only counts. */
    private static final class BareClient extends WebSocketClient {
        private long count;
        private long bytes;
        private long firstNanos;
        private long closingNanos;
        private volatile String closeReason;
        private volatile String error;
        private volatile Thread readThread;
        private long cpuAtOpen;
        private long cpuAtClose;
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);

        BareClient(URI uri) {
            super(uri, new Draft_6455());
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            readThread = Thread.currentThread(); // onOpen and onMessage run on the read thread
            cpuAtOpen = threadCpu(readThread);
            opened.countDown();
        }

        @Override
        public void onMessage(String message) {
            if (count++ == 0) {
                firstNanos = System.nanoTime();
            }
        }

        @Override
        public void onMessage(ByteBuffer message) {
            if (count++ == 0) {
                firstNanos = System.nanoTime();
            }
            bytes += message.remaining();
        }

        @Override
        public void onClosing(int code, String reason, boolean remote) {
            if (closingNanos == 0) {
                closingNanos = System.nanoTime();
            }
            closeReason = reason;
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (closingNanos == 0) {
                closingNanos = System.nanoTime();
            }
            if (closeReason == null) {
                closeReason = reason;
            }
            cpuAtClose = threadCpu(readThread);
            closed.countDown();
        }

        @Override
        public void onError(Exception ex) {
            error = ex.toString();
        }
    }

    private static Run runBare(Plan plan, String round) throws Exception {
        System.gc();
        long processCpu = processCpu();
        try (FloodServer server = new FloodServer(plan.text(), plan.payload(), plan.maxFrames(), plan.seconds())) {
            CompletableFuture<FloodServer.Result> served = server.serveOne();
            BareClient client = new BareClient(uri(server));
            client.setConnectionLostTimeout(0);
            client.setTcpNoDelay(true);
            client.setDaemon(true);
            client.connect();
            String problem = null;
            if (!client.opened.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                problem = "bare client did not open";
            } else if (!client.closed.await((long) Math.ceil(plan.seconds()) + END_GRACE_SECONDS, TimeUnit.SECONDS)) {
                problem = "bare client did not see the close in time";
            }
            client.closeConnection(1000, "benchmark done"); // no-op when already closed
            FloodServer.Result result = serverResult(served);
            long sent = FloodServer.sentFromReason(client.closeReason);
            problem = firstProblem(problem, client.error, result, sent);
            // closed.await() orders the read thread's plain writes before these reads
            long bytes = plan.text() ? client.count * plan.payload() : client.bytes;
            processCpu = processCpu() - processCpu;
            return new Run(plan.name(), "bare", round, client.count, bytes, sent,
                    client.closingNanos - client.firstNanos, -1, Double.NaN, Double.NaN, problem,
                    client.cpuAtOpen > 0 && client.cpuAtClose > 0 ? client.cpuAtClose - client.cpuAtOpen : 0, processCpu);
        }
    }

    private static Run runCapture(Plan plan, String round, boolean measureHeap) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = measureHeap ? usedAfterGc(memory) : 0;
        if (!measureHeap) {
            System.gc();
        }
        Path journalDir = journal ? Files.createTempDirectory("wsi-bench-journal-") : null;
        SessionCatalog catalog = journal ? new SessionCatalog(journalDir, SessionCatalog.Settings.defaults()) : null;
        Recording recording = journal ? catalog.record("bench", "", "ws://127.0.0.1/", null) : null;
        FrameStore store = journal ? recording.session().frames() : new ColumnarFrameStore();
        Thread journalThread = journal ? thread("ws-inspector-journal") : null;
        long journalCpu = threadCpu(journalThread);
        measureHeap &= !journal; // a journaled store gives memory back: heap per frame means nothing there
        CompletableFuture<ConnectionEvent.Closed> closed = new CompletableFuture<>();
        long[] readCpu = new long[2]; // at Opened (emitted on the read thread) and at Closed
        Thread[] readThread = new Thread[1];
        long processCpu = processCpu();
        StringBuilder failures = new StringBuilder();
        FloodServer.Result result;
        String problem = null;
        try (FloodServer server = new FloodServer(plan.text(), plan.payload(), plan.maxFrames(), plan.seconds())) {
            CompletableFuture<FloodServer.Result> served = server.serveOne();
            ConnectionOptions options = ConnectionOptions.of(uri(server))
                    .withPingInterval(Duration.ZERO)
                    .withConnectTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS));
            Connection connection = new JwsConnectionService().connect(options, store, event -> {
                if (event instanceof ConnectionEvent.Opened) {
                    readThread[0] = Thread.currentThread();
                    readCpu[0] = threadCpu(readThread[0]);
                } else if (event instanceof ConnectionEvent.Failed f) {
                    synchronized (failures) {
                        failures.append(f.kind()).append(": ").append(f.message()).append("; ");
                    }
                } else if (event instanceof ConnectionEvent.Closed c) {
                    readCpu[1] = threadCpu(readThread[0]);
                    closed.complete(c);
                }
            });
            try {
                closed.get(CONNECT_TIMEOUT_SECONDS + (long) Math.ceil(plan.seconds()) + END_GRACE_SECONDS,
                        TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                problem = "capture client did not close in time";
            } finally {
                connection.close();
            }
            result = serverResult(served);
        }
        processCpu = processCpu() - processCpu;
        synchronized (failures) {
            if (failures.length() > 0) {
                problem = problem == null ? failures.toString() : problem + "; " + failures;
            }
        }
        if (journal) {
            journalCpu = threadCpu(journalThread) - journalCpu;
            long closeCpu = threadCpu(Thread.currentThread());
            recording.close(); // writes what the journal thread had not written yet, on this thread
            journalCpu += threadCpu(Thread.currentThread()) - closeCpu;
            if (!round.startsWith("warm") && store.size() > 0 && journalThread != null) {
                JOURNAL_CPU_PER_FRAME.add((double) journalCpu / store.size());
                System.out.printf(Locale.ROOT, "%-14s journal thread CPU per frame (with the write at close): %s%n",
                        "", nanos((double) journalCpu / store.size()));
            }
            if (recording.framesJournaled() != store.size() || recording.problem() != null) {
                problem = "journal holds " + recording.framesJournaled() + " of " + store.size() + " frames "
                        + (recording.problem() == null ? "" : recording.problem());
            }
        }
        Verdict v = verify(store, plan); // a journaled store reads released frames back from the file
        problem = firstProblem(problem, v.problem(), result, v.sent());
        if (journal) {
            catalog.close();
            deleteTree(journalDir);
        }

        double heapPerFrame = Double.NaN;
        double retainedPerFrame = Double.NaN;
        if (measureHeap && store.size() > 0) {
            long heapAfter = usedAfterGc(memory);
            heapPerFrame = (double) (heapAfter - heapBefore - store.payloadBytes()) / store.size();
            retainedPerFrame = (double) (store.retainedBytes() - store.payloadBytes()) / store.size();
        }
        Reference.reachabilityFence(store); // the store must still be live when the heap is measured
        // closed.get() ordered the read thread's writes to readCpu before this read
        return new Run(plan.name(), captureLabel(), round, v.frames(), v.bytes(), v.sent(), v.nanos(), v.errors(),
                heapPerFrame, retainedPerFrame, problem, readCpu[0] > 0 && readCpu[1] > 0 ? readCpu[1] - readCpu[0] : 0,
                processCpu);
    }

    /** The capture client's name in the table: "journal" when it journals (--journal on). */
    private static String captureLabel() {
        return journal ? "journal" : "capture";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * What a capture proves: inbound data frames stored, their bytes, the server's count (from the stored
     * close frame), capture time span, and frames that are not exactly what the server sent.
     */
    record Verdict(long frames, long bytes, long sent, long nanos, long errors, String problem) {
    }

    private static Verdict verify(FrameStore store, Plan plan) {
        int framesPerBuffer = Math.max(1, FloodServer.BUFFER_BYTES / (FloodServer.headerLength(plan.payload())
                + plan.payload()));
        Opcode expected = plan.text() ? Opcode.TEXT : Opcode.BINARY;
        byte[] first8 = new byte[8];
        long frames = 0;
        long bytes = 0;
        long errors = 0;
        long firstMono = -1;
        long closeMono = -1;
        long sent = -1;
        String problem = null;
        long size = store.size();
        for (long seq = 0; seq < size; seq++) {
            if (store.direction(seq) != Direction.IN) {
                continue;
            }
            Opcode op = store.opcode(seq);
            if (op == Opcode.CLOSE) {
                if (closeMono < 0) {
                    closeMono = store.monoNanos(seq);
                    int len = store.payloadLength(seq);
                    byte[] close = new byte[len];
                    store.readPayload(seq, 0, close, 0, len);
                    sent = len > 2 ? FloodServer.sentFromReason(
                            new String(close, 2, len - 2, StandardCharsets.UTF_8)) : -1;
                }
                continue;
            }
            if (op.isControl()) {
                continue;
            }
            if (frames == 0) {
                firstMono = store.monoNanos(seq);
            }
            int len = store.payloadLength(seq);
            boolean ok = op == expected && (store.firstByte(seq) & 0x80) != 0 && !store.masked(seq)
                    && len == plan.payload() && store.wirePayloadLength(seq) == plan.payload();
            if (ok && len >= 8) {
                store.readPayload(seq, 0, first8, 0, 8);
                ok = FloodServer.readIndex(first8, plan.text()) == frames % framesPerBuffer;
            }
            if (!ok) {
                errors++;
                if (problem == null) {
                    problem = "stored data frame #" + frames + " (seq " + seq + ") differs from what was sent";
                }
            }
            frames++;
            bytes += len;
        }
        if (closeMono < 0) {
            problem = problem == null ? "no close frame from the server was captured" : problem;
        }
        return new Verdict(frames, bytes, sent, closeMono - firstMono, errors, problem);
    }

    /** A plain socket that upgrades, then reads and discards until EOF: the server's own speed limit. */
    private static Run runSink(Plan plan, String round) throws Exception {
        System.gc();
        long processCpu = processCpu();
        try (FloodServer server = new FloodServer(plan.text(), plan.payload(), plan.maxFrames(), plan.seconds());
             Socket socket = new Socket()) {
            long readCpu = threadCpu(Thread.currentThread());
            CompletableFuture<FloodServer.Result> served = server.serveOne();
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                    CONNECT_TIMEOUT_SECONDS * 1000);
            socket.setSoTimeout((int) (plan.seconds() * 1000) + END_GRACE_SECONDS * 1000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[READ_BUFFER];
            long total = 0;
            long first = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (total == 0) {
                    first = System.nanoTime();
                }
                total += n;
            }
            long end = System.nanoTime();
            readCpu = threadCpu(Thread.currentThread()) - readCpu;
            socket.close();
            FloodServer.Result result = serverResult(served);
            String problem = result.error();
            long sent = result.framesSent();
            processCpu = processCpu() - processCpu;
            return new Run(plan.name(), "raw-sink", round, sent, sent * plan.payload(), sent, end - first, -1,
                    Double.NaN, Double.NaN, problem, readCpu, processCpu);
        }
    }

    // ---- helpers ----

    private static URI uri(FloodServer server) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/flood");
    }

    private static FloodServer.Result serverResult(CompletableFuture<FloodServer.Result> served) throws Exception {
        try {
            return served.get(END_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new FloodServer.Result(-1, -1, 0, false, "server did not finish");
        }
    }

    private static String firstProblem(String problem, String clientError, FloodServer.Result result, long sent) {
        if (problem != null) {
            return problem;
        }
        if (clientError != null) {
            return clientError;
        }
        if (result.error() != null) {
            return "server: " + result.error();
        }
        if (sent != result.framesSent()) {
            return "close reason says " + sent + " frames, server counted " + result.framesSent();
        }
        return null;
    }

    /** A live thread with this name, or null. */
    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElse(null);
    }

    /** CPU time of {@code t} so far, or 0 when unknown (no thread, not supported, or it has ended). */
    private static long threadCpu(Thread t) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (t == null || !threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long cpu = t == Thread.currentThread() ? threads.getCurrentThreadCpuTime() : threads.getThreadCpuTime(t.getId());
        return Math.max(0, cpu);
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static String sizeName(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }

    // ---- output ----

    private static void printMachine(Options o) {
        Runtime rt = Runtime.getRuntime();
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        System.out.printf(Locale.ROOT, "WS Inspector ingest benchmark, %s%n",
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19) + "Z");
        System.out.printf(Locale.ROOT, "java %s (%s), %d CPUs, max heap %,d MiB, GC %s, args %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.availableProcessors(),
                rt.maxMemory() >> 20, gcs, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "options: %s%n", o);
        System.out.printf(Locale.ROOT, "server: raw socket on 127.0.0.1, pre-built unmasked frames written from one "
                + "%d MiB buffer; close 1000 \"sent=N\" at the end%n", FloodServer.BUFFER_BYTES >> 20);
    }

    private static void printHeader() {
        System.out.printf(Locale.ROOT, "%-14s %-9s %-7s %13s %8s %13s %9s %6s %5s %8s %10s %10s %s%n", "case",
                "client", "round", "frames", "seconds", "frames/s", "MB/s", "lost", "bad", "B/frame", "readCPU/f",
                "procCPU/f", "note");
    }

    private static void print(Run r) {
        System.out.printf(Locale.ROOT, "%-14s %-9s %-7s %,13d %8.3f %,13.0f %9.1f %6s %5s %8s %10s %10s %s%n",
                r.plan(), r.client(), r.round(), r.frames(), r.nanos() / 1e9, r.framesPerSecond(),
                r.megabytesPerSecond(), r.lost() < 0 ? "?" : Long.toString(r.lost()),
                r.contentErrors() < 0 ? "-" : Long.toString(r.contentErrors()), oneDecimal(r.heapPerFrame()),
                nanos(r.readCpuPerFrame()), nanos(r.processCpuPerFrame()), r.problem() == null ? "" : r.problem());
        System.out.flush();
    }

    private static String oneDecimal(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Nanoseconds, with a unit that keeps the column short. */
    private static String nanos(double v) {
        return Double.isNaN(v) ? "-" : v < 100_000 ? String.format(Locale.ROOT, "%.0f ns", v)
                : String.format(Locale.ROOT, "%.1f us", v / 1000);
    }

    private static void printSummary(Options o, Plan small, List<Run> runs) {
        System.out.printf(Locale.ROOT, "%n== summary (medians of %d rounds; MB = 10^6 bytes of payload) ==%n",
                o.rounds);
        List<String> plans = runs.stream().map(Run::plan).distinct().toList();
        for (String plan : plans) {
            double bare = median(runs, plan, "bare", Run::framesPerSecond);
            double capture = median(runs, plan, captureLabel(), Run::framesPerSecond);
            double bareMb = median(runs, plan, "bare", Run::megabytesPerSecond);
            double captureMb = median(runs, plan, captureLabel(), Run::megabytesPerSecond);
            double sink = median(runs, plan, "raw-sink", Run::framesPerSecond);
            long lost = runs.stream().filter(r -> r.plan().equals(plan) && r.client().equals(captureLabel()))
                    .mapToLong(r -> Math.abs(r.lost()) + Math.max(0, r.contentErrors())).sum();
            double bareCpu = median(runs, plan, "bare", Run::readCpuPerFrame);
            double captureCpu = median(runs, plan, captureLabel(), Run::readCpuPerFrame);
            double bareProc = median(runs, plan, "bare", Run::processCpuPerFrame);
            double captureProc = median(runs, plan, captureLabel(), Run::processCpuPerFrame);
            System.out.printf(Locale.ROOT, "%-14s bare %,11.0f frames/s (%7.1f MB/s)   capture %,11.0f frames/s "
                            + "(%7.1f MB/s)   capture/bare %5.1f %%   server alone %,11.0f frames/s   capture lost+bad %d%n",
                    plan, bare, bareMb, capture, captureMb, 100 * capture / bare, sink, lost);
            System.out.printf(Locale.ROOT, "%-14s read-thread CPU per frame: bare %s, capture %s (bare/capture %.1f %%);"
                            + " whole-JVM CPU per frame: bare %s, capture %s (bare/capture %.1f %%)%n", "",
                    nanos(bareCpu), nanos(captureCpu), 100 * bareCpu / captureCpu, nanos(bareProc), nanos(captureProc),
                    100 * bareProc / captureProc);
        }
        if (!JOURNAL_CPU_PER_FRAME.isEmpty()) {
            double[] j = JOURNAL_CPU_PER_FRAME.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double m = j.length % 2 == 1 ? j[j.length / 2] : (j[j.length / 2 - 1] + j[j.length / 2]) / 2;
            System.out.printf(Locale.ROOT, "journal thread CPU per frame (median, write at close included): %s%n", nanos(m));
        }
        double heap = median(runs, small.name(), captureLabel(), Run::heapPerFrame);
        double retained = median(runs, small.name(), captureLabel(), Run::retainedPerFrame);
        if (!Double.isNaN(heap)) {
            System.out.printf(Locale.ROOT, "heap after GC per stored %s frame beyond its payload: %.1f B (median; "
                    + "store's own retainedBytes() estimate %.1f B; JOL figure: ColumnarFrameStoreMemoryTest)%n",
                    small.name(), heap, retained);
        }
        double ratio = median(runs, small.name(), captureLabel(), Run::framesPerSecond)
                / median(runs, small.name(), "bare", Run::framesPerSecond);
        if (!Double.isNaN(ratio)) {
            System.out.printf(Locale.ROOT, "goals: capture >= 70%% of bare: %s (%.1f %%); <= 24 B/frame: %s (%.1f B)%n",
                    ratio >= 0.70 ? "MET" : "NOT MET", 100 * ratio, heap <= 24 ? "MET" : "NOT MET", heap);
        }
    }

    private interface Metric {
        double of(Run r);
    }

    private static double median(List<Run> runs, String plan, String client, Metric metric) {
        double[] v = runs.stream().filter(r -> r.plan().equals(plan) && r.client().equals(client) && r.counts())
                .mapToDouble(metric::of).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
