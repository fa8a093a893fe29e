package dev.wsinspector.bench;

import dev.wsinspector.core.payload.protocol.Decoded;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Decode cost per frame for each protocol, as the CLI pays it on its writing thread: {@link ProtocolDecoders#decode}
 * with the hint a real connection gives (and with none, where every decoder sniffs), plus {@link Decoded#toJson()}
 * for the JSON line. Also what an ordinary payload no decoder claims costs, since every frame pays that. Figures
 * are CPU time of this thread per call (ThreadMXBean), so they hold on a shared machine; see docs/BENCHMARKS.md.
 *
 * <pre>java -cp target/ws-inspector.jar:target/ws-inspector-bench.jar dev.wsinspector.bench.DecoderBenchmark [--millis 400]</pre>
 */
public final class DecoderBenchmark {

    private record Case(String name, String payload, boolean text, ProtocolHint hint) {
    }

    private static final ProtocolHint NONE = ProtocolHint.NONE;

    private DecoderBenchmark() {
    }

    public static void main(String[] args) {
        long millis = args.length == 2 && args[0].equals("--millis") ? Long.parseLong(args[1]) : 400;
        ProtocolDecoders decoders = new ProtocolDecoders();
        byte[] random = new byte[100];
        new Random(1).nextBytes(random);
        String bigJson = "{\"items\":[" + "{\"id\":1,\"name\":\"x\",\"tags\":[\"a\",\"b\"]},".repeat(100) + "{}]}";
        List<Case> cases = List.of(
                new Case("socket.io EVENT", "42[\"chat:message\",{\"user\":\"ann\",\"text\":\"hello\"}]", true,
                        new ProtocolHint("", "wss://x/socket.io/?EIO=4&transport=websocket")),
                new Case("engine.io ping", "2", true, new ProtocolHint("", "wss://x/socket.io/?EIO=4&transport=websocket")),
                new Case("signalr Invocation", "{\"type\":1,\"target\":\"SendMessage\",\"arguments\":[\"ann\",\"hello\"],"
                        + "\"invocationId\":\"7\"}\u001e", true, NONE),
                new Case("json-rpc request", "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[2,3],\"id\":7}", true, NONE),
                new Case("stomp MESSAGE", "MESSAGE\ndestination:/topic/x\nmessage-id:1\nsubscription:0\n"
                        + "content-type:application/json\n\n{\"price\":1.5}\0", true, new ProtocolHint("v12.stomp", "")),
                new Case("graphql-ws next", "{\"type\":\"next\",\"id\":\"1\",\"payload\":{\"data\":{\"x\":1}}}", true,
                        new ProtocolHint("graphql-transport-ws", "")),
                new Case("socketcluster #publish", "{\"event\":\"#publish\",\"data\":{\"channel\":\"a\",\"data\":1}}", true,
                        NONE),
                new Case("clusterws emit", "{\"#\":[\"e\",\"chat\",{\"text\":\"hi\"}]}", true, NONE),
                new Case("sockjs a[STOMP]", "a[\"MESSAGE\\ndestination:/topic/x\\n\\n{\\\"p\\\":1}\\u0000\"]", true, NONE),
                new Case("wamp EVENT", "[36,5512315355,4429313566,{},[\"Hello, world!\"]]", true,
                        new ProtocolHint("wamp.2.json", "")),
                new Case("action-cable message", "{\"identifier\":\"{\\\"channel\\\":\\\"ChatChannel\\\"}\","
                        + "\"message\":{\"body\":\"hi\"}}", true, NONE),
                new Case("plain JSON (no decoder)", "{\"op\":\"update\",\"id\":42,\"value\":{\"a\":1,\"b\":[1,2,3]}}", true, NONE),
                new Case("plain text (no decoder)", "hello world, this is an ordinary text message of about 100 bytes....",
                        true, NONE),
                new Case("4 KiB JSON (no decoder)", bigJson, true, NONE),
                new Case("100 B binary (no decoder)", new String(random, StandardCharsets.ISO_8859_1), false, NONE));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) { // the first round warms every path up, the second is reported
            if (round == 1) {
                System.out.printf(Locale.ROOT, "%-28s %6s %12s %12s%n", "case", "bytes", "hinted ns", "auto ns");
            }
            for (Case c : cases) {
                byte[] payload = c.text ? c.payload.getBytes(StandardCharsets.UTF_8)
                        : c.payload.getBytes(StandardCharsets.ISO_8859_1);
                double hinted = measure(decoders, payload, c.text, c.hint, round == 0 ? millis / 4 : millis, cpu);
                double auto = measure(decoders, payload, c.text, NONE, round == 0 ? millis / 4 : millis, cpu);
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%-28s %6d %12.0f %12.0f%n", c.name, payload.length, hinted, auto);
                }
            }
        }
    }

    /** CPU ns per decode + toJson, after a warm-up of the same length. */
    private static double measure(ProtocolDecoders decoders, byte[] payload, boolean text, ProtocolHint hint, long millis,
                                  ThreadMXBean cpu) {
        long sink = 0;
        for (int pass = 0; pass < 2; pass++) {
            long startCpu = cpu.getCurrentThreadCpuTime();
            long end = System.nanoTime() + millis * 1_000_000;
            long calls = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 100; i++) {
                    Optional<Decoded> d = decoders.decode(payload, text, hint);
                    sink += d.isPresent() ? d.get().toJson().size() : 1;
                }
                calls += 100;
            }
            if (pass == 1) {
                if (sink == 42) {
                    System.out.print(""); // keeps the work observable
                }
                return (cpu.getCurrentThreadCpuTime() - startCpu) / (double) calls;
            }
        }
        throw new AssertionError();
    }
}
