package dev.wsinspector.ui.detail;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.payload.DetailFields;
import dev.wsinspector.core.payload.JsonFormatter;
import dev.wsinspector.core.payload.protocol.Decoded;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.ui.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view model without the JavaFX toolkit: background work runs on a worker thread, and the "FX thread"
 * is this test's thread draining a queue, exactly where Platform.runLater would deliver.
 */
class DetailViewModelTest {

    private final Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(worker, fx::add);
    /** Formats every payload in the background (-1), so the tests see the provisional view first. */
    private final DetailViewModel vm = new DetailViewModel(tasks, new JsonFormatter(64 * 1024, 64 * 1024), 1024, -1);

    /**
     * Lets all background work finish (the worker is one FIFO thread, so an empty task queued now runs
     * after it), then runs what it handed to the "FX thread", as Platform.runLater would.
     */
    private void settle() throws Exception {
        worker.submit(() -> { }).get(5, TimeUnit.SECONDS);
        Runnable r;
        while ((r = fx.poll()) != null) {
            r.run();
        }
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    private static Frame frame(int firstByte, byte[] payload) {
        return new Frame(3, 1_714_564_800_000_000L, 1_000L, Direction.IN,
                WireHeader.of(firstByte, false, 0, payload.length), false, ByteBuffer.wrap(payload));
    }

    private static Frame text(String s) {
        return frame(0x81, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void jsonObjectIsShownPrettyInTheJsonView() throws Exception {
        vm.showFrame(text("{\"a\":1}"), false);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.JSON);
        assertThat(vm.busyProperty().get()).isTrue();
        settle();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.JSON);
        assertThat(vm.jsonContentProperty().get().text()).isEqualTo("{\n  \"a\" : 1\n}");
        assertThat(vm.jsonContentProperty().get().notice()).isEmpty();
        assertThat(vm.jsonTreeProperty().get().get("a").asInt()).isEqualTo(1);
        assertThat(vm.textContentProperty().get().text()).isEqualTo("{\"a\":1}");
        assertThat(vm.getAvailableViews()).containsExactly(DetailView.TEXT, DetailView.JSON, DetailView.HEX, DetailView.FIELDS);
        assertThat(vm.summaryProperty().get()).isEqualTo("#3 · in · text · 7 B");
    }

    /** A text message in two fragments with a ping between, in a real store. */
    private static dev.wsinspector.core.frame.ColumnarFrameStore fragmented(String a, String b) {
        dev.wsinspector.core.frame.ColumnarFrameStore store = new dev.wsinspector.core.frame.ColumnarFrameStore();
        for (Object[] f : new Object[][] {{0x01, a}, {0x89, ""}, {0x80, b}}) {
            byte[] bytes = ((String) f[1]).getBytes(StandardCharsets.UTF_8);
            store.append(Direction.IN, WireHeader.of((Integer) f[0], false, 0, bytes.length), false, 1L,
                    ByteBuffer.wrap(bytes));
        }
        return store;
    }

    @Test
    void aFragmentedMessageIsShownWholeAndDecoded() throws Exception {
        var store = fragmented("{\"jsonrpc\":\"2.0\",\"method\":", "\"add\",\"params\":[1],\"id\":7}");
        var message = dev.wsinspector.core.frame.WholeMessage.starting(store, 0).orElseThrow();
        vm.showMessage(store.get(0), message, message.payload(store, 1 << 20));
        settle();
        assertThat(vm.summaryProperty().get()).isEqualTo("#0 · in · text message of 2 frames (#0–#2) · 52 B");
        assertThat(vm.textContentProperty().get().text()).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1],\"id\":7}");
        assertThat(vm.protocolProperty().get()).as("decoded whole").isNotNull();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.PROTOCOL);
        assertThat(vm.getFields()).extracting(f -> f.name() + "=" + f.value())
                .contains("FIN=0", "Stored payload length=26 B", "Message=2 frames, #0 to #2", "Message length=52 B");
    }

    @Test
    void aFragmentedMessageIsReassembledInTheBackgroundItsHeaderShownAtOnce() throws Exception {
        var store = fragmented("{\"jsonrpc\":\"2.0\",\"method\":", "\"add\",\"params\":[1],\"id\":7}");
        var message = dev.wsinspector.core.frame.WholeMessage.starting(store, 0).orElseThrow();
        java.util.concurrent.atomic.AtomicReference<Thread> readOn = new java.util.concurrent.atomic.AtomicReference<>();
        vm.showMessage(store.get(0), message, () -> {
            readOn.set(Thread.currentThread());
            return message.payload(store, 1 << 20);
        });
        assertThat(vm.summaryProperty().get()).as("the header at once")
                .isEqualTo("#0 · in · text message of 2 frames (#0–#2) · 52 B");
        assertThat(vm.getFields()).extracting(f -> f.name() + "=" + f.value())
                .contains("FIN=0", "Message=2 frames, #0 to #2", "Message length=52 B");
        assertThat(vm.hasPayloadProperty().get()).as("nothing to copy before it is reassembled").isFalse();
        assertThat(vm.textContentProperty().get().notice()).isEqualTo("Reassembling…");
        settle();
        assertThat(readOn.get()).as("fragments read off the caller's (FX) thread")
                .isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(vm.textContentProperty().get().text())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1],\"id\":7}");
        assertThat(vm.hasPayloadProperty().get()).isTrue();
        assertThat(vm.hexDumpProperty().get().length()).isEqualTo(52);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.PROTOCOL);
    }

    @Test
    void aReassemblyStillRunningWhenAnotherRowIsSelectedIsDropped() throws Exception {
        var store = fragmented("[1,", "2]");
        var message = dev.wsinspector.core.frame.WholeMessage.starting(store, 0).orElseThrow();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        vm.showMessage(store.get(0), message, () -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return message.payload(store, 1 << 20);
        });
        vm.showFrame(text("later"), false);
        release.countDown();
        settle();
        assertThat(vm.summaryProperty().get()).startsWith("#3 ");
        assertThat(vm.textContentProperty().get().text()).isEqualTo("later");
        assertThat(vm.hexDumpProperty().get().length()).isEqualTo(5);
    }

    @Test
    void aSmallFragmentedMessageIsReassembledAtOnce() {
        DetailViewModel inline = new DetailViewModel(tasks, new JsonFormatter(64 * 1024, 64 * 1024), 1024, 4096);
        var store = fragmented("[1,", "2]");
        var message = dev.wsinspector.core.frame.WholeMessage.starting(store, 0).orElseThrow();
        inline.showMessage(store.get(0), message, () -> message.payload(store, 1 << 20));
        assertThat(inline.textContentProperty().get().text()).isEqualTo("[1,2]");
        assertThat(fx).as("nothing handed to the FX queue").isEmpty();
    }

    @Test
    void aMessageTooLargeToReassembleShowsItsFirstFrameAndSaysSo() throws Exception {
        var store = fragmented("{\"jsonrpc\":\"2.0\",\"method\":", "\"add\",\"params\":[1],\"id\":7}");
        var message = dev.wsinspector.core.frame.WholeMessage.starting(store, 0).orElseThrow();
        vm.showMessage(store.get(0), message, message.payload(store, 40));
        settle();
        assertThat(vm.summaryProperty().get()).isEqualTo("#0 · in · text (not FIN) · 26 B · message too large to "
                + "reassemble (52 B in 2 frames), showing frame");
        assertThat(vm.textContentProperty().get().text()).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":");
        assertThat(vm.protocolProperty().get()).as("a fragment is not decoded").isNull();
    }

    @Test
    void aSmallPayloadIsFormattedAtOnceWithoutTheBackground() {
        DetailViewModel inline = new DetailViewModel(tasks, new JsonFormatter(64 * 1024, 64 * 1024), 1024, 4096);
        inline.showFrame(text("{\"a\":1}"), false);
        assertThat(inline.busyProperty().get()).isFalse();
        assertThat(inline.getSelectedView()).isEqualTo(DetailView.JSON);
        assertThat(inline.jsonContentProperty().get().text()).isEqualTo("{\n  \"a\" : 1\n}");
        assertThat(fx).as("nothing handed to the FX queue").isEmpty();

        inline.showFrame(text("x".repeat(5000)), false);
        assertThat(inline.busyProperty().get()).as("a larger payload still goes to the background").isTrue();
    }

    @Test
    void textThatLooksLikeJsonButIsNotEndsInTheTextViewWithTheErrorInTheJsonView() throws Exception {
        vm.showFrame(text("{\n  \"a\": 1,\n  oops\n}"), false);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.JSON);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.TEXT);
        AreaContent json = vm.jsonContentProperty().get();
        assertThat(json.error()).isTrue();
        assertThat(json.errorLine()).isEqualTo(3);
        assertThat(json.errorColumn()).isEqualTo(3);
        assertThat(json.notice()).startsWith("Invalid JSON at line 3, column 3:");
        assertThat(json.text()).contains("oops");
        assertThat(vm.jsonTreeProperty().get()).isNull();
    }

    @Test
    void aJsonScalarIsBestReadAsText() throws Exception {
        vm.showFrame(text("42"), false);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.TEXT);
        assertThat(vm.jsonContentProperty().get().text()).isEqualTo("42");
    }

    @Test
    void aViewPickedByTheUserIsKeptWhenFormattingFinishes() throws Exception {
        vm.showFrame(text("[1,2]"), false);
        vm.selectedViewProperty().set(DetailView.HEX);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.HEX);
    }

    @Test
    void binaryOpensInHexAtOnce() {
        vm.showFrame(frame(0x82, ramp(256)), false);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.HEX);
        assertThat(vm.hexDumpProperty().get().lineCount()).isEqualTo(16);
        assertThat(vm.hexDumpProperty().get().line(0)).startsWith("00000000  00 01 02 ");
        assertThat(vm.hexNoticeProperty().get()).isEqualTo("256 B · 16 lines");
    }

    @Test
    void aContinuationOfATextMessageIsText() throws Exception {
        vm.showFrame(frame(0x80, "hello".getBytes(StandardCharsets.UTF_8)), true);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.TEXT);
        vm.showFrame(frame(0x80, "hello".getBytes(StandardCharsets.UTF_8)), false);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.HEX);
    }

    @Test
    void invalidUtf8IsVisibleAndReported() throws Exception {
        vm.showFrame(frame(0x81, new byte[]{'o', 'k', (byte) 0xFF, '!'}), false);
        settle();
        AreaContent text = vm.textContentProperty().get();
        assertThat(text.text()).isEqualTo("ok\\xff!");
        assertThat(text.error()).isTrue();
        assertThat(text.notice()).isEqualTo("1 byte is not valid UTF-8, shown as \\xNN (first at byte 2)");
    }

    @Test
    void bigTextIsCutAtTheCapAndSaysSo() throws Exception {
        vm.showFrame(text("x".repeat(4096)), false);
        settle();
        AreaContent text = vm.textContentProperty().get();
        assertThat(text.text()).hasSize(1024);
        assertThat(text.notice()).isEqualTo("Showing first 1 KiB of 4 KiB");
        assertThat(text.error()).isFalse();
    }

    @Test
    void jsonAboveTheCapIsExplainedAndShownAsText() throws Exception {
        vm.showFrame(text("[" + "1,".repeat(40_000) + "1]"), false);
        settle();
        assertThat(vm.jsonContentProperty().get().notice()).startsWith("JSON view is limited to 64 KiB; this payload is");
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.TEXT);
    }

    @Test
    void onlyTheLatestSelectionIsShown() throws Exception {
        vm.showFrame(text("{\"first\":1}"), false);
        vm.showFrame(text("{\"second\":2}"), false);
        settle();
        assertThat(vm.jsonContentProperty().get().text()).contains("second").doesNotContain("first");
    }

    @Test
    void closeFrameShowsCodeAndReason() throws Exception {
        vm.showFrame(frame(0x88, new byte[]{0x03, (byte) 0xE8, 'b', 'y', 'e'}), false);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.TEXT);
        assertThat(vm.textContentProperty().get().text()).isEqualTo("1000 Normal Closure\nbye");
    }

    @Test
    void controlFramesAreTextWhenReadableAndHexOtherwise() throws Exception {
        vm.showFrame(frame(0x89, "keepalive".getBytes(StandardCharsets.UTF_8)), false);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.TEXT);
        settle();
        vm.showFrame(frame(0x8A, new byte[]{0, (byte) 0xFF}), false);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.HEX);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.HEX);
    }

    @Test
    void anEmptyPayloadShowsTheFrameFields() throws Exception {
        vm.showFrame(frame(0x89, new byte[0]), false);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.FIELDS);
        assertThat(vm.getFields()).extracting(DetailFields.Field::name).contains("FIN", "RSV1", "Mask key");
        assertThat(vm.fieldsTitleProperty().get()).isEqualTo("Frame");
    }

    @Test
    void copyActionsGiveTextHexAndBase64() {
        vm.showFrame(frame(0x82, new byte[]{'h', 'i', (byte) 0xFF}), false);
        assertThat(vm.payloadAsText()).isEqualTo("hi\\xff");
        assertThat(vm.payloadAsHex()).isEqualTo("68 69 ff");
        assertThat(vm.payloadAsBase64()).isEqualTo("aGn/");
        assertThat(vm.hasPayloadProperty().get()).isTrue();
        vm.clear();
        assertThat(vm.payloadAsHex()).isEmpty();
        assertThat(vm.hasPayloadProperty().get()).isFalse();
    }

    private static Handshake handshake(int status, String statusLine, byte[] body) {
        return new Handshake("GET /chat HTTP/1.1",
                List.of(new HttpHeader("Host", "localhost"), new HttpHeader("Cookie", "session=abc")),
                status, statusLine, List.of(new HttpHeader("Upgrade", "websocket")), body);
    }

    @Test
    void openedEventShowsTheHandshakeWithCredentialsMaskedUntilRevealed() {
        vm.showEvent(new ConnectionEvent.Opened(0, 0, "ws://localhost/chat",
                handshake(101, "HTTP/1.1 101 Switching Protocols", new byte[0])));
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.HANDSHAKE);
        assertThat(vm.getAvailableViews()).containsExactly(DetailView.HANDSHAKE, DetailView.FIELDS);
        assertThat(vm.handshakeRequestProperty().get()).startsWith("GET /chat HTTP/1.1\nHost: localhost\n")
                .doesNotContain("session=abc");
        assertThat(vm.handshakeResponseProperty().get()).startsWith("HTTP/1.1 101 Switching Protocols");
        vm.revealSecretsProperty().set(true);
        assertThat(vm.handshakeRequestProperty().get()).contains("Cookie: session=abc");
        assertThat(vm.fieldsTitleProperty().get()).isEqualTo("Event");
        assertThat(vm.hasPayloadProperty().get()).isFalse();
    }

    @Test
    void refusedUpgradeShowsTheWholeAnswer() {
        vm.showEvent(new ConnectionEvent.Failed(0, 0, FailureKind.HANDSHAKE_REJECTED, "Server answered 403",
                handshake(403, "HTTP/1.1 403 Forbidden", "go away".getBytes(StandardCharsets.UTF_8))));
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.HANDSHAKE);
        assertThat(vm.handshakeResponseProperty().get()).startsWith("HTTP/1.1 403 Forbidden").endsWith("\n\ngo away");
        assertThat(vm.summaryProperty().get()).isEqualTo("Failed · Server answered 403");
    }

    @Test
    void eventsWithoutAHandshakeShowTheirFields() {
        vm.showEvent(new ConnectionEvent.Failed(0, 0, FailureKind.CONNECTION_REFUSED, "Connection refused", null));
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.FIELDS);
        assertThat(vm.getAvailableViews()).containsExactly(DetailView.FIELDS);
        assertThat(vm.handshakeRequestProperty().get()).isEmpty();
    }

    @Test
    void anEventAfterAFrameDropsTheFramesPendingResult() throws Exception {
        vm.showFrame(text("{\"late\":true}"), false);
        vm.showEvent(new ConnectionEvent.Closed(0, 1, 1000, "", false, true));
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.FIELDS);
        assertThat(vm.jsonContentProperty().get().text()).isEmpty();
        assertThat(vm.hexDumpProperty().get()).isNull();
    }

    @Test
    void clearShowsNothing() {
        vm.showFrame(frame(0x82, ramp(4)), false);
        vm.clear();
        assertThat(vm.showingProperty().get()).isFalse();
        assertThat(vm.getAvailableViews()).isEmpty();
        assertThat(vm.getFields()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    // --- Protocol view

    private static final ProtocolHint SOCKET_IO = new ProtocolHint("", "ws://localhost:3000/socket.io/?EIO=4&transport=websocket");

    @Test
    void aSocketIoEventOnASocketIoUrlOpensInTheProtocolView() throws Exception {
        vm.setProtocolHint(SOCKET_IO);
        vm.showFrame(text("42[\"chat message\",{\"text\":\"hi\"},7]"), false);
        assertThat(vm.getAvailableViews()).doesNotContain(DetailView.PROTOCOL);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.PROTOCOL);
        assertThat(vm.getAvailableViews()).containsExactly(DetailView.TEXT, DetailView.JSON, DetailView.HEX,
                DetailView.PROTOCOL, DetailView.FIELDS);
        Decoded decoded = vm.protocolProperty().get();
        assertThat(decoded.protocol()).isEqualTo("Socket.IO");
        assertThat(decoded.summary()).isEqualTo("EVENT \"chat message\"");
        assertThat(vm.getProtocolFields()).extracting(DetailFields.Field::name, DetailFields.Field::value)
                .contains(org.assertj.core.groups.Tuple.tuple("Event", "chat message"),
                        org.assertj.core.groups.Tuple.tuple("Argument 1", "{\"text\":\"hi\"}"),
                        org.assertj.core.groups.Tuple.tuple("Argument 2", "7"));
        assertThat(vm.protocolBodyProperty().get().text()).isEqualTo("[ {\n  \"text\" : \"hi\"\n}, 7 ]");
    }

    @Test
    void theSameTextWithoutTheHintIsNotDecodedWhenAmbiguous() throws Exception {
        vm.showFrame(text("42"), false);
        settle();
        assertThat(vm.protocolProperty().get()).isNull();
        assertThat(vm.getAvailableViews()).doesNotContain(DetailView.PROTOCOL);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.TEXT);
        vm.setProtocolHint(SOCKET_IO);
        vm.showFrame(text("2"), false);
        settle();
        assertThat(vm.protocolProperty().get().summary()).isEqualTo("ping");
    }

    @Test
    void plainJsonHasNoProtocolView() throws Exception {
        vm.showFrame(text("{\"op\":\"subscribe\",\"ids\":[1,2]}"), false);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.JSON);
        assertThat(vm.getAvailableViews()).doesNotContain(DetailView.PROTOCOL);
        assertThat(vm.protocolProperty().get()).isNull();
        assertThat(vm.getProtocolFields()).isEmpty();
    }

    @Test
    void aStompMessageOnAStompConnectionShowsCommandHeadersAndBody() throws Exception {
        vm.setProtocolHint(new ProtocolHint("v12.stomp", "wss://broker.example.com/ws"));
        vm.showFrame(text("MESSAGE\nsubscription:sub-0\nmessage-id:007\ndestination:/topic/prices\n"
                + "content-type:application/json\n\n{\"sym\":\"ACME\",\"px\":12.5}\0"), false);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.PROTOCOL);
        Decoded decoded = vm.protocolProperty().get();
        assertThat(decoded.protocol()).isEqualTo("STOMP 1.2");
        assertThat(decoded.summary()).isEqualTo("MESSAGE /topic/prices (application/json, 24 B)");
        assertThat(vm.getProtocolFields()).extracting(DetailFields.Field::name)
                .containsSubsequence("Command", "subscription", "message-id", "destination", "content-type");
        assertThat(vm.getProtocolFields()).extracting(DetailFields.Field::value).contains("MESSAGE", "/topic/prices");
        assertThat(vm.protocolBodyProperty().get().text()).isEqualTo("{\n  \"sym\" : \"ACME\",\n  \"px\" : 12.5\n}");
    }

    @Test
    void aBinaryMqttPacketOnAnMqttConnectionShowsInTheProtocolView() throws Exception {
        vm.setProtocolHint(new ProtocolHint("mqtt", "wss://broker.example.com/mqtt"));
        vm.showFrame(frame(0x82, java.util.HexFormat.of().parseHex("3217000973656e736f72732f31000a7b2274223a32312e357d")),
                false);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.PROTOCOL);
        assertThat(vm.protocolProperty().get().summary()).isEqualTo("PUBLISH sensors/1 QoS1 #10 (10 B)");
        assertThat(vm.getProtocolFields()).extracting(DetailFields.Field::name).contains("Topic", "Qos", "Packet id");
        assertThat(vm.protocolBodyProperty().get().text()).isEqualTo("{\n  \"t\" : 21.5\n}");
    }

    @Test
    void aViewPickedByTheUserIsKeptOverTheProtocolView() throws Exception {
        vm.showFrame(text("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"trades\"],\"id\":7}"), false);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.JSON);
        vm.selectedViewProperty().set(DetailView.HEX);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.HEX);
        assertThat(vm.getAvailableViews()).contains(DetailView.PROTOCOL);
        assertThat(vm.protocolProperty().get().summary()).isEqualTo("request #7 subscribe");
    }

    @Test
    void theNextFrameDropsTheDecodedMessage() throws Exception {
        vm.showFrame(text("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}"), false);
        settle();
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.PROTOCOL);
        vm.showFrame(text("hello"), false);
        assertThat(vm.protocolProperty().get()).isNull();
        settle();
        assertThat(vm.getAvailableViews()).doesNotContain(DetailView.PROTOCOL);
        assertThat(vm.getSelectedView()).isEqualTo(DetailView.TEXT);
        assertThat(vm.protocolBodyProperty().get().text()).isEmpty();
    }

    @Test
    void aFragmentOfAMessageIsNotDecoded() throws Exception {
        vm.setProtocolHint(SOCKET_IO);
        vm.showFrame(frame(0x01, "42[\"chat\",".getBytes(StandardCharsets.UTF_8)), false);
        settle();
        assertThat(vm.protocolProperty().get()).isNull();
        assertThat(vm.getAvailableViews()).doesNotContain(DetailView.PROTOCOL);
    }
}
