package dev.wsinspector.ui.detail;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.ui.common.BackgroundTasks;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real pane in a headless stage; the scene is only changed inside {@code robot.interact}. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DetailPaneTest {

    private BackgroundTasks tasks;
    private DetailPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new BackgroundTasks();
        pane = new DetailPane(tasks);
        Scene scene = new Scene(pane, 900, 600);
        scene.getStylesheets().add(DetailPane.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopWorkers() {
        tasks.close();
    }

    private static Frame frame(int firstByte, byte[] payload) {
        return new Frame(1, 1_714_564_800_000_000L, 5_000L, Direction.IN,
                WireHeader.of(firstByte, false, 0, payload.length), false, ByteBuffer.wrap(payload));
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(condition));
    }

    private DetailView selectedTab() throws Exception {
        return fx(() -> (DetailView) pane.tabs().getSelectionModel().getSelectedItem().getUserData());
    }

    @Test
    void jsonFrameOpensInThePrettyJsonView(FxRobot robot) throws Exception {
        robot.interact(() -> pane.showFrame(frame(0x81, "{\"user\":\"zoë\",\"n\":[1,2]}".getBytes(StandardCharsets.UTF_8)), false));
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(selectedTab()).isEqualTo(DetailView.JSON);
        String shown = fx(() -> pane.jsonView().pretty().area().getText());
        assertThat(shown).isEqualTo("{\n  \"user\" : \"zoë\",\n  \"n\" : [ 1, 2 ]\n}");
        // The key is styled as a key: the highlighter's classes reach the area.
        assertThat(fx(() -> pane.jsonView().pretty().area().getStyleOfChar(1, 4))).containsExactly("json-key");
        assertThat(fx(() -> pane.jsonView().tree().getRoot().getValue())).isEqualTo("{2}");
        assertThat(fx(() -> pane.jsonView().treeButton().isDisabled())).isFalse();
    }

    @Test
    void invalidJsonShowsLineAndColumn(FxRobot robot) throws Exception {
        robot.interact(() -> pane.showFrame(frame(0x81, "[1,\n2,,3]".getBytes(StandardCharsets.UTF_8)), false));
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        robot.interact(() -> pane.viewModel().selectedViewProperty().set(DetailView.JSON));
        assertThat(fx(() -> pane.jsonView().pretty().notice().getText())).startsWith("Invalid JSON at line 2, column 3:");
        assertThat(fx(() -> pane.jsonView().pretty().notice().getStyleClass())).contains(StyledTextView.ERROR_CLASS);
        assertThat(fx(() -> pane.jsonView().pretty().area().getCurrentParagraph())).isEqualTo(1);
    }

    @Test
    void binaryFrameOpensInHex(FxRobot robot) throws Exception {
        byte[] ramp = new byte[256];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) i;
        }
        robot.interact(() -> pane.showFrame(frame(0x82, ramp), false));
        assertThat(selectedTab()).isEqualTo(DetailView.HEX);
        ListView<Integer> list = pane.hexView().list();
        assertThat(fx(() -> list.getItems().size())).isEqualTo(16);
        waitUntil(() -> visibleLine(list, 0).isPresent());
        assertThat(fx(() -> visibleLine(list, 0).orElseThrow()))
                .startsWith("00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void sixteenMebibyteBinaryOpensAndScrollsToTheEnd(FxRobot robot) throws Exception {
        byte[] big = new byte[16 * 1024 * 1024];
        big[big.length - 1] = 'Z';
        long start = System.nanoTime();
        robot.interact(() -> pane.showFrame(frame(0x82, big), false));
        long openMillis = (System.nanoTime() - start) / 1_000_000;
        ListView<Integer> list = pane.hexView().list();
        assertThat(selectedTab()).isEqualTo(DetailView.HEX);
        assertThat(fx(() -> list.getItems().size())).isEqualTo(1_048_576);
        System.out.printf("16 MiB binary: showFrame took %d ms%n", openMillis);
        assertThat(openMillis).as("opening must not block the FX thread").isLessThan(2_000);

        robot.interact(() -> list.scrollTo(1_048_575));
        waitUntil(() -> visibleLine(list, 1_048_575).isPresent());
        assertThat(fx(() -> visibleLine(list, 1_048_575).orElseThrow()))
                .isEqualTo("00fffff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 5a  |...............Z|");
        robot.interact(() -> list.scrollTo(524_288));
        waitUntil(() -> visibleLine(list, 524_288).isPresent());
        assertThat(fx(() -> pane.viewModel().hexNoticeProperty().get())).isEqualTo("16 MiB · 1,048,576 lines");
        // The Text view is capped rather than fed 16 MiB, and tells the user so.
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(fx(() -> pane.textView().notice().getText())).startsWith("Showing first 1 MiB of 16 MiB");
        assertThat(fx(() -> pane.jsonView().pretty().notice().getText())).startsWith("JSON view is limited to 8 MiB");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLargeJsonMessageIsFormattedWithoutFreezingTheWindow(FxRobot robot) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 40_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item ").append(i)
                    .append("\",\"tags\":[\"a\",\"b\"],\"ok\":true,\"none\":null}");
        }
        byte[] payload = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        // Not frozen: showFrame returns at once with the views still being formatted in the background (the
        // pulse gaps this costs are measured by the benchmarks, not asserted here).
        boolean formattingAfterShow = fx(() -> {
            pane.showFrame(frame(0x81, payload), false);
            return pane.viewModel().busyProperty().get();
        });
        assertThat(formattingAfterShow).as("formatting left the FX thread").isTrue();
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(selectedTab()).isEqualTo(DetailView.JSON);
        assertThat(fx(() -> pane.jsonView().pretty().notice().getText()))
                .matches("Showing first 1 MiB of [0-9.]+ MiB of formatted JSON");
        assertThat(fx(() -> pane.jsonView().tree().getRoot().getValue())).isEqualTo("[40000]");
    }

    @Test
    void openedEventShowsTheHandshake(FxRobot robot) throws Exception {
        Handshake handshake = new Handshake("GET /chat HTTP/1.1",
                List.of(new HttpHeader("Host", "127.0.0.1:8080"), new HttpHeader("Upgrade", "websocket")),
                101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Upgrade", "websocket"), new HttpHeader("Sec-WebSocket-Protocol", "chat")),
                new byte[0]);
        robot.interact(() -> pane.showEvent(new ConnectionEvent.Opened(0, 0, "ws://127.0.0.1:8080/chat", handshake)));
        assertThat(selectedTab()).isEqualTo(DetailView.HANDSHAKE);
        assertThat(fx(() -> pane.handshakeView().request().getText()))
                .startsWith("GET /chat HTTP/1.1\nHost: 127.0.0.1:8080\n");
        assertThat(fx(() -> pane.handshakeView().response().getText()))
                .startsWith("HTTP/1.1 101 Switching Protocols\n").contains("Sec-WebSocket-Protocol: chat");
        assertThat(fx(() -> pane.tabs().getTabs().get(DetailView.TEXT.ordinal()).isDisabled())).isTrue();
        assertThat(fx(() -> pane.tabs().getTabs().get(DetailView.FIELDS.ordinal()).getText())).isEqualTo("Event");
    }

    @Test
    void invalidUtf8IsVisibleInTheTextView(FxRobot robot) throws Exception {
        robot.interact(() -> pane.showFrame(frame(0x81, new byte[]{'c', 'a', 'f', (byte) 0xE9, '!'}), false));
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(selectedTab()).isEqualTo(DetailView.TEXT);
        assertThat(fx(() -> pane.textView().area().getText())).isEqualTo("caf\\xe9!");
        assertThat(fx(() -> pane.textView().area().getStyleOfChar(0, 4))).containsExactly("utf8-invalid");
        assertThat(fx(() -> pane.textView().notice().getText())).contains("not valid UTF-8");
    }

    @Test
    void clearShowsThePlaceholder(FxRobot robot) throws Exception {
        robot.interact(() -> pane.showFrame(frame(0x82, new byte[]{1, 2}), false));
        assertThat(fx(() -> pane.tabs().isVisible())).isTrue();
        robot.interact(() -> pane.clear());
        assertThat(fx(() -> pane.tabs().isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup(".detail-placeholder").queryLabeled().isVisible())).isTrue();
    }

    /** The detail views in the scene graph (the tab pane); lookup does not build them, unlike the test handles. */
    private List<Node> builtTabPanes() throws Exception {
        return fx(() -> List.copyOf(pane.lookupAll(".detail-tabs")));
    }

    private List<DetailView> enabledTabs() throws Exception {
        return fx(() -> pane.tabs().getTabs().stream().filter(t -> !t.isDisabled())
                .map(t -> (DetailView) t.getUserData()).toList());
    }

    @Test
    void theViewsAreBuiltWhenTheFirstFrameIsShown(FxRobot robot) throws Exception {
        assertThat(builtTabPanes()).isEmpty();
        assertThat(fx(() -> robot.lookup(".detail-placeholder").queryLabeled().isVisible())).isTrue();

        robot.interact(() -> pane.showFrame(frame(0x81, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), false));
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(builtTabPanes()).hasSize(1).first().isSameAs(fx(() -> pane.tabs()));
        assertThat(fx(() -> pane.tabs().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup(".detail-placeholder").queryLabeled().isVisible())).isFalse();
        assertThat(selectedTab()).isEqualTo(DetailView.JSON);
        assertThat(enabledTabs()).containsExactly(DetailView.TEXT, DetailView.JSON, DetailView.HEX, DetailView.FIELDS);
        assertThat(fx(() -> pane.tabs().getTabs().get(DetailView.FIELDS.ordinal()).getText())).isEqualTo("Frame");
        assertThat(fx(() -> pane.textView().area().getText())).isEqualTo("{\"a\":1}");
        assertThat(fx(() -> pane.jsonView().pretty().area().getText())).isEqualTo("{\n  \"a\" : 1\n}");
        assertThat(fx(() -> pane.hexView().list().getItems().size())).isEqualTo(1);
        assertThat(fx(() -> pane.fieldsView().getItems())).isNotEmpty();
    }

    @Test
    void anEventShownBeforeTheViewsExistIsShownByThem(FxRobot robot) throws Exception {
        robot.interact(() -> pane.showEvent(new ConnectionEvent.Closed(0, 0, 1000, "bye", true, true)));
        assertThat(builtTabPanes()).hasSize(1);
        assertThat(selectedTab()).isEqualTo(DetailView.FIELDS);
        assertThat(enabledTabs()).containsExactly(DetailView.FIELDS);
        assertThat(fx(() -> pane.tabs().getTabs().get(DetailView.FIELDS.ordinal()).getText())).isEqualTo("Event");
    }

    @Test
    void prepareBuildsTheViewsOnceAndShowsNothingYet(FxRobot robot) throws Exception {
        robot.interact(() -> pane.prepare());
        List<Node> first = builtTabPanes();
        assertThat(first).hasSize(1);
        robot.interact(() -> pane.prepare());
        assertThat(builtTabPanes()).containsExactlyElementsOf(first);
        assertThat(fx(() -> first.get(0).isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup(".detail-placeholder").queryLabeled().isVisible())).isTrue();
        assertThat(enabledTabs()).isEmpty();

        robot.interact(() -> pane.showFrame(frame(0x81, "hello".getBytes(StandardCharsets.UTF_8)), false));
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(builtTabPanes()).containsExactlyElementsOf(first);
        assertThat(fx(() -> first.get(0).isVisible())).isTrue();
        assertThat(selectedTab()).isEqualTo(DetailView.TEXT);
        assertThat(fx(() -> pane.textView().area().getText())).isEqualTo("hello");
    }

    @Test
    void aPaneMadeForAModelThatShowsSomethingShowsItsContent(FxRobot robot) throws Exception {
        DetailViewModel model = new DetailViewModel(tasks);
        robot.interact(() -> model.showFrame(frame(0x81, "[1,2]".getBytes(StandardCharsets.UTF_8)), false));
        waitUntil(() -> !model.busyProperty().get());
        robot.interact(() -> model.selectedViewProperty().set(DetailView.HEX));
        robot.interact(() -> {
            pane = new DetailPane(model);
            stage.getScene().setRoot(pane);
        });
        assertThat(builtTabPanes()).hasSize(1);
        assertThat(selectedTab()).isEqualTo(DetailView.HEX);
        assertThat(enabledTabs()).containsExactly(DetailView.TEXT, DetailView.JSON, DetailView.HEX, DetailView.FIELDS);
        assertThat(fx(() -> pane.textView().area().getText())).isEqualTo("[1,2]");
        assertThat(fx(() -> pane.jsonView().pretty().area().getText())).isEqualTo("[ 1, 2 ]");
        assertThat(fx(() -> pane.jsonView().tree().getRoot().getValue())).isEqualTo("[2]");
        assertThat(fx(() -> pane.hexView().list().getItems().size())).isEqualTo(1);
    }

    @Test
    void theCopyMenuPutsThePayloadOnTheClipboardAsTextHexOrBase64(FxRobot robot) throws Exception {
        MenuButton copy = fx(() -> (MenuButton) pane.lookup(".detail-copy"));
        assertThat(fx(copy::isDisabled)).as("nothing to copy yet").isTrue();
        robot.interact(() -> pane.showFrame(frame(0x81, "hé".getBytes(StandardCharsets.UTF_8)), false));
        assertThat(fx(copy::isDisabled)).isFalse();
        List<String> copied = new ArrayList<>();
        for (MenuItem item : fx(() -> List.copyOf(copy.getItems()))) {
            robot.interact(item::fire);
            copied.add(fx(() -> Clipboard.getSystemClipboard().getString()));
        }
        assertThat(copied).containsExactly("hé", "68 c3 a9", "aMOp");
    }

    // --- Protocol view

    private List<String> protocolFieldRows() throws Exception {
        return fx(() -> pane.protocolView().fields().getItems().stream().map(f -> f.name() + "=" + f.value()).toList());
    }

    @Test
    void aSocketIoEventWithTheUrlHintOpensInTheProtocolView(FxRobot robot) throws Exception {
        robot.interact(() -> {
            pane.setProtocolHint(new ProtocolHint("", "ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket"));
            pane.showFrame(frame(0x81, "42/chat,5[\"chat message\",\"hello\",{\"room\":\"lobby\"}]"
                    .getBytes(StandardCharsets.UTF_8)), false);
        });
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(selectedTab()).isEqualTo(DetailView.PROTOCOL);
        assertThat(enabledTabs()).containsExactly(DetailView.TEXT, DetailView.JSON, DetailView.HEX, DetailView.PROTOCOL,
                DetailView.FIELDS);
        assertThat(fx(() -> pane.protocolView().title().getText()))
                .isEqualTo("Socket.IO · EVENT \"chat message\" (ack 5) on /chat");
        assertThat(protocolFieldRows()).contains("Event=chat message", "Namespace=/chat", "Ack id=5",
                "Argument 1=\"hello\"", "Argument 2={\"room\":\"lobby\"}");
        assertThat(fx(() -> pane.protocolView().body().area().getText())).isEqualTo("[ \"hello\", {\n  \"room\" : \"lobby\"\n} ]");
        assertThat(fx(() -> pane.protocolView().body().area().getStyleOfChar(0, 3))).containsExactly("json-string");
        assertThat(fx(() -> pane.protocolView().problem().isVisible())).isFalse();
        // The decoded tree: the message as the JSONL "decoded" object, its containers opened on demand.
        assertThat(fx(() -> ProtocolView.labels(pane.protocolView().tree().getRoot())))
                .startsWith("{" + fx(() -> pane.viewModel().protocolProperty().get().toJson().size()) + "}")
                .contains("protocol: \"socket.io\"", "event: \"chat message\"", "[1] {1}", "room: \"lobby\"");
    }

    @Test
    void plainJsonHasNoProtocolView(FxRobot robot) throws Exception {
        robot.interact(() -> pane.showFrame(frame(0x81, "{\"op\":\"subscribe\",\"ids\":[1,2]}".getBytes(StandardCharsets.UTF_8)), false));
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(selectedTab()).isEqualTo(DetailView.JSON);
        assertThat(fx(() -> pane.tabs().getTabs().get(DetailView.PROTOCOL.ordinal()).isDisabled())).isTrue();
        assertThat(fx(() -> pane.protocolView().fields().getItems())).isEmpty();
        assertThat(fx(() -> pane.protocolView().tree().getRoot())).isNull();
    }

    @Test
    void aStompMessageWithTheSubprotocolHintShowsCommandHeadersAndBody(FxRobot robot) throws Exception {
        robot.interact(() -> {
            pane.setProtocolHint(new ProtocolHint("v12.stomp", "ws://127.0.0.1:15674/ws"));
            pane.showFrame(frame(0x81, ("MESSAGE\nsubscription:0\nmessage-id:007\ndestination:/queue/a\n"
                    + "content-type:text/plain\n\nhello queue a\0").getBytes(StandardCharsets.UTF_8)), false);
        });
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(selectedTab()).isEqualTo(DetailView.PROTOCOL);
        assertThat(fx(() -> pane.protocolView().title().getText())).isEqualTo("STOMP 1.2 · MESSAGE /queue/a (text/plain, 13 B)");
        assertThat(protocolFieldRows()).containsSubsequence("Command=MESSAGE", "subscription=0", "message-id=007",
                "destination=/queue/a", "content-type=text/plain");
        assertThat(fx(() -> pane.protocolView().body().area().getText())).isEqualTo("hello queue a");
    }

    @Test
    void aMalformedMessageOnAHintedConnectionSaysWhy(FxRobot robot) throws Exception {
        robot.interact(() -> {
            pane.setProtocolHint(new ProtocolHint("graphql-transport-ws", "ws://127.0.0.1/graphql"));
            pane.showFrame(frame(0x81, "{\"type\":\"subscribe\",\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8)), false);
        });
        waitUntil(() -> !pane.viewModel().busyProperty().get());
        assertThat(selectedTab()).isEqualTo(DetailView.PROTOCOL);
        assertThat(fx(() -> pane.protocolView().problem().isVisible())).isTrue();
        assertThat(fx(() -> pane.protocolView().problem().getText()))
                .isEqualTo("Not a valid GraphQL over WebSocket message: subscribe needs a payload with a query");
        assertThat(fx(() -> pane.protocolView().problem().getStyleClass())).contains(StyledTextView.ERROR_CLASS);
    }

    /** The text of the hex row for {@code index} if a cell shows it now. */
    private static Optional<String> visibleLine(ListView<Integer> list, int index) {
        for (Node n : list.lookupAll(".hex-line")) {
            if (n instanceof ListCell<?> cell && cell.getIndex() == index && cell.isVisible() && cell.getGraphic() != null) {
                return Optional.ofNullable(cell.getAccessibleText());
            }
        }
        return Optional.empty();
    }
}
