package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.journal.Recording;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-session runs: results equal a brute-force scan of random captures (seeded), in memory and from a journal,
 * on one thread and split in two; a live session is followed; cancel and interrupt stop between chunks.
 */
class FilterRunTest {

    private static final String[] WORDS = {"trade", "Tick", "TRADE", "hello", "quote", "ünï", "x", "2", "", "{}"};

    @TempDir
    Path data;

    /** A random capture: JSON, text, binary, control frames and fragments, both directions. */
    private static void randomCapture(FrameStore store, Random r, int frames) {
        boolean[] open = new boolean[2];
        for (int i = 0; i < frames; i++) {
            Direction dir = r.nextInt(4) == 0 ? Direction.OUT : Direction.IN;
            int kind = r.nextInt(10);
            String word = WORDS[r.nextInt(WORDS.length)];
            String payload = switch (kind) {
                case 0, 1, 2 -> String.format(Locale.ROOT, "{\"type\":\"%s\",\"price\":%d,\"n\":{\"k\":%s}}",
                        word, r.nextInt(20), r.nextBoolean());
                case 3 -> word;
                default -> "pre " + word + " post " + "y".repeat(r.nextInt(200));
            };
            int firstByte;
            int d = dir.ordinal();
            if (kind == 4) {
                firstByte = 0x89; // ping between anything
            } else if (kind == 5) {
                firstByte = open[d] ? 0x80 : 0x82; // ends an open message, or a whole binary one
                open[d] = false;
            } else if (kind == 6 && !open[d]) {
                firstByte = 0x01; // starts a fragmented text message
                open[d] = true;
            } else {
                firstByte = open[d] ? 0x00 : 0x81;
            }
            Captures.add(store, dir, firstByte, payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The semantics of a few filters, written the slow and obvious way. */
    private record Case(String expression, LongPredicate reference) {
    }

    private static List<Case> cases(FrameStore store) {
        MessageKinds kinds = new MessageKinds(store);
        kinds.advance(store.size());
        LongPredicate[] text = {seq -> naiveContains(store, seq, "trade")};
        Pattern regex = Pattern.compile("pre (tick|quote)", Pattern.CASE_INSENSITIVE);
        return List.of(
                new Case("trade", text[0]),
                new Case("TRADE dir:in", seq -> text[0].test(seq) && store.direction(seq) == Direction.IN),
                new Case("type:text and not trade", seq -> kinds.isText(seq) && !text[0].test(seq)),
                new Case("/pre (tick|quote)/i", seq -> regex.matcher(utf8(store, seq)).find()),
                new Case("size>100 or type:ping", seq -> store.payloadLength(seq) > 100
                        || store.opcode(seq) == dev.wsinspector.core.frame.Opcode.PING),
                new Case("$.type == \"trade\"", seq -> utf8(store, seq).startsWith("{\"type\":\"trade\"")),
                new Case("$.price >= 10 and $.n.k == true", seq -> {
                    String s = utf8(store, seq);
                    if (!s.startsWith("{\"type\"")) { // the JSON frames; a bare "{}" has no price
                        return false;
                    }
                    int price = Integer.parseInt(s.replaceAll(".*\"price\":(\\d+).*", "$1"));
                    return price >= 10 && s.contains("\"k\":true");
                }),
                new Case("ünï", seq -> utf8(store, seq).toLowerCase(Locale.ROOT).contains("ünï")));
    }

    private static String utf8(FrameStore store, long seq) {
        return new String(store.get(seq).payloadBytes(), StandardCharsets.UTF_8);
    }

    /** ASCII-case-insensitive containment, one offset at a time. */
    private static boolean naiveContains(FrameStore store, long seq, String term) {
        byte[] p = store.get(seq).payloadBytes();
        outer:
        for (int i = 0; i + term.length() <= p.length; i++) {
            for (int j = 0; j < term.length(); j++) {
                int b = p[i + j];
                if (b >= 'A' && b <= 'Z') {
                    b += 32;
                }
                if (b != term.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void assertAgreesWithBruteForce(Session session, int parallelism) {
        FrameStore store = session.frames();
        for (Case c : cases(store)) {
            BoundFilter f = Filter.parse(c.expression(), ZoneOffset.UTC).bind(FilterContext.defaults());
            FilterRun.Result result = new FilterRun(f, session, parallelism).advance(null);
            assertThat(result.complete()).isTrue();
            List<Long> expected = new ArrayList<>();
            for (long seq = 0; seq < store.size(); seq++) {
                if (c.reference().test(seq)) {
                    expected.add(seq);
                }
            }
            assertThat(result.frames().toArray()).as(c.expression()).containsExactly(
                    expected.stream().mapToLong(Long::longValue).toArray());
            assertThat(result.frames().count()).isEqualTo(expected.size());
        }
    }

    @Test
    void resultsEqualABruteForceScanOfRandomCapturesInMemory() {
        for (int seed = 1; seed <= 5; seed++) {
            Session session = new Session(Captures.store());
            randomCapture(session.frames(), new Random(seed), 3_000 + seed * 500);
            assertAgreesWithBruteForce(session, 1);
        }
    }

    @Test
    void splittingTheRangeInTwoGivesTheSameResults() {
        Session session = new Session(Captures.store());
        randomCapture(session.frames(), new Random(42), (int) FilterRun.PARALLEL_MIN + 12_345);
        for (String expression : List.of("trade", "type:text", "$.price > 15")) {
            BoundFilter f = Filter.parse(expression).bind(FilterContext.defaults());
            MatchSet one = new FilterRun(f, session, 1).advance(null).frames();
            AtomicLong lastDone = new AtomicLong();
            MatchSet two = new FilterRun(f, session, 2).advance((done, total) -> lastDone.set(done)).frames();
            assertThat(two.toArray()).as(expression).containsExactly(one.toArray());
            assertThat(lastDone.get()).isPositive();
        }
    }

    @Test
    void aJournalBackedStoreGivesTheSameResults() throws Exception {
        try (SessionCatalog catalog = new SessionCatalog(data, SessionCatalog.Settings.defaults())) {
            Recording recording = catalog.record("filter", null, "ws://h/", p -> { });
            Session live = recording.session();
            randomCapture(live.frames(), new Random(7), 5_000);
            live.onEvent(new ConnectionEvent.Closed(Captures.BASE_MICROS, live.frames().size(), 1000, "", true, true));
            String id = recording.id();
            recording.close();
            try (SessionCatalog.Opened opened = catalog.open(catalog.find(id))) {
                assertThat(opened.session().frames().size()).isEqualTo(5_000);
                assertAgreesWithBruteForce(opened.session(), 1);
            }
        }
    }

    @Test
    void aLiveSessionIsFollowedFromWhereTheRunStopped() {
        SegmentedFrameStore store = new SegmentedFrameStore(Captures.CLOCK);
        Session session = new Session(store);
        FilterRun run = new FilterRun(Filter.compile("trade", FilterContext.defaults()), session, 1);
        Captures.add(store, Direction.IN, 0x81, "a trade");
        Captures.add(store, Direction.IN, 0x81, "nothing");
        assertThat(run.advance(null).frames().toArray()).containsExactly(0);
        session.onEvent(new ConnectionEvent.Note(Captures.BASE_MICROS, 2, "info", "trade paused"));
        Captures.add(store, Direction.OUT, 0x81, "TRADE");
        FilterRun.Result r = run.advance(null);
        assertThat(r.frames().toArray()).containsExactly(0, 2);
        assertThat(r.frames().limit()).isEqualTo(3);
        assertThat(r.events().toArray()).containsExactly(0);
        assertThat(run.advance(null).frames().count()).isEqualTo(2); // nothing new: the same
    }

    @Test
    void cancelStopsBetweenChunksAndKeepsWhatWasDecided() {
        Session session = new Session(Captures.store());
        randomCapture(session.frames(), new Random(3), FilterRun.CHUNK * 4);
        FilterRun run = new FilterRun(Filter.compile("trade", FilterContext.defaults()), session, 1);
        FilterRun.Result r = run.advance((done, total) -> run.cancel());
        assertThat(r.complete()).isFalse();
        assertThat(r.frames().limit()).isEqualTo(FilterRun.CHUNK);
        assertThat(run.advance(null).frames().limit()).isEqualTo(FilterRun.CHUNK); // cancelled for good
    }

    @Test
    void anInterruptStopsTheRunAndALaterCallGoesOn() {
        Session session = new Session(Captures.store());
        randomCapture(session.frames(), new Random(4), FilterRun.CHUNK * 3);
        BoundFilter f = Filter.compile("$.price > 3", FilterContext.defaults());
        FilterRun run = new FilterRun(f, session, 1);
        FilterRun.Result r = run.advance((done, total) -> Thread.currentThread().interrupt());
        assertThat(Thread.interrupted()).isTrue(); // still set for the caller; cleared here
        assertThat(r.complete()).isFalse();
        assertThat(r.frames().limit()).isEqualTo(FilterRun.CHUNK);
        FilterRun.Result rest = run.advance(null);
        assertThat(rest.complete()).isTrue();
        assertThat(rest.frames().toArray()).containsExactly(new FilterRun(f, session, 1).advance(null).frames().toArray());
    }

    @Test
    void matchSetsRankSelectAndStepThroughMatches() {
        long[] words = new long[2000];
        List<Long> rows = new ArrayList<>();
        Random r = new Random(9);
        for (long row = 0; row < 2000 * 64 - 10; row++) {
            if (r.nextInt(50) == 0) {
                words[(int) (row >>> 6)] |= 1L << row;
                rows.add(row);
            }
        }
        words[1999] |= 1L << 63; // beyond the limit: ignored
        MatchSet set = new MatchSet(words, 2000 * 64 - 10);
        assertThat(set.count()).isEqualTo(rows.size());
        for (int k = 0; k < rows.size(); k += 7) {
            long row = rows.get(k);
            assertThat(set.select(k)).isEqualTo(row);
            assertThat(set.rank(row)).isEqualTo(k);
            assertThat(set.contains(row)).isTrue();
            assertThat(set.next(row)).isEqualTo(row);
            assertThat(set.next(row + 1)).isEqualTo(k + 1 < rows.size() ? rows.get(k + 1) : -1);
            assertThat(set.previous(row - 1)).isEqualTo(k > 0 ? rows.get(k - 1) : -1);
        }
        assertThat(set.select(rows.size())).isEqualTo(-1);
        assertThat(set.contains(2000 * 64 - 1)).isFalse();
        assertThat(MatchSet.EMPTY.next(0)).isEqualTo(-1);
        assertThat(MatchSet.EMPTY.previous(5)).isEqualTo(-1);
        assertThat(MatchSet.EMPTY.select(0)).isEqualTo(-1);
    }
}
