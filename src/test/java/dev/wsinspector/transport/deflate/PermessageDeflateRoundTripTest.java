package dev.wsinspector.transport.deflate;

import static dev.wsinspector.transport.deflate.DeflatePeers.WAIT_SECONDS;
import static dev.wsinspector.transport.deflate.DeflatePeers.negotiatedExtension;
import static dev.wsinspector.transport.deflate.DeflatePeers.next;
import static dev.wsinspector.transport.deflate.PermessageDeflateTest.jsonLike;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wsinspector.transport.deflate.DeflatePeers.RecordingClient;
import dev.wsinspector.transport.deflate.DeflatePeers.RecordingServer;
import dev.wsinspector.transport.deflate.DeflatePeers.SpyDraft;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real Java-WebSocket client and server on 127.0.0.1 talking permessage-deflate. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PermessageDeflateRoundTripTest {

    private static final int MESSAGES = 20;

    private final List<RecordingServer> servers = new ArrayList<>();
    private final List<RecordingClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        for (RecordingClient c : clients) {
            c.closeBlocking();
        }
        servers.forEach(RecordingServer::stopQuietly);
    }

    @Test
    void twentyMessagesEachWayWithContextTakeoverOnBothSides() throws Exception {
        SpyDraft serverDraft = new SpyDraft(new PermessageDeflate());
        SpyDraft clientDraft = new SpyDraft(new PermessageDeflate());
        RecordingServer server = server(serverDraft, true);
        RecordingClient client = client(server, clientDraft);

        List<String> sent = sendAndExpectEcho(client, server);

        assertThat(client.handshake.getFieldValue("Sec-WebSocket-Extensions")).isEqualTo("permessage-deflate");
        PermessageDeflate clientExt = (PermessageDeflate) negotiatedExtension(client.getConnection());
        assertThat(clientExt.parameters()).contains(new DeflateParameters(false, false, 15, 15));
        // Later messages refer back to earlier ones: only possible when both sides keep their window.
        assertCompressionImproves(clientDraft.dataFrameLengths(), sent);
        assertCompressionImproves(serverDraft.dataFrameLengths(), sent);
    }

    @Test
    void serverNoContextTakeoverNegotiatedByTheClient() throws Exception {
        SpyDraft serverDraft = new SpyDraft(new PermessageDeflate());
        SpyDraft clientDraft = new SpyDraft(new PermessageDeflate(
                PermessageDeflate.Settings.DEFAULTS.withServerNoContextTakeover(true)));
        RecordingServer server = server(serverDraft, true);
        RecordingClient client = client(server, clientDraft);

        List<String> sent = sendAndExpectEcho(client, server);

        assertThat(client.handshake.getFieldValue("Sec-WebSocket-Extensions"))
                .isEqualTo("permessage-deflate; server_no_context_takeover");
        // The client still keeps its context; the server starts afresh for every message.
        assertCompressionImproves(clientDraft.dataFrameLengths(), sent);
        List<Integer> serverSizes = serverDraft.dataFrameLengths();
        assertThat(serverSizes.get(MESSAGES - 1)).isGreaterThan(serverSizes.get(0) * 9 / 10);
    }

    @Test
    void ourServerWithTheLibrarysStockClient() throws Exception {
        RecordingServer server = server(new PermessageDeflateDraft(), true);
        RecordingClient client = client(server, new Draft_6455(List.of(new PerMessageDeflateExtension())));

        sendAndExpectEcho(client, server); // the stock extension compresses messages of 1 KiB and more

        assertThat(client.handshake.getFieldValue("Sec-WebSocket-Extensions"))
                .isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
    }

    @Test
    void ourClientWithTheLibrarysStockServer() throws Exception {
        RecordingServer server = server(new Draft_6455(List.of(new PerMessageDeflateExtension())), true);
        SpyDraft clientDraft = new SpyDraft(new PermessageDeflate());
        RecordingClient client = client(server, clientDraft);

        List<String> sent = sendAndExpectEcho(client, server);

        assertThat(client.handshake.getFieldValue("Sec-WebSocket-Extensions"))
                .isEqualTo("permessage-deflate; server_no_context_takeover");
        assertCompressionImproves(clientDraft.dataFrameLengths(), sent); // stock server keeps its inflater
    }

    @Test
    void fragmentedCompressedMessageWithAPingBetweenFragments() throws Exception {
        SpyDraft clientDraft = new SpyDraft(new PermessageDeflate());
        RecordingServer server = server(new PermessageDeflateDraft(), true);
        RecordingClient client = client(server, clientDraft);
        String a = jsonLike(1);
        String b = "second part ü€ " + jsonLike(2);
        String c = "third part";

        client.sendFragmentedFrame(Opcode.TEXT, utf8(a), false);
        client.sendPing(); // legal between fragments; the stock draft would now skip decoding
        client.sendFragmentedFrame(Opcode.TEXT, utf8(b), false);
        client.sendFragmentedFrame(Opcode.TEXT, utf8(c), true);
        client.send("after");

        assertThat(next(server.received)).isEqualTo(a + b + c);
        assertThat(next(server.received)).isEqualTo("after");
        assertThat(next(client.received)).isEqualTo(a + b + c);
        assertThat(next(client.received)).isEqualTo("after");
        assertThat(clientDraft.dataFrames()).extracting(DeflatePeers.WireFrame::rsv1)
                .containsExactly(true, false, false, true);
    }

    @Test
    void oneMebibyteMessagesCompressibleAndNot() throws Exception {
        RecordingServer server = server(new PermessageDeflateDraft(), true);
        RecordingClient client = client(server, new PermessageDeflateDraft());
        byte[] noise = new byte[1 << 20];
        new Random(42).nextBytes(noise);
        String text = jsonLike(5).repeat((1 << 20) / jsonLike(5).length() + 1).substring(0, 1 << 20);

        client.send(noise);
        client.send(text);

        assertThat((byte[]) next(server.received)).isEqualTo(noise);
        assertThat(next(server.received)).isEqualTo(text);
        assertThat((byte[]) next(client.received)).isEqualTo(noise);
        assertThat(next(client.received)).isEqualTo(text);
    }

    @Test
    void decompressionBombClosesWith1009() throws Exception {
        RecordingServer server = server(new PermessageDeflateDraft(List.of(new PermessageDeflate(
                PermessageDeflate.Settings.DEFAULTS.withMaxMessageSize(1 << 20)))), false);
        RecordingClient client = client(server, new PermessageDeflateDraft());

        client.send(new byte[8 << 20]); // 8 MiB of zeros: a few KiB on the wire

        assertThat(client.closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(CloseFrame.TOOBIG);
        assertThat(server.firstCloseCode.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(CloseFrame.TOOBIG);
        assertThat(server.received).isEmpty();
    }

    // ---- helpers ----

    private List<String> sendAndExpectEcho(RecordingClient client, RecordingServer server) throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String message = jsonLike(i) + " ".repeat(1100); // at least 1 KiB for the stock extension
            sent.add(message);
            client.send(message);
        }
        for (String message : sent) {
            assertThat(next(server.received)).isEqualTo(message);
        }
        for (String message : sent) {
            assertThat(next(client.received)).isEqualTo(message);
        }
        return sent;
    }

    private static void assertCompressionImproves(List<Integer> wireSizes, List<String> sent) {
        assertThat(wireSizes).hasSize(sent.size());
        assertThat(wireSizes.get(0)).isLessThan(sent.get(0).length());
        for (int i = 1; i < wireSizes.size(); i++) {
            assertThat(wireSizes.get(i)).as("message %d on the wire", i).isLessThan(wireSizes.get(0) / 4);
        }
    }

    private RecordingServer server(Draft_6455 draft, boolean echo) throws InterruptedException {
        RecordingServer server = new RecordingServer(draft, echo).startAndWait();
        servers.add(server);
        return server;
    }

    private RecordingClient client(RecordingServer server, Draft_6455 draft) throws InterruptedException {
        RecordingClient client = new RecordingClient(server.uri(), draft);
        clients.add(client);
        return client.connectOrFail();
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
