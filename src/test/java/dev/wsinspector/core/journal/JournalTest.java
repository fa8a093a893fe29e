package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class JournalTest {

    @TempDir
    Path data;

    private SessionCatalog catalog(Duration flush, long budget) {
        return new SessionCatalog(data, new SessionCatalog.Settings(flush, budget));
    }

    private static void frame(Session s, Direction dir, Opcode op, String text, boolean masked) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        WireHeader h = WireHeader.of(0x80 | op.code(), masked, masked ? 0x37fa213d : 0, p.length);
        s.frames().append(dir, h, false, s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
    }

    private static Handshake handshake() {
        return new Handshake("GET /chat HTTP/1.1", List.of(new HttpHeader("Host", "127.0.0.1"),
                new HttpHeader("Authorization", "Bearer secret")), 101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Upgrade", "websocket")), new byte[0]);
    }

    private static long now(Session s) {
        return s.frames().clock().epochMicrosAt(s.frames().clock().nanoTime());
    }

    @Test
    void framesAndEventsComeBackExactlyAfterClose() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("chat", "", "ws://127.0.0.1:1/chat", null);
            Session s = rec.session();
            s.onEvent(new ConnectionEvent.Connecting(now(s), 0, "ws://127.0.0.1:1/chat"));
            s.onEvent(new ConnectionEvent.Opened(now(s), 0, "ws://127.0.0.1:1/chat", handshake()));
            frame(s, Direction.OUT, Opcode.TEXT, "hello", true);
            frame(s, Direction.IN, Opcode.TEXT, "hello", false);
            byte[] big = new byte[70_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) i;
            }
            s.frames().append(Direction.IN, WireHeader.of(0x82, false, 0, big.length), false,
                    s.frames().clock().nanoTime(), ByteBuffer.wrap(big));
            s.onEvent(new ConnectionEvent.Note(now(s), 3, ConnectionEvent.Note.INFO, "a note " + "x".repeat(1_200_000)));
            frame(s, Direction.IN, Opcode.PING, "p", false);
            s.onEvent(new ConnectionEvent.Closed(now(s), 4, 1000, "bye", false, true));
            rec.close();

            SessionMeta meta = catalog.find("chat");
            assertThat(meta.endedAbruptly()).isFalse();
            assertThat(meta.framesIn()).isEqualTo(3);
            assertThat(meta.framesOut()).isEqualTo(1);
            assertThat(meta.bytesIn()).isEqualTo(5 + 70_000 + 1);
            assertThat(meta.how()).isEqualTo("closed 1000");
            try (SessionCatalog.Opened opened = catalog.open(meta)) {
                FrameStore original = s.frames();
                FrameStore back = opened.session().frames();
                assertThat(back.size()).isEqualTo(original.size());
                for (long seq = 0; seq < original.size(); seq++) {
                    Frame a = original.get(seq);
                    Frame b = back.get(seq);
                    assertThat(b.header()).isEqualTo(a.header());
                    assertThat(b.epochMicros()).isEqualTo(a.epochMicros());
                    assertThat(b.direction()).isEqualTo(a.direction());
                    assertThat(b.payloadBytes()).isEqualTo(a.payloadBytes());
                }
                assertThat(opened.session().eventsFrom(0)).hasSize(4);
                ConnectionEvent.Opened o = opened.session().opened().orElseThrow();
                assertThat(o.handshake().requestHeaders()).isEqualTo(handshake().requestHeaders());
                assertThat(opened.session().eventsFrom(0).get(2)).isInstanceOf(ConnectionEvent.Note.class)
                        .extracting(ConnectionEvent::frameIndex).isEqualTo(3L);
                assertThat(opened.problems()).isEmpty();
            }
        }
    }

    @Test
    void everyShapeOfFrameComesBackFieldForField() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("shapes", "", "ws://127.0.0.1:1/", null);
            Session s = rec.session();
            FrameStore f = s.frames();
            java.util.Random random = new java.util.Random(5);
            for (int i = 0; i < 5_000; i++) {
                int kind = i % 9;
                int length = kind == 0 ? 0 : kind == 1 ? 126 + random.nextInt(3000)
                        : i == 4_001 ? JournalWriter.BUFFER_SIZE + 12_345 : random.nextInt(140); // one record > the buffer
                byte[] p = new byte[length];
                random.nextBytes(p);
                boolean out = kind == 2 || kind == 5;
                boolean inflated = kind == 3;
                long wire = inflated ? length / 3 + 1 : kind == 4 ? length + 77 : length; // compressed, truncated
                WireHeader h = kind == 6
                        ? new WireHeader(true, false, false, false, Opcode.BINARY, false, 0, wire, 10) // 64-bit length code
                        : WireHeader.of(new int[] {0x81, 0x82, 0x01, 0x80, 0x89, 0xC1}[random.nextInt(6)], out,
                                random.nextInt(), wire);
                f.append(out ? Direction.OUT : Direction.IN, h, inflated, f.clock().nanoTime(), ByteBuffer.wrap(p));
                if (i % 1000 == 0) {
                    // The journal thread writes what arrived before more comes: records are encoded in several runs.
                    long appended = f.size();
                    await().atMost(Duration.ofSeconds(20)).until(() -> rec.framesJournaled() == appended);
                }
            }
            rec.close();
            assertThat(rec.framesJournaled()).isEqualTo(f.size());
            try (SessionCatalog.Opened opened = catalog.open(catalog.find("shapes"))) {
                FrameStore back = opened.session().frames();
                assertThat(back.size()).isEqualTo(f.size());
                for (long seq = 0; seq < f.size(); seq++) {
                    Frame a = f.get(seq);
                    Frame b = back.get(seq);
                    assertThat(b.header()).as("frame %d", seq).isEqualTo(a.header());
                    assertThat(b.monoNanos()).isEqualTo(a.monoNanos());
                    assertThat(b.epochMicros()).isEqualTo(a.epochMicros());
                    assertThat(b.direction()).isEqualTo(a.direction());
                    assertThat(b.inflated()).isEqualTo(a.inflated());
                    assertThat(b.payloadBytes()).as("frame %d", seq).isEqualTo(a.payloadBytes());
                }
                assertThat(opened.problems()).isEmpty();
            }
        }
    }

    @Test
    void filesAreReadableByTheirOwnerOnly() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("", "", "ws://x/", null);
            rec.close();
            Path dir = rec.directory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("frames.wsj"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("session.json"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void journalThreadFlushesWhileTheSessionRuns() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofMillis(100), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("", "", "ws://x/", null);
            for (int i = 0; i < 5000; i++) {
                frame(rec.session(), Direction.IN, Opcode.TEXT, "m" + i, false);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rec.framesJournaled() == 5000);
            // Read by a second reader while the writer still holds the file: all 5000 are there.
            try (StoredJournal j = StoredJournal.open(rec.directory().resolve("frames.wsj"), false)) {
                assertThat(j.frameCount()).isEqualTo(5000);
                assertThat(new String(j.frames().get(4999).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("m4999");
            }
            rec.close();
        }
    }

    @Test
    void memoryIsGivenBackAndOldFramesAreReadFromTheJournal() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofMillis(50), 8L << 20)) {
            Recording rec = catalog.record("", "", "ws://x/", null);
            Session s = rec.session();
            byte[] p = new byte[1000];
            int n = 40_000; // 40 MB of payload through an 8 MiB budget
            for (int i = 0; i < n; i++) {
                p[0] = (byte) i;
                p[999] = (byte) (i >> 8);
                s.frames().append(Direction.IN, WireHeader.of(0x82, false, 0, p.length), false,
                        s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
            }
            SegmentedFrameStore store = (SegmentedFrameStore) s.frames();
            await().atMost(Duration.ofSeconds(20)).until(() -> store.releasedBelow() > 0
                    && store.retainedBytes() < (12L << 20));
            assertThat(store.size()).isEqualTo(n);
            for (int i = 0; i < n; i += 997) {
                byte[] back = store.get(i).payloadBytes();
                assertThat(back[0]).isEqualTo((byte) i);
                assertThat(back[999]).isEqualTo((byte) (i >> 8));
            }
            rec.close();
        }
    }

    @Test
    void aTornTailIsCutBackAndTheSessionMarkedEndedAbruptly() throws Exception {
        Path dir;
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("torn", "", "ws://x/", null);
            for (int i = 0; i < 100; i++) {
                frame(rec.session(), Direction.IN, Opcode.TEXT, "frame " + i, false);
            }
            rec.close();
            dir = rec.directory();
        }
        // As if the process died: the summary still says running, and the last record is half written.
        Path journal = dir.resolve("frames.wsj");
        long size = Files.size(journal);
        try (FileChannel c = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            c.truncate(size - 5);
        }
        String json = Files.readString(dir.resolve("session.json"));
        Files.writeString(dir.resolve("session.json"), json.replaceAll("\"ended\" : \"[^\"]+\"", "\"ended\" : null")
                .replace("\"how\" : \"stopped\"", "\"how\" : \"\""));
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            SessionMeta meta = catalog.find("torn");
            assertThat(meta.endedAbruptly()).isTrue();
            assertThat(meta.how()).isEqualTo("ended abruptly");
            assertThat(meta.framesIn()).isEqualTo(99);
            assertThat(Files.size(journal)).isLessThan(size - 5); // cut back to the last whole record
            try (SessionCatalog.Opened opened = catalog.open(meta)) {
                assertThat(opened.session().frames().size()).isEqualTo(99);
                assertThat(new String(opened.session().frames().get(98).payloadBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("frame 98");
            }
        }
    }

    @Test
    void aBadChecksumInTheMiddleLosesOnlyThatFrame() throws Exception {
        Path journal;
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("", "", "ws://x/", null);
            for (int i = 0; i < 3000; i++) {
                frame(rec.session(), Direction.IN, Opcode.TEXT, "frame-" + i, false);
                if (i == 1999) {
                    rec.session().onEvent(new ConnectionEvent.Note(now(rec.session()), 2000, ConnectionEvent.Note.INFO,
                            "after frame-1999"));
                }
            }
            rec.close();
            journal = rec.directory().resolve("frames.wsj");
        }
        byte[] bytes = Files.readAllBytes(journal);
        int at = indexOf(bytes, "frame-1500".getBytes(StandardCharsets.UTF_8));
        bytes[at + 6] ^= 0x55; // one flipped payload byte: that record's checksum fails
        Files.write(journal, bytes);
        try (StoredJournal j = StoredJournal.open(journal, false)) {
            assertThat(j.frameCount()).isEqualTo(2999);
            assertThat(j.problems()).singleElement().asString().contains("damaged");
            FrameStore f = j.frames();
            assertThat(new String(f.get(1499).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("frame-1499");
            assertThat(new String(f.get(1500).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("frame-1501");
            assertThat(new String(f.get(2998).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("frame-2999");
            assertThat(j.events()).hasSize(2);
            assertThat(((ConnectionEvent.Note) j.events().get(0)).message()).contains("1 frame(s) could not be read");
            // The note that followed frame-1999 still follows it: one place earlier, as one frame before it was lost.
            ConnectionEvent.Note after = (ConnectionEvent.Note) j.events().get(1);
            assertThat(after.message()).isEqualTo("after frame-1999");
            assertThat(after.frameIndex()).isEqualTo(1999);
            assertThat(new String(f.get(after.frameIndex() - 1).payloadBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("frame-1999");
        }
    }

    @Test
    void aJournalOfANewerFormatIsRefusedWithAClearMessage() throws Exception {
        Path file = data.resolve("newer.wsj");
        ByteBuffer header = JournalFormat.fileHeader(0);
        header.putShort(8, (short) 2);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            c.write(header);
        }
        assertThatThrownBy(() -> StoredJournal.open(file, false)).isInstanceOf(JournalException.class)
                .hasMessageContaining("newer WS Inspector").hasMessageContaining("format 2");
        Files.writeString(file, "not a journal at all, just text");
        assertThatThrownBy(() -> StoredJournal.open(file, false)).isInstanceOf(JournalException.class)
                .hasMessageContaining("not a session journal");
    }

    @Test
    void aFullDiskKeepsCaptureGoingAndTellsAtOnce() throws Exception {
        AtomicReference<String> told = new AtomicReference<>();
        Path journal = data.resolve("full.wsj");
        FileChannel file = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        JournalSink full = FillingDisk.after(file, 4096);
        try (SessionCatalog catalog = catalog(Duration.ofMillis(20), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("full", "ws://x/", full, told::set);
            for (int i = 0; i < 20; i++) {
                frame(rec.session(), Direction.IN, Opcode.TEXT, "early " + i, false);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rec.framesJournaled() == 20);
            for (int i = 0; i < 2000; i++) {
                frame(rec.session(), Direction.IN, Opcode.TEXT, "late frame number " + i, false);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> told.get() != null);
            assertThat(told.get()).contains("No space left on device").contains("in memory");
            assertThat(rec.session().eventsFrom(0)).anySatisfy(e -> assertThat(e).isInstanceOf(ConnectionEvent.Note.class));
            frame(rec.session(), Direction.IN, Opcode.TEXT, "after", false);
            assertThat(rec.session().frames().size()).isEqualTo(2021);
            assertThat(new String(rec.session().frames().get(2020).payloadBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("after");
            rec.close();
        }
        // What reached the file before the disk filled is still a valid journal.
        try (StoredJournal j = StoredJournal.open(journal, false)) {
            assertThat(j.frameCount()).isGreaterThanOrEqualTo(20);
            for (long seq = 0; seq < j.frameCount(); seq++) {
                assertThat(j.frames().payloadLength(seq)).isPositive();
            }
        }
    }

    @Test
    void twoSessionsRecordAtOnce() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofMillis(50), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording a = catalog.record("a", "", "ws://a/", null);
            Recording b = catalog.record("b", "", "ws://b/", null);
            Thread ta = new Thread(() -> { for (int i = 0; i < 20_000; i++) frame(a.session(), Direction.IN, Opcode.TEXT, "a" + i, false); });
            Thread tb = new Thread(() -> { for (int i = 0; i < 20_000; i++) frame(b.session(), Direction.IN, Opcode.TEXT, "b" + i, false); });
            ta.start();
            tb.start();
            ta.join();
            tb.join();
            a.close();
            b.close();
            assertThat(catalog.list()).extracting(SessionMeta::framesIn).containsExactly(20_000L, 20_000L);
            try (SessionCatalog.Opened oa = catalog.open(catalog.find("a")); SessionCatalog.Opened ob = catalog.open(catalog.find("b"))) {
                assertThat(new String(oa.session().frames().get(19_999).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("a19999");
                assertThat(new String(ob.session().frames().get(12_345).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("b12345");
            }
        }
    }

    @Test
    void renamePinDeleteUndoAndRetention() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording one = catalog.record("one", "", "ws://1/", null);
            one.close();
            Recording two = catalog.record("two", "", "ws://2/", null);
            frame(two.session(), Direction.IN, Opcode.TEXT, "x".repeat(5000), false);
            two.close();
            catalog.rename(one.id(), "first");
            catalog.pin(one.id(), true);
            assertThat(catalog.find("first").pinned()).isTrue();
            catalog.delete(two.id());
            assertThat(catalog.list()).extracting(SessionMeta::id).containsExactly(one.id());
            catalog.undoDelete(two.id());
            assertThat(catalog.list()).hasSize(2);
            // Everything is "too old": only the pinned one stays.
            assertThat(catalog.applyRetention(Duration.ZERO, Long.MAX_VALUE)).containsExactly(two.id());
            assertThat(catalog.list()).extracting(SessionMeta::name).containsExactly("first");
        }
    }

    @Test
    void flushIntervalAndMemoryBudgetComeFromSettingsJson() throws Exception {
        assertThat(SessionCatalog.Settings.read(data)).isEqualTo(SessionCatalog.Settings.defaults()); // no file
        Files.writeString(data.resolve("settings.json"), "{\"schemaVersion\":1,\"sessions\":{\"maxAgeDays\":3,"
                + "\"flushIntervalMillis\":250,\"memoryBudgetMiB\":64}}");
        SessionCatalog.Settings read = SessionCatalog.Settings.read(data);
        assertThat(read.flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(read.memoryBudgetBytes()).isEqualTo(64L << 20);
        assertThat(SessionCatalog.of(data).settings()).isEqualTo(read);
        Files.writeString(data.resolve("settings.json"), "{\"sessions\":{\"flushIntervalMillis\":5,"
                + "\"memoryBudgetMiB\":\"lots\"}}");
        assertThat(SessionCatalog.Settings.read(data)).isEqualTo(SessionCatalog.Settings.defaults());
        Files.writeString(data.resolve("settings.json"), "not json");
        assertThat(SessionCatalog.Settings.read(data)).isEqualTo(SessionCatalog.Settings.defaults());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

}
