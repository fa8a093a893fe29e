package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HAR files as browsers write them, read with {@link CaptureFiles#read}. */
class HarImportTest {

    /** 2024-05-01T10:00:01Z in epoch microseconds. */
    private static final long WS_START = 1_714_557_601_000_000L;

    @TempDir
    Path dir;

    /** The shape of Chrome DevTools' "Save all as HAR with content" for a page that opened a WebSocket. */
    private static final String CHROME_HAR = """
            {
              "log": {
                "version": "1.2",
                "creator": { "name": "WebInspector", "version": "537.36" },
                "pages": [ { "startedDateTime": "2024-05-01T10:00:00.000Z", "id": "page_1",
                             "title": "https://example.com/", "pageTimings": { "onLoad": 120.5 } } ],
                "entries": [
                  {
                    "_initiator": { "type": "other" },
                    "_priority": "VeryHigh",
                    "_resourceType": "document",
                    "cache": {},
                    "pageref": "page_1",
                    "request": { "method": "GET", "url": "https://example.com/", "httpVersion": "HTTP/1.1",
                                 "headers": [ { "name": "Accept", "value": "text/html" } ], "queryString": [],
                                 "cookies": [], "headersSize": -1, "bodySize": 0 },
                    "response": { "status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
                                  "headers": [ { "name": "Content-Type", "value": "text/html" } ], "cookies": [],
                                  "content": { "size": 13, "mimeType": "text/html", "text": "<html></html>" },
                                  "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": 250 },
                    "serverIPAddress": "93.184.216.34",
                    "startedDateTime": "2024-05-01T10:00:00.100Z",
                    "time": 35.25,
                    "timings": { "blocked": 1.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1,
                                 "wait": 30.5, "receive": 3.45 }
                  },
                  {
                    "_initiator": { "type": "script" },
                    "_resourceType": "websocket",
                    "_webSocketMessages": [
                      { "type": "send", "time": 1714557601.123456, "opcode": 1, "data": "{\\"op\\":\\"subscribe\\"}" },
                      { "type": "receive", "time": 1714557601.234567, "opcode": 1, "data": "{\\"ok\\":true,\\"€\\":1}" },
                      { "type": "receive", "time": 1714557601.5, "opcode": 2, "data": "AAEC/w==" }
                    ],
                    "cache": {},
                    "connection": "1234",
                    "pageref": "page_1",
                    "request": { "method": "GET", "url": "wss://example.com/socket?v=1", "httpVersion": "HTTP/1.1",
                                 "headers": [ { "name": "Host", "value": "example.com" },
                                              { "name": "Upgrade", "value": "websocket" },
                                              { "name": "Sec-WebSocket-Key", "value": "dGhlIHNhbXBsZSBub25jZQ==" },
                                              { "name": "Sec-WebSocket-Version", "value": "13" } ],
                                 "queryString": [ { "name": "v", "value": "1" } ], "cookies": [],
                                 "headersSize": 310, "bodySize": 0 },
                    "response": { "status": 101, "statusText": "Switching Protocols", "httpVersion": "HTTP/1.1",
                                  "headers": [ { "name": "Upgrade", "value": "websocket" },
                                               { "name": "Connection", "value": "Upgrade" },
                                               { "name": "Sec-WebSocket-Accept",
                                                 "value": "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" } ],
                                  "cookies": [], "content": { "size": 0, "mimeType": "x-unknown" },
                                  "redirectURL": "", "headersSize": 129, "bodySize": 0, "_transferSize": 129 },
                    "serverIPAddress": "93.184.216.34",
                    "startedDateTime": "2024-05-01T10:00:01.000Z",
                    "time": 0.512,
                    "timings": { "blocked": -1, "dns": -1, "ssl": -1, "connect": -1, "send": 0,
                                 "wait": 0.512, "receive": 0 }
                  }
                ]
              }
            }
            """;

    @Test
    void chromeHarGivesOneCaptureWithDirectionsPayloadsAndTimes() throws Exception {
        Path file = Files.writeString(dir.resolve("example.com.har"), CHROME_HAR);

        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.captures()).hasSize(1);
        ImportedCapture capture = result.captures().get(0);
        assertThat(capture.url()).isEqualTo("wss://example.com/socket?v=1");
        FrameStore frames = capture.session().frames();
        assertThat(frames.size()).isEqualTo(3);

        Frame sent = frames.get(0);
        assertThat(sent.direction()).isEqualTo(Direction.OUT);
        assertThat(sent.opcode()).isEqualTo(Opcode.TEXT);
        assertThat(new String(sent.payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"op\":\"subscribe\"}");
        assertThat(sent.epochMicros()).isEqualTo(WS_START + 123_456);
        assertThat(sent.masked()).isTrue();
        assertThat(sent.fin()).isTrue();

        Frame text = frames.get(1);
        assertThat(text.direction()).isEqualTo(Direction.IN);
        assertThat(text.opcode()).isEqualTo(Opcode.TEXT);
        assertThat(new String(text.payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true,\"€\":1}");
        assertThat(text.epochMicros()).isEqualTo(WS_START + 234_567);
        assertThat(text.masked()).isFalse();

        Frame binary = frames.get(2);
        assertThat(binary.direction()).isEqualTo(Direction.IN);
        assertThat(binary.opcode()).isEqualTo(Opcode.BINARY);
        assertThat(binary.payloadBytes()).containsExactly(0x00, 0x01, 0x02, 0xFF);
        assertThat(frames.epochMicros(2)).isEqualTo(WS_START + 500_000);

        List<ConnectionEvent> events = capture.session().eventsFrom(0);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new ConnectionEvent.Connecting(WS_START, 0, "wss://example.com/socket?v=1"));
        ConnectionEvent.Opened opened = (ConnectionEvent.Opened) events.get(1);
        assertThat(opened.epochMicros()).isEqualTo(WS_START + 512);
        Handshake hs = opened.handshake();
        assertThat(hs.requestLine()).isEqualTo("GET /socket?v=1 HTTP/1.1");
        assertThat(hs.requestHeaders()).contains(new HttpHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));
        assertThat(hs.statusCode()).isEqualTo(101);
        assertThat(hs.statusLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
        assertThat(hs.responseHeader("Sec-WebSocket-Accept")).contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(capture.session().state()).isEqualTo(ConnectionState.OPEN);
        assertThat(capture.session().closed()).as("HAR has no close event; none is made up").isEmpty();
    }

    @Test
    void twoWebSocketEntriesGiveTwoCapturesAndHttpUrlsBecomeWs() throws Exception {
        String har = """
                {"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[
                  {"startedDateTime":"2024-05-01T10:00:01.000Z","time":1,"_resourceType":"websocket",
                   "request":{"method":"GET","url":"https://a.example/feed","httpVersion":"HTTP/1.1","headers":[]},
                   "response":{"status":101,"statusText":"Switching Protocols","httpVersion":"HTTP/1.1","headers":[]},
                   "_webSocketMessages":[{"type":"receive","time":1714557602,"opcode":1,"data":"first"}]},
                  {"startedDateTime":"2024-05-01T10:00:03.000Z","time":1,
                   "request":{"method":"GET","url":"ws://b.example:8080/","httpVersion":"HTTP/1.1","headers":[]},
                   "response":{"status":101,"statusText":"Switching Protocols","httpVersion":"HTTP/1.1","headers":[]},
                   "_webSocketMessages":[{"type":"send","time":1714557604.25,"opcode":1,"data":"second"},
                                         {"type":"receive","time":1714557604.75,"opcode":1,"data":"third"}]}
                ]}}
                """;
        Path file = Files.writeString(dir.resolve("two.har"), har);

        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.captures()).extracting(ImportedCapture::url)
                .containsExactly("wss://a.example/feed", "ws://b.example:8080/");
        assertThat(result.captures().get(0).session().frames().size()).isEqualTo(1);
        FrameStore second = result.captures().get(1).session().frames();
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.get(0).payloadBytes()).isEqualTo("second".getBytes(StandardCharsets.UTF_8));
        assertThat(second.epochMicros(0)).isEqualTo(1_714_557_604_250_000L);
        assertThat(second.epochMicros(1)).isEqualTo(1_714_557_604_750_000L);
    }

    @Test
    void unreadableMessagesAreReportedAndTheRestImported() throws Exception {
        String har = """
                {"log":{"entries":[
                  {"request":{"url":"http://example.com/"},"response":{"status":200}},
                  {"startedDateTime":"2024-05-01T10:00:01.000Z","_resourceType":"websocket",
                   "request":{"method":"GET","url":"wss://x.example/","headers":[]},
                   "response":{"status":101,"headers":[]},
                   "_webSocketMessages":[
                     {"type":"send","time":1714557601.1,"data":"no opcode"},
                     {"type":"receive","time":1714557601.2,"opcode":2,"data":"not base64!"},
                     {"type":"sideways","time":1714557601.3,"opcode":1,"data":"?"},
                     {"type":"receive","time":1714557601.4,"opcode":1,"data":"fine"}]}
                ]}}
                """;
        Path file = Files.writeString(dir.resolve("odd.har"), har);

        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).hasSize(3);
        assertThat(result.problems().get(0)).contains("entries[1]").contains("_webSocketMessages[0]")
                .contains("opcode");
        assertThat(result.problems().get(1)).contains("_webSocketMessages[1]").contains("base64");
        assertThat(result.problems().get(2)).contains("_webSocketMessages[2]").contains("sideways");
        FrameStore frames = result.captures().get(0).session().frames();
        assertThat(frames.size()).isEqualTo(2);
        assertThat(frames.get(0).payloadBytes()).as("kept as the text it was")
                .isEqualTo("not base64!".getBytes(StandardCharsets.UTF_8));
        assertThat(frames.get(1).payloadBytes()).isEqualTo("fine".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHarWithoutWebSocketsIsNotACapture() throws Exception {
        String har = """
                {"log":{"version":"1.2","entries":[
                  {"request":{"method":"GET","url":"https://example.com/"},"response":{"status":200}},
                  {"request":{"method":"GET","url":"https://example.com/app.js"},"response":{"status":200}}]}}
                """;
        Path file = Files.writeString(dir.resolve("page.har"), har);

        assertThatThrownBy(() -> CaptureFiles.read(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("the HAR holds no WebSocket connection (2 other requests)");
    }

    @Test
    void filesThatAreNoHarSayWhy() throws Exception {
        assertThatThrownBy(() -> CaptureFiles.read(Files.writeString(dir.resolve("broken.har"), "{\"log\": [1, 2")))
                .isInstanceOf(CaptureFormatException.class).hasMessageStartingWith("not valid JSON (line 1, column");
        assertThatThrownBy(() -> CaptureFiles.read(Files.writeString(dir.resolve("empty.har"), "")))
                .isInstanceOf(CaptureFormatException.class).hasMessage("the file is empty");
        assertThatThrownBy(() -> CaptureFiles.read(Files.writeString(dir.resolve("other.har"), "{\"a\": 1}")))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining("not a HAR file");
        assertThatThrownBy(() -> CaptureFiles.read(dir.resolve("missing.har")))
                .isInstanceOf(CaptureFormatException.class).hasMessage("the file does not exist");
        assertThatThrownBy(() -> CaptureFiles.read(Files.writeString(dir.resolve("notes.txt"), "{}")))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining(".har or .jsonl");
        assertThatThrownBy(() -> CaptureFiles.read(Files.createDirectory(dir.resolve("folder.har"))))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining("folder");
    }
}
