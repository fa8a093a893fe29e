package dev.wsinspector.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.FixedCaptureClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * HAR files cut off or broken partway ({@code connect --record} killed mid-write, an export cut short): every
 * entry before the break is imported as from the whole file, and the break is named by line, column and byte.
 * The file is this app's own {@link HarWriter} output for four connections, spliced into one {@code entries} list.
 */
class HarTruncationTest {

    /** 2026-11-26T05:48:36Z */
    private static final long T0 = 1_795_672_116_000_000L;
    private static final Pattern PLACE = Pattern.compile("at line (\\d+), column (\\d+) \\(byte (\\d+)\\)");
    private static final Pattern THROWN_PLACE =
            Pattern.compile("^not valid JSON \\(line (\\d+), column (\\d+), byte (\\d+)\\)");

    @TempDir
    Path dir;

    private byte[] har;
    private Layout layout;
    private List<ImportedCapture> whole;

    @BeforeEach
    void writeHar() throws Exception {
        List<String> hars = List.of(
                harOf(session(0, "ws://a.example/feed", 3)),
                harOf(session(1, "wss://b.example/chat?room=2", 6)),
                harOf(refused(2, "ws://c.example/denied")),
                harOf(session(3, "ws://d.example/", 4)));
        har = splice(hars).getBytes(StandardCharsets.UTF_8);
        layout = Layout.of(har);
        assertThat(layout.entries).hasSize(4);
        ImportResult result = read(har);
        assertThat(result.problems()).isEmpty();
        whole = result.captures();
        assertThat(whole).extracting(ImportedCapture::url).containsExactly("ws://a.example/feed",
                "wss://b.example/chat?room=2", "ws://c.example/denied", "ws://d.example/");
        assertThat(whole.get(1).session().frames().size()).isEqualTo(6);
    }

    @Test
    void aFileCutAnywhereKeepsEveryEntryBeforeTheCutAndNamesThePlace() throws Exception {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            cuts.add(1 + (int) ((long) i * (har.length - 2) / 39));
        }
        Entry first = layout.entries.get(0);
        Entry second = layout.entries.get(1);
        cuts.add(first.start + 1);
        cuts.add(first.start + 20);
        cuts.add(first.requestEnd - 2);
        cuts.add(first.requestEnd);
        cuts.add(first.messagesOpen);
        cuts.add(first.messagesOpen - 1);
        cuts.add(first.messageEnds.get(0));
        cuts.add(first.messageEnds.get(0) + 1);
        cuts.add(first.end - 1);
        // Inside a message string, between the two bytes of "é".
        int accent = indexOf(har, "h\u00e9llo 1".getBytes(StandardCharsets.UTF_8));
        cuts.add(accent + 2);
        // Inside the digits of a message's time.
        int time = indexOf(har, "\"time\" : ".getBytes(StandardCharsets.UTF_8), second.messagesOpen);
        cuts.add(time + "\"time\" : ".length() + 5);
        cuts.add(second.messagesOpen);
        for (Entry e : layout.entries) {
            cuts.add(e.end);
            cuts.add(e.end + 1);
        }
        cuts.add(layout.entriesEnd);
        cuts.add(layout.rootEnd - 1);
        cuts.add(layout.rootEnd);
        cuts.add(har.length - 1);

