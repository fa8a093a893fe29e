package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.LongStream;

import static dev.wsinspector.core.frame.Direction.IN;
import static dev.wsinspector.core.frame.Direction.OUT;
import static org.assertj.core.api.Assertions.assertThat;

/** Each term against a capture that has one of everything, through FilterRun and through single-frame tests. */
class FilterEvaluationTest {

    private Session session;
    private ColumnarFrameStore store;

    @BeforeEach
    void capture() {
        store = Captures.store();
        session = new Session(store);
        session.onEvent(new ConnectionEvent.Opened(Captures.BASE_MICROS, 0, "ws://h/socket.io/?EIO=4&transport=websocket", null));
        Captures.add(store, OUT, 0x81, "{\"type\":\"trade\",\"price\":12.5,\"a\":{\"b\":1},\"ok\":true}"); // 0
        Captures.add(store, IN, 0x81, "{\"type\":\"tick\",\"price\":9,\"a\":null,\"items\":[{\"id\":1},{\"id\":7}]}"); // 1
        Captures.add(store, IN, 0x82, new byte[] {(byte) 0xC0, 0}); // 2 MQTT PINGREQ
        Captures.add(store, IN, 0x89, ""); // 3 ping
        Captures.add(store, OUT, 0x8A, ""); // 4 pong
        Captures.add(store, IN, 0x81, "2"); // 5 Engine.IO ping
        Captures.add(store, IN, 0x01, "Hello WOR"); // 6 text, not fin
        Captures.add(store, IN, 0x89, "p"); // 7 ping between fragments
        Captures.add(store, IN, 0x80, "LD Ünïcode"); // 8 continuation of the text message
        Captures.add(store, IN, 0x81, "42[\"chat\",{\"msg\":\"hi\"}]"); // 9 Socket.IO event
        Captures.add(store, IN, 0x81, "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":1}"); // 10
        Captures.add(store, IN, 0x82, "x".repeat(2000)); // 11 binary
        Captures.add(store, IN, 0x02, "bin"); // 12 binary, not fin
        Captures.add(store, IN, 0x80, "ary"); // 13 continuation of the binary message
        Captures.add(store, IN, 0x81, "{\"type\":6}\u001e"); // 14 SignalR ping
        Captures.add(store, IN, 0x81, "\n"); // 15 STOMP heart-beat
        session.onEvent(new ConnectionEvent.Failed(Captures.BASE_MICROS + 16_500_000, 16, FailureKind.values()[0],
                "read timed out", null));
        Captures.add(store, IN, 0x88, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'}); // 16 close
        session.onEvent(new ConnectionEvent.Closed(Captures.BASE_MICROS + 17_000_000, 17, 1000, "bye", true, true));
    }

    private long[] frames(String expression) {
        // No hint: with the Socket.IO URL's, the Socket.IO decoder (rightly) claims every frame.
        BoundFilter f = Filter.parse(expression, ZoneOffset.UTC).bind(FilterContext.defaults());
        long[] run = new FilterRun(f, session, 1).advance(null).frames().toArray();
        BoundFilter.FrameTest test = f.frames(store);
        long[] single = LongStream.range(0, store.size()).filter(test::test).toArray();
        assertThat(single).as("single-frame tests of " + expression).containsExactly(run);
        return run;
    }

    private long[] events(String expression) {
        BoundFilter f = Filter.parse(expression, ZoneOffset.UTC).bind(FilterContext.defaults());
        return new FilterRun(f, session, 1).advance(null).events().toArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dir:out                     | 0 4",
        "type:text                   | 0 1 5 6 8 9 10 14 15",
        "type:binary                 | 2 11 12 13",
        "type:control                | 3 4 7 16",
        "type:ping                   | 3 7",
        "type:pong                   | 4",
        "type:close                  | 16",
        "type:event                  | ''",
        "size>1k                     | 11",
        "size<=1                     | 3 4 5 7 15",
        "size=2                      | 2",
        "hello                       | 6",
        "WORLD                       | ''",
        "ünï                         | 8",
        "ÜNÏCODE                     | 8",
        "bye                         | 16",
        "/\"price\":\\d+,/          | 1",
        "/^ld/i                      | 8",
        "$.type == \"trade\"         | 0",
        "$.type != \"trade\"         | 1",
        "$.type > \"t\"              | 0 1",
        "$.price > 10                | 0",
        "$.price <= 9                | 1",
        "$.a.b exists                | 0",
        "$.a exists                  | 0 1",
        "$.a == null                 | 1",
        "$.a != null                 | 0",
        "$.ok == true                | 0",
        "$.items[1].id == 7          | 1",
        "$.items[*].id == 7          | 1",
        "$.*.b == 1                  | 0",
        "$['type'] == \"tick\"       | 1",
        "$.type == 6                 | 14",
        "event:chat                  | 9",
        "event:CH*                   | 9",
        "method:add                  | 10",
        "protocol:json-rpc           | 10",
        "protocol:socket             | 9",
        "heartbeat                   | 2 3 4 5 7 14 15",
        "not heartbeat and dir:in    | 1 6 8 9 10 11 12 13 16",
        "time>=12:00:14              | 14 15 16",
        "time<2026-12-03T12:00:02Z   | 0 1",
        "dir:out or size>1k          | 0 4 11",
        "(dir:out or size>1k) type:text | 0",
        "not (type:text or type:binary) | 3 4 7 16",
    })
    void eachTermMatchesWhatItSays(String expression, String expected) {
        long[] want = expected.isBlank() ? new long[0] : Arrays.stream(expected.strip().split(" ")).mapToLong(Long::parseLong).toArray();
        assertThat(frames(expression.strip())).containsExactly(want);
    }

