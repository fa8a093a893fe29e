package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.payload.CloseCodes;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.TemplateException;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.Connection;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The composer's state: what is typed, how to read it, whether it is valid, and the history of sent messages.
 * Sending goes to whatever connection is open in the tab at that moment. In a profile tab the input is a
 * template: {@link #previewProperty()} shows what would go out, an unknown variable is a problem before
 * sending, and a send resolves (and counts {@code {{counter}}}) through the tab's {@link Templates}. In
 * {@link MessageMode#FRAME} the input is the payload of a crafted frame whose fields {@link #frame()} holds.
 */
public final class ComposerViewModel {

    /** One sent message, for the history list. */
    public record HistoryEntry(MessageMode mode, String input) {
        @Override
        public String toString() {
            String oneLine = input.replace('\n', ' ');
            return "[" + mode + "] " + (oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine);
        }
    }

    /** What Close does (the connection's view model owns closing). */
    public interface CloseAction {
        void close(int code, String reason);
    }

    private static final int HISTORY_LIMIT = 200;

    private final Supplier<Connection> connection;
    private final Supplier<Templates> templates;
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final StringProperty input = new SimpleStringProperty("");
    private final ObjectProperty<MessageMode> mode = new SimpleObjectProperty<>(MessageMode.TEXT);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final StringProperty pingPayload = new SimpleStringProperty("");
    private final ObjectProperty<Integer> closeCode = new SimpleObjectProperty<>(1000);
    private final StringProperty closeReason = new SimpleStringProperty("");
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private int historyCursor = -1;
    private final BooleanProperty saveAvailable = new SimpleBooleanProperty(false);
    private Consumer<SavedMessage> saver = draft -> { };
    private final FrameFieldsViewModel frame;
    private final FormatFieldsViewModel formats = new FormatFieldsViewModel();

    /** @param connection supplies the open connection, or null when none is open */
    public ComposerViewModel(Supplier<Connection> connection) {
        this(connection, () -> null);
    }

    /**
     * @param templates the tab's variables, or null (from the supplier) when the tab has no profile: the
     *                  input is then sent exactly as typed
     */
    public ComposerViewModel(Supplier<Connection> connection, Supplier<Templates> templates) {
        this.connection = connection;
        this.templates = templates;
        this.frame = new FrameFieldsViewModel(connection);
        input.addListener((o, a, b) -> validate());
        mode.addListener((o, a, b) -> validate());
        frame.fields().forEach(field -> field.addListener(o -> validate()));
        formats.onChange(() -> {
            if (mode.get() == MessageMode.PROTOCOL) {
                validate();
            }
        });
    }

    /** The format and its inputs (Protocol mode). */
    public FormatFieldsViewModel formats() {
        return formats;
    }

    /** The fields of a crafted frame (Frame mode) and whether pings are answered. */
    public FrameFieldsViewModel frame() {
        return frame;
    }

    /** The tab's connection changed (connected, reconnected): it gets the auto-pong choice. */
    public void connectionChanged() {
        formats.connectionChanged();
        if (!frame.autoPongProperty().get()) {
            frame.applyAutoPong();
        }
    }

    /** Save… is offered only where the typed message can be kept (a profile's tab). */
    public BooleanProperty saveAvailableProperty() {
        return saveAvailable;
    }

    /** What Save… does with the typed message (the tab opens its dialog). */
    public void onSave(Consumer<SavedMessage> saver) {
        this.saver = saver;
    }

    /** Hands the typed message, as a saved message, to what {@link #onSave} gave, where saving is available. */
    public void save() {
        if (saveAvailable.get() && mode.get().isSavable()) {
            saver.accept(draft());
        }
    }

    /** The message with its variables resolved, when it has any; empty otherwise. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Checks the input again (the variables changed: another environment, the profile was edited). */
    public void revalidate() {
        validate();
    }

    /** The input as a saved message (name to be given), for "Save from composer". */
    public SavedMessage draft() {
        if (mode.get() == MessageMode.PROTOCOL) {
            return SavedMessage.formatted("", formats.savedFormat(), input.get());
        }
        return new SavedMessage("", mode.get(), input.get());
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ObjectProperty<MessageMode> modeProperty() {
        return mode;
    }

    /** Why the input cannot be sent as it is; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Outcome of the last action ("Not connected", …). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StringProperty pingPayloadProperty() {
        return pingPayload;
    }

    public ObjectProperty<Integer> closeCodeProperty() {
        return closeCode;
    }

    public StringProperty closeReasonProperty() {
        return closeReason;
    }

    public ObservableList<HistoryEntry> history() {
        return history;
    }

    /** Sends the input; returns true when it was handed to the connection. Input stays for resending. */
    public boolean send() {
        Connection open = connection.get();
        if (open == null) {
            status.set("Not connected: press Connect first");
            return false;
        }
        if (mode.get() == MessageMode.FRAME) {
            return sendFrame(open);
        }
        if (mode.get() == MessageMode.PROTOCOL) {
            return sendFormatted(open);
        }
        ComposedMessage message;
        Templates t = templates.get();
        try {
            // Checked in full first, so a bad message never counts {{counter}}.
            if (t != null) {
                MessageParser.parse(mode.get(), t.preview(input.get()));
            }
            message = MessageParser.parse(mode.get(), t == null ? input.get() : t.resolveMessage(input.get()));
        } catch (MessageParser.InvalidInputException | TemplateException e) {
            status.set("Not sent: " + e.getMessage());
            return false;
        }
        if (message.binary()) {
            open.sendBinary(message.bytes());
        } else {
            open.sendText(message.text());
        }
        remember(new HistoryEntry(mode.get(), input.get()));
        status.set("");
        return true;
    }

    /** Protocol mode: the input and the format's inputs, variables resolved, encoded with the connection's ids. */
    private boolean sendFormatted(Connection open) {
        Templates t = templates.get();
        Encoded message;
        try {
            // Checked in full first, so a bad message never counts {{counter}} nor takes an id.
            String why = formats.problem(input.get(), t == null ? s -> s : t::preview);
            if (why != null) {
                throw new EncodeException(why);
            }
            message = t == null ? formats.encode(input.get(), s -> s, s -> s)
                    : formats.encode(input.get(), t::resolveMessage, t::resolve);
        } catch (EncodeException | TemplateException e) {
            status.set("Not sent: " + e.getMessage());
            return false;
        }
        if (message.text()) {
            open.sendText(message.asText());
        } else {
            open.sendBinary(message.payload());
        }
        remember(new HistoryEntry(MessageMode.PROTOCOL, input.get()));
        status.set("Sent " + formats.formatProperty().get().label() + " · "
                + dev.wsinspector.core.payload.Formats.humanBytes(message.payload().length));
        return true;
    }

    /** Frame mode: the fields and the input (variables resolved) as a crafted frame, past every check. */
    private boolean sendFrame(Connection open) {
        Templates t = templates.get();
        FrameSpec spec;
        try {
            if (t != null) {
                frame.spec(t.preview(input.get()));
            }
            spec = frame.spec(t == null ? input.get() : t.resolveMessage(input.get()));
        } catch (FrameSpec.SpecException | TemplateException e) {
            status.set("Not sent: " + e.getMessage());
            return false;
        }
        open.sendCrafted(spec);
        remember(new HistoryEntry(MessageMode.FRAME, spec.toSpec()));
        status.set("Sent crafted " + spec.describe());
        return true;
    }

    public boolean sendPing() {
        Connection open = connection.get();
        byte[] payload = pingPayload.get().getBytes(StandardCharsets.UTF_8);
        if (open == null) {
            status.set("Not connected: press Connect first");
            return false;
        }
        if (payload.length > 125) {
            status.set("Ping payload is " + payload.length + " bytes; control frames carry at most 125");
            return false;
        }
        open.sendPing(payload);
        status.set("");
        return true;
    }

    /**
     * Checks the close code and reason picked in the composer and hands them to {@code close}. A code that may
     * not be sent (1005, 1006, 1015, or outside 1000-4999) or a reason over 123 bytes is refused with a reason.
     */
    public boolean close(CloseAction close) {
        Integer code = closeCode.get();
        int value = code == null ? 1000 : code;
        if (!CloseCodes.isSendable(value)) {
            status.set("Close code " + value + " cannot be sent: use 1000-1003, 1007-1014 or 3000-4999");
            return false;
        }
        String reason = closeReason.get() == null ? "" : closeReason.get();
        int bytes = reason.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 123) {
            status.set("Close reason is " + bytes + " bytes; it must fit in 123 (the control frame limit)");
            return false;
        }
        close.close(value, reason);
        status.set("");
        return true;
    }

    /** Formats JSON input in place; reports why when it does not parse. */
    public void formatJson() {
        try {
            input.set(MessageParser.formatJson(input.get()));
        } catch (MessageParser.InvalidInputException e) {
            status.set(e.getMessage());
        }
    }

    /** Steps back through the history (Up key); returns false when there is nothing older. */
    public boolean historyPrevious() {
        if (historyCursor + 1 >= history.size()) {
            return false;
        }
        load(++historyCursor);
        return true;
    }

    /** Steps forward through the history (Down key); past the newest clears the input. */
    public boolean historyNext() {
        if (historyCursor < 0) {
            return false;
        }
        historyCursor--;
        if (historyCursor < 0) {
            input.set("");
        } else {
            load(historyCursor);
        }
        return true;
    }

    /** Puts a history entry back into the editor (a crafted frame's fields too). */
    public void load(HistoryEntry entry) {
        mode.set(entry.mode());
        input.set(entry.mode() == MessageMode.FRAME ? frame.show(FrameSpec.parse(entry.input())) : entry.input());
    }

    private void load(int index) {
        load(history.get(index));
    }

    private void remember(HistoryEntry entry) {
        history.remove(entry);
        history.add(0, entry);
        if (history.size() > HISTORY_LIMIT) {
            history.remove(HISTORY_LIMIT, history.size());
        }
        historyCursor = -1;
    }

    private void validate() {
        Templates t = templates.get();
        String text = input.get();
        String why = null;
        String resolved = "";
        if (t != null && text.contains("{{")) {
            try {
                resolved = t.preview(text);
                text = resolved;
            } catch (TemplateException e) {
                why = e.getMessage();
            }
        }
        if (why == null && mode.get() == MessageMode.FRAME) {
            why = frame.problem(text);
        } else if (why == null && mode.get() == MessageMode.PROTOCOL) {
            why = formats.problem(input.get(), t == null ? s -> s : t::preview);
        } else if (why == null && !(text.isEmpty() && mode.get() == MessageMode.TEXT)) {
            why = MessageParser.problem(mode.get(), text);
        }
        problem.set(why == null ? "" : why);
        preview.set(why == null ? resolved : "");
    }
}
