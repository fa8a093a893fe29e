package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JSONL captures, written by hand as the contract in DESIGN.md describes them. */
class JsonlImportTest {

    private static final String OPEN = """
            {"type":"open","time":"2026-11-26T05:48:36.000001Z","url":"wss://h/chat","status":101,\
            "requestHeaders":{"Host":"h","Sec-WebSocket-Protocol":"chat"},"responseHeaders":{"Upgrade":"websocket"},\
            "subprotocol":"chat","extensions":null}""";
    /** 2026-11-26T05:48:36Z */
    private static final long T = 1_795_672_116_000_000L;

    @TempDir
    Path dir;

    @Test
    void aBrokenLineIsReportedByNumberAndTheRestImported() throws Exception {
        Path file = write("broken.jsonl",
                OPEN,
                frame("out", "2026-11-26T05:48:36.000010Z", "\"text\":\"one\""),
                "{\"type\":\"frame\",\"dir\":\"in\", this is not json",
                "",
                frame("in", "2026-11-26T05:48:36.000020Z", "\"text\":\"two\""),
                "{\"type\":\"close\",\"time\":\"2026-11-26T05:48:36.000030Z\",\"code\":1001,\"reason\":\"away\","
                        + "\"remote\":true}");

        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).containsExactly("line 3: not JSON");
        assertThat(result.captures()).hasSize(1);
        ImportedCapture capture = result.captures().get(0);
        assertThat(capture.url()).isEqualTo("wss://h/chat");
        FrameStore frames = capture.session().frames();
        assertThat(frames.size()).isEqualTo(2);
        assertThat(text(frames.get(0))).isEqualTo("one");
        assertThat(frames.get(0).direction()).isEqualTo(Direction.OUT);
        assertThat(frames.epochMicros(0)).isEqualTo(T + 10);
        assertThat(text(frames.get(1))).isEqualTo("two");
        assertThat(frames.get(1).direction()).isEqualTo(Direction.IN);
        assertThat(frames.epochMicros(1)).isEqualTo(T + 20);

