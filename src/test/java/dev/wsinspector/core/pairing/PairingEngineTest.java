package dev.wsinspector.core.pairing;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.pairing.PairingEngine.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.wsinspector.core.frame.Direction.IN;
import static dev.wsinspector.core.frame.Direction.OUT;
import static org.assertj.core.api.Assertions.assertThat;

/** Out-of-order, duplicate and missing replies, streams, the cap, and random captures against a brute force. */
class PairingEngineTest {

    private static final long MS = 1000; // micros

    private final PairingEngine engine = new PairingEngine(30_000 * MS, 100);
    private long seq;

    private void add(Direction dir, long millis, Correlation... c) {
        engine.add(seq++, dir, millis * MS, List.of(c));
    }

    @Test
    void repliesOutOfOrderPairByKeyWithTheirLatency() {
        add(OUT, 0, Correlation.request("rpc:1", "add"));
        add(OUT, 5, Correlation.request("rpc:2", "sub"));
        add(IN, 12, Correlation.reply("rpc:2"));
        add(IN, 40, Correlation.reply("rpc:1"));

        assertThat(engine.link(2)).isEqualTo(new PairingEngine.Link(Kind.REPLY, 1, 7_000_000, "sub"));
        assertThat(engine.link(3)).isEqualTo(new PairingEngine.Link(Kind.REPLY, 0, 40_000_000, "add"));
        assertThat(engine.link(0).kind()).isEqualTo(Kind.ANSWERED);
        assertThat(engine.link(0).other()).isEqualTo(3);
        assertThat(engine.latencyNanos(3)).isEqualTo(40_000_000);
        assertThat(engine.latencyNanos(0)).isEqualTo(-1); // the request is no reply
        assertThat(engine.unanswered(0)).isFalse();
    }

    @Test
    void aReplyFromTheSameSideOrWithoutRequestPairsWithNothing() {
        add(OUT, 0, Correlation.request("rpc:1", "add"));
        add(OUT, 1, Correlation.reply("rpc:1")); // our own side cannot answer our request
        add(IN, 2, Correlation.reply("rpc:9"));
        assertThat(engine.link(1).kind()).isEqualTo(Kind.ORPHAN);
        assertThat(engine.link(2).kind()).isEqualTo(Kind.ORPHAN);
        assertThat(engine.link(0).kind()).isEqualTo(Kind.WAITING);
        // The server asks too: its request is answered from our side.
        add(IN, 3, Correlation.request("rpc:1", "ping"));
        add(OUT, 4, Correlation.reply("rpc:1"));
        assertThat(engine.link(4)).isEqualTo(new PairingEngine.Link(Kind.REPLY, 3, 1_000_000, "ping"));
        assertThat(engine.link(0).kind()).isEqualTo(Kind.WAITING);
    }

