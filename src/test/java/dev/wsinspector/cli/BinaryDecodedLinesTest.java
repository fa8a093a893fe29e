package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.transport.EchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.msgpack.jackson.dataformat.MessagePackFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binary messages in {@code connect}'s lines: MessagePack sniffed, protobuf with a descriptor set from the command
 * line or from the profile ({@code "decoder"}, {@code "protobuf"}), and {@code --decode} beating the profile.
 */
@Timeout(30)
class BinaryDecodedLinesTest {

    private static final String SAMPLES = "/dev/wsinspector/core/payload/protocol/";
    private static EchoServer server;
    private static String base;

    @TempDir
    Path data;

    @BeforeAll
    static void startServer() throws Exception {
        server = EchoServer.builder().host("127.0.0.1").port(0).build();
        server.start();
        base = "ws://127.0.0.1:" + server.address().getPort() + "/";
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aMessagePackFrameFromTheEchoServerIsDecoded() throws IOException {
        byte[] msgpack = new ObjectMapper(new MessagePackFactory()).writeValueAsBytes(Map.of("op", "update", "id", 42));
        CliRun run = CliRun.of("connect", base, "--send-hex", HexFormat.of().formatHex(msgpack), "-n", "1",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode decoded = run.frames("in", "binary").get(0).get("decoded");
        assertThat(decoded.get("protocol").asText()).isEqualTo("msgpack");
        assertThat(decoded.at("/value/op").asText()).isEqualTo("update");
        assertThat(decoded.at("/value/id").asInt()).isEqualTo(42);
    }

    @Test
    void protobufWithTheDescriptorSetGivenOnTheCommandLine() throws IOException {
        Path desc = copy("descriptors/demo.desc", data.resolve("demo.desc"));
        CliRun run = CliRun.of("connect", base, "--send-hex", hex("samples/protobuf/reading.bin"), "-n", "1",
                "--proto-descriptor", desc.toString(), "--proto-type", "demo.Reading", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode decoded = run.frames("in", "binary").get(0).get("decoded");
        assertThat(decoded.get("protocol").asText()).isEqualTo("protobuf");
        assertThat(decoded.at("/value/sensor").asText()).isEqualTo("sensors/1");
        assertThat(decoded.at("/value/unit").asText()).isEqualTo("CELSIUS");
    }

    @Test
    void theProfileChoosesTheDecoderAndDecodeOverridesIt() throws IOException {
        Path profiles = Files.createDirectories(data.resolve("profiles"));
        copy("descriptors/demo.desc", Files.createDirectories(profiles.resolve("schemas")).resolve("demo.desc"));
        Files.writeString(profiles.resolve("pb.json"), "{\"name\":\"pb\",\"url\":\"" + base + "\",\"decoder\":\"protobuf\","
                + "\"protobuf\":{\"descriptorSet\":\"schemas/demo.desc\",\"messageType\":\"demo.Reading\"}}");
        CliRun run = CliRun.of("connect", "--profile", "pb", "--send-hex", hex("samples/protobuf/reading.bin"), "-n", "1",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.frames("in", "binary").get(0).at("/decoded/value/meta/source").asText()).isEqualTo("bench");
        CliRun off = CliRun.of("connect", "--profile", "pb", "--send-hex", hex("samples/protobuf/reading.bin"), "-n", "1",
                "--decode", "none", "--data-dir", data.toString());
        assertThat(off.exitCode()).as(off.toString()).isZero();
        assertThat(off.ofType("frame")).noneMatch(f -> f.has("decoded"));
    }

    @Test
    void aMissingDescriptorSetOrTypeIsAUsageError() throws IOException {
        CliRun missing = CliRun.of("connect", base, "--proto-descriptor", data.resolve("nope.desc").toString(),
                "--proto-type", "demo.Reading", "--data-dir", data.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read the descriptor set").contains("nope.desc");
        Path desc = copy("descriptors/demo.desc", data.resolve("demo.desc"));
        CliRun type = CliRun.of("connect", base, "--proto-descriptor", desc.toString(), "--proto-type", "demo.Nope",
                "--data-dir", data.toString());
        assertThat(type.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(type.err()).contains("no message type demo.Nope").doesNotContain("Exception");
        CliRun half = CliRun.of("connect", base, "--proto-type", "demo.Reading", "--data-dir", data.toString());
        assertThat(half.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(half.err()).contains("--proto-descriptor and --proto-type go together");
    }

    private static Path copy(String resource, Path to) throws IOException {
        Files.write(to, read(resource));
        return to;
    }

    private static String hex(String resource) throws IOException {
        return HexFormat.of().formatHex(read(resource));
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = BinaryDecodedLinesTest.class.getResourceAsStream(SAMPLES + resource)) {
            return Objects.requireNonNull(in, resource).readAllBytes();
        }
    }
}
