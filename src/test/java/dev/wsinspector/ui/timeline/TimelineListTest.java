package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.Session;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline list is plain JavaFX collections: tested without starting the toolkit. */
class TimelineListTest {

    private final long[] now = {1_000_000_000L};
    private final CaptureClock clock = new CaptureClock() {
        @Override
        public long nanoTime() {
            return now[0];
        }

        @Override
        public long epochMicrosAt(long nanoTime) {
            return 1_700_000_000_000_000L + nanoTime / 1_000;
        }
    };
    private ColumnarFrameStore store;
    private Session session;
    private TimelineList list;
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new ColumnarFrameStore(clock);
        session = new Session(store);
        list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));
        list.addListener((ListChangeListener<TimelineRow>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" : "") + (c.wasRemoved() ? "-" : "") + c.getFrom() + ".." + c.getTo());
            }
        });
    }

    private void frame(Direction direction, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        now[0] += 1_000_000;
        store.append(direction, WireHeader.of(0x81, direction == Direction.OUT, 0x01020304, bytes.length), false,
                clock.nanoTime(), ByteBuffer.wrap(bytes));
    }

    private void event(ConnectionEvent.Connecting e) {
        session.onEvent(e);
    }

    @Test
    void nothingChangesUntilPulled() {
        frame(Direction.OUT, "hello");
        assertThat(list).isEmpty();
        assertThat(list.pull()).isEqualTo(1);
        assertThat(list).hasSize(1);
        assertThat(changes).containsExactly("+0..1");
    }

    @Test
    void aCraftedFrameSaysSoInItsRow() {
        frame(Direction.OUT, "plain");
        byte[] bytes = "odd".getBytes(StandardCharsets.UTF_8);
        store.appendCrafted(Direction.OUT, WireHeader.of(0xC3, false, 0, bytes.length), clock.nanoTime(),
                ByteBuffer.wrap(bytes));
        list.pull();
        assertThat(list.get(0).preview()).doesNotContain("crafted");
        assertThat(list.get(0).styleClass()).doesNotContain("frame-crafted");
        assertThat(list.get(1).preview()).startsWith("crafted · ");
        assertThat(list.get(1).styleClass()).contains("frame-crafted");
    }

    @Test
    void eventsSitAmongFramesWhereTheyHappened() {
        event(new ConnectionEvent.Connecting(1L, 0, "ws://x/"));
        session.onEvent(new ConnectionEvent.Opened(2L, 0, "ws://x/",
                new Handshake("GET / HTTP/1.1", List.of(), 101, "HTTP/1.1 101 Switching Protocols", List.of(), new byte[0])));
        frame(Direction.OUT, "hello");
        frame(Direction.IN, "hello");
        session.onEvent(new ConnectionEvent.Closed(3L, store.size(), 1000, "bye", true, true));
        list.pull();

        assertThat(list).extracting(TimelineRow::type)
                .containsExactly("connecting", "open", "text", "text", "closed");
        assertThat(list).extracting(TimelineRow::arrow).containsExactly("•", "•", "↑", "↓", "•");
        assertThat(list.get(2).preview()).isEqualTo("hello");
        assertThat(list.get(4).preview()).contains("1000 Normal Closure: bye");
        assertThat(list.seqAt(2)).isZero();
        assertThat(list.seqAt(3)).isEqualTo(1);
        assertThat(list.seqAt(4)).isEqualTo(-1);
    }

    private void open(String url, String subprotocol) {
        List<dev.wsinspector.core.session.HttpHeader> response = subprotocol.isEmpty() ? List.of()
                : List.of(new dev.wsinspector.core.session.HttpHeader("Sec-WebSocket-Protocol", subprotocol));
        session.onEvent(new ConnectionEvent.Opened(2L, store.size(), url,
                new Handshake("GET / HTTP/1.1", List.of(), 101, "HTTP/1.1 101 Switching Protocols", response, new byte[0])));
    }

    @Test
    void theSummaryColumnShowsTheDecodersLineForEachConnectionsProtocol() {
        frame(Direction.OUT, "plain words");
        frame(Direction.IN, "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":7}");
        open("ws://127.0.0.1/socket.io/?EIO=4&transport=websocket", "");
        frame(Direction.IN, "42[\"chat:message\",\"hi\"]");
        frame(Direction.OUT, "pizza");
        open("ws://127.0.0.1/stomp", "v12.stomp");
        frame(Direction.IN, "SEND\ndestination:/queue/a\n\nhello\u0000");
        session.onEvent(new ConnectionEvent.Closed(3L, store.size(), 1000, "bye", true, true));
        list.pull();

        assertThat(list).extracting(TimelineRow::type)
                .containsExactly("text", "text", "open", "text", "text", "open", "text", "closed");
        assertThat(list.get(0).summary()).as("nothing decodes").isEmpty();
        assertThat(list.get(1).summary()).as("JSON-RPC by its content, before any open").contains("add").contains("7");
        assertThat(list.get(3).summary()).as("Socket.IO by the URL").contains("EVENT").contains("chat:message");
        assertThat(list.get(4).summary()).as("the hinted decoder says what is wrong, as the Protocol view does")
                .startsWith("malformed: ");
        assertThat(list.get(6).summary()).as("STOMP by the subprotocol").contains("SEND").contains("/queue/a");
        assertThat(list.get(2).summary()).as("events have none").isEmpty();
        assertThat(list.get(7).summary()).isEmpty();
    }

    @Test
    void theProfilesDecoderChoiceIsLaidOverTheConnectionsHint() {
        open("ws://127.0.0.1/socket.io/?EIO=4&transport=websocket", "");
        frame(Direction.IN, "42[\"chat:message\",\"hi\"]");
        list.setProtocolHints(h -> h.withDecoder(dev.wsinspector.core.payload.protocol.ProtocolHint.OFF));
        list.pull();
        assertThat(list.get(1).summary()).as("decoding turned off by the profile").isEmpty();
        list.setProtocolHints(null);
        assertThat(list.row(1).summary()).as("cached rows were dropped").contains("chat:message");
    }

    @Test
    void aMessageOverTheSummaryCapIsNotDecoded() {
        String big = "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[\"" + "x".repeat(RowFormatter.SUMMARY_MAX_BYTES)
                + "\"],\"id\":7}";
        frame(Direction.IN, big);
        frame(Direction.IN, "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[\"x\"],\"id\":7}");
        list.pull();
        assertThat(list.get(0).summary()).isEmpty();
        assertThat(list.get(1).summary()).contains("add");
    }

    @Test
    void anEventStampedBeforeShownFramesGoesAfterThem() {
        frame(Direction.IN, "a");
        frame(Direction.IN, "b");
        list.pull();
        // Stamped when only one frame existed, delivered after both were shown.
        session.onEvent(new ConnectionEvent.Closed(3L, 1, 1006, "", true, false));
        list.pull();
        assertThat(list).extracting(TimelineRow::type).containsExactly("text", "text", "closed");
    }

    @Test
    void anEventWaitsForTheFramesBeforeIt() {
        frame(Direction.IN, "a");
        session.onEvent(new ConnectionEvent.Closed(3L, 2, 1000, "", true, true));
        list.pull();
        assertThat(list).extracting(TimelineRow::type).containsExactly("text");
        frame(Direction.IN, "b");
        list.pull();
        assertThat(list).extracting(TimelineRow::type).containsExactly("text", "text", "closed");
    }

    @Test
    void pauseKeepsCapturingAndResumeShowsEverything() {
        frame(Direction.IN, "a");
        list.pull();
        list.setPaused(true);
        for (int i = 0; i < 5; i++) {
            frame(Direction.IN, "x" + i);
        }
        assertThat(list.pull()).isZero();
        assertThat(list).hasSize(1);
        assertThat(list.pendingRows()).isEqualTo(5);
        list.setPaused(false);
        assertThat(list).hasSize(6);
        assertThat(list.pendingRows()).isZero();
        assertThat(list.get(5).preview()).isEqualTo("x4");
    }

    @Test
    void clearEmptiesTheViewButNotTheCapture() {
        frame(Direction.IN, "a");
        frame(Direction.IN, "b");
        list.pull();
        list.clearView();
        assertThat(list).isEmpty();
        assertThat(store.size()).isEqualTo(2);
        frame(Direction.IN, "c");
        list.pull();
        assertThat(list).extracting(TimelineRow::preview).containsExactly("c");
        assertThat(list.get(0).row()).isEqualTo(3);
        assertThat(list.seqAt(0)).isEqualTo(2);
    }

    @Test
    void timeModes() {
        frame(Direction.IN, "a");
        frame(Direction.IN, "b");
        list.pull();
        assertThat(list.get(1).time()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        list.setTimeMode(TimeMode.SINCE_PREVIOUS);
        assertThat(list.get(1).time()).isEqualTo("+0.001000");
        assertThat(list.get(0).time()).isEqualTo("+0.000000");
    }

    @Test
    void fragmentsAreMarked() {
        list.setExpandAll(true); // every fragment its own row
        byte[] part = "ab".getBytes(StandardCharsets.UTF_8);
        store.append(Direction.IN, WireHeader.of(0x01, false, 0, 2), false, clock.nanoTime(), ByteBuffer.wrap(part));
        store.append(Direction.IN, WireHeader.of(0x80, false, 0, 2), false, clock.nanoTime(), ByteBuffer.wrap(part));
        store.append(Direction.IN, WireHeader.of(0x89, false, 0, 0), false, clock.nanoTime(), ByteBuffer.allocate(0));
        list.pull();
        assertThat(list).extracting(TimelineRow::fin).containsExactly(TimelineList.EXPANDED, "FIN", "");
        assertThat(list.get(2).styleClass()).contains("frame-ping");
        assertThat(list.get(1).type()).isEqualTo("continuation");
    }

    private void fragment(int firstByte, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store.append(Direction.IN, WireHeader.of(firstByte, false, 0, bytes.length), false, clock.nanoTime(),
                ByteBuffer.wrap(bytes));
    }

    @Test
    void aFragmentedMessagesFirstRowShowsTheWholeMessageAndGrowsUntilItsLastFrame() {
        list.setExpandAll(true); // every fragment its own row
        open("ws://127.0.0.1/rpc", "");
        fragment(0x01, "{\"jsonrpc\":\"2.0\",");
        fragment(0x89, "");
        list.pull();
        assertThat(list.get(1).preview()).isEqualTo("message, 1 frames so far · {\"jsonrpc\":\"2.0\",");
        assertThat(list.get(1).open()).isTrue();
        List<String> sets = new ArrayList<>();
        list.addListener((ListChangeListener<TimelineRow>) c -> {
            while (c.next()) {
                if (c.wasReplaced()) {
                    sets.add(c.getFrom() + ".." + c.getTo());
                }
            }
        });

        fragment(0x00, "\"method\":\"add\",");
        fragment(0x80, "\"params\":[1,2],\"id\":7}");
        list.pull();
        assertThat(sets).as("the open row was announced again").containsExactly("1..2");
        TimelineRow first = list.get(1);
        assertThat(first.open()).isFalse();
        assertThat(first.preview()).isEqualTo("message of 3 frames · {\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":7}");
        assertThat(first.size()).isEqualTo("54 B");
        assertThat(first.summary()).as("decoded from the reassembled payload").contains("add").contains("7");
        assertThat(first.fin()).as("its fold glyph").isEqualTo(TimelineList.EXPANDED);
        assertThat(first.styleClass()).contains("frame-message");
        assertThat(list.get(3).summary()).as("a fragment alone is not decoded").isEmpty();
        assertThat(list.get(3).type()).isEqualTo("continuation");
    }

    @Test
    void aCompressedFrameShowsBothSizes() {
        byte[] bytes = "hello hello hello hello".getBytes(StandardCharsets.UTF_8);
        store.append(Direction.IN, WireHeader.of(0xC1, false, 0, 9), true, clock.nanoTime(), ByteBuffer.wrap(bytes));
        list.pull();
        assertThat(list.get(0).size()).isEqualTo("23 B");
        assertThat(list.get(0).preview()).startsWith("compressed 9 B → 23 B · hello");
    }

    @Test
    void aFragmentOfABinaryMessageIsPreviewedAsBytesAndAFragmentOfTextAsText() {
        list.setExpandAll(true); // every fragment its own row
        byte[] part = "ab".getBytes(StandardCharsets.UTF_8);
        store.append(Direction.IN, WireHeader.of(0x02, false, 0, 2), false, clock.nanoTime(), ByteBuffer.wrap(part));
        store.append(Direction.IN, WireHeader.of(0x80, false, 0, 2), false, clock.nanoTime(), ByteBuffer.wrap(part));
        store.append(Direction.IN, WireHeader.of(0x01, false, 0, 2), false, clock.nanoTime(), ByteBuffer.wrap(part));
        store.append(Direction.IN, WireHeader.of(0x80, false, 0, 2), false, clock.nanoTime(), ByteBuffer.wrap(part));
        list.pull();
        assertThat(list.get(1).preview()).as("binary continuation").isEqualTo("61 62 (2 B)");
        assertThat(list.get(0).preview()).as("the whole binary message").isEqualTo("message of 2 frames · 61 62 61 62 (4 B)");
        assertThat(list.get(3).preview()).as("text continuation").isEqualTo("ab");
    }

    /** Replays the list's change events on a plain copy: the copy must always equal the list. */
    private static List<Long> mirror(TimelineList list, List<Long> copy) {
        list.addListener((ListChangeListener<TimelineRow>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                }
                if (c.wasAdded()) {
                    copy.addAll(c.getFrom(), c.getAddedSubList().stream().map(TimelineRow::seq).toList());
                }
            }
        });
        return copy;
    }

    private static List<Long> seqs(TimelineList list) {
        return list.stream().map(TimelineRow::seq).toList();
    }

    private TimelineList viewport(int rows, List<Long> copy) {
        TimelineList small = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));
        small.setViewportRows(rows);
        mirror(small, copy);
        return small;
    }

    @Test
    void theListHoldsOnlyTheScreenfulAndFollowsTheNewestRows() {
        List<Long> copy = new ArrayList<>();
        TimelineList small = viewport(10, copy);
        for (int i = 0; i < 7; i++) {
            frame(Direction.IN, "f" + i);
        }
        assertThat(small.pull()).isEqualTo(7);
        assertThat(seqs(small)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L).isEqualTo(copy);
        for (int i = 0; i < 100_000; i++) {
            frame(Direction.IN, "g" + i);
        }
        assertThat(small.pull()).isEqualTo(100_000);
        assertThat(small).hasSize(10);
        assertThat(small.firstRow()).isEqualTo(100_007 - 10);
        assertThat(seqs(small)).isEqualTo(copy).first().isEqualTo(99_997L);
        assertThat(small.reachableRows()).isEqualTo(100_007);
        assertThat(small.isFollowing()).isTrue();
        assertThat(small.rowsBelow()).isZero();
    }

    @Test
    void scrollingUpStopsFollowingAndTheScreenStaysWhileRowsArrive() {
        List<Long> copy = new ArrayList<>();
        TimelineList small = viewport(10, copy);
        for (int i = 0; i < 50; i++) {
            frame(Direction.IN, "f" + i);
        }
        small.pull();
        small.scrollBy(-5);
        assertThat(small.isFollowing()).isFalse();
        assertThat(seqs(small)).isEqualTo(copy).first().isEqualTo(35L);
        for (int i = 0; i < 20; i++) {
            frame(Direction.IN, "g" + i);
        }
        small.pull();
        assertThat(seqs(small)).isEqualTo(copy).first().isEqualTo(35L);
        assertThat(small.rowsBelow()).isEqualTo(25);
        // Scrolling to the end follows again.
        small.scrollTo(Long.MAX_VALUE);
        assertThat(small.isFollowing()).isTrue();
        assertThat(seqs(small)).isEqualTo(copy).first().isEqualTo(60L);
        // Far up, then back in small steps: every move is one change the copy can replay.
        small.scrollTo(3);
        assertThat(seqs(small)).isEqualTo(copy).first().isEqualTo(3L);
        for (int step : new int[] {4, 9, 10, 11, -2, -30, 1}) {
            small.scrollBy(step);
            assertThat(seqs(small)).isEqualTo(copy);
        }
        small.scrollTo(-100);
        assertThat(small.firstRow()).isZero();
    }

    @Test
    void ensureVisibleScrollsAsLittleAsNeededAndCenterPutsARowMidScreen() {
        List<Long> copy = new ArrayList<>();
        TimelineList small = viewport(10, copy);
        for (int i = 0; i < 100; i++) {
            frame(Direction.IN, "f" + i);
        }
        small.pull();
        small.scrollTo(40);
        small.ensureVisible(45);
        assertThat(small.firstRow()).isEqualTo(40);
        small.ensureVisible(50);
        assertThat(small.firstRow()).isEqualTo(41);
        small.ensureVisible(20);
        assertThat(small.firstRow()).isEqualTo(20);
        small.center(75);
        assertThat(small.firstRow()).isEqualTo(70);
        assertThat(small.indexOfRow(75)).isEqualTo(5);
        assertThat(seqs(small)).isEqualTo(copy);
    }

    @Test
    void aResizedScreenHoldsMoreOrFewerRows() {
        List<Long> copy = new ArrayList<>();
        TimelineList small = viewport(10, copy);
        for (int i = 0; i < 30; i++) {
            frame(Direction.IN, "f" + i);
        }
        small.pull();
        small.setViewportRows(25);
        assertThat(seqs(small)).isEqualTo(copy).hasSize(25).first().isEqualTo(5L);
        small.setViewportRows(4);
        assertThat(seqs(small)).isEqualTo(copy).containsExactly(26L, 27L, 28L, 29L);
        small.setViewportRows(100);
        assertThat(seqs(small)).isEqualTo(copy).hasSize(30);
        assertThat(small.maxFirstRow()).isZero();
    }

    @Test
    void framesAndEventsMapToRowsBothWays() {
        TimelineList small = viewport(10, new ArrayList<>());
        event(new ConnectionEvent.Connecting(1L, 0, "ws://x/"));
        for (int i = 0; i < 30; i++) {
            frame(Direction.IN, "f" + i);
        }
        session.onEvent(new ConnectionEvent.Closed(3L, 10, 1000, "", true, true));
        small.pull();
        assertThat(small.rowOfFrame(0)).isEqualTo(1);
        assertThat(small.rowOfFrame(9)).isEqualTo(10);
        assertThat(small.rowOfFrame(10)).isEqualTo(12);
        assertThat(small.seqOfRow(11)).isEqualTo(-1);
        assertThat(small.seqOfRow(12)).isEqualTo(10);
        assertThat(small.rowOfFrame(30)).isEqualTo(-1);
        assertThat(small.row(11).type()).isEqualTo("closed");
    }

    @Test
    void clearedRowsCannotBeScrolledTo() {
        List<Long> copy = new ArrayList<>();
        TimelineList small = viewport(10, copy);
        for (int i = 0; i < 30; i++) {
            frame(Direction.IN, "f" + i);
        }
        small.pull();
        small.clearView();
        assertThat(small).isEmpty();
        for (int i = 0; i < 15; i++) {
            frame(Direction.IN, "g" + i);
        }
        small.pull();
        small.scrollTo(0);
        assertThat(small.firstRow()).isEqualTo(30);
        assertThat(small.reachableRows()).isEqualTo(15);
        assertThat(seqs(small)).isEqualTo(copy).first().isEqualTo(30L);
    }

    @Test
    void whilePausedNewRowsAreCountedButNotReachable() {
        List<Long> copy = new ArrayList<>();
        TimelineList small = viewport(10, copy);
        for (int i = 0; i < 30; i++) {
            frame(Direction.IN, "f" + i);
        }
        small.pull();
        small.setPaused(true);
        for (int i = 0; i < 15; i++) {
            frame(Direction.IN, "g" + i);
        }
        small.pull();
        assertThat(small.endRow()).isEqualTo(30);
        assertThat(small.pendingRows()).isEqualTo(15);
        small.scrollTo(Long.MAX_VALUE);
        assertThat(seqs(small)).isEqualTo(copy).last().isEqualTo(29L);
        small.setPaused(false);
        assertThat(seqs(small)).isEqualTo(copy).last().isEqualTo(44L);
    }

    @Test
    void aStormOfEventsIsPlacedOverSeveralPullsEachWhereItHappened() {
        int storm = TimelineList.EVENTS_PER_PULL * 2 + 10;
        for (int i = 0; i < storm; i++) {
            frame(Direction.IN, "f" + i);
            event(new ConnectionEvent.Connecting(i, i + 1, "ws://x/"));
        }
        frame(Direction.IN, "last");

        list.setViewportRows(storm * 3);
        int pulls = 0;
        while (list.capturedRows() < storm * 2L + 1 && pulls < 10) {
            list.pull();
            pulls++;
            assertThat(list.capturedRows()).as("no pull takes more events than its bound")
                    .isLessThanOrEqualTo((long) pulls * TimelineList.EVENTS_PER_PULL * 2 + 1);
        }
        assertThat(pulls).isEqualTo(3);
        for (int i = 0; i < storm; i++) {
            assertThat(list.row(2L * i).isFrame()).as("row %d is frame %d", 2 * i, i).isTrue();
            assertThat(list.row(2L * i + 1).isFrame()).as("row %d is the event after it", 2 * i + 1).isFalse();
        }
        assertThat(list.row(storm * 2L).preview()).isEqualTo("last");
    }
}