    @Test
    void theFirstReplyWinsLaterOnesAreDuplicatesAndDuplicateRequestsLoseToTheFirst() {
        add(OUT, 0, Correlation.request("k", "m"));
        add(OUT, 1, Correlation.request("k", "m")); // same id while the first waits
        add(IN, 3, Correlation.reply("k"));
        add(IN, 4, Correlation.reply("k"));
        assertThat(engine.link(1).kind()).isEqualTo(Kind.DUPLICATE_REQUEST);
        assertThat(engine.link(1).other()).isEqualTo(0);
        assertThat(engine.link(2)).isEqualTo(new PairingEngine.Link(Kind.REPLY, 0, 3_000_000, "m"));
        assertThat(engine.link(3).kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(engine.link(3).other()).isEqualTo(0);
        assertThat(engine.latencyNanos(3)).isEqualTo(-1);
        // Once answered, the id may be used again.
        add(OUT, 10, Correlation.request("k", "m"));
        add(IN, 11, Correlation.reply("k"));
        assertThat(engine.link(5).other()).isEqualTo(4);
        assertThat(engine.methods()).singleElement().satisfies(m -> {
            assertThat(m.requests()).isEqualTo(2);
            assertThat(m.replies()).isEqualTo(2);
            assertThat(m.duplicates()).isEqualTo(2);
        });
    }

    @Test
    void aStreamsFirstItemGivesTheLatencyTheRestFollowUpAndASecondCompletionIsADuplicate() {
        add(OUT, 0, Correlation.request("gql:1", "OnPrice"));
        add(IN, 20, Correlation.streamReply("gql:1"));
        add(IN, 30, Correlation.streamReply("gql:1"));
        add(IN, 40, Correlation.reply("gql:1"));
        add(IN, 41, Correlation.reply("gql:1"));
        assertThat(engine.link(1).latencyNanos()).isEqualTo(20_000_000);
        assertThat(engine.link(2).kind()).isEqualTo(Kind.FOLLOW_UP);
        assertThat(engine.link(3).kind()).isEqualTo(Kind.FOLLOW_UP);
        assertThat(engine.link(4).kind()).isEqualTo(Kind.DUPLICATE);
    }

    @Test
    void aRequestWithoutReplyIsUnansweredOnceItsTimeoutPassesInCaptureTime() {
        add(OUT, 0, Correlation.request("a", "m"));
        add(OUT, 30_000, Correlation.request("b", "m")); // exactly the timeout: still waiting
        assertThat(engine.unanswered(0)).isFalse();
        add(IN, 30_001, Correlation.reply("a")); // too late: a is flagged, the reply finds nothing
        assertThat(engine.unanswered(0)).isTrue();
        assertThat(engine.link(2).kind()).isEqualTo(Kind.ORPHAN);
        engine.advanceTo(60_001 * MS); // a live clock, no frame
        assertThat(engine.unanswered(1)).isTrue();
        assertThat(engine.methods().get(0).unanswered()).isEqualTo(2);
    }

    @Test
    void finishFlagsWhatStillWaits() {
        add(OUT, 0, Correlation.request("a", "m"));
        add(OUT, 1, Correlation.request("b", "m"));
        add(IN, 2, Correlation.reply("b"));
        engine.finish();
        assertThat(engine.unanswered(0)).isTrue();
        assertThat(engine.unanswered(1)).isFalse();
        assertThat(engine.tracked()).isZero();
    }

    @Test
    void memoryIsBoundedTheOldestRequestsAreDroppedAsUnanswered() {
        PairingEngine small = new PairingEngine(30_000 * MS, 1000);
        for (int i = 0; i < 200_000; i++) {
            small.add(i, OUT, i, List.of(Correlation.request("k" + i, "m")));
            assertThat(small.tracked()).isLessThanOrEqualTo(1000);
        }
        assertThat(small.unanswered(0)).isTrue();
        assertThat(small.unanswered(198_999)).isTrue();
        assertThat(small.unanswered(199_000)).isFalse();
        small.add(200_000, IN, 200_000, List.of(Correlation.reply("k0")));
        assertThat(small.link(200_000).kind()).isEqualTo(Kind.ORPHAN);
        small.add(200_001, IN, 200_001, List.of(Correlation.reply("k199999")));
        assertThat(small.link(200_001).other()).isEqualTo(199_999);
    }

    @Test
    void framesAlreadyFedAreIgnoredSoFeedingCanResume() {
        add(OUT, 0, Correlation.request("a", "m"));
        engine.add(0, OUT, 0, List.of(Correlation.request("a", "m")));
        assertThat(engine.link(0).kind()).isEqualTo(Kind.WAITING);
        assertThat(engine.fed()).isEqualTo(1);
    }

    // --- seeded random captures against a brute force ---

    private record Msg(Direction dir, long micros, Correlation c) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_999})
    void randomCapturesPairAsTheBruteForceSays(long seed) {
        Random random = new Random(seed);
        List<Msg> capture = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 2000; i++) {
            t += random.nextInt(400) * MS;
            Direction dir = random.nextInt(3) == 0 ? IN : OUT;
            String key = "k" + random.nextInt(40);
            int r = random.nextInt(10);
            Correlation c = r < 4 ? Correlation.request(key, "m" + random.nextInt(3))
                    : r < 7 ? Correlation.reply(key) : r < 8 ? Correlation.streamReply(key) : null;
            capture.add(new Msg(random.nextInt(2) == 0 ? dir : dir == IN ? OUT : IN, t, c));
        }
        long timeout = 3_000 * MS;
        PairingEngine fed = new PairingEngine(timeout, 1_000_000);
        for (int i = 0; i < capture.size(); i++) {
            Msg m = capture.get(i);
            fed.add(i, m.dir, m.micros, m.c == null ? List.of() : List.of(m.c));
        }
        fed.finish();
        Kind[] expected = bruteForce(capture, timeout);
        for (int i = 0; i < capture.size(); i++) {
            assertThat(fed.link(i).kind()).as("frame %d", i).isEqualTo(expected[i]);
            if (expected[i] == Kind.REPLY) {
                assertThat(fed.latencyNanos(i)).isEqualTo((capture.get(i).micros - capture.get((int) fed.link(i).other()).micros) * 1000);
            }
        }
    }

    /**
     * The rules spelled out as a search over every earlier frame: a request opens unless an earlier open request
     * with its key and side, within the timeout, had no reply before it; a reply belongs to the latest open
     * request with its key from the other side within the timeout; the first reply to a request is the reply.
     */
    private static Kind[] bruteForce(List<Msg> capture, long timeout) {
        int n = capture.size();
        Kind[] kind = new Kind[n];
        int[] owner = new int[n];
        for (int i = 0; i < n; i++) {
            Msg m = capture.get(i);
            owner[i] = -1;
            if (m.c == null) {
                kind[i] = Kind.NONE;
                continue;
            }
            if (m.c.role() == Correlation.Role.REQUEST) {
                int p = latestOpen(capture, kind, i, m.dir, m.c.key(), timeout);
                kind[i] = p >= 0 && !answeredBefore(capture, kind, owner, p, i) ? Kind.DUPLICATE_REQUEST : Kind.WAITING;
                continue;
            }
            Direction asker = m.dir == IN ? OUT : IN;
            int q = latestOpen(capture, kind, i, asker, m.c.key(), timeout);
            if (q < 0) {
                kind[i] = Kind.ORPHAN;
                continue;
            }
            owner[i] = q;
            int first = -1;
            boolean completed = false;
            for (int j = q + 1; j < i; j++) {
                if (owner[j] == q) {
                    if (first < 0) {
                        first = j;
                    } else if (capture.get(j).c.role() == Correlation.Role.REPLY) {
                        completed = true;
                    }
                }
            }
            if (first < 0) {
                kind[i] = Kind.REPLY;
                kind[q] = Kind.ANSWERED;
            } else {
                boolean streamed = capture.get(first).c.role() == Correlation.Role.STREAM_REPLY;
                kind[i] = streamed && !completed ? Kind.FOLLOW_UP : Kind.DUPLICATE;
            }
        }
        for (int i = 0; i < n; i++) {
            if (kind[i] == Kind.WAITING) {
                kind[i] = Kind.UNANSWERED;
            }
        }
        return kind;
    }

    private static int latestOpen(List<Msg> capture, Kind[] kind, int before, Direction dir, String key, long timeout) {
        for (int j = before - 1; j >= 0; j--) {
            Msg o = capture.get(j);
            if (o.c != null && o.c.role() == Correlation.Role.REQUEST && o.dir == dir && o.c.key().equals(key)
                    && kind[j] != Kind.DUPLICATE_REQUEST) {
                return capture.get(before).micros - o.micros <= timeout ? j : -1;
            }
        }
        return -1;
    }

    private static boolean answeredBefore(List<Msg> capture, Kind[] kind, int[] owner, int request, int before) {
        for (int j = request + 1; j < before; j++) {
            if (owner[j] == request) {
                return true;
            }
        }
        return false;
    }
}
