package dev.wsinspector.core.pairing;

import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.pairing.PairingEngine.Kind;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.testutil.FixedCaptureClock;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.LongStream;

import static dev.wsinspector.core.frame.Direction.IN;
import static dev.wsinspector.core.frame.Direction.OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Feeding from a real store (whole messages only, incrementally), the user's JSON paths, and the filter terms. */
class PairingFeedTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(1_000_000_000_000L));

    private void frame(Direction dir, long millis, int firstByte, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store.append(dir, WireHeader.of(firstByte, dir == OUT, 0x01020304, bytes.length), false, millis * 1_000_000L,
                ByteBuffer.wrap(bytes));
    }

    private void text(Direction dir, long millis, String text) {
        frame(dir, millis, 0x81, text);
    }

    private static String call(int id, String method) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[],\"id\":" + id + "}";
    }

    private static String result(int id) {
        return "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":" + id + "}";
    }

    @Test
    void jsonRpcFromAStoreIncrementallyAndTheFilterTermsAnswer() {
        PairingFeed feed = PairingSettings.DEFAULTS.withTimeout(Duration.ofSeconds(1))
                .feed(new ProtocolDecoders(), ProtocolHint.NONE);
        text(OUT, 0, call(1, "add"));
        text(OUT, 10, call(2, "slow"));
        assertThat(feed.advance(store, store.size())).isEqualTo(2);
        text(IN, 50, result(1));
        text(IN, 400, result(2));
        text(OUT, 500, call(3, "lost"));
        frame(OUT, 501, 0x89, "ping"); // control frame: no message
        frame(OUT, 502, 0x01, "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":4}"); // a first fragment: no message
        text(IN, 2000, "{}");
        assertThat(feed.advance(store, store.size())).isEqualTo(6);
        PairingEngine engine = feed.engine();

        assertThat(engine.link(2)).isEqualTo(new PairingEngine.Link(Kind.REPLY, 0, 50_000_000, "add"));
        assertThat(engine.link(3).latencyNanos()).isEqualTo(390_000_000);
        assertThat(engine.unanswered(4)).isTrue(); // 1.5 s later, past the 1 s timeout
        assertThat(engine.link(5).kind()).isEqualTo(Kind.NONE);
        assertThat(engine.link(6).kind()).isEqualTo(Kind.NONE);

        FilterContext context = FilterContext.defaults().withPairing(engine);
        assertThat(matches(Filter.compile("unanswered", context))).containsExactly(4);
        assertThat(matches(Filter.compile("latency>200ms", context))).containsExactly(3);
        assertThat(matches(Filter.compile("latency<=50ms or unanswered", context))).containsExactly(2, 4);
    }

    private long[] matches(BoundFilter filter) {
        BoundFilter.FrameTest test = filter.frames(store);
        return LongStream.range(0, store.size()).filter(test::test).toArray();
    }

    @Test
    void theUsersJsonPathsPairPerDirection() {
        PairingFeed feed = PairingSettings.DEFAULTS.withPaths("$.id", "$.replyTo", "$.type")
                .feed(new ProtocolDecoders(), ProtocolHint.NONE);
        text(OUT, 0, "{\"type\":\"quote\",\"id\":\"a\"}");
        text(OUT, 1, "{\"type\":\"order\",\"id\":7}");
        text(IN, 3, "{\"replyTo\":7,\"ok\":true}");
        text(IN, 4, "{\"replyTo\":\"7\"}"); // a string is not the number
        text(IN, 9, "{\"data\":{\"replyTo\":\"a\"}}"); // not at the path
        text(IN, 10, "[1,2]");
        text(IN, 12, "{\"replyTo\":\"a\"}");
        feed.advance(store, store.size());
        PairingEngine engine = feed.engine();
        assertThat(engine.link(2)).isEqualTo(new PairingEngine.Link(Kind.REPLY, 1, 2_000_000, "order"));
        assertThat(engine.link(3).kind()).isEqualTo(Kind.ORPHAN);
        assertThat(engine.link(4).kind()).isEqualTo(Kind.NONE);
        assertThat(engine.link(5).kind()).isEqualTo(Kind.NONE);
        assertThat(engine.link(6)).isEqualTo(new PairingEngine.Link(Kind.REPLY, 0, 12_000_000, "quote"));
        assertThat(engine.methods()).extracting(MethodStats::method).containsExactly("quote", "order");
    }

    @Test
    void aBadPathSaysWhere() {
        assertThatThrownBy(() -> new JsonPathKeys("$.id", "id", null)).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("starts with '$'");
        assertThatThrownBy(() -> PairingSettings.DEFAULTS.withPaths("$.id", null, null))
                .hasMessageContaining("both a request and a reply path");
    }

    @Test
    void methodStatisticsHavePercentiles() {
        PairingEngine engine = new PairingEngine();
        for (int i = 0; i < 100; i++) {
            engine.add(2L * i, OUT, i * 1_000_000L, java.util.List.of(Correlation.request("k" + i, "get")));
            engine.add(2L * i + 1, IN, i * 1_000_000L + (i + 1) * 1000L, java.util.List.of(Correlation.reply("k" + i)));
        }
        engine.add(200, OUT, 200_000_000L, java.util.List.of(Correlation.request("x", "put")));
        engine.finish();
        assertThat(engine.methods()).hasSize(2);
        MethodStats get = engine.methods().get(0);
        assertThat(get.latency()).isEqualTo(new Percentiles(100, 1_000_000, 50.5e6, 50_000_000, 95_000_000, 99_000_000, 100_000_000));
        MethodStats put = engine.methods().get(1);
        assertThat(put.unanswered()).isEqualTo(1);
        assertThat(put.latency()).isEqualTo(Percentiles.EMPTY);
    }
}
