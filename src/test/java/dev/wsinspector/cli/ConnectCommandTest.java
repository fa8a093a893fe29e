package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.transport.EchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code connect} against the real echo server and client on loopback. */
@Timeout(30)
class ConnectCommandTest {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EchoServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = EchoServer.builder().host("127.0.0.1").port(0).build();
        server.start();
        url = "ws://127.0.0.1:" + server.address().getPort() + "/";
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void echoRoundTripPrintsTheContractLinesAndExitsZero() {
        CliRun run = CliRun.of("connect", url, "-s", "hello", "-n", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        List<JsonNode> lines = run.lines();
        JsonNode open = lines.get(0);
        assertThat(open.get("type").asText()).isEqualTo("open");
        assertThat(open.get("time").asText()).matches(TIME);
        assertThat(open.get("url").asText()).isEqualTo(url);
        assertThat(open.get("status").asInt()).isEqualTo(101);
        assertThat(open.get("requestHeaders").has("Sec-WebSocket-Key")).isTrue();
        assertThat(open.get("responseHeaders").has("Sec-WebSocket-Accept")).isTrue();
        assertThat(open.has("subprotocol")).isTrue();
        assertThat(open.has("extensions")).isTrue();

        JsonNode out = run.frames("out", "text").get(0);
        assertThat(out.get("time").asText()).matches(TIME);
        assertThat(out.get("fin").asBoolean()).isTrue();
        assertThat(out.get("rsv1").asBoolean()).isFalse();
        assertThat(out.get("rsv2").asBoolean()).isFalse();
        assertThat(out.get("rsv3").asBoolean()).isFalse();
        assertThat(out.get("masked").asBoolean()).isTrue();
        assertThat(out.get("length").asInt()).isEqualTo(5);
        assertThat(out.get("text").asText()).isEqualTo("hello");
        JsonNode in = run.frames("in", "text").get(0);
        assertThat(in.get("masked").asBoolean()).isFalse();
        assertThat(in.get("text").asText()).isEqualTo("hello");
        assertThat(in.get("seq").asLong()).isGreaterThan(out.get("seq").asLong());

        // Done after one frame: we close with the default 1000 and the transcript ends with the close event.
        JsonNode ourClose = run.frames("out", "close").get(0);
        assertThat(ourClose.get("closeCode").asInt()).isEqualTo(1000);
        assertThat(ourClose.get("closeReason").asText()).isEmpty();
        JsonNode closeEvent = lines.get(lines.size() - 1);
        assertThat(closeEvent.get("type").asText()).isEqualTo("close");
        assertThat(closeEvent.get("code").asInt()).isEqualTo(1000);
        assertThat(closeEvent.get("remote").asBoolean()).isFalse();
        assertThat(closeEvent.get("time").asText()).matches(TIME);

        // Frames appear in capture order, without gaps.
        List<Long> seqs = run.ofType("frame").stream().map(f -> f.get("seq").asLong()).toList();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i);
        }
    }

    @Test
    void sendsKeepTheirCommandLineOrderAcrossTheThreeOptions() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        CliRun run = CliRun.of("connect", url, "--send-hex", HexFormat.of().formatHex(all), "-s", "a",
                "--send-base64", "AwQ=", "--send", "b", "--send-hex", "de ad", "-n", "5");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        List<String> sent = new ArrayList<>();
        List<String> echoed = new ArrayList<>();
        for (JsonNode f : run.ofType("frame")) {
            String op = f.get("opcode").asText();
            if (!op.equals("text") && !op.equals("binary")) {
                continue;
            }
            String payload = op + ":" + (f.has("text") ? f.get("text").asText() : f.get("base64").asText());
            (f.get("dir").asText().equals("out") ? sent : echoed).add(payload);
        }
        String allBase64 = Base64.getEncoder().encodeToString(all);
        assertThat(sent).containsExactly("binary:" + allBase64, "text:a", "binary:AwQ=", "text:b", "binary:3q0=");
        assertThat(echoed).isEqualTo(sent);
    }

    @Test
    void closeOptionSetsCodeAndReason() {
        CliRun run = CliRun.of("connect", url, "-s", "x", "-n", "1", "--close", "4000:all done");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        JsonNode close = run.frames("out", "close").get(0);
        assertThat(close.get("closeCode").asInt()).isEqualTo(4000);
        assertThat(close.get("closeReason").asText()).isEqualTo("all done");
    }

    @Test
    void quietPrintsOnlyTheSummary() {
        CliRun run = CliRun.of("connect", url, "-s", "hello", "-s", "world!", "-n", "2", "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(1);
        JsonNode summary = lines.get(0);
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        // Out: two texts and our close (code 1000 = 2 payload bytes). In: two echoes, plus the server's close
        // when it answered within the grace period.
        assertThat(summary.get("framesOut").asLong()).isEqualTo(3);
        assertThat(summary.get("bytesOut").asLong()).isEqualTo(5 + 6 + 2);
        assertThat(summary.get("framesIn").asLong()).isBetween(2L, 3L);
        assertThat(summary.get("bytesIn").asLong()).isBetween(11L, 13L);
        assertThat(summary.get("seconds").asDouble()).isGreaterThan(0).isLessThan(10);
    }

    @Test
    void withoutCountTheClientStaysUntilTheServerClosesThenExitsZero() throws Exception {
        CountDownLatch echoed = new CountDownLatch(1);
        EchoServer own = EchoServer.builder().host("127.0.0.1").port(0).listener(new EchoServer.Listener() {
            @Override
            public void onMessage(InetSocketAddress remote, boolean text, byte[] payload) {
                echoed.countDown();
            }
        }).build();
        own.start();
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread client = new Thread(() -> result.set(CliRun.of("connect",
                "ws://127.0.0.1:" + own.address().getPort() + "/", "-s", "still here?", "--timeout", "20")));
        client.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> own.clientCount() == 1);
            assertThat(echoed.await(10, TimeUnit.SECONDS)).as("the client's message echoed").isTrue();
            // Sent and echoed: it must stay connected (a client that left after its echo would be gone by now).
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> client.isAlive() && own.clientCount() == 1);
        } finally {
            own.stop();
        }
        client.join(10_000);

        CliRun run = result.get();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.frames("in", "text").get(0).get("text").asText()).isEqualTo("still here?");
        JsonNode close = run.ofType("close").get(0);
        assertThat(close.get("remote").asBoolean()).isTrue();
        assertThat(close.get("code").asInt()).isEqualTo(1001);
    }

    @Test
    void connectionDroppedWithoutCloseExitsOne() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> acceptUpgradeSendAndDrop(s));
            server.start();
            CliRun run = CliRun.of("connect", "ws://127.0.0.1:" + s.getLocalPort() + "/", "--timeout", "10");
            server.join(5_000);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.frames("in", "text").get(0).get("text").asText()).isEqualTo("bye");
            JsonNode close = run.ofType("close").get(0);
            assertThat(close.get("code").asInt()).isEqualTo(1006);
        }
    }

    /** A server that completes the upgrade, sends one unmasked text frame "bye" and drops the TCP connection. */
    private static void acceptUpgradeSendAndDrop(ServerSocket s) {
        try (Socket c = s.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
            String key = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            OutputStream out = c.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {(byte) 0x81, 3, 'b', 'y', 'e'});
            out.write(new byte[] {(byte) 0x89, 0}); // a ping: its pong says the client has read "bye" before it
            out.flush();
            c.setSoTimeout(10_000);
            c.getInputStream().readNBytes(6); // the pong: 0x8A, mask bit and length 0, 4-byte masking key
            c.setSoLinger(true, 0); // RST: no close frame, no orderly shutdown
        } catch (Exception e) {
            // The test asserts on the client's side.
        }
    }

    @Test
    void connectionRefusedExitsOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("connect", "ws://127.0.0.1:" + port + "/", "-s", "hello", "-n", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        JsonNode error = run.ofType("error").get(0);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("time").asText()).matches(TIME);
        assertThat(run.ofType("open")).isEmpty();
        assertThat(run.err()).isNotBlank();
    }

    @Test
    void upgradeAnsweredWithoutA101ExitsOne() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket c = s.accept()) {
                    c.getInputStream().read(new byte[256]);
                    c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nno"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // The test asserts on the client's side.
                }
            });
            acceptor.start();
            CliRun run = CliRun.of("connect", "ws://127.0.0.1:" + s.getLocalPort() + "/", "--timeout", "10");
            acceptor.join(5_000);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.ofType("error")).isNotEmpty();
            assertThat(run.ofType("open")).isEmpty();
        }
    }

    @Test
    void timeoutExitsThree() {
        long start = System.nanoTime();
        CliRun run = CliRun.of("connect", url, "-n", "1", "--timeout", "1");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(seconds).isBetween(0.9, 6.0);
        assertThat(run.ofType("open")).hasSize(1);
        // On timeout we still close politely with --close's code.
        assertThat(run.frames("out", "close")).hasSize(1);
        assertThat(run.err()).contains("timed out");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "connect|URL|--bogus",
        "connect|URL|-H|no colon here",
        "connect|URL|--close|abc",
        "connect|URL|--close|1005",
        "connect|URL|--record|capture.txt",
        "connect|URL|--send-hex|abc",
        "connect|URL|--send-base64|***",
        "connect|URL|-n|0",
        "connect|URL|--timeout|-1",
        "connect|URL|-s",
        "connect|http://127.0.0.1:1/",
        "connect",
        "frobnicate",
    })
    void usageErrorsExitTwo(String argLine) {
        String[] args = argLine.replace("URL", url).split("\\|");
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isNotBlank();
    }

    @Test
    void recordJsonlMatchesStdoutAndMasksSecrets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("capture.jsonl");
        CliRun run = CliRun.of("connect", url, "-s", "hello", "-n", "1", "--record", file.toString(),
                "-H", "Authorization: Bearer s3cret", "-H", "X-Trace: 42");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        String recorded = Files.readString(file);
        assertThat(recorded).isEqualTo(run.out());
        assertThat(recorded).doesNotContain("s3cret");
        JsonNode open = run.ofType("open").get(0);
        assertThat(open.get("requestHeaders").get("Authorization").asText()).isEqualTo("••••");
        assertThat(open.get("requestHeaders").get("X-Trace").asText()).isEqualTo("42");
    }

    @Test
    void recordHarHasWebSocketMessagesAndMasksSecretsUnlessAsked(@TempDir Path dir) throws Exception {
        Path masked = dir.resolve("masked.har");
        CliRun run = CliRun.of("connect", url, "-s", "hello", "--send-hex", "ff00", "-n", "2", "--record",
                masked.toString(), "-H", "Authorization: Bearer s3cret");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);

        JsonNode entry = JSON.readTree(masked.toFile()).get("log").get("entries").get(0);
        assertThat(entry.get("_resourceType").asText()).isEqualTo("websocket");
        assertThat(entry.get("request").get("url").asText()).isEqualTo(url);
        assertThat(entry.get("response").get("status").asInt()).isEqualTo(101);
        List<String> sent = new ArrayList<>();
        List<String> received = new ArrayList<>();
        for (JsonNode m : entry.get("_webSocketMessages")) {
            assertThat(m.get("time").asDouble()).isGreaterThan(1.7e9);
            String line = m.get("opcode").asInt() + " " + m.get("data").asText();
            (m.get("type").asText().equals("send") ? sent : received).add(line);
        }
        // Binary data is base64, as Chrome writes it; our close is the last thing we sent.
        assertThat(sent).startsWith("1 hello", "2 /wA=").endsWith("8 ");
        assertThat(received).startsWith("1 hello", "2 /wA=");
        assertThat(Files.readString(masked)).doesNotContain("s3cret").contains("••••");

        Path open = dir.resolve("open.har");
        CliRun withSecrets = CliRun.of("connect", url, "-s", "hello", "-n", "1", "--record", open.toString(),
                "-H", "Authorization: Bearer s3cret", "--include-secrets");
        assertThat(withSecrets.exitCode()).as(withSecrets.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(open)).contains("Bearer s3cret");
        assertThat(withSecrets.out()).contains("Bearer s3cret");
    }

    @Test
    void tokensPassedAsSubprotocolsOrSignedQueryValuesStayOutOfOutputAndFiles(@TempDir Path dir) throws Exception {
        // Browsers cannot set Authorization on a WebSocket, so APIs take the token as a subprotocol or in the URL.
        String signed = url + "?room=7&sig=s1gnature&session=s3ssion";
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmVk";
        for (String format : List.of("jsonl", "har")) {
            Path file = dir.resolve("capture." + format);
            // The echo server picks the first offered subprotocol: here the marker, with the token after it.
            CliRun run = CliRun.of("connect", signed, "-p", "access_token", "-p", token, "-s", "hello", "-n", "1",
                    "--record", file.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            for (String text : List.of(run.out(), run.err(), Files.readString(file))) {
                assertThat(text).doesNotContain(token).doesNotContain("s1gnature").doesNotContain("s3ssion");
            }
            assertThat(Files.readString(file)).contains("access_token, ••••").contains("room=7");
        }
        JsonNode open = CliRun.of("connect", signed, "-p", "base64url.bearer.authorization.k8s.io." + token,
                "-s", "x", "-n", "1")
                .ofType("open").get(0);
        assertThat(open.get("subprotocol").asText()).isEqualTo("base64url.bearer.authorization.k8s.io.••••");

        CliRun revealed = CliRun.of("connect", signed, "-p", "access_token", "-p", token, "-s", "x", "-n", "1",
                "--include-secrets");
        assertThat(revealed.out()).contains(token).contains("sig=s1gnature");
    }

    @Test
    void recordToAnUnwritablePathIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("connect", url, "-n", "1", "--record", dir.resolve("no/such/dir/x.har").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot write");
    }
}