        List<ConnectionEvent> events = capture.session().eventsFrom(0);
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(ConnectionEvent.Connecting.class);
        ConnectionEvent.Opened opened = (ConnectionEvent.Opened) events.get(1);
        assertThat(opened.epochMicros()).isEqualTo(T + 1);
        Handshake hs = opened.handshake();
        assertThat(hs.requestLine()).isEqualTo("GET /chat HTTP/1.1");
        assertThat(hs.subprotocol()).as("the subprotocol field counts as the server's answer").contains("chat");
        assertThat(hs.extensions()).isEmpty();
        assertThat(events.get(2)).isEqualTo(new ConnectionEvent.Closed(T + 30, 2, 1001, "away", true, true));
    }

    @Test
    void unknownTypesAndUnusableFramesAreReportedNotFatal() throws Exception {
        Path file = write("odd.jsonl",
                OPEN,
                "{\"type\":\"telemetry\",\"x\":1}",
                "{\"type\":\"frame\",\"time\":\"2026-11-26T05:48:36.000002Z\",\"opcode\":\"text\",\"text\":\"?\"}",
                "{\"type\":\"frame\",\"time\":\"2026-11-26T05:48:36.000003Z\",\"dir\":\"in\",\"opcode\":\"text\","
                        + "\"base64\":\"%%%\"}",
                "[1,2,3]",
                frame("in", "2026-11-26T05:48:36.000004Z", "\"text\":\"kept\""));

        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).hasSize(4);
        assertThat(result.problems().get(0)).startsWith("line 2: ").contains("telemetry");
        assertThat(result.problems().get(1)).startsWith("line 3: ").contains("dir");
        assertThat(result.problems().get(2)).startsWith("line 4: ").contains("base64");
        assertThat(result.problems().get(3)).startsWith("line 5: ");
        FrameStore frames = result.captures().get(0).session().frames();
        assertThat(frames.size()).isEqualTo(1);
        assertThat(text(frames.get(0))).isEqualTo("kept");
    }

    @Test
    void twoOpenLinesGiveTwoCapturesEachCountingItsOwnFrames() throws Exception {
        Path file = write("reconnected.jsonl",
                OPEN,
                frame("in", "2026-11-26T05:48:36.000010Z", "\"text\":\"a\""),
                "{\"type\":\"close\",\"time\":\"2026-11-26T05:48:36.000020Z\",\"code\":1006,\"reason\":\"\","
                        + "\"remote\":true,\"clean\":false}",
                OPEN.replace("wss://h/chat", "wss://h/again").replace("36.000001Z", "37.000000Z"),
                frame("in", "2026-11-26T05:48:37.000010Z", "\"text\":\"b\""),
                frame("in", "2026-11-26T05:48:37.000020Z", "\"text\":\"c\""),
                "{\"type\":\"note\",\"time\":\"2026-11-26T05:48:37.000030Z\",\"level\":\"info\",\"message\":\"done\"}");

        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.captures()).extracting(ImportedCapture::url).containsExactly("wss://h/chat", "wss://h/again");
        assertThat(result.captures().get(0).session().frames().size()).isEqualTo(1);
        assertThat(result.captures().get(0).session().closed()).isPresent();
        FrameStore second = result.captures().get(1).session().frames();
        assertThat(second.size()).isEqualTo(2);
        assertThat(text(second.get(0))).isEqualTo("b");
        assertThat(second.epochMicros(0)).isEqualTo(T + 1_000_010);
        List<ConnectionEvent> events = result.captures().get(1).session().eventsFrom(0);
        assertThat(events.get(events.size() - 1))
                .isEqualTo(new ConnectionEvent.Note(T + 1_000_030, 2, "info", "done"));
    }

    @Test
    void framesKeepTheirHeaderBitsAndCloseFramesTheirCode() throws Exception {
        Path file = write("bits.jsonl",
                "{\"type\":\"frame\",\"time\":\"2026-11-26T05:48:36.5Z\",\"dir\":\"out\",\"opcode\":\"binary\","
                        + "\"fin\":false,\"rsv1\":false,\"rsv2\":true,\"rsv3\":false,\"masked\":true,"
                        + "\"maskKey\":\"a1b2c3d4\",\"length\":3,\"base64\":\"AQID\"}",
                "{\"type\":\"frame\",\"time\":\"2026-11-26T05:48:36.6Z\",\"dir\":\"in\",\"opcode\":\"close\","
                        + "\"fin\":true,\"masked\":false,\"length\":6,\"closeCode\":4000,\"closeReason\":\"done\"}",
                "{\"type\":\"frame\",\"time\":\"2026-11-26T05:48:36.7Z\",\"dir\":\"out\",\"opcode\":\"close\","
                        + "\"fin\":true,\"masked\":true,\"length\":0,\"closeCode\":1005,\"closeReason\":\"\"}");

        ImportResult result = CaptureFiles.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.captures().get(0).url()).as("the file does not say").isEmpty();
        FrameStore frames = result.captures().get(0).session().frames();
        Frame binary = frames.get(0);
        assertThat(binary.opcode()).isEqualTo(Opcode.BINARY);
        assertThat(binary.fin()).isFalse();
        assertThat(binary.header().rsv2()).isTrue();
        assertThat(binary.header().maskKey()).isEqualTo(0xA1B2C3D4);
        assertThat(binary.payloadBytes()).containsExactly(1, 2, 3);
        assertThat(binary.epochMicros()).isEqualTo(T + 500_000);
        assertThat(frames.get(1).payloadBytes()).containsExactly(0x0F, 0xA0, 'd', 'o', 'n', 'e');
        assertThat(frames.get(2).payloadBytes()).as("an empty close payload stays empty").isEmpty();
    }

    @Test
    void filesThatAreNoCaptureSayWhy() throws Exception {
        assertThatThrownBy(() -> CaptureFiles.read(write("empty.jsonl", "", "  ")))
                .isInstanceOf(CaptureFormatException.class).hasMessage("the file is empty");
        assertThatThrownBy(() -> CaptureFiles.read(write("prose.wsi.jsonl", "hello", "world")))
                .isInstanceOf(CaptureFormatException.class).hasMessageStartingWith("not a WebSocket capture")
                .hasMessageContaining("line 1: not JSON");
        assertThatThrownBy(() -> CaptureFiles.read(write("other.jsonl", "{\"level\":\"info\",\"msg\":\"x\"}")))
                .isInstanceOf(CaptureFormatException.class).hasMessageStartingWith("not a WebSocket capture")
                .hasMessageContaining("line 1: no \"type\"");
        assertThatThrownBy(() -> CaptureFiles.read(dir.resolve("gone.jsonl")))
                .isInstanceOf(CaptureFormatException.class).hasMessage("the file does not exist");
    }

    @Test
    void aFileBrokenOnEveryLineListsABoundedNumberOfProblems() throws Exception {
        String[] lines = new String[Problems.MAX_LISTED + 51];
        lines[0] = OPEN;
        for (int i = 1; i < lines.length; i++) {
            lines[i] = "not json " + i;
        }
        ImportResult result = CaptureFiles.read(write("noisy.jsonl", lines));

        assertThat(result.problems()).hasSize(Problems.MAX_LISTED + 1);
        assertThat(result.problems().get(Problems.MAX_LISTED)).contains("50 more problems");
    }

    @Test
    void formatFollowsTheFileName() {
        assertThat(CaptureFormat.of(Path.of("a.har"))).contains(CaptureFormat.HAR);
        assertThat(CaptureFormat.of(Path.of("dir", "A.HAR"))).contains(CaptureFormat.HAR);
        assertThat(CaptureFormat.of(Path.of("a.jsonl"))).contains(CaptureFormat.JSONL);
        assertThat(CaptureFormat.of(Path.of("a.wsi.jsonl"))).contains(CaptureFormat.JSONL);
        assertThat(CaptureFormat.of(Path.of("a.json"))).isEmpty();
        assertThat(CaptureFormat.of(Path.of("a.har.txt"))).isEmpty();
        assertThat(CaptureFormat.of(Path.of("har"))).isEmpty();
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static String frame(String dir, String time, String payload) {
        return "{\"type\":\"frame\",\"time\":\"" + time + "\",\"dir\":\"" + dir + "\",\"opcode\":\"text\","
                + "\"fin\":true,\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,\"masked\":" + dir.equals("out") + ","
                + payload + "}";
    }

    private static String text(Frame f) {
        return new String(f.payloadBytes(), StandardCharsets.UTF_8);
    }
}
