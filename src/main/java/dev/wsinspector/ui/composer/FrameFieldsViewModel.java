package dev.wsinspector.ui.composer;

import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.Connection;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The composer's Frame mode: the fields of a crafted frame (opcode, FIN, RSV1-3, mask, a length field that may lie,
 * fragments with a control frame between them) turned into a {@link FrameSpec} with the composer's input as its
 * payload, and whether the server's pings are answered. Kept apart from {@link ComposerViewModel} so that the
 * composer's message logic stays as it was; it owns this and asks it in Frame mode.
 */
public final class FrameFieldsViewModel {

    /** Said wherever a frame is crafted: what a server does with one is its business. */
    public static final String WARNING = "Crafted frames skip every check on purpose: the server will probably close"
            + " the connection.";

    /** How the payload is masked. */
    public enum MaskChoice {
        RANDOM("Random key"), OFF("No mask"), KEY("This key");

        private final String label;

        MaskChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What goes between fragments: nothing, or an empty ping or pong. */
    public enum Between {
        NOTHING("nothing", FrameSpec.NONE), PING("a ping", Opcode.PING.code()), PONG("a pong", Opcode.PONG.code());

        private final String label;
        private final int opcode;

        Between(String label, int opcode) {
            this.label = label;
            this.opcode = opcode;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Supplier<Connection> connection;
    private final ObjectProperty<Opcode> opcode = new SimpleObjectProperty<>(Opcode.TEXT);
    private final BooleanProperty fin = new SimpleBooleanProperty(true);
    private final BooleanProperty rsv1 = new SimpleBooleanProperty(false);
    private final BooleanProperty rsv2 = new SimpleBooleanProperty(false);
    private final BooleanProperty rsv3 = new SimpleBooleanProperty(false);
    private final ObjectProperty<MaskChoice> mask = new SimpleObjectProperty<>(MaskChoice.RANDOM);
    private final StringProperty maskKey = new SimpleStringProperty("");
    private final StringProperty lengthField = new SimpleStringProperty("");
    private final BooleanProperty hexPayload = new SimpleBooleanProperty(false);
    private final StringProperty fragments = new SimpleStringProperty("1");
    private final ObjectProperty<Between> between = new SimpleObjectProperty<>(Between.NOTHING);
    private final BooleanProperty autoPong = new SimpleBooleanProperty(true);

    /** @param connection the tab's open connection, or null: where the auto-pong choice goes */
    public FrameFieldsViewModel(Supplier<Connection> connection) {
        this.connection = connection;
        autoPong.addListener((o, a, answer) -> applyAutoPong());
    }

    /** Every field that changes the frame, for whoever checks the input again when one changes. */
    List<Observable> fields() {
        return List.of(opcode, fin, rsv1, rsv2, rsv3, mask, maskKey, lengthField, hexPayload, fragments, between);
    }

    public ObjectProperty<Opcode> opcodeProperty() {
        return opcode;
    }

    public BooleanProperty finProperty() {
        return fin;
    }

    public BooleanProperty rsv1Property() {
        return rsv1;
    }

    public BooleanProperty rsv2Property() {
        return rsv2;
    }

    public BooleanProperty rsv3Property() {
        return rsv3;
    }

    public ObjectProperty<MaskChoice> maskProperty() {
        return mask;
    }

    /** The key when {@link MaskChoice#KEY}: eight hex digits. */
    public StringProperty maskKeyProperty() {
        return maskKey;
    }

    /** The payload length to write in the header; empty for the true length. */
    public StringProperty lengthFieldProperty() {
        return lengthField;
    }

    /** The input is the payload in hex (else UTF-8 text). */
    public BooleanProperty hexPayloadProperty() {
        return hexPayload;
    }

    public StringProperty fragmentsProperty() {
        return fragments;
    }

    public ObjectProperty<Between> betweenProperty() {
        return between;
    }

    /** Off: the server's pings are captured but not answered, to test its ping timeout. */
    public BooleanProperty autoPongProperty() {
        return autoPong;
    }

    /** Gives the open connection the auto-pong choice (a new connection starts answering pings). */
    public void applyAutoPong() {
        Connection open = connection.get();
        if (open != null) {
            try {
                open.setAutoPong(autoPong.get());
            } catch (UnsupportedOperationException alwaysAnswers) {
                // a stored session's or a test's connection: nothing to switch
            }
        }
    }

    /**
     * The frame the fields and {@code payload} describe.
     *
     * @throws FrameSpec.SpecException with a one-line reason naming the field
     */
    public FrameSpec spec(String payload) {
        FrameSpec.Mask m = switch (mask.get()) {
            case RANDOM -> FrameSpec.Mask.RANDOM;
            case OFF -> FrameSpec.Mask.NONE;
            case KEY -> maskKey();
        };
        long length = FrameSpec.TRUE_LENGTH;
        String lengthText = lengthField.get() == null ? "" : lengthField.get().strip();
        if (!lengthText.isEmpty()) {
            length = number(lengthText, "Length field", 0, Long.MAX_VALUE);
        }
        int count = (int) number(fragments.get() == null ? "" : fragments.get().strip(), "Fragments", 1,
                FrameSpec.MAX_FRAGMENTS);
        byte[] bytes;
        try {
            bytes = hexPayload.get() ? FrameSpec.hex(payload) : payload.getBytes(StandardCharsets.UTF_8);
        } catch (FrameSpec.SpecException e) {
            throw new FrameSpec.SpecException("Payload: " + e.getMessage().replaceFirst("^'hex=[^']*': ", ""));
        }
        if (count > 1 && length != FrameSpec.TRUE_LENGTH) {
            throw new FrameSpec.SpecException("Length field and fragments do not go together: clear one of them");
        }
        return new FrameSpec(opcode.get().code(), fin.get(), rsv1.get(), rsv2.get(), rsv3.get(), m, bytes, length,
                count, between.get().opcode);
    }

    /** Null when {@link #spec} would succeed, else why not. */
    public String problem(String payload) {
        try {
            spec(payload);
            return null;
        } catch (FrameSpec.SpecException e) {
            return e.getMessage();
        }
    }

    /**
     * Sets the fields from {@code spec} and returns its payload as the input should show it (hex unless it is
     * text), for a history entry taken back into the composer.
     */
    public String show(FrameSpec spec) {
        opcode.set(Opcode.of(spec.opcode()));
        fin.set(spec.fin());
        rsv1.set(spec.rsv1());
        rsv2.set(spec.rsv2());
        rsv3.set(spec.rsv3());
        mask.set(switch (spec.mask().kind()) {
            case RANDOM -> MaskChoice.RANDOM;
            case NONE -> MaskChoice.OFF;
            case KEY -> MaskChoice.KEY;
        });
        maskKey.set(spec.mask().kind() == FrameSpec.Mask.Kind.KEY ? spec.mask().spec() : "");
        lengthField.set(spec.lengthField() == FrameSpec.TRUE_LENGTH ? "" : Long.toString(spec.lengthField()));
        fragments.set(Integer.toString(spec.fragments()));
        between.set(spec.between() == Opcode.PING.code() ? Between.PING
                : spec.between() == Opcode.PONG.code() ? Between.PONG : Between.NOTHING);
        byte[] payload = spec.payload();
        String text = new String(payload, StandardCharsets.UTF_8);
        boolean readable = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), payload);
        hexPayload.set(!readable || spec.toSpec().contains(",hex="));
        return hexPayload.get() ? HexFormat.ofDelimiter(" ").formatHex(payload) : text;
    }

    private FrameSpec.Mask maskKey() {
        String key = maskKey.get() == null ? "" : maskKey.get().strip().toLowerCase(Locale.ROOT);
        key = key.startsWith("0x") ? key.substring(2) : key;
        if (!key.matches("[0-9a-f]{8}")) {
            throw new FrameSpec.SpecException("Mask key: 8 hex digits, e.g. 37fa213d");
        }
        return FrameSpec.Mask.key((int) Long.parseLong(key, 16));
    }

    private static long number(String text, String field, long min, long max) {
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new FrameSpec.SpecException(field + ": a whole number from " + min + " to " + max + ", got '" + text + "'");
    }
}
