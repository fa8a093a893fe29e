package dev.wsinspector.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.NodePeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy between real third-party peers (npm's {@code ws}, client and server) and between the app's own client
 * and a {@code ws} server: permessage-deflate negotiated end to end, with the server keeping its compression
 * context, so every compressed message must reach the other side exactly as it was sent.
 */
@Timeout(60)
class InterceptingProxyPeersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NodePeer server;
    private InterceptingProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private URI startProxy() throws Exception {
        server = NodePeer.start("proxy-echo-server.js");
        proxy = InterceptingProxyTest.started(InterceptingProxyTest.to(URI.create("ws://127.0.0.1:" + server.port() + "/")));
        return proxy.address().orElseThrow();
    }

    private static List<JsonNode> runNodeClient(URI url) throws IOException, InterruptedException {
        return linesOf(startNodeClient(url));
    }

    private static Process startNodeClient(URI url) throws IOException {
        return new ProcessBuilder("node", "proxy-client.js", url.toString()).directory(NodePeer.DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<JsonNode> linesOf(Process p) throws IOException, InterruptedException {
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("node client finished").isTrue();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void wsClientAndWsServerTalkCompressedThroughTheProxyEndToEnd() throws Exception {
        URI address = startProxy();
        List<JsonNode> got = runNodeClient(address);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add("{\"text\":\"the same words again and again, message " + i + " the same words again and again\"}");
        }
        expected.add("{\"base64\":\"AAECA/7/\"}");
        expected.add("{\"text\":\"frag-mented\"}");
        assertThat(got.subList(0, 7)).extracting(JsonNode::toString).containsExactlyElementsOf(expected);
        JsonNode close = got.get(7);
        assertThat(close.get("close").asInt()).isEqualTo(4005);
        assertThat(close.get("reason").asText()).isEqualTo("asked");
        assertThat(close.get("extensions").toString()).contains("permessage-deflate");

        ProxiedClient c = proxy.clients().get(0);
        assertThat(c.serverLeg().opened().orElseThrow().handshake().extensions().orElseThrow()).contains("permessage-deflate");
        assertThat(c.clientLeg().opened().orElseThrow().handshake().extensions().orElseThrow()).contains("permessage-deflate");
        await().atMost(Duration.ofSeconds(10)).until(() -> c.clientLeg().closed().isPresent());
        FrameStore clientLeg = c.clientLeg().frames();
        // compressed on the wire (RSV1) and passed on as such: the server leg holds the same header
        long compressed = 0;
        for (long seq = 0; seq < clientLeg.size(); seq++) {
            if (clientLeg.opcode(seq) == Opcode.TEXT && (clientLeg.firstByte(seq) & 0x40) != 0) {
                compressed++;
                // captured inflated, readable, though forwarded compressed
                assertThat(clientLeg.inflated(seq)).isTrue();
                assertThat(new String(clientLeg.get(seq).payloadBytes(), StandardCharsets.UTF_8))
                        .matches("the same words.*|frag-(mented)?|close:4005");
                long copy = c.pairs().other(Leg.CLIENT, seq);
                assertThat(c.serverLeg().frames().firstByte(copy)).isEqualTo(clientLeg.firstByte(seq));
                assertThat(c.serverLeg().frames().get(copy).payloadBytes()).isEqualTo(clientLeg.get(seq).payloadBytes());
            }
        }
        assertThat(compressed).isGreaterThanOrEqualTo(10); // five each way at least
        assertThat(c.clientLeg().closed().orElseThrow().code()).isEqualTo(4005);
    }

    @Test
    void theAppsOwnClientWithDeflateKeepsInStepWithAServerThatKeepsItsContext() throws Exception {
        URI address = startProxy();
        Session session = new Session(new SegmentedFrameStore());
        Connection connection = new JwsConnectionService().connect(ConnectionOptions.of(address).withDeflate(true)
                .withConnectTimeout(Duration.ofSeconds(5)), session.frames(), session);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> connection.state() == ConnectionState.OPEN);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String text = "repeat repeat repeat repeat " + i + " repeat repeat repeat";
                sent.add(text);
                connection.sendText(text);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> InterceptingProxyBreakpointTest.received(session.frames()).size() == 6);
            assertThat(InterceptingProxyBreakpointTest.received(session.frames())).containsExactlyElementsOf(sent);
            FrameStore mine = session.frames();
            long inflated = 0;
            for (long seq = 0; seq < mine.size(); seq++) {
                if (mine.direction(seq) == Direction.IN && mine.inflated(seq)) {
                    inflated++;
                }
            }
            assertThat(inflated).isEqualTo(6); // the server's compression reached the client untouched
        } finally {
            connection.close();
        }
    }

    @Test
    void aBreakpointSeesIntoCompressedMessagesAndAForwardedHoldKeepsTheContextInStep() throws Exception {
        URI address = startProxy();
        proxy.setBreakpoint(dev.wsinspector.core.proxy.Flow.TO_CLIENT, "\"message 3\"");
        Process client = startNodeClient(address);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> proxy.held().size() == 1);
            var held = proxy.held().get(0);
            assertThat(new String(held.payload(), StandardCharsets.UTF_8)).contains("message 3");
            assertThat(proxy.forward(held.id())).isTrue();
            List<JsonNode> got = linesOf(client);
            assertThat(got).hasSize(8);
            assertThat(got.get(3).get("text").asText()).contains("message 3");
            assertThat(got.get(4).get("text").asText()).contains("message 4"); // still inflates after the hold
            assertThat(got.get(7).get("close").asInt()).isEqualTo(4005);
        } finally {
            client.destroyForcibly();
        }
    }
}
