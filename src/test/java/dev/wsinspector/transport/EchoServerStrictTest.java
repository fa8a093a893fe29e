package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.testutil.RawWebSocketClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The echo server holds clients to the same RFC 6455 rules as the client holds servers ({@code FrameRules}):
 * frames crafted with {@link FrameSpec} from a raw socket, the close code and reason read as they come on the wire,
 * and one warning line naming the rule and its section; a second client goes on being served.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoServerStrictTest {

    private static final int READ_TIMEOUT = 10_000;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<RawWebSocketClient> clients = new ArrayList<>();
    private EchoServer server;
    private URI uri;

    @BeforeEach
    void start() throws IOException {
        server = EchoServer.builder().listener(new EchoServer.Listener() {
            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        }).build();
        uri = server.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        for (RawWebSocketClient c : clients) {
            c.close();
        }
        server.stop();
    }

    /** Each SPEC is sent in one write, in order; the last one breaks the rule. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unmasked frame from client (RFC 6455 §5.1)              | 1002 | mask=off,text=hi",
        "reserved opcode 0x3 (RFC 6455 §5.2)                     | 1002 | op=3,text=x",
        "reserved opcode 0xB (RFC 6455 §5.2)                     | 1002 | op=11",
        "RSV bits without a negotiated extension (RSV1 on a text frame) (RFC 6455 §5.2) | 1002 | rsv1=1,text=x",
        "RSV bits without a negotiated extension (RSV2 on a binary frame) (RFC 6455 §5.2) | 1002 | rsv2=1,hex=01",
        "fragmented control frame (ping) (RFC 6455 §5.5)         | 1002 | op=ping,fin=0",
        "control frame over 125 bytes (ping, 126 bytes) (RFC 6455 §5.5) | 1002 | op=ping,hex=" + HEX_126,
        "close frame with a 1-byte payload (RFC 6455 §5.5.1)     | 1002 | op=close,hex=03",
        "invalid close code 1005 (RFC 6455 §7.4)                 | 1002 | code=1005",
        "invalid close code 999 (RFC 6455 §7.4)                  | 1002 | code=999",
        "close reason that is not valid UTF-8 (RFC 6455 §5.5.1)  | 1007 | code=1000,hex=c328",
        "continuation frame without a message to continue (RFC 6455 §5.4) | 1002 | op=cont,text=x",
        "new data frame while a fragmented message is open (text) (RFC 6455 §5.4) | 1002 | fin=0,text=a;text=b",
        "text message that is not valid UTF-8 (RFC 6455 §8.1)    | 1007 | op=text,hex=c328",
        "text message that is not valid UTF-8 (RFC 6455 §8.1)    | 1007 | op=text,fin=0,hex=41c3;op=cont,hex=28",
    })
    void aClientBreakingARuleIsClosedWithItsCodeAndTheRuleIsLogged(String logged, int code, String specs)
            throws Exception {
        RawWebSocketClient bad = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));
        RawWebSocketClient good = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));

        bad.write(encode(specs.split(";")));

        RawWebSocketClient.Frame close = bad.readFrame();
        assertThat(close.opcode()).as("a close, not an echo").isEqualTo(0x8);
        assertThat(close.closeCode()).isEqualTo(code);
        String reason = new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8);
        assertThat(logged).startsWith(reason);
        assertThat(bad.readsEndOfStream()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> warnings.stream()
                .anyMatch(w -> w.contains("closed with " + code + ": Protocol violation: " + logged)));
        assertEchoes(good, "still served");
    }

    @Test
    void framesBeforeTheBadOneInTheSameReadAreStillEchoed() throws Exception {
        RawWebSocketClient client = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));

        client.write(encode("text=first", "op=ping,text=p", "op=3"));

        assertThat(client.readFrame().text()).isEqualTo("first");
        RawWebSocketClient.Frame pong = client.readFrame();
        assertThat(pong.opcode()).isEqualTo(0xA);
        assertThat(pong.text()).isEqualTo("p");
        assertThat(client.readFrame().closeCode()).isEqualTo(1002);
    }

    @Test
    void fragmentsWithAPingBetweenThemAndValidClosesKeepTheRules() throws Exception {
        RawWebSocketClient client = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));

        client.write(encode("fin=0,text=ab", "op=ping,text=p", "op=cont,text=cd"));
        RawWebSocketClient.Frame pong = client.readFrame();
        assertThat(pong.opcode()).isEqualTo(0xA);
        assertThat(client.readFrame().text()).isEqualTo("abcd");

        client.write(encode("code=4000,text=bye é"));
        RawWebSocketClient.Frame close = client.readFrame();
        assertThat(close.closeCode()).isEqualTo(4000);
        assertThat(warnings).noneMatch(w -> w.contains("Protocol violation"));
    }

    @Test
    void aCloseFrameSplitAcrossReadsIsCheckedWhole() throws Exception {
        RawWebSocketClient client = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));
        byte[] close = FrameSpec.parse("code=1000,hex=41c3").encode(); // the reason's last byte is bad

        for (byte b : close) {
            client.write(new byte[]{b});
        }

        assertThat(client.readFrame().closeCode()).isEqualTo(1007);
    }

    @Test
    void withPermessageDeflateRsv1IsAllowedOnAMessagesFirstFrameOnly() throws Exception {
        RawWebSocketClient client = keep(RawWebSocketClient.connect(uri, READ_TIMEOUT));
        assertThat(client.upgrade("Sec-WebSocket-Extensions: permessage-deflate\r\n")).contains("permessage-deflate");

        // "Hello" compressed (RFC 7692 §7.2.3.1), then RSV1 on a ping, which no extension defines.
        client.write(encode("rsv1=1,op=text,hex=f248cdc9c90700", "rsv1=1,op=ping"));

        assertThat(client.readFrame().opcode()).as("the echo, compressed").isEqualTo(0x1);
        RawWebSocketClient.Frame close = client.readFrame();
        assertThat(close.closeCode()).isEqualTo(1002);
        await().atMost(Duration.ofSeconds(5)).until(() -> warnings.stream()
                .anyMatch(w -> w.contains("(RSV1 on a ping frame) (RFC 6455 §5.2)")));
    }

    private static final String HEX_126 = "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000";

    private static byte[] encode(String... specs) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String spec : specs) {
            wire.writeBytes(FrameSpec.parse(spec.strip()).encode());
        }
        return wire.toByteArray();
    }

    private static void assertEchoes(RawWebSocketClient client, String text) throws IOException {
        client.sendText(text, true);
        assertThat(client.readFrame().text()).isEqualTo(text);
    }

    private RawWebSocketClient keep(RawWebSocketClient client) {
        clients.add(client);
        return client;
    }
}
