package dev.wsinspector.core.payload.protocol;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded, bounded fuzzing of every decoder: random bytes, and the library and specification samples mutated (bytes
 * flipped, cut, repeated, spliced). Each decoder is called directly, under every hint that makes it read every
 * message, and through {@link ProtocolDecoders}: no exception may escape, each call must end within a bounded time
 * (an executor with a bounded wait, so a hang fails the test instead of stalling the build), and the output stays
 * proportional to the input. The seed is printed in the failure, so a failure can be replayed.
 */
class DecoderFuzzTest {

    private static final long SEED = 0x5EED_2024L;
    private static final int ROUNDS = 1500;
    private static final long CALL_LIMIT_MILLIS = 2000;

    private static ExecutorService executor;

    @BeforeAll
    static void start() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "decoder-fuzz");
            t.setDaemon(true); // a hung decoder must not keep the JVM alive
            return t;
        });
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private final ProtocolDecoders all = new ProtocolDecoders();

    @Test
    void noDecoderThrowsHangsOrBalloonsOnHostileInput() throws Exception {
        Random random = new Random(SEED);
        List<byte[]> seeds = seeds();
        List<ProtocolHint> hints = new ArrayList<>(List.of(ProtocolHint.NONE, DecoderTesting.SOCKET_IO_URL,
                DecoderTesting.subprotocol("v12.stomp"), DecoderTesting.subprotocol("wamp.2.json.batched"),
                DecoderTesting.subprotocol("graphql-transport-ws"), DecoderTesting.subprotocol("jsonrpc"),
                new ProtocolHint("actioncable-v1-json", "wss://x/cable"), new ProtocolHint("", "wss://x/sockjs/1/2/websocket")));
        for (ProtocolId id : all.protocols()) {
            hints.add(ProtocolHint.NONE.withDecoder(id.id()));
        }
        int decoded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = round % 4 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            boolean text = random.nextInt(5) != 0;
            ProtocolHint hint = hints.get(random.nextInt(hints.size()));
            String where = "seed " + SEED + ", round " + round + ", hint " + hint + ", input "
                    + new String(input, 0, Math.min(input.length, 200), StandardCharsets.ISO_8859_1);
            Optional<Decoded> result = call(() -> all.decode(input, text, hint), where);
            if (result.isPresent()) {
                decoded++;
                checkBounded(result.get(), input, where);
            }
            for (ProtocolDecoder decoder : all.decoders()) {
                ProtocolHint forced = ProtocolHint.NONE.withDecoder(decoder.id().id());
                Optional<Decoded> direct = call(() -> decoder.decode(input, text, forced), decoder.name() + ", " + where);
                direct.ifPresent(d -> checkBounded(d, input, decoder.name() + ", " + where));
            }
        }
        // The mutations keep enough structure that the decoders get past their first checks.
        assertThat(decoded).isGreaterThan(ROUNDS / 10);
    }

    private static <T> T call(java.util.concurrent.Callable<T> work, String where) throws InterruptedException {
        Future<T> future = executor.submit(work);
        try {
            return future.get(CALL_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("no answer within " + CALL_LIMIT_MILLIS + " ms: " + where);
        } catch (ExecutionException e) {
            throw new AssertionError("threw " + e.getCause() + ": " + where, e.getCause());
        }
    }

    private static void checkBounded(Decoded d, byte[] input, String where) {
        long limit = 16L * input.length + 16 * 1024;
        long size = d.toJson().toString().length() + d.body().length() + d.summary().length();
        for (var f : d.fields()) {
            size += f.name().length() + f.value().length();
        }
        if (size > limit) {
            fail("output of " + size + " chars for " + input.length + " B: " + where);
        }
        assertThat(d.summary()).as(where).doesNotContain("\n");
        assertThat(d.summary().length()).as(where).isLessThanOrEqualTo(400);
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(64)];
        String alphabet = "{}[]\":,#0123456789aeochAs\u001e\n\\/ \0";
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return b;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            switch (random.nextInt(6)) {
                case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                case 2 -> { // repeat a slice: deep nesting, long runs
                    int from = random.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + random.nextInt(16));
                    byte[] out = new byte[b.length + len * 50];
                    System.arraycopy(b, 0, out, 0, from);
                    for (int r = 0; r < 50; r++) {
                        System.arraycopy(b, from, out, from + r * len, len);
                    }
                    System.arraycopy(b, from, out, from + 50 * len, b.length - from);
                    b = out;
                }
                case 3 -> b[random.nextInt(b.length)] = (byte) "{}[]\"\u001e\0\n:,".charAt(random.nextInt(10));
                case 4 -> { // splice the head of another sample
                    byte[] out = java.util.Arrays.copyOf(b, b.length + 8);
                    for (int i = 0; i < 8; i++) {
                        out[b.length + i] = (byte) "\u001e{\"#\":[".charAt(i % 7);
                    }
                    b = out;
                }
                default -> {
                    int i = random.nextInt(b.length);
                    b = java.util.Arrays.copyOfRange(b, i, b.length);
                }
            }
        }
        return b;
    }

    /** Every library sample, plus spec samples for the protocols without one. */
    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (var args : LibrarySamplesTest.samples().toList()) {
            seeds.add(LibrarySamplesTest.read((String) args.get()[0]));
        }
        for (String s : new String[]{"{\"type\":\"ping\",\"message\":1700000000}",
                "{\"command\":\"message\",\"identifier\":\"{\\\"channel\\\":\\\"C\\\"}\",\"data\":\"{\\\"action\\\":\\\"a\\\"}\"}",
                "{\"#\":[\"e\",\"chat\",{\"text\":\"hi\"}]}", "{\"#\":[\"s\",\"c\",{\"ping\":1}]}",
                "MESSAGE\ndestination:/topic/x\ncontent-length:2\n\nhi\0",
                "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":7}", "[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}]",
                "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription { x }\"}}",
                "{\"type\":\"next\",\"id\":\"1\",\"payload\":{\"data\":{\"x\":1}}}"}) {
            seeds.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return seeds;
    }
}