        for (int cut : cuts) {
            checkCut(cut);
        }
    }

    private void checkCut(int cut) throws Exception {
        byte[] bytes = Arrays.copyOf(har, cut);
        int complete = (int) layout.entries.stream().filter(e -> e.end <= cut).count();
        Entry cutEntry = complete < layout.entries.size() && layout.entries.get(complete).start < cut
                ? layout.entries.get(complete) : null;
        boolean salvaged = cutEntry != null && cut >= cutEntry.messagesOpen;
        int expectedCaptures = complete + (salvaged ? 1 : 0);
        String at = "cut at byte " + cut + " of " + har.length;

        if (expectedCaptures == 0) {
            CaptureFormatException e = catchThrowableOfType(CaptureFormatException.class, () -> read(bytes));
            assertThat(e).as(at).isNotNull();
            Matcher m = THROWN_PLACE.matcher(e.getMessage());
            assertThat(m.find()).as(at + ": " + e.getMessage()).isTrue();
            assertPlaceNear(bytes, cut, m, at + ": " + e.getMessage());
            return;
        }
        ImportResult result = read(bytes);
        assertThat(result.captures()).as(at).hasSize(expectedCaptures);
        for (int i = 0; i < complete; i++) {
            assertSameCapture(result.captures().get(i), whole.get(i), whole.get(i).session().frames().size(),
                    at + ", entry " + i);
        }
        if (salvaged) {
            long messages = cutEntry.messageEnds.stream().filter(end -> end <= cut).count();
            assertSameCapture(result.captures().get(complete), whole.get(complete), messages,
                    at + ", the cut entry");
        }
        if (cut >= layout.rootEnd) {
            assertThat(result.problems()).as(at).isEmpty();
            return;
        }
        assertThat(result.problems()).as(at).hasSize(1);
        String problem = result.problems().get(0);
        assertThat(problem).as(at).startsWith("the file ends early at line ");
        Matcher m = PLACE.matcher(problem);
        assertThat(m.find()).as(at + ": " + problem).isTrue();
        assertPlaceNear(bytes, cut, m, at + ": " + problem);
        if (cutEntry != null) {
            assertThat(problem).as(at).contains("inside entry " + (complete + 1) + ":")
                    .contains(salvaged ? "kept that entry" : "that entry and any after it are missing");
        } else if (cut < layout.entriesEnd) {
            assertThat(problem).as(at).contains("after entry " + complete + ":");
        } else {
            assertThat(problem).as(at).contains("after log.entries").contains("all its 4 entries were read");
        }
    }

    @Test
    void garbageInsideAnEntryKeepsWhatCameBeforeItAndSaysWhatWasExpected() throws Exception {
        Entry second = layout.entries.get(1);
        int at = second.messageEnds.get(1);
        byte[] broken = insert(har, at, "@@ not json @@");

        ImportResult result = read(broken);

        assertThat(result.captures()).hasSize(2);
        assertSameCapture(result.captures().get(0), whole.get(0), 3, "entry 0");
        assertSameCapture(result.captures().get(1), whole.get(1), 2, "the broken entry");
        assertThat(result.problems()).hasSize(1);
        String problem = result.problems().get(0);
        assertThat(problem).startsWith("the JSON is broken (unexpected character ('@')")
                .contains("expecting comma")
                .contains("inside entry 2: kept that entry with the 2 messages before the break");
        Matcher m = PLACE.matcher(problem);
        assertThat(m.find()).as(problem).isTrue();
        assertThat(Integer.parseInt(m.group(3))).isBetween(at, at + 1);
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(lineOf(broken, at));
    }

    @Test
    void garbageBetweenEntriesKeepsTheEntriesBeforeIt() throws Exception {
        int at = layout.entries.get(2).end;
        byte[] broken = insert(har, at, ", nonsense");

        ImportResult result = read(broken);

        assertThat(result.captures()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertSameCapture(result.captures().get(i), whole.get(i), whole.get(i).session().frames().size(),
                    "entry " + i);
        }
        assertThat(result.problems()).singleElement().asString()
                .startsWith("the JSON is broken (unrecognized token 'nonsense'")
                .contains("after entry 3: any later entries are missing");
    }

    @Test
    void garbageBeforeTheEntriesLeavesNothingAndSaysWhere() throws Exception {
        int at = indexOf(har, "\"creator\"".getBytes(StandardCharsets.UTF_8));
        byte[] broken = insert(har, at, "#");

        assertThatThrownBy(() -> read(broken)).isInstanceOf(CaptureFormatException.class)
                .hasMessageStartingWith("not valid JSON (line " + lineOf(broken, at) + ", column ")
                .hasMessageContaining("unexpected character ('#')")
                .hasMessageContaining("before log.entries");
    }

    @Test
    void aCutAfterEntriesThatAreNoWebSocketSaysSo() throws Exception {
        String page = """
                {"log":{"entries":[
                  {"request":{"method":"GET","url":"https://example.com/"},"response":{"status":200}},
                  {"request":{"method":"GET","url":"https://example.com/app.js"},"response":{"status":200,
                """;
        Path file = Files.writeString(dir.resolve("page.har"), page);

        assertThatThrownBy(() -> CaptureFiles.read(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessageStartingWith("not valid JSON (line 4, column ")
                .hasMessageContaining("the file ends early, inside entry 2; the entry before it is no WebSocket");
    }

    @Test
    void aCutChromeEntryIsKeptOnlyOnceItsRequestWasRead() throws Exception {
        // Chrome lists the messages before the request: cut in the messages, the URL was never read.
        String chrome = """
                {"log":{"entries":[
                  {"_resourceType":"websocket","startedDateTime":"2024-05-01T10:00:01.000Z","time":1,
                   "request":{"method":"GET","url":"wss://a.example/"},"response":{"status":101},
                   "_webSocketMessages":[{"type":"receive","time":1714557602,"opcode":1,"data":"first"}]},
                  {"_resourceType":"websocket",
                   "_webSocketMessages":[{"type":"receive","time":1714557603,"opcode":1,"data":"second"},
                                         {"type":"receive","time":1714557604,"opcode":1,"data":"thi""";
        ImportResult cutInMessages = CaptureFiles.read(Files.writeString(dir.resolve("chrome.har"), chrome));

        assertThat(cutInMessages.captures()).extracting(ImportedCapture::url).containsExactly("wss://a.example/");
        assertThat(cutInMessages.problems()).singleElement().asString()
                .startsWith("the file ends early at line 7, column ")
                .endsWith("inside entry 2: that entry and any after it are missing");

        String cutAfterRequest = chrome + "rd\"}],\n   \"request\":{\"method\":\"GET\",\"url\":\"wss://b.example/\"},"
                + "\"response\":{\"sta";
        ImportResult kept = CaptureFiles.read(Files.writeString(dir.resolve("chrome2.har"), cutAfterRequest));

        assertThat(kept.captures()).extracting(ImportedCapture::url)
                .containsExactly("wss://a.example/", "wss://b.example/");
        assertThat(kept.captures().get(1).session().frames().size()).isEqualTo(2);
        assertThat(kept.problems()).singleElement().asString()
                .contains("inside entry 2: kept that entry with the 2 messages before the break");
    }

    // ---- checks ----

    private ImportResult read(byte[] bytes) throws IOException {
        Path file = dir.resolve("cut.har");
        Files.write(file, bytes);
        return CaptureFiles.read(file);
    }

    /** The named place is at the cut or a few bytes before it, and its line and column agree with its byte. */
    private static void assertPlaceNear(byte[] bytes, int cut, Matcher m, String what) {
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        int offset = Integer.parseInt(m.group(3));
        assertThat(offset).as(what).isBetween(cut - 16, cut);
        assertThat(line).as(what).isEqualTo(lineOf(bytes, offset));
        int lineStart = offset;
        while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
            lineStart--;
        }
        assertThat(column).as(what).isEqualTo(offset - lineStart + 1);
    }

    private static void assertSameCapture(ImportedCapture actual, ImportedCapture expected, long frames,
                                          String what) {
        assertThat(actual.url()).as(what).isEqualTo(expected.url());
        FrameStore a = actual.session().frames();
        FrameStore e = expected.session().frames();
        assertThat(a.size()).as(what + ": frames").isEqualTo(frames);
        for (long seq = 0; seq < frames; seq++) {
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

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        return indexOf(bytes, part, 0);
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + new String(part, StandardCharsets.UTF_8));
    }

    private static byte[] insert(byte[] bytes, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + t.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(t, 0, out, at, t.length);
        System.arraycopy(bytes, at, out, at + t.length, bytes.length - at);
        return out;
    }

    // ---- the file ----

    /** Where the entries, their requests and messages end, as byte offsets just past their closing bracket. */
    private record Entry(int start, int requestEnd, int messagesOpen, List<Integer> messageEnds, int end) {
    }

    private record Layout(List<Entry> entries, int entriesEnd, int rootEnd) {

        static Layout of(byte[] har) throws IOException {
            List<Entry> entries = new ArrayList<>();
            int entriesEnd = -1;
            try (JsonParser p = new JsonFactory().createParser(har)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    boolean log = p.currentName().equals("log");
                    p.nextToken();
                    if (!log) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        boolean list = p.currentName().equals("entries");
                        p.nextToken();
                        if (!list) {
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            entries.add(entry(p));
                        }
                        entriesEnd = offset(p);
                    }
                }
                return new Layout(entries, entriesEnd, offset(p));
            }
        }

        private static Entry entry(JsonParser p) throws IOException {
            int start = (int) p.currentTokenLocation().getByteOffset();
            int requestEnd = -1;
            int messagesOpen = -1;
            List<Integer> messageEnds = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("_webSocketMessages")) {
                    messagesOpen = offset(p);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.skipChildren();
                        messageEnds.add(offset(p));
                    }
                } else {
                    p.skipChildren();
                    if (name.equals("request")) {
                        requestEnd = offset(p);
                    }
                }
            }
            assertThat(requestEnd).isLessThan(messagesOpen);
            return new Entry(start, requestEnd, messagesOpen, messageEnds, offset(p));
        }

        /** Just past the token the parser is at. */
        private static int offset(JsonParser p) {
            return (int) p.currentLocation().getByteOffset();
        }
    }

    /** HarWriter's files for single connections, their entries joined into the first file's list. */
    private static String splice(List<String> hars) {
        List<String> entries = new ArrayList<>();
        for (String h : hars) {
            int open = h.indexOf('[', h.indexOf("\"entries\""));
            entries.add(h.substring(open + 1, h.lastIndexOf(']')).strip());
        }
        String first = hars.get(0);
        int open = first.indexOf('[', first.indexOf("\"entries\""));
        return first.substring(0, open + 1) + " " + String.join(", ", entries) + " "
                + first.substring(first.lastIndexOf(']'));
    }

    private static String harOf(Session session) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HarWriter(true, "test").write(session.eventsFrom(0), session.frames(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A connection {@code k} seconds after T0 with {@code messages} messages of several kinds. */
    private static Session session(int k, String url, int messages) {
        ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(T0));
        Session session = new Session(store);
        long base = k * 1_000_000L;
        session.onEvent(new ConnectionEvent.Connecting(T0 + base, 0, url));
        session.onEvent(new ConnectionEvent.Opened(T0 + base + 500, 0, url, handshake(url)));
        for (int i = 0; i < messages; i++) {
            long micros = base + 1_000 + i * 1_234L;
            switch (i % 4) {
                case 0 -> append(store, Direction.OUT, 0x81, true, micros, utf8("hello " + k + "." + i));
                case 1 -> append(store, Direction.IN, 0x81, false, micros,
                        utf8("h\u00e9llo " + k + " \u20ac \"quoted\" \\ {not: json} [" + i + "]"));
                case 2 -> append(store, Direction.IN, 0x82, false, micros, new byte[]{0, 1, 2, (byte) 0xFF, (byte) i});
                default -> append(store, Direction.OUT, 0x89, true, micros, utf8("ping " + i));
            }
        }
        return session;
    }

    /** A connection the server refused: an entry with an error and no messages. */
    private static Session refused(int k, String url) {
        ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(T0));
        Session session = new Session(store);
        long base = k * 1_000_000L;
        Handshake no = new Handshake("GET /denied HTTP/1.1", List.of(new HttpHeader("Host", "c.example")), 401,
                "HTTP/1.1 401 Unauthorized", List.of(new HttpHeader("WWW-Authenticate", "Bearer")),
                utf8("who are you?"));
        session.onEvent(new ConnectionEvent.Connecting(T0 + base, 0, url));
        session.onEvent(new ConnectionEvent.Failed(T0 + base + 700, 0, FailureKind.HANDSHAKE_REJECTED,
                "HTTP 401 Unauthorized", no));
        return session;
    }

    private static Handshake handshake(String url) {
        return new Handshake("GET " + CaptureBuilder.requestTarget(url) + " HTTP/1.1",
                List.of(new HttpHeader("Host", "h"), new HttpHeader("Sec-WebSocket-Version", "13")),
                101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Upgrade", "websocket"), new HttpHeader("Connection", "Upgrade")),
                new byte[0]);
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
