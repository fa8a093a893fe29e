package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.FixedCaptureClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSONL captures cut off partway (a recording killed mid-write): every whole line is imported as if the file
 * had ended after it, and a last line cut inside its object is reported as cut off, not as a broken line.
 */
class JsonlTruncationTest {

    /** 2026-11-26T05:48:36Z */
    private static final long T0 = 1_795_672_116_000_000L;
    private static final String URL = "ws://h:1/chat?room=2";

    @TempDir
    Path dir;

    private byte[] jsonl;
    /** Offsets of the line breaks. */
    private final List<Integer> breaks = new ArrayList<>();

    @BeforeEach
    void writeJsonl() throws Exception {
        Path file = dir.resolve("whole.jsonl");
        CaptureFiles.write(session(), file, true, "test");
        jsonl = Files.readAllBytes(file);
        for (int i = 0; i < jsonl.length; i++) {
            if (jsonl[i] == '\n') {
                breaks.add(i);
            }
        }
        assertThat(jsonl[jsonl.length - 1]).isEqualTo((byte) '\n');
        assertThat(breaks).hasSizeGreaterThan(10);
    }

    @Test
    void aFileCutAnywhereKeepsEveryWholeLineAndSaysWhichLineIsCut() throws Exception {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            cuts.add(1 + (int) ((long) i * (jsonl.length - 2) / 39));
        }
        cuts.add(5);                          // inside the open line
        cuts.add(breaks.get(0));              // the open line whole, its line break missing
        cuts.add(breaks.get(0) + 1);          // right after a line break
        cuts.add(breaks.get(3));
        cuts.add(breaks.get(3) + 1);
        cuts.add(breaks.get(3) + 2);
        cuts.add(indexOf("h\u00e9llo") + 2);  // between the two bytes of "é"
        cuts.add(indexOf("\"fin\":true") + 8); // inside a literal: "fin":tr
        cuts.add(indexOf("\"masked\":false") + 11);
        cuts.add(indexOf("\"length\":") + 10); // inside a number
        cuts.add(jsonl.length - 1);

