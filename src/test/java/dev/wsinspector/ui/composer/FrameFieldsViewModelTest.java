package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The composer's Frame mode without a toolkit: fields to a crafted frame, problems, history, auto-pong. */
class FrameFieldsViewModelTest {

    private static final HexFormat HEX = HexFormat.of();

    private final RawConnection connection = new RawConnection();
    private final ComposerViewModel composer = new ComposerViewModel(() -> connection);
    private final FrameFieldsViewModel frame = composer.frame();

    @Test
    void theDefaultsAreWhatAClientSends() {
        FrameSpec spec = frame.spec("hello");
        assertThat(spec).isEqualTo(FrameSpec.text("hello"));
    }

    @Test
    void everyFieldReachesTheWire() {
        frame.opcodeProperty().set(Opcode.RESERVED_3);
        frame.finProperty().set(false);
        frame.rsv1Property().set(true);
        frame.rsv3Property().set(true);
        frame.maskProperty().set(FrameFieldsViewModel.MaskChoice.KEY);
        frame.maskKeyProperty().set("37FA213D");
        frame.lengthFieldProperty().set("200");

        assertThat(HEX.formatHex(frame.spec("Hello").encode()))
                .isEqualTo(HEX.formatHex(FrameSpec.parse("op=3,fin=0,rsv1=1,rsv3=1,mask=37fa213d,len=200,text=Hello").encode()));

        frame.lengthFieldProperty().set("");
        frame.maskProperty().set(FrameFieldsViewModel.MaskChoice.OFF);
        frame.opcodeProperty().set(Opcode.BINARY);
        frame.finProperty().set(true);
        frame.rsv1Property().set(false);
        frame.rsv3Property().set(false);
        frame.hexPayloadProperty().set(true);
        frame.fragmentsProperty().set("2");
        frame.betweenProperty().set(FrameFieldsViewModel.Between.PING);
        assertThat(frame.spec("01 02 03 04").encodeFrames()).extracting(HEX::formatHex)
                .containsExactly("02020102", "8900", "80020304");
    }

    @Test
    void aBadFieldIsAProblemNamingIt() {
        frame.maskProperty().set(FrameFieldsViewModel.MaskChoice.KEY);
        frame.maskKeyProperty().set("0");
        assertThat(frame.problem("x")).isEqualTo("Mask key: 8 hex digits, e.g. 37fa213d");
        frame.maskProperty().set(FrameFieldsViewModel.MaskChoice.RANDOM);
        frame.lengthFieldProperty().set("lots");
        assertThat(frame.problem("x")).startsWith("Length field: a whole number from 0 to");
        frame.lengthFieldProperty().set("");
        frame.fragmentsProperty().set("0");
        assertThat(frame.problem("x")).startsWith("Fragments: a whole number from 1 to 10000");
        frame.fragmentsProperty().set("3");
        frame.lengthFieldProperty().set("9");
        assertThat(frame.problem("x")).startsWith("Length field and fragments do not go together");
        frame.lengthFieldProperty().set("");
        frame.hexPayloadProperty().set(true);
        assertThat(frame.problem("zz")).isEqualTo("Payload: not hex");
        assertThat(frame.problem("0a")).isNull();
    }

    @Test
    void inFrameModeTheComposerShowsTheProblemAndSendsTheCraftedBytes() {
        composer.modeProperty().set(MessageMode.FRAME);
        frame.maskProperty().set(FrameFieldsViewModel.MaskChoice.OFF);
        frame.hexPayloadProperty().set(true);
        composer.inputProperty().set("abc");
        assertThat(composer.problemProperty().get()).startsWith("Payload: hex needs an even number of digits");

        frame.hexPayloadProperty().set(false);
        frame.rsv2Property().set(true);
        assertThat(composer.problemProperty().get()).as("a field change checks again").isEmpty();
        assertThat(composer.send()).isTrue();

        assertThat(connection.raw).extracting(HEX::formatHex).containsExactly("a103616263");
        assertThat(composer.statusProperty().get()).isEqualTo("Sent crafted text rsv2 mask=off, 3 bytes");
        assertThat(composer.history()).singleElement().hasToString("[Frame (crafted)] op=text,rsv2=1,mask=off,text=abc");
    }

    @Test
    void aFrameTakenBackFromTheHistoryBringsItsFields() {
        composer.modeProperty().set(MessageMode.FRAME);
        frame.opcodeProperty().set(Opcode.PING);
        frame.maskProperty().set(FrameFieldsViewModel.MaskChoice.OFF);
        frame.hexPayloadProperty().set(true);
        composer.inputProperty().set("ff 00");
        composer.send();
        frame.opcodeProperty().set(Opcode.TEXT);
        frame.maskProperty().set(FrameFieldsViewModel.MaskChoice.RANDOM);
        composer.modeProperty().set(MessageMode.TEXT);
        composer.inputProperty().set("other");

        composer.load(composer.history().get(0));

        assertThat(composer.modeProperty().get()).isEqualTo(MessageMode.FRAME);
        assertThat(frame.opcodeProperty().get()).isEqualTo(Opcode.PING);
        assertThat(frame.maskProperty().get()).isEqualTo(FrameFieldsViewModel.MaskChoice.OFF);
        assertThat(frame.hexPayloadProperty().get()).isTrue();
        assertThat(composer.inputProperty().get()).isEqualTo("ff 00");
    }

    @Test
    void aCraftedFrameIsNeverSavedAsAMessage() {
        List<SavedMessage> saved = new ArrayList<>();
        composer.onSave(saved::add);
        composer.saveAvailableProperty().set(true);
        composer.modeProperty().set(MessageMode.FRAME);
        composer.save();
        assertThat(saved).isEmpty();
        assertThat(MessageMode.savable()).doesNotContain(MessageMode.FRAME);
    }

    @Test
    void autoPongGoesToTheConnectionAndToEachNewOne() {
        frame.autoPongProperty().set(false);
        assertThat(connection.autoPong).containsExactly(false);
        composer.connectionChanged();
        assertThat(connection.autoPong).containsExactly(false, false);
        frame.autoPongProperty().set(true);
        composer.connectionChanged();
        assertThat(connection.autoPong).as("on is every connection's default: nothing to tell")
                .containsExactly(false, false, true);
    }

    /** Keeps what the composer hands it. */
    private static final class RawConnection implements Connection {
        final List<byte[]> raw = new ArrayList<>();
        final List<Boolean> autoPong = new ArrayList<>();

        @Override
        public CompletableFuture<Void> sendRaw(byte[] wire) {
            raw.add(wire.clone());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void setAutoPong(boolean answer) {
            autoPong.add(answer);
        }

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
            throw new AssertionError("no message in Frame mode");
        }

        @Override
        public CompletableFuture<Void> sendBinary(byte[] data) {
            throw new AssertionError("no message in Frame mode");
        }

        @Override
        public CompletableFuture<Void> sendFragmented(boolean text, byte[] data, int fragments) {
            throw new AssertionError("no message in Frame mode");
        }

        @Override
        public CompletableFuture<Void> sendPing(byte[] payload) {
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
