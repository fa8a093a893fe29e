// Writes a finished session of N JSON frames into DATA_DIR through the real journal (for screenshots and manual tries):
//   ./mvnw -B -q package -DskipTests && java -cp target/ws-inspector.jar tools/MakeSession.java /tmp/shots/data 2000000

import dev.wsinspector.core.frame.*;
import dev.wsinspector.core.journal.*;
import dev.wsinspector.core.session.*;
import java.nio.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public class MakeSession {
    public static void main(String[] a) throws Exception {
        Path data = Path.of(a[0]);
        long frames = Long.parseLong(a[1]);
        try (SessionCatalog catalog = new SessionCatalog(data, SessionCatalog.Settings.defaults())) {
            Recording r = catalog.record("Market feed replay", null, "wss://feed.example.com/v2/ticks", p -> { });
            Session s = r.session();
            long now = System.currentTimeMillis() * 1000;
            s.onEvent(new ConnectionEvent.Connecting(now, 0, "wss://feed.example.com/v2/ticks"));
            s.onEvent(new ConnectionEvent.Opened(now + 1000, 0, "wss://feed.example.com/v2/ticks",
                new Handshake("GET /v2/ticks HTTP/1.1", List.of(), 101, "HTTP/1.1 101 Switching Protocols", List.of(), new byte[0])));
            for (long seq = 0; seq < frames; seq++) {
                byte[] p = String.format(Locale.ROOT, "{\"seq\":%d,\"type\":\"tick\",\"symbol\":\"%s\",\"price\":%d.%02d,\"size\":%d}",
                    seq, new String[]{"AAPL","MSFT","WSI","NVDA"}[(int)(seq%4)], 100 + seq % 900, seq % 100, 1 + seq % 50).getBytes(StandardCharsets.UTF_8);
                int fb = seq % 500 == 7 ? 0x89 : 0x81;
                s.frames().append(seq % 10 == 0 ? Direction.OUT : Direction.IN, WireHeader.of(fb, seq % 10 == 0, 0x11223344, p.length), false, System.nanoTime(), ByteBuffer.wrap(p));
            }
            s.onEvent(new ConnectionEvent.Closed(now + 2000, frames, 1000, "done", true, true));
            r.close();
        }
    }
}