        for (int cut : cuts) {
            checkCut(cut);
        }
    }

    private void checkCut(int cut) throws Exception {
        String at = "cut at byte " + cut + " of " + jsonl.length;
        byte[] bytes = Arrays.copyOf(jsonl, cut);
        // The lines wholly before the cut; the one it falls in is whole when the cut takes only its line break.
        int wholeLines = (int) breaks.stream().filter(b -> b < cut).count();
        boolean cutInsideALine = !breaks.contains(cut) && (wholeLines == 0 || breaks.get(wholeLines - 1) != cut - 1);
        if (!cutInsideALine && breaks.contains(cut)) {
            wholeLines++;
        }
        int wholeEnd = wholeLines == 0 ? 0 : breaks.get(wholeLines - 1) + 1;
        byte[] whole = Arrays.copyOf(jsonl, wholeEnd);
        long frameLines = new String(whole, StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("\"type\":\"frame\"")).count();

        if (wholeLines == 0) {
            assertThatThrownBy(() -> read(bytes)).as(at).isInstanceOf(CaptureFormatException.class)
                    .hasMessageStartingWith("not a WebSocket capture")
                    .hasMessageContaining("(line 1 is cut off after ");
            return;
        }
        ImportResult expected = read(whole);
        ImportResult result = read(bytes);

        assertThat(result.captures()).as(at).hasSameSizeAs(expected.captures());
        assertThat(result.captures().get(0).session().frames().size()).as(at).isEqualTo(frameLines);
        for (int i = 0; i < expected.captures().size(); i++) {
            assertSameCapture(result.captures().get(i), expected.captures().get(i), at);
        }
        if (cutInsideALine) {
            String lineText = new String(Arrays.copyOfRange(jsonl, wholeEnd, cut), StandardCharsets.UTF_8);
            assertThat(result.problems()).as(at).containsExactly("line " + (wholeLines + 1) + " is cut off after "
                    + lineText.length() + " characters (the file ends inside it; every line before it was read)");
        } else {
            assertThat(result.problems()).as(at).isEmpty();
        }
    }

    @Test
    void aBrokenLineInTheMiddleIsNotJsonEvenWhenItLooksCut() throws Exception {
        String text = new String(jsonl, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        lines[2] = lines[2].substring(0, lines[2].length() / 2);
        Path file = Files.writeString(dir.resolve("middle.jsonl"), String.join("\n", lines) + "\n");

        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).containsExactly("line 3: not JSON");
    }

    @Test
    void aCutLastLineWithALineBreakAfterItIsNotJson() throws Exception {
        String text = new String(Arrays.copyOf(jsonl, breaks.get(4) - 5), StandardCharsets.UTF_8) + "\n";
        Path file = Files.writeString(dir.resolve("ends.jsonl"), text);

        assertThat(CaptureFiles.read(file).problems()).containsExactly("line 5: not JSON");
    }

    @Test
    void aMalformedLastLineWithoutLineBreakIsNotJsonNotCutOff() throws Exception {
        String head = new String(Arrays.copyOf(jsonl, breaks.get(2) + 1), StandardCharsets.UTF_8);
        for (String last : List.of("hello", "{\"type\":\"frame\"} {", "{\"a\":1,,", "{\"a\":tx", "]")) {
            Path file = Files.writeString(dir.resolve("last.jsonl"), head + last);

            assertThat(CaptureFiles.read(file).problems()).as(last).containsExactly("line 4: not JSON");
        }
    }

    @Test
    void theCutLineIsListedEvenPastTheCapOnProblems() throws Exception {
        StringBuilder text = new StringBuilder(new String(Arrays.copyOf(jsonl, breaks.get(1) + 1),
                StandardCharsets.UTF_8));
        for (int i = 0; i < Problems.MAX_LISTED + 10; i++) {
            text.append("not json ").append(i).append('\n');
        }
        text.append("{\"type\":\"frame\",\"ti");
        Path file = Files.writeString(dir.resolve("noisy.jsonl"), text.toString());

        List<String> problems = CaptureFiles.read(file).problems();

        assertThat(problems).hasSize(Problems.MAX_LISTED + 2);
        assertThat(problems.get(Problems.MAX_LISTED)).contains("10 more problems");
        assertThat(problems.get(Problems.MAX_LISTED + 1))
                .startsWith("line " + (2 + Problems.MAX_LISTED + 10 + 1) + " is cut off after 19 characters");
    }

    // ---- checks ----

    private ImportResult read(byte[] bytes) throws IOException {
        Path file = dir.resolve("cut.jsonl");
        Files.write(file, bytes);
        return CaptureFiles.read(file);
    }

    private static void assertSameCapture(ImportedCapture actual, ImportedCapture expected, String what) {
        assertThat(actual.url()).as(what).isEqualTo(expected.url());
        FrameStore a = actual.session().frames();
        FrameStore e = expected.session().frames();
        assertThat(a.size()).as(what + ": frames").isEqualTo(e.size());
        for (long seq = 0; seq < e.size(); seq++) {
            Frame fa = a.get(seq);
            Frame fe = e.get(seq);
            assertThat(fa.direction()).as(what + ", frame " + seq).isEqualTo(fe.direction());
            assertThat(fa.header()).as(what + ", frame " + seq).isEqualTo(fe.header());
            assertThat(fa.payloadBytes()).as(what + ", frame " + seq).isEqualTo(fe.payloadBytes());
            assertThat(fa.epochMicros()).as(what + ", frame " + seq).isEqualTo(fe.epochMicros());
        }
        assertThat(actual.session().eventsFrom(0)).as(what + ": events").usingRecursiveComparison()
                .isEqualTo(expected.session().eventsFrom(0));
    }

    private int indexOf(String part) {
        byte[] p = part.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= jsonl.length - p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (jsonl[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + part);
    }

    // ---- the session ----

    private static Session session() {
        ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(T0));
        Session session = new Session(store);
        session.onEvent(new ConnectionEvent.Connecting(T0, 0, URL));
        session.onEvent(new ConnectionEvent.Opened(T0 + 500, 0, URL, new Handshake("GET /chat?room=2 HTTP/1.1",
                List.of(new HttpHeader("Host", "h:1")), 101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Upgrade", "websocket")), new byte[0])));
        for (int i = 0; i < 12; i++) {
            long micros = 1_000 + i * 1_000L;
            switch (i % 4) {
                case 0 -> append(store, Direction.OUT, 0x81, true, micros, utf8("hello " + i));
                case 1 -> append(store, Direction.IN, 0x81, false, micros,
                        utf8("h\u00e9llo \u20ac \"quoted\" \\ " + i));
                case 2 -> append(store, Direction.IN, 0x82, false, micros, new byte[]{0, 1, (byte) 0xFF, (byte) i});
                default -> append(store, Direction.OUT, 0x89, true, micros, utf8("ping " + i));
            }
            if (i == 5) {
                session.onEvent(new ConnectionEvent.Note(T0 + micros + 1, 6, "info", "half way"));
            }
        }
        session.onEvent(new ConnectionEvent.Closed(T0 + 20_000, 12, 1000, "bye", false, true));
        return session;
    }

    private static void append(ColumnarFrameStore store, Direction dir, int firstByte, boolean masked, long micros,
                               byte[] payload) {
        store.append(dir, WireHeader.of(firstByte, masked, masked ? 0x01020304 : 0, payload.length), false,
                micros * 1_000, ByteBuffer.wrap(payload));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
