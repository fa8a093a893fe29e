package dev.wsinspector.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.io.JsonlEventWriter;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The "crafted" mark of a frame survives every store, the journal, and shows in JSONL as {@code "crafted":true}. */
@Timeout(60)
class CraftedFramesJournalTest {

    @TempDir
    Path data;

    private static void appendBoth(FrameStore store) {
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        // a frame whose length field lies: 200 announced, 5 bytes sent
        store.appendCrafted(Direction.OUT, WireHeader.of(0x41, false, 0, 200), store.clock().nanoTime(),
                ByteBuffer.wrap(hello));
        store.append(Direction.IN, WireHeader.of(0x81, false, 0, 5), false, store.clock().nanoTime(),
                ByteBuffer.wrap(hello));
    }

    private static void assertMarks(FrameStore store) {
        assertThat(store.crafted(0)).isTrue();
        assertThat(store.get(0).crafted()).isTrue();
        assertThat(store.header(0).payloadLength()).isEqualTo(200);
        assertThat(store.get(0).payloadLength()).isEqualTo(5);
        assertThat(store.header(0).rsv1()).isTrue();
        assertThat(store.crafted(1)).isFalse();
        assertThat(store.get(1).crafted()).isFalse();
    }

    @Test
    void columnarAndSegmentedStoresKeepTheMark() {
        for (FrameStore store : new FrameStore[]{new ColumnarFrameStore(), new SegmentedFrameStore()}) {
            appendBoth(store);
            assertMarks(store);
        }
    }

    @Test
    void theJournalKeepsTheMarkAndJsonlShowsIt() throws Exception {
        try (SessionCatalog catalog = new SessionCatalog(data,
                new SessionCatalog.Settings(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET))) {
            Recording rec = catalog.record("crafted", "", "ws://127.0.0.1:1/", null);
            Session s = rec.session();
            appendBoth(s.frames());
            rec.close();
            try (SessionCatalog.Opened opened = catalog.open(catalog.find("crafted"))) {
                FrameStore back = opened.session().frames();
                assertMarks(back);
                StringWriter out = new StringWriter();
                JsonlEventWriter writer = new JsonlEventWriter(out, false);
                writer.writeFrame(back.get(0));
                writer.writeFrame(back.get(1));
                String[] lines = out.toString().split("\n");
                JsonNode crafted = new ObjectMapper().readTree(lines[0]);
                assertThat(crafted.get("crafted").asBoolean()).isTrue();
                assertThat(crafted.get("truncated").asBoolean()).as("the lie shows").isTrue();
                assertThat(crafted.get("wireLength").asLong()).isEqualTo(200);
                assertThat(new ObjectMapper().readTree(lines[1]).has("crafted")).isFalse();
            }
        }
    }
}
