package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.wsinspector.transport.WireFrame.bytes;
import static dev.wsinspector.transport.WireFrame.concat;
import static dev.wsinspector.transport.WireFrame.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The capture fast path of {@link TappingDraft#translateFrame} ({@link InboundReader}), fed socket reads cut
 * anywhere: every frame is stored exactly as on the wire, in order, and the library gets exactly the frames
 * it must process, whole and in order, whatever the read boundaries.
 */
class InboundReaderTest {

    /** Fast frames, delegated frames, every length encoding, a fragmented message with a ping inside. */
    private static List<WireFrame> mixedStream() {
        return List.of(
                WireFrame.text("hello"),
                WireFrame.text("grüße, 日本語, \uD83D\uDE00 and ASCII after the emoji to fill a word or two"),
                WireFrame.binary(300),
                WireFrame.of(0x89, utf8("p")),
                WireFrame.text(""),
                WireFrame.of(0x01, utf8("Hel")),
                WireFrame.of(0x89, utf8("inside")),
                WireFrame.of(0x00, utf8("lo, ")),
                WireFrame.of(0x80, utf8("wörld")),
                WireFrame.binary(200).withLengthBytes(8),
                WireFrame.text("masked by the server").masked(0x1234ABCD),
                WireFrame.of(0x8A, new byte[0]),
                WireFrame.text("short, 16-bit length").withLengthBytes(2),
                WireFrame.binary(0),
                WireFrame.text("x".repeat(125)),
                WireFrame.text("y".repeat(126)),
                WireFrame.of(0x88, concat(bytes(0x03, 0xE8), utf8("bye"))));
    }

    /** Whether the reader stores the frame itself (the library never sees it). */
    private static List<Boolean> fastness(List<WireFrame> frames) {
        List<Boolean> fast = new ArrayList<>();
        boolean fragmented = false;
        for (WireFrame f : frames) {
            int op = f.opcode();
            boolean fin = (f.firstByte() & 0x80) != 0;
            boolean isFast = fin && (f.firstByte() & 0x70) == 0 && (op == 1 || op == 2) && f.maskKey() == null
                    && !fragmented;
            if (!isFast && (op == 1 || op == 2)) {
                fragmented = !fin;
            } else if (op == 0 && fin) {
                fragmented = false;
            }
            fast.add(isFast);
        }
        return fast;
    }

    /** A fresh draft and store; the reads go through {@link TappingDraft#translateFrame} as the library calls it. */
    private static final class Feed {
        final FrameStore store = new ColumnarFrameStore();
        final TappingDraft draft;
        final List<Framedata> toLibrary = new ArrayList<>();
        /** Rules reported, with the store's size then (so the frame is known to be stored first). */
        final List<String> violations = new ArrayList<>();

        Feed() {
            this(Integer.MAX_VALUE);
        }

        Feed(int maxFrameSize) {
            this(maxFrameSize, false);
        }

        Feed(int maxFrameSize, boolean lenient) {
            draft = new TappingDraft(List.of(), List.of(new Protocol("")), maxFrameSize, List.of(), store,
                    new CaptureObserver() {
                        @Override
                        public void onViolation(dev.wsinspector.core.frame.ProtocolViolation violation,
                                                dev.wsinspector.core.frame.WireHeader offending, boolean failing) {
                            violations.add(violation.rule() + (failing ? " failing" : " flagged") + " at "
                                    + store.size());
                        }
                    }, lenient);
        }

        /** Lenient, so the mixed stream's masked frame is flagged and passed on. */
        static Feed lenient() {
            return new Feed(Integer.MAX_VALUE, true);
        }

        /** One socket read, in a buffer that (like the library's) may hold other bytes before and after. */
        void read(byte[] data, int from, int to) throws InvalidDataException {
            byte[] backing = new byte[(to - from) + 7 + 5];
            Arrays.fill(backing, (byte) 0xEE);
            System.arraycopy(data, from, backing, 7, to - from);
            ByteBuffer buffer = ByteBuffer.wrap(backing, 7, to - from);
            toLibrary.addAll(draft.translateFrame(buffer));
            assertThat(buffer.hasRemaining()).as("the whole read is consumed").isFalse();
        }

        void reads(byte[] data, int... cuts) throws InvalidDataException {
            int from = 0;
            for (int cut : cuts) {
                read(data, from, cut);
                from = cut;
            }
            read(data, from, data.length);
        }
    }

    private static void assertCaptured(Feed feed, List<WireFrame> frames, String how) {
        assertThat(feed.store.size()).as("frames stored, %s", how).isEqualTo(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            WireFrame w = frames.get(i);
            Frame f = feed.store.get(i);
            String as = "frame " + i + " " + how;
            assertThat(f.direction()).as(as).isEqualTo(Direction.IN);
            assertThat(f.header().firstByte()).as(as).isEqualTo(w.firstByte());
            assertThat(f.masked()).as(as).isEqualTo(w.maskKey() != null);
            assertThat(f.header().maskKey()).as(as).isEqualTo(w.maskKey() == null ? 0 : w.maskKey());
            assertThat(f.header().payloadLength()).as(as).isEqualTo(w.payload().length);
            assertThat(f.header().headerLength()).as(as).isEqualTo(w.headerLength());
            assertThat(f.inflated()).as(as).isFalse();
            assertThat(f.payloadBytes()).as(as).isEqualTo(w.payload());
            if (i > 0) {
                assertThat(f.monoNanos()).as(as).isGreaterThanOrEqualTo(feed.store.monoNanos(i - 1));
            }
        }
        List<Boolean> fast = fastness(frames);
        List<WireFrame> delegated = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (!fast.get(i)) {
                delegated.add(frames.get(i));
            }
        }
        assertThat(feed.toLibrary).as("frames the library decoded, %s", how).hasSize(delegated.size());
        for (int i = 0; i < delegated.size(); i++) {
            WireFrame w = delegated.get(i);
            Framedata d = feed.toLibrary.get(i);
            assertThat(InboundCapture.firstByte(d)).as("delegated %d %s", i, how).isEqualTo(w.firstByte());
            ByteBuffer p = d.getPayloadData();
            byte[] got = new byte[p.remaining()];
            p.duplicate().get(got);
            if (w.opcode() != 0x8) { // the library's CloseFrame reports a default payload
                assertThat(got).as("delegated %d %s", i, how).isEqualTo(w.payload());
            }
        }
    }

    @Test
    void everySplitPointOfOneReadGivesTheSameCapture() throws Exception {
        List<WireFrame> frames = mixedStream();
        byte[] wire = WireFrame.stream(frames);
        for (int cut = 0; cut <= wire.length; cut++) {
            Feed feed = Feed.lenient();
            feed.reads(wire, cut);
            assertCaptured(feed, frames, "cut at " + cut);
            assertThat(feed.violations).singleElement().asString().startsWith("MASKED_FROM_SERVER flagged at ");
        }
    }

    @Test
    void everyReadSizeGivesTheSameCapture() throws Exception {
        List<WireFrame> frames = mixedStream();
        byte[] wire = WireFrame.stream(frames);
        List<Integer> sizes = new ArrayList<>();
        for (int s = 1; s <= 64; s++) {
            sizes.add(s);
        }
        sizes.addAll(List.of(97, 127, 128, 251, 1000, wire.length));
        for (int size : sizes) {
            Feed feed = Feed.lenient();
            for (int from = 0; from < wire.length; from += size) {
                feed.read(wire, from, Math.min(wire.length, from + size));
            }
            assertCaptured(feed, frames, "reads of " + size + " bytes");
        }
    }

    @Test
    void randomReadBoundariesGiveTheSameCapture() throws Exception {
        List<WireFrame> frames = mixedStream();
        byte[] wire = WireFrame.stream(frames);
        Random random = new Random(20261203);
        for (int run = 0; run < 400; run++) {
            Feed feed = Feed.lenient();
            List<Integer> cuts = new ArrayList<>();
            for (int from = 0; from < wire.length; ) {
                int to = Math.min(wire.length, from + 1 + random.nextInt(run % 2 == 0 ? 8 : 60));
                feed.read(wire, from, to);
                cuts.add(to);
                from = to;
            }
            assertCaptured(feed, frames, "random reads " + cuts);
        }
    }

    @Test
    void largeFramesSpanningReadsAreGatheredOnce() throws Exception {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; mixed.length() < 100_000; i++) {
            mixed.append(i % 7 == 0 ? "ünïcödé €uro \uD83D\uDE00 " : "plain ascii words here ");
        }
        List<WireFrame> frames = List.of(
                WireFrame.binary(70_000),
                WireFrame.text(mixed.toString()),
                WireFrame.text("small between"),
                WireFrame.binary(InboundReader.KEEP_GATHER_BYTES + 12_345), // not kept after it was gathered
                WireFrame.binary(65_536),
                WireFrame.of(0x89, utf8("ping")),
                WireFrame.binary(3 * 65_536 + 1));
        byte[] wire = WireFrame.stream(frames);
        for (int size : new int[] {65_536, 16_384, 4_093, 65_537}) {
            Feed feed = new Feed();
            for (int from = 0; from < wire.length; from += size) {
                feed.read(wire, from, Math.min(wire.length, from + size));
            }
            assertCaptured(feed, frames, "reads of " + size + " bytes");
        }
    }

    @Test
    void codePointsAtTheEdgesOfEachRangeAreValid() throws Exception {
        int[] edges = {0x00, 0x7F, 0x80, 0x7FF, 0x800, 0xFFF, 0x1000, 0xCFFF, 0xD000, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                0x10000, 0x3FFFF, 0x40000, 0xFFFFF, 0x100000, 0x10FFFF};
        List<WireFrame> frames = new ArrayList<>();
        for (int cp : edges) {
            for (int pad = 0; pad < 9; pad++) { // every position relative to the 8-byte words
                frames.add(WireFrame.text("a".repeat(pad) + Character.toString(cp) + "bcdefghij"));
            }
        }
        byte[] wire = WireFrame.stream(frames);
        Feed feed = new Feed();
        feed.reads(wire, wire.length / 3, wire.length / 2);
        assertCaptured(feed, frames, "edge code points");
        assertThat(feed.toLibrary).isEmpty();
    }

    /** Payloads a strict UTF-8 decoder refuses; each must fail the connection with 1007. */
    static List<byte[]> invalidUtf8() {
        return List.of(
                bytes(0xC0, 0x80),                         // overlong NUL
                bytes(0xC1, 0xBF),                         // overlong
                bytes(0xE0, 0x80, 0xAF),                   // overlong '/'
                bytes(0xE0, 0x9F, 0xBF),                   // overlong U+07FF
                bytes(0xF0, 0x8F, 0xBF, 0xBF),             // overlong U+FFFF
                bytes(0xED, 0xA0, 0x80),                   // surrogate U+D800
                bytes(0xED, 0xBF, 0xBF),                   // surrogate U+DFFF
                bytes(0xF4, 0x90, 0x80, 0x80),             // U+110000
                bytes(0xF5, 0x80, 0x80, 0x80),             // beyond any plane
                bytes(0xFF),
                bytes(0x80),                               // lone continuation byte
                bytes(0xC3, 0x28),                         // lead without its continuation
                concat(utf8("12345678abcdefgh"), bytes(0xE2, 0x82)),     // cut off at the end of a FIN frame
                concat(utf8("ab"), bytes(0xF0, 0x9F, 0x98)),             // cut off, 4-byte sequence
                concat(utf8("0123456789abcdef"), bytes(0xE2, 0x28, 0xA1), utf8("words after it")));
    }

    @Test
    void invalidUtf8InAFastFrameFailsWith1007WhereverTheReadsEnd() throws Exception {
        for (byte[] bad : invalidUtf8()) {
            List<WireFrame> frames = List.of(WireFrame.text("fine first"), WireFrame.of(0x81, bad),
                    WireFrame.text("never reached"));
            byte[] wire = WireFrame.stream(frames);
            int badEnd = frames.get(0).wire().length + frames.get(1).wire().length;
            for (int cut = 0; cut <= wire.length; cut++) {
                Feed feed = new Feed();
                String as = "payload " + Arrays.toString(bad) + " cut at " + cut;
                try {
                    feed.reads(wire, cut);
                    fail("no 1007 for " + as);
                } catch (InvalidDataException e) {
                    assertThat(e.getCloseCode()).as(as).isEqualTo(CloseFrame.NO_UTF8);
                }
                // The offending frame is captured as it came, after the good one.
                assertThat(feed.store.size()).as(as).isBetween(2L, 3L);
                assertThat(feed.store.get(0).payloadBytes()).as(as).isEqualTo(utf8("fine first"));
                assertThat(feed.store.get(1).payloadBytes()).as(as).isEqualTo(bad);
                assertThat(feed.store.get(1).header().firstByte()).as(as).isEqualTo(0x81);
                // The rest of the failing read is kept from the raw bytes (what of it arrived in that read).
                if (cut < badEnd) {
                    assertThat(feed.store.size()).as(as).isEqualTo(3);
                    assertThat(feed.store.get(2).payloadBytes()).as(as).isEqualTo(utf8("never reached"));
                } else if (cut < badEnd + 2) { // not even its header arrived in that read
                    assertThat(feed.store.size()).as(as).isEqualTo(2);
                } else {
                    assertThat(feed.store.size()).as(as).isEqualTo(3);
                    byte[] got = feed.store.get(2).payloadBytes();
                    assertThat(got).as(as).isEqualTo(Arrays.copyOf(utf8("never reached"), got.length));
                }
            }
        }
    }

    @Test
    void aFrameOverTheLimitIsLeftToTheLibraryWhichRefusesItWith1009() throws Exception {
        List<WireFrame> frames = List.of(WireFrame.text("a".repeat(100)), WireFrame.text("b".repeat(101)));
        byte[] wire = WireFrame.stream(frames);
        for (int cut = 0; cut <= wire.length; cut++) {
            Feed feed = new Feed(100);
            int at = cut;
            assertThatThrownBy(() -> feed.reads(wire, at)).isInstanceOf(InvalidDataException.class)
                    .extracting(e -> ((InvalidDataException) e).getCloseCode()).isEqualTo(CloseFrame.TOOBIG);
            assertThat(feed.store.get(0).payloadBytes()).isEqualTo(utf8("a".repeat(100)));
            assertThat(feed.store.get(1).header().payloadLength()).isEqualTo(101);
        }
    }

    @Test
    void rsvBitsWithoutAnExtensionAndReservedOpcodesFailWith1002BeforeTheLibrarySeesThem() throws Exception {
        for (int firstByte : new int[] {0xC1, 0xA2, 0x91, 0x83, 0x8B}) {
            List<WireFrame> frames = List.of(WireFrame.text("ok"), WireFrame.of(firstByte, utf8("odd")));
            byte[] wire = WireFrame.stream(frames);
            int oddStart = frames.get(0).wire().length;
            for (int cut = 0; cut <= wire.length; cut++) {
                Feed feed = new Feed();
                int at = cut;
                String as = String.format("first byte %x, cut at %d", firstByte, cut);
                assertThatThrownBy(() -> feed.reads(wire, at)).as(as)
                        .isInstanceOf(InvalidDataException.class)
                        .extracting(e -> ((InvalidDataException) e).getCloseCode()).isEqualTo(CloseFrame.PROTOCOL_ERROR);
                assertThat(feed.store.get(0).payloadBytes()).isEqualTo(utf8("ok"));
                assertThat(feed.store.get(1).header().firstByte()).as(as).isEqualTo(firstByte);
                assertThat(feed.store.get(1).header().payloadLength()).as(as).isEqualTo(3);
                if (cut <= oddStart || cut == wire.length) { // the whole frame came in one read
                    assertThat(feed.store.get(1).payloadBytes()).as(as).isEqualTo(utf8("odd"));
                }
                assertThat(feed.toLibrary).as(as).isEmpty();
                assertThat(feed.violations).as(as).singleElement().asString().endsWith("failing at 2");
            }
        }
    }

    @Test
    void lenientlyAFrameBreakingARuleIsStoredFlaggedAndSkipped() throws Exception {
        for (int firstByte : new int[] {0xC1, 0xA2, 0x83, 0x8B, 0x09, 0x80}) {
            List<WireFrame> frames = List.of(WireFrame.text("ok"), WireFrame.of(firstByte, utf8("odd")),
                    WireFrame.text("after"), WireFrame.of(0x89, utf8("ping")));
            byte[] wire = WireFrame.stream(frames);
            for (int cut = 0; cut <= wire.length; cut++) {
                Feed feed = Feed.lenient();
                feed.reads(wire, cut);
                String as = String.format("first byte %x, cut at %d", firstByte, cut);
                assertThat(feed.store.size()).as(as).isEqualTo(4);
                for (int i = 0; i < 4; i++) {
                    assertThat(feed.store.get(i).header().firstByte()).as(as).isEqualTo(frames.get(i).firstByte());
                    assertThat(feed.store.get(i).payloadBytes()).as(as).isEqualTo(frames.get(i).payload());
                }
                assertThat(feed.violations).as(as).singleElement().asString().endsWith("flagged at 2");
                assertThat(feed.toLibrary).as(as).singleElement()
                        .satisfies(f -> assertThat(InboundCapture.firstByte(f)).isEqualTo(0x89));
            }
        }
    }

    @Test
    void aWholeMessageFrameInsideAFragmentedMessageFailsWith1002() throws Exception {
        List<WireFrame> frames = List.of(WireFrame.of(0x01, utf8("start")), WireFrame.text("intruder"),
                WireFrame.of(0x80, utf8("end")), WireFrame.text("after"));
        byte[] wire = WireFrame.stream(frames);
        for (int cut = 0; cut <= wire.length; cut++) {
            Feed feed = new Feed();
            int at = cut;
            assertThatThrownBy(() -> feed.reads(wire, at)).as("cut at %d", cut)
                    .isInstanceOf(InvalidDataException.class)
                    .extracting(e -> ((InvalidDataException) e).getCloseCode()).isEqualTo(CloseFrame.PROTOCOL_ERROR);
            assertThat(feed.store.get(1).header().firstByte()).isEqualTo(0x81);
            assertThat(feed.violations).singleElement().asString()
                    .isEqualTo("DATA_INSIDE_FRAGMENTED failing at 2");
        }
        // Lenient: the intruder is kept out of the library, so the message it interrupted goes on.
        for (int cut = 0; cut <= wire.length; cut++) {
            Feed feed = Feed.lenient();
            feed.reads(wire, cut);
            assertThat(feed.store.size()).isEqualTo(4);
            assertThat(feed.store.get(1).payloadBytes()).isEqualTo(utf8("intruder"));
            assertThat(feed.toLibrary).extracting(InboundCapture::firstByte).containsExactly(0x01, 0x80);
        }
    }

    /** Close payloads the library would accept or answer on its own; each breaks a rule. */
    static List<byte[]> badClosePayloads() {
        return List.of(bytes(0x03), bytes(0x03, 0xE7), bytes(0x03, 0xED), bytes(0x03, 0xEE), bytes(0x0B, 0xB7),
                concat(bytes(0x03, 0xE8), bytes(0xC3, 0x28)));
    }

    @Test
    void aCloseFrameIsCheckedWholeWhereverTheReadsEnd() throws Exception {
        for (byte[] bad : badClosePayloads()) {
            List<WireFrame> frames = List.of(WireFrame.text("ok"), WireFrame.of(0x88, bad));
            byte[] wire = WireFrame.stream(frames);
            int expected = bad.length > 2 ? CloseFrame.NO_UTF8 : CloseFrame.PROTOCOL_ERROR;
            for (int cut = 0; cut <= wire.length; cut++) {
                Feed feed = new Feed();
                int at = cut;
                String as = "payload " + Arrays.toString(bad) + " cut at " + cut;
                assertThatThrownBy(() -> feed.reads(wire, at)).as(as).isInstanceOf(InvalidDataException.class)
                        .extracting(e -> ((InvalidDataException) e).getCloseCode()).isEqualTo(expected);
                assertThat(feed.store.size()).as(as).isEqualTo(2);
                assertThat(feed.store.get(1).header().firstByte()).as(as).isEqualTo(0x88);
                assertThat(feed.store.get(1).payloadBytes()).as(as).isEqualTo(bad);
                assertThat(feed.toLibrary).as(as).isEmpty();
            }
            for (int cut = 0; cut <= wire.length; cut++) {
                Feed feed = Feed.lenient();
                feed.reads(wire, cut);
                assertThat(feed.store.get(1).payloadBytes()).isEqualTo(bad);
                assertThat(feed.toLibrary).as("the bad close is not answered").isEmpty();
                assertThat(feed.violations).singleElement().asString().endsWith("flagged at 2");
            }
        }
    }

    @Test
    void aMaskedFrameFailsWith1002AndIsStoredWithItsKey() throws Exception {
        List<WireFrame> frames = List.of(WireFrame.text("masked").masked(0x1234ABCD), WireFrame.text("after"));
        byte[] wire = WireFrame.stream(frames);
        for (int cut = 0; cut <= wire.length; cut++) {
            Feed feed = new Feed();
            int at = cut;
            assertThatThrownBy(() -> feed.reads(wire, at)).isInstanceOf(InvalidDataException.class)
                    .extracting(e -> ((InvalidDataException) e).getCloseCode()).isEqualTo(CloseFrame.PROTOCOL_ERROR);
            Frame f = feed.store.get(0);
            assertThat(f.masked()).isTrue();
            assertThat(f.header().maskKey()).isEqualTo(0x1234ABCD);
            assertThat(f.header().headerLength()).isEqualTo(6);
            assertThat(f.payloadBytes()).isEqualTo(Arrays.copyOf(utf8("masked"), f.payloadBytes().length));
            assertThat(feed.violations).containsExactly("MASKED_FROM_SERVER failing at 1");
        }
    }

    @Test
    void aFrameWeSendWhileAReadIsStoredDoesNotMakeTimesGoBackwards() throws Exception {
        ColumnarFrameStore inner = new ColumnarFrameStore();
        int[] inbound = {0};
        // Stands in for the send thread: after every third inbound frame, one outbound frame is stored, stamped now.
        FrameStore store = (FrameStore) java.lang.reflect.Proxy.newProxyInstance(FrameStore.class.getClassLoader(),
                new Class<?>[] {FrameStore.class}, (proxy, method, args) -> {
                    Object result = method.invoke(inner, args);
                    if (method.getName().equals("append") && args[0] == Direction.IN && ++inbound[0] % 3 == 0) {
                        Thread.sleep(0, 1000);
                        inner.append(Direction.OUT, dev.wsinspector.core.frame.WireHeader.of(0x81, true, 7, 2), false,
                                inner.clock().nanoTime(), ByteBuffer.wrap(utf8("hi")));
                    }
                    return result;
                });
        TappingDraft draft = new TappingDraft(store);
        List<WireFrame> frames = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            frames.add(WireFrame.text("frame " + i));
        }
        byte[] wire = WireFrame.stream(frames);
        draft.translateFrame(ByteBuffer.wrap(wire));
        assertThat(inner.size()).isEqualTo(40);
        for (long i = 1; i < inner.size(); i++) {
            assertThat(inner.monoNanos(i)).as("frame %d", i).isGreaterThanOrEqualTo(inner.monoNanos(i - 1));
        }
    }
}