    @Test
    void eventsAreRowsToo() {
        assertThat(events("type:event")).containsExactly(0, 1, 2);
        assertThat(events("type:error")).containsExactly(1);
        assertThat(events("timed")).containsExactly(1);
        assertThat(events("/socket\\.io/")).containsExactly(0);
        assertThat(events("time>12:00:16")).containsExactly(1, 2);
        assertThat(events("dir:in")).isEmpty();
        assertThat(events("not dir:in")).containsExactly(0, 1, 2);
        assertThat(events("$.a exists")).isEmpty();
    }

    @Test
    void pairingTermsAskThePairing() {
        Pairing pairing = new Pairing() {
            @Override
            public boolean unanswered(long seq) {
                return seq == 0;
            }

            @Override
            public long latencyNanos(long seq) {
                return seq == 1 ? 250_000_000L : seq == 10 ? 50_000_000L : -1;
            }
        };
        FilterContext context = FilterContext.defaults().withPairing(pairing);
        assertThat(new FilterRun(Filter.compile("unanswered", context), session, 1).advance(null).frames().toArray())
                .containsExactly(0);
        assertThat(new FilterRun(Filter.compile("latency>200ms", context), session, 1).advance(null).frames().toArray())
                .containsExactly(1);
        assertThat(new FilterRun(Filter.compile("latency<1s", context), session, 1).advance(null).frames().toArray())
                .containsExactly(1, 10);
    }

    @Test
    void heartbeatRulesLookAtTinyPayloadsOnly() {
        assertThat(hb(0x81, "3")).isTrue();
        assertThat(hb(0x81, "9")).isTrue();
        assertThat(hb(0x81, "A")).isTrue();
        assertThat(hb(0x81, "#1")).isTrue();
        assertThat(hb(0x81, "#2")).isTrue();
        assertThat(hb(0x81, "")).isTrue();
        assertThat(hb(0x81, "\r\n\r\n")).isTrue();
        assertThat(hb(0x81, " { \"type\" : 6 } ")).isTrue();
        assertThat(hb(0x82, new byte[] {(byte) 0xD0, 0})).isTrue();
        assertThat(hb(0x81, "4")).isFalse();
        assertThat(hb(0x81, "#3")).isFalse();
        assertThat(hb(0x81, "{\"type\":1}")).isFalse();
        assertThat(hb(0x81, "{\"type\":6,\"x\":1}")).isFalse();
        assertThat(hb(0x82, new byte[] {(byte) 0xC0, 1})).isFalse();
        assertThat(hb(0x82, new byte[0])).isFalse();
        assertThat(hb(0x82, "2")).isFalse(); // binary "2" is no Engine.IO ping
        assertThat(hb(0x88, "")).isFalse();
    }

    private static boolean hb(int firstByte, String payload) {
        return hb(firstByte, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean hb(int firstByte, byte[] payload) {
        byte[] padded = new byte[payload.length + 6];
        System.arraycopy(payload, 0, padded, 3, payload.length);
        return Heartbeats.isHeartbeat(firstByte, (firstByte & 0x0F) == 1, padded, 3, payload.length);
    }

    @Test
    void aTimeOfDayIsReadInTheFiltersZone() {
        BoundFilter f = Filter.parse("time<13:00:03", ZoneOffset.ofHours(1)).bind(FilterContext.defaults());
        assertThat(new FilterRun(f, session, 1).advance(null).frames().toArray()).containsExactly(0, 1, 2);
    }

    @Test
    void frameTestsJumpingAroundStillKnowContinuations() {
        BoundFilter.FrameTest test = Filter.compile("type:text", FilterContext.defaults()).frames(store);
        assertThat(test.test(8)).isTrue();
        assertThat(test.test(13)).isFalse();
        assertThat(test.test(1)).isTrue();
        assertThat(store.direction(8)).isEqualTo(Direction.IN);
    }
}
