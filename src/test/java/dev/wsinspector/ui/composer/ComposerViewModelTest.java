package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The composer's logic without the toolkit, against a connection that records what it was asked to send. */
class ComposerViewModelTest {

    private final List<String> sent = new ArrayList<>();
    private Connection open = new RecordingConnection();
    private final ComposerViewModel model = new ComposerViewModel(() -> open);

    @Test
    void sendsTextAndRemembersIt() {
        model.inputProperty().set("hello");
        assertThat(model.send()).isTrue();
        assertThat(sent).containsExactly("text:hello");
        assertThat(model.history()).extracting(ComposerViewModel.HistoryEntry::input).containsExactly("hello");
    }

    @Test
    void binaryModesSendBytes() {
        model.modeProperty().set(MessageMode.HEX);
        model.inputProperty().set("de ad be ef");
        model.send();
        assertThat(sent).containsExactly("binary:4");
    }

    @Test
    void invalidJsonIsShownAndNotSent() {
        model.modeProperty().set(MessageMode.JSON);
        model.inputProperty().set("{\"a\":");
        assertThat(model.problemProperty().get()).startsWith("Invalid JSON at line 1");
        assertThat(model.send()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Not sent: Invalid JSON");
    }

    @Test
    void trailingTextAfterJsonBlocksSendingAndFormatKeepsIt() {
        model.modeProperty().set(MessageMode.JSON);
        String input = "{\"a\":1} this is not json";
        model.inputProperty().set(input);
        assertThat(model.problemProperty().get()).startsWith("Invalid JSON at line 1, column 9: content after");
        assertThat(model.send()).isFalse();
        assertThat(sent).isEmpty();

        model.formatJson();
        assertThat(model.inputProperty().get()).isEqualTo(input);
        assertThat(model.statusProperty().get()).isEqualTo(model.problemProperty().get());
    }

    @Test
    void notConnectedSaysSo() {
        open = null;
        model.inputProperty().set("x");
        assertThat(model.send()).isFalse();
        assertThat(model.statusProperty().get()).contains("Not connected");
    }

    @Test
    void historyWalksBackAndForth() {
        for (String s : List.of("one", "two", "three")) {
            model.inputProperty().set(s);
            model.send();
        }
        model.inputProperty().set("draft");
        assertThat(model.historyPrevious()).isTrue();
        assertThat(model.inputProperty().get()).isEqualTo("three");
        model.historyPrevious();
        assertThat(model.inputProperty().get()).isEqualTo("two");
        model.historyNext();
        assertThat(model.inputProperty().get()).isEqualTo("three");
        model.historyNext();
        assertThat(model.inputProperty().get()).isEmpty();
        assertThat(model.historyNext()).isFalse();
    }

    @Test
    void pingPayloadIsLimitedTo125Bytes() {
        model.pingPayloadProperty().set("x".repeat(126));
        assertThat(model.sendPing()).isFalse();
        assertThat(model.statusProperty().get()).contains("125");
        model.pingPayloadProperty().set("are you there");
        assertThat(model.sendPing()).isTrue();
        assertThat(sent).containsExactly("ping:are you there");
    }

    @Test
    void closeRefusesReservedCodesAndLongReasons() {
        List<String> closes = new ArrayList<>();
        model.closeCodeProperty().set(1006);
        assertThat(model.close((code, reason) -> closes.add(code + reason))).isFalse();
        assertThat(model.statusProperty().get()).contains("1006 cannot be sent");
        model.closeCodeProperty().set(4000);
        model.closeReasonProperty().set("é".repeat(62));
        assertThat(model.close((code, reason) -> closes.add(code + reason))).isFalse();
        model.closeReasonProperty().set("done");
        assertThat(model.close((code, reason) -> closes.add(code + ":" + reason))).isTrue();
        assertThat(closes).containsExactly("4000:done");
    }

    @Test
    void saveHandsTheTypedMessageOnOnlyWhereSavingIsAvailable() {
        List<SavedMessage> saved = new ArrayList<>();
        model.onSave(saved::add);
        model.modeProperty().set(MessageMode.JSON);
        model.inputProperty().set("{\"a\": 1}");
        model.save();
        assertThat(saved).as("a tab without a profile keeps nothing").isEmpty();

        model.saveAvailableProperty().set(true);
        model.save();
        assertThat(saved).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MessageMode.JSON);
            assertThat(m.body()).isEqualTo("{\"a\": 1}");
        });
    }

    private final class RecordingConnection implements Connection {
        @Override
        public ConnectionOptions options() {
            return ConnectionOptions.of(URI.create("ws://127.0.0.1:1/"));
        }

        @Override
        public FrameStore frames() {
            return null;
        }

        @Override
        public ConnectionState state() {
            return ConnectionState.OPEN;
        }

        @Override
        public CompletableFuture<Void> sendText(String text) {
            sent.add("text:" + text);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> sendBinary(byte[] data) {
            sent.add("binary:" + data.length);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> sendFragmented(boolean text, byte[] data, int fragments) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> sendPing(byte[] payload) {
            sent.add("ping:" + new String(payload, java.nio.charset.StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> sendPong(byte[] payload) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> close(int code, String reason) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public long bufferedBytes() {
            return 0;
        }

        @Override
        public long lastPingRoundTripNanos() {
            return -1;
        }

        @Override
        public void close() {
        }
    }
}
