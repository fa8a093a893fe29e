package dev.wsinspector.transport.deflate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.ContinuousFrame;
import org.java_websocket.framing.DataFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Negotiation and the frame codec, without sockets. The round trips over sockets are in other tests. */
class PermessageDeflateTest {

    // ---- negotiation ----

    @Test
    void clientOffersExactlyWhatChromiumOffers() {
        assertThat(new PermessageDeflate().getProvidedExtensionAsClient())
                .isEqualTo("permessage-deflate; client_max_window_bits");
    }

    @Test
    void clientCanAlsoAskForNoContextTakeover() {
        PermessageDeflate ext = new PermessageDeflate(PermessageDeflate.Settings.DEFAULTS
                .withServerNoContextTakeover(true).withClientNoContextTakeover(true));
        assertThat(ext.getProvidedExtensionAsClient()).isEqualTo(
                "permessage-deflate; client_max_window_bits; server_no_context_takeover; client_no_context_takeover");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate                                                       | permessage-deflate",
        "permessage-deflate; client_max_window_bits                               | permessage-deflate",
        "permessage-deflate; client_max_window_bits=12                            | permessage-deflate",
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "Permessage-Deflate; Server_No_Context_Takeover                           | permessage-deflate; server_no_context_takeover",
        "permessage-deflate; server_max_window_bits=10                            | permessage-deflate; server_max_window_bits=10",
        "permessage-deflate; server_max_window_bits=\"9\"                          | permessage-deflate; server_max_window_bits=9",
        "x-webkit-deflate-frame, permessage-deflate; bogus, permessage-deflate; server_no_context_takeover | permessage-deflate; server_no_context_takeover",
    })
    void serverAnswersWithWhatItWillDo(String offer, String answer) {
        PermessageDeflate server = new PermessageDeflate();
        assertThat(server.acceptProvidedExtensionAsServer(offer)).isTrue();
        assertThat(server.getProvidedExtensionAsServer()).isEqualTo(answer);
        assertThat(server.role()).contains(Role.SERVER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "x-webkit-deflate-frame",
        "permessage-deflate; bogus",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; server_max_window_bits=7",
        "permessage-deflate; server_max_window_bits=010",
        "permessage-deflate; client_max_window_bits=abc",
        "permessage-deflate; server_no_context_takeover=1",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
    })
    void serverDeclinesInvalidOffers(String offer) {
        PermessageDeflate server = new PermessageDeflate();
        assertThat(server.acceptProvidedExtensionAsServer(offer)).isFalse();
        assertThat(server.parameters()).isEmpty();
        assertThat(server.getProvidedExtensionAsServer()).isEmpty();
    }

    @Test
    void serverImposesNoContextTakeoverWhenConfigured() {
        PermessageDeflate server = new PermessageDeflate(
                PermessageDeflate.Settings.DEFAULTS.withServerNoContextTakeover(true));
        assertThat(server.acceptProvidedExtensionAsServer("permessage-deflate; client_max_window_bits")).isTrue();
        assertThat(server.getProvidedExtensionAsServer()).isEqualTo("permessage-deflate; server_no_context_takeover");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate                                    | false | false | 15 | 15",
        "permessage-deflate; server_no_context_takeover        | true  | false | 15 | 15",
        "permessage-deflate; client_no_context_takeover        | false | true  | 15 | 15",
        "permessage-deflate; server_max_window_bits=10         | false | false | 10 | 15",
        "permessage-deflate; client_max_window_bits=15         | false | false | 15 | 15",
        "permessage-deflate; client_max_window_bits=9          | false | false | 15 | 9",
    })
    void clientHonoursTheServerAnswer(String answer, boolean serverNoCtx, boolean clientNoCtx,
                                      int serverBits, int clientBits) {
        PermessageDeflate client = new PermessageDeflate();
        assertThat(client.acceptProvidedExtensionAsClient(answer)).isTrue();
        assertThat(client.parameters()).contains(
                new DeflateParameters(serverNoCtx, clientNoCtx, serverBits, clientBits));
        assertThat(client.compressesOutgoing()).isEqualTo(clientBits == 15);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "permessage-deflate; client_max_window_bits",
        "permessage-deflate; server_max_window_bits=20",
        "permessage-deflate; unknown_param",
        "permessage-deflate; client_no_context_takeover; client_no_context_takeover",
    })
    void clientDeclinesInvalidAnswers(String answer) {
        PermessageDeflate client = new PermessageDeflate();
        assertThat(client.acceptProvidedExtensionAsClient(answer)).isFalse();
        assertThat(client.parameters()).isEmpty();
    }

    @Test
    void copyInstanceIsFreshWithTheSameSettings() {
        PermessageDeflate.Settings settings = PermessageDeflate.Settings.DEFAULTS
                .withCompressionLevel(3).withThreshold(10).withMaxMessageSize(1000).withClientNoContextTakeover(true);
        PermessageDeflate original = new PermessageDeflate(settings);
        original.acceptProvidedExtensionAsServer("permessage-deflate");

        PermessageDeflate copy = (PermessageDeflate) original.copyInstance();

        assertThat(copy).isNotSameAs(original);
        assertThat(copy.settings()).isEqualTo(settings);
        assertThat(copy.parameters()).isEmpty();
        assertThat(copy.role()).isEmpty();
    }

    // ---- frame rules ----

    @Test
    void rsv1IsAnErrorOnContinuationAndControlFrames() {
        PermessageDeflate ext = negotiatedPair()[1];
        ContinuousFrame continuation = new ContinuousFrame();
        continuation.setRSV1(true);
        PingFrame ping = new PingFrame();
        ping.setRSV1(true);
        TextFrame text = new TextFrame();
        text.setRSV2(true);

        assertThatThrownBy(() -> ext.isFrameValid(continuation)).isInstanceOf(InvalidFrameException.class);
        assertThatThrownBy(() -> ext.isFrameValid(ping)).isInstanceOf(InvalidFrameException.class);
        assertThatThrownBy(() -> ext.isFrameValid(text)).isInstanceOf(InvalidFrameException.class);
    }

    @Test
    void firstFrameWithRsv1IsValid() throws InvalidDataException {
        TextFrame text = new TextFrame();
        text.setRSV1(true);
        negotiatedPair()[1].isFrameValid(text); // no exception
    }

    @Test
    void controlFramesAreNeverCompressed() {
        PermessageDeflate client = negotiatedPair()[0];
        PingFrame ping = new PingFrame();
        ping.setPayload(ByteBuffer.wrap("keep-alive keep-alive keep-alive".getBytes(StandardCharsets.US_ASCII)));
        client.encodeFrame(ping);
        assertThat(ping.isRSV1()).isFalse();
        assertThat(ping.getPayloadData().remaining()).isEqualTo(32);
    }

    // ---- codec round trips (client encodes, server decodes) ----

    @Test
    void contextIsKeptAcrossMessagesSoRepeatsCompressToAlmostNothing() throws InvalidDataException {
        PermessageDeflate[] pair = negotiatedPair();
        String message = jsonLike(7);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DataFrame frame = text(message, true);
            pair[0].encodeFrame(frame);
            assertThat(frame.isRSV1()).isTrue();
            sizes.add(frame.getPayloadData().remaining());
            pair[1].decodeFrame(frame);
            assertThat(utf8(frame)).isEqualTo(message);
        }
        assertThat(sizes.get(19)).isLessThan(sizes.get(0) / 4);
    }

    @Test
    void noContextTakeoverResetsEveryMessage() throws InvalidDataException {
        PermessageDeflate client = new PermessageDeflate(
                PermessageDeflate.Settings.DEFAULTS.withClientNoContextTakeover(true));
        PermessageDeflate server = new PermessageDeflate();
        server.acceptProvidedExtensionAsServer(client.getProvidedExtensionAsClient());
        client.acceptProvidedExtensionAsClient(server.getProvidedExtensionAsServer());
        String message = jsonLike(3);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DataFrame frame = text(message, true);
            client.encodeFrame(frame);
            sizes.add(frame.getPayloadData().remaining());
            server.decodeFrame(frame);
            assertThat(utf8(frame)).isEqualTo(message);
        }
        assertThat(sizes).containsOnly(sizes.get(0));
    }

    @Test
    void emptyMessagesAndEmptyLastFragmentsRoundTrip() throws InvalidDataException {
        PermessageDeflate[] pair = negotiatedPair();
        for (int i = 0; i < 3; i++) {
            DataFrame empty = text("", true);
            pair[0].encodeFrame(empty);
            assertThat(empty.isRSV1()).isTrue();
            assertThat(empty.getPayloadData().remaining()).isPositive();
            pair[1].decodeFrame(empty);
            assertThat(utf8(empty)).isEmpty();
        }
        // "abc" + "" as two fragments, then a normal message: the stream must still be in step.
        List<Framedata> frames = List.of(text("abc", false), continuation(new byte[0], true));
        StringBuilder got = new StringBuilder();
        for (Framedata f : frames) {
            pair[0].encodeFrame(f);
            pair[1].decodeFrame(f);
            got.append(utf8(f));
        }
        assertThat(got).hasToString("abc");
        DataFrame after = text("after", true);
        pair[0].encodeFrame(after);
        pair[1].decodeFrame(after);
        assertThat(utf8(after)).isEqualTo("after");
    }

    @Test
    void fragmentsCarryRsv1OnlyOnTheFirstFrame() throws InvalidDataException {
        PermessageDeflate[] pair = negotiatedPair();
        byte[] data = jsonLike(1).getBytes(StandardCharsets.UTF_8);
        List<DataFrame> frames = List.of(binary(Arrays.copyOfRange(data, 0, 100), false),
                continuation(Arrays.copyOfRange(data, 100, 200), false),
                continuation(Arrays.copyOfRange(data, 200, data.length), true));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        for (DataFrame f : frames) {
            pair[0].encodeFrame(f);
        }
        assertThat(frames).extracting(Framedata::isRSV1).containsExactly(true, false, false);
        for (DataFrame f : frames) {
            pair[1].decodeFrame(f);
            got.writeBytes(bytes(f));
        }
        assertThat(got.toByteArray()).isEqualTo(data);
    }

    @Test
    void characterSplitByAFragmentBoundaryIsHeldBackUntilTheNextFragment() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("€").append(Integer.toHexString(i * 7919)).append("😀ü").append(i % 7 == 0 ? "é" : "—");
        }
        String message = sb.toString();
        byte[] compressed = rawDeflateWithoutTail(message.getBytes(StandardCharsets.UTF_8));
        // Two fragments, cut at every position of the compressed stream: many cuts fall inside a character.
        for (int cut = 0; cut <= compressed.length; cut++) {
            PermessageDeflate server = negotiatedPair()[1];
            DataFrame first = text(Arrays.copyOfRange(compressed, 0, cut), false);
            first.setRSV1(true);
            DataFrame last = continuation(Arrays.copyOfRange(compressed, cut, compressed.length), true);
            server.decodeFrame(first);
            String firstPart = utf8(first);
            server.decodeFrame(last);
            assertThat(firstPart).as("cut at %d", cut).doesNotContain("\uFFFD");
            assertThat(firstPart + utf8(last)).as("cut at %d", cut).isEqualTo(message);
        }
    }

    @Test
    void uncompressedMessagesPassThrough() throws InvalidDataException {
        PermessageDeflate server = negotiatedPair()[1];
        DataFrame plain = text("not compressed", true);
        server.decodeFrame(plain);
        assertThat(utf8(plain)).isEqualTo("not compressed");
    }

    @Test
    void belowTheThresholdMessagesGoOutUncompressed() {
        PermessageDeflate client = new PermessageDeflate(PermessageDeflate.Settings.DEFAULTS.withThreshold(100));
        client.acceptProvidedExtensionAsClient("permessage-deflate");
        DataFrame small = text("small", true);
        client.encodeFrame(small);
        assertThat(small.isRSV1()).isFalse();
        assertThat(utf8(small)).isEqualTo("small");
    }

    @Test
    void windowBelow15MeansWeSendUncompressedButStillInflate() throws Exception {
        PermessageDeflate client = new PermessageDeflate();
        client.acceptProvidedExtensionAsClient("permessage-deflate; client_max_window_bits=10");
        DataFrame out = text(jsonLike(1), true);
        client.encodeFrame(out);
        assertThat(out.isRSV1()).isFalse();
        assertThat(utf8(out)).isEqualTo(jsonLike(1));

        DataFrame in = text(rawDeflateWithoutTail("from server".getBytes(StandardCharsets.UTF_8)), true);
        in.setRSV1(true);
        client.decodeFrame(in);
        assertThat(utf8(in)).isEqualTo("from server");
    }

    @Test
    void decompressionBombFailsWith1009() {
        PermessageDeflate server = new PermessageDeflate(
                PermessageDeflate.Settings.DEFAULTS.withMaxMessageSize(1 << 20));
        server.acceptProvidedExtensionAsServer("permessage-deflate");
        byte[] bomb = rawDeflateWithoutTail(new byte[16 << 20]); // 16 MiB of zeros, about 16 KiB compressed
        assertThat(bomb.length).isLessThan(64 * 1024);
        DataFrame frame = binary(bomb, true);
        frame.setRSV1(true);

        assertThatThrownBy(() -> server.decodeFrame(frame))
                .isInstanceOf(LimitExceededException.class)
                .extracting(e -> ((LimitExceededException) e).getCloseCode()).isEqualTo(CloseFrame.TOOBIG);
    }

    @Test
    void messageExactlyAtTheLimitIsAccepted() throws InvalidDataException {
        PermessageDeflate server = new PermessageDeflate(PermessageDeflate.Settings.DEFAULTS.withMaxMessageSize(5000));
        server.acceptProvidedExtensionAsServer("permessage-deflate");
        DataFrame frame = binary(rawDeflateWithoutTail(new byte[5000]), true);
        frame.setRSV1(true);
        server.decodeFrame(frame);
        assertThat(frame.getPayloadData().remaining()).isEqualTo(5000);
    }

    @Test
    void garbageIsAnInvalidDataError() {
        PermessageDeflate server = negotiatedPair()[1];
        DataFrame frame = binary(new byte[] {(byte) 0xff, (byte) 0xff, 0x12, 0x34}, true);
        frame.setRSV1(true);
        assertThatThrownBy(() -> server.decodeFrame(frame)).isInstanceOf(InvalidDataException.class)
                .extracting(e -> ((InvalidDataException) e).getCloseCode()).isEqualTo(CloseFrame.NO_UTF8);
    }

    @Test
    void resetDropsAHalfReceivedMessage() throws InvalidDataException {
        PermessageDeflate[] pair = negotiatedPair();
        DataFrame first = text("part one", false);
        pair[0].encodeFrame(first);
        pair[1].decodeFrame(first);
        pair[0].reset();
        pair[1].reset();
        DataFrame next = text("a new message", true);
        pair[0].encodeFrame(next);
        pair[1].decodeFrame(next); // would fail as "new message before the previous ended" without reset
        assertThat(utf8(next)).isEqualTo("a new message");
    }

    // ---- helpers ----

    /** [client, server], negotiated with each other's real header values. */
    static PermessageDeflate[] negotiatedPair() {
        PermessageDeflate client = new PermessageDeflate();
        PermessageDeflate server = new PermessageDeflate();
        assertThat(server.acceptProvidedExtensionAsServer(client.getProvidedExtensionAsClient())).isTrue();
        assertThat(client.acceptProvidedExtensionAsClient(server.getProvidedExtensionAsServer())).isTrue();
        return new PermessageDeflate[] {client, server};
    }

    static String jsonLike(int id) {
        return ("{\"id\":" + id + ",\"user\":\"alice\",\"channel\":\"general\",\"text\":\""
                + "The quick brown fox jumps over the lazy dog while the inspector watches every frame. "
                + "Sphinx of black quartz, judge my vow; pack my box with five dozen liquor jugs.\"}").repeat(3);
    }

    static byte[] rawDeflateWithoutTail(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        byte[] out = new byte[data.length + 1024];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, n - 4);
    }

    private static TextFrame text(String s, boolean fin) {
        return text(s.getBytes(StandardCharsets.UTF_8), fin);
    }

    private static TextFrame text(byte[] payload, boolean fin) {
        TextFrame f = new TextFrame();
        f.setPayload(ByteBuffer.wrap(payload));
        f.setFin(fin);
        return f;
    }

    private static BinaryFrame binary(byte[] payload, boolean fin) {
        BinaryFrame f = new BinaryFrame();
        f.setPayload(ByteBuffer.wrap(payload));
        f.setFin(fin);
        return f;
    }

    private static ContinuousFrame continuation(byte[] payload, boolean fin) {
        ContinuousFrame f = new ContinuousFrame();
        f.setPayload(ByteBuffer.wrap(payload));
        f.setFin(fin);
        return f;
    }

    private static byte[] bytes(Framedata f) {
        ByteBuffer b = f.getPayloadData().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static String utf8(Framedata f) {
        assertThat(f.getOpcode()).isIn(Opcode.TEXT, Opcode.BINARY, Opcode.CONTINUOUS);
        return new String(bytes(f), StandardCharsets.UTF_8);
    }
}
