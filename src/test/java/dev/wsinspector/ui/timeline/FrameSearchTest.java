package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The search over a capture, without JavaFX: rows come from a real store and session through the list. */
class FrameSearchTest {

    private ColumnarFrameStore store;
    private Session session;
    private TimelineList list;

    @BeforeEach
    void setUp() {
        store = new ColumnarFrameStore();
        session = new Session(store);
        list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));
    }

    private void frame(int opcode, Direction direction, byte[] bytes) {
        store.append(direction, WireHeader.of(0x80 | opcode, direction == Direction.OUT, 0x01020304, bytes.length), false,
                store.clock().nanoTime(), ByteBuffer.wrap(bytes));
    }

    private void text(Direction direction, String text) {
        frame(0x1, direction, text.getBytes(StandardCharsets.UTF_8));
    }

    private FrameSearch search(String query) {
        list.pull();
        return new FrameSearch(list.searchRows(), query);
    }

    @Test
    void findsTheNextAndPreviousTextFrameIgnoringCaseAndWraps() {
        // Rows: 0 connecting, 1 "alpha", 2 "Hello World", 3 "beta", 4 "say HELLO", 5 "gamma"
        session.onEvent(new ConnectionEvent.Connecting(1L, 0, "ws://example.test/"));
        text(Direction.OUT, "alpha");
        text(Direction.IN, "Hello World");
        text(Direction.OUT, "beta");
        text(Direction.IN, "say HELLO");
        text(Direction.OUT, "gamma");
        FrameSearch search = search("hello");

        FrameSearch.Match first = search.find(-1, true);
        assertThat(first).isEqualTo(new FrameSearch.Match(2, 1, false));
        FrameSearch.Match second = search.find(first.row(), true);
        assertThat(second).isEqualTo(new FrameSearch.Match(4, 3, false));
        // Past the end: back to the first match, marked wrapped.
        assertThat(search.find(second.row(), true)).isEqualTo(new FrameSearch.Match(2, 1, true));
        assertThat(search.find(second.row(), false)).isEqualTo(new FrameSearch.Match(2, 1, false));
        assertThat(search.find(first.row(), false)).isEqualTo(new FrameSearch.Match(4, 3, true));
        // Nothing selected, going back: from the last row.
        assertThat(search.find(-1, false)).isEqualTo(new FrameSearch.Match(4, 3, false));
    }

    private void raw(int firstByte, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        store.append(Direction.IN, WireHeader.of(firstByte, false, 0, bytes.length), false, store.clock().nanoTime(),
                ByteBuffer.wrap(bytes));
    }

    @Test
    void aFragmentedMessageIsFoundOnItsFirstRowByTheWholeMessage() {
        raw(0x81, "x");
        raw(0x01, "Hel");     // 1: TEXT without FIN
        raw(0x89, "ping");    // 2: a ping between
        raw(0x00, "lo Wor");  // 3
        raw(0x80, "ld");      // 4: the last fragment
        raw(0x02, "AB");      // 5: a binary message in two fragments
        raw(0x80, "CD");      // 6
        FrameSearch search = search("hello world");
        assertThat(search.find(-1, true)).as("split across three fragments, found on the message's row")
                .isEqualTo(new FrameSearch.Match(1, 1, false));
        assertThat(search.count(0)).isEqualTo(new FrameSearch.Count(0, 1));
        assertThat(search("hex:4243").find(-1, true)).isEqualTo(new FrameSearch.Match(5, 5, false));
        assertThat(search("bc").find(-1, true)).as("binary, letters folded").isEqualTo(new FrameSearch.Match(5, 5, false));

        list.setExpandAll(true);
        assertThat(search("wor").count(0)).as("expanded: the message's row and its fragment's row")
                .isEqualTo(new FrameSearch.Count(0, 2));
    }

    @Test
    void noMatchAndEmptyQueryGiveNull() {
        text(Direction.OUT, "alpha");
        text(Direction.IN, "beta");
        assertThat(search("zeta").find(-1, true)).isNull();
        assertThat(search("zeta").find(0, false)).isNull();
        assertThat(search("").find(-1, true)).isNull();
    }

    @Test
    void theOnlyMatchIsFoundAgainFromItselfAsWrapped() {
        text(Direction.OUT, "alpha");
        text(Direction.IN, "needle");
        assertThat(search("NEEDLE").find(1, true)).isEqualTo(new FrameSearch.Match(1, 1, true));
    }

    @Test
    void eventRowsAreMatchedByTheirText() {
        text(Direction.OUT, "alpha");
        session.onEvent(new ConnectionEvent.Note(1L, 1, ConnectionEvent.Note.INFO, "Replay step Checkout"));
        text(Direction.OUT, "beta");
        FrameSearch.Match match = search("checkout").find(-1, true);
        assertThat(match).isEqualTo(new FrameSearch.Match(1, -1, false));
        assertThat(match.isFrame()).isFalse();
        assertThat(search("example.test").find(-1, true)).isNull();
    }

    @Test
    void binaryFramesAreSearchedByTheirBytesAndCloseReasonsByTheirText() {
        frame(0x2, Direction.IN, "SeCrEt".getBytes(StandardCharsets.UTF_8)); // the query's bytes, letters folded
        frame(0x8, Direction.IN, new byte[] {0x03, (byte) 0xE8, 's', 'e', 'c', 'r', 'e', 't'});
        FrameSearch search = search("secret");
        assertThat(search.find(-1, true)).isEqualTo(new FrameSearch.Match(0, 0, false));
        assertThat(search.find(0, true)).isEqualTo(new FrameSearch.Match(1, 1, false));
        // The status code bytes are not text: "\u0003" never matches.
        assertThat(search("\u0003").find(-1, true)).isNull();
    }

    @Test
    void hexQueriesLookForBytesInEveryFrame() {
        text(Direction.OUT, "plain");
        frame(0x2, Direction.IN, new byte[] {0x01, (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x02});
        frame(0x2, Direction.IN, new byte[] {(byte) 0xDE, (byte) 0xAD});
        assertThat(search("hex:DEADBEEF").find(-1, true)).isEqualTo(new FrameSearch.Match(1, 1, false));
        assertThat(search("HEX:de ad").count(-1)).isEqualTo(new FrameSearch.Count(0, 2));
        assertThat(search("hex:706c61").find(-1, true)).isEqualTo(new FrameSearch.Match(0, 0, false)); // "pla"
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> search("hex:ABC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs of hex digits");
    }

    @Test
    void countSaysHowManyRowsMatchAndHowManyBeforeARow() {
        session.onEvent(new ConnectionEvent.Connecting(1L, 0, "ws://hello.test/"));
        text(Direction.OUT, "hello");
        text(Direction.IN, "nothing");
        text(Direction.IN, "Hello");
        FrameSearch search = search("hello");
        assertThat(search.count(3)).isEqualTo(new FrameSearch.Count(2, 3)); // the event row and frame 0 before row 3
        assertThat(search("zulu").count(0)).isEqualTo(new FrameSearch.Count(0, 0));
    }

    @Test
    void rowsTheFilterHidesAreNotSearched() {
        text(Direction.OUT, "hello out");
        text(Direction.IN, "hello in");
        list.pull();
        dev.wsinspector.core.filter.FilterRun.Result r = new dev.wsinspector.core.filter.FilterRun(
                dev.wsinspector.core.filter.Filter.compile("dir:in", dev.wsinspector.core.filter.FilterContext.defaults()),
                session, 1).advance(null);
        list.setFilter(r.frames(), r.events());
        FrameSearch search = search("hello");
        assertThat(search.find(-1, true)).isEqualTo(new FrameSearch.Match(1, 1, false));
        assertThat(search.count(-1).total()).isEqualTo(1);
    }

    @Test
    void onlyTheFirstScanBytesOfAPayloadAreSearched() {
        String filler = "x".repeat(FrameSearch.SCAN_BYTES);
        text(Direction.IN, filler + "late");
        text(Direction.IN, "early" + filler);
        FrameSearch.Match late = search("late").find(-1, true);
        assertThat(late).isNull();
        assertThat(search("early").find(-1, true)).isEqualTo(new FrameSearch.Match(1, 1, false));
    }

    @Test
    void rowsClearedFromViewAreNotSearched() {
        text(Direction.OUT, "needle one");
        list.pull();
        list.clearView();
        text(Direction.OUT, "haystack");
        text(Direction.OUT, "needle two");
        assertThat(search("needle").find(-1, true)).isEqualTo(new FrameSearch.Match(2, 2, false));
        assertThat(search("needle").find(2, true)).isEqualTo(new FrameSearch.Match(2, 2, true));
    }
}
