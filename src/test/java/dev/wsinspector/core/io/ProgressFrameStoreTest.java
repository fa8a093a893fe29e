package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressFrameStoreTest {

    @TempDir
    Path dir;

    @Test
    void writingAFileReportsItsProgressOncePerPercentUpToTheEnd() throws Exception {
        Session session = new Session(new ColumnarFrameStore());
        session.onEvent(new ConnectionEvent.Connecting(0, 0, "ws://127.0.0.1:1/"));
        for (int i = 0; i < 5000; i++) {
            byte[] p = ("m" + i).getBytes(StandardCharsets.UTF_8);
            session.frames().append(Direction.IN, WireHeader.of(0x81, false, 0, p.length), false,
                    session.frames().clock().nanoTime(), ByteBuffer.wrap(p));
        }
        for (String name : List.of("a.jsonl", "a.har", "a.pcapng")) {
            List<Double> seen = new ArrayList<>();
            Path file = dir.resolve(name);
            CaptureFiles.write(ProgressFrameStore.watching(session, seen::add), file, false, "test");
            assertThat(seen).as(name).isNotEmpty().isSorted().hasSizeLessThanOrEqualTo(101);
            assertThat(seen.get(seen.size() - 1)).as(name).isEqualTo(1.0);
            assertThat(Files.size(file)).isPositive();
        }
        // The file holds what it would without the progress view.
        Path plain = dir.resolve("plain.jsonl");
        CaptureFiles.write(session, plain, false, "test");
        assertThat(Files.readString(dir.resolve("a.jsonl"))).isEqualTo(Files.readString(plain));
    }
}
