package dev.wsinspector.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WholeMessage;
import dev.wsinspector.core.payload.CloseCodes;
import dev.wsinspector.core.payload.DetailFields;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.core.payload.HandshakeText;
import dev.wsinspector.core.payload.HexDump;
import dev.wsinspector.core.payload.JsonFormatter;
import dev.wsinspector.core.payload.JsonHighlighter;
import dev.wsinspector.core.payload.JsonResult;
import dev.wsinspector.core.payload.Segment;
import dev.wsinspector.core.payload.Utf8Text;
import dev.wsinspector.core.payload.protocol.Decoded;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.ui.common.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * State of the detail pane for the selected timeline row. Cheap parts (header fields, the lazy hex dump) are
 * set at once; decoding and JSON formatting run through {@link BackgroundTasks}, latest selection wins, and
 * land in {@link #textContentProperty()} / {@link #jsonContentProperty()} when done. Works without the
 * JavaFX toolkit, so its logic is tested with plain JUnit. Call from the FX thread.
 */
public final class DetailViewModel {

    /** The Text view decodes at most this much; a multi-MiB single line is unreadable and slow to lay out. */
    public static final int DEFAULT_TEXT_CAP_BYTES = 1024 * 1024;
    /** Payloads up to this size are formatted on the spot; larger ones in the background. */
    static final int INLINE_FORMAT_BYTES = 4 * 1024;

    /** Marks of the frame being formatted (read on the formatting thread), and of the next one shown. */
    private volatile Highlights highlights = Highlights.NONE;
    private Highlights nextHighlights = Highlights.NONE;
    private final BackgroundTasks tasks;
    private final JsonFormatter jsonFormatter;
    private final int textCapBytes;
    /** Key of this pane's background work: panes of different tabs never cancel each other. */
    private final Object formatKey = new Object();

    private final ObjectProperty<DetailView> selectedView = new SimpleObjectProperty<>(this, "selectedView", DetailView.TEXT);
    private final ObservableList<DetailView> availableViews = FXCollections.observableArrayList();
    private final ObservableList<DetailView> availableViewsReadOnly = FXCollections.unmodifiableObservableList(availableViews);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<AreaContent> textContent = new ReadOnlyObjectWrapper<>(this, "textContent", AreaContent.EMPTY);
    private final ReadOnlyObjectWrapper<AreaContent> jsonContent = new ReadOnlyObjectWrapper<>(this, "jsonContent", AreaContent.EMPTY);
    private final ReadOnlyObjectWrapper<JsonNode> jsonTree = new ReadOnlyObjectWrapper<>(this, "jsonTree");
    private final ReadOnlyObjectWrapper<HexDump> hexDump = new ReadOnlyObjectWrapper<>(this, "hexDump");
    private final ReadOnlyStringWrapper hexNotice = new ReadOnlyStringWrapper(this, "hexNotice", "");
    private final ObservableList<DetailFields.Field> fields = FXCollections.observableArrayList();
    private final ObservableList<DetailFields.Field> fieldsReadOnly = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper fieldsTitle = new ReadOnlyStringWrapper(this, "fieldsTitle", DetailView.FIELDS.title());
    private final ReadOnlyStringWrapper handshakeRequest = new ReadOnlyStringWrapper(this, "handshakeRequest", "");
    private final ReadOnlyStringWrapper handshakeResponse = new ReadOnlyStringWrapper(this, "handshakeResponse", "");
    private final BooleanProperty revealSecrets = new SimpleBooleanProperty(this, "revealSecrets");
    private final ReadOnlyBooleanWrapper hasPayload = new ReadOnlyBooleanWrapper(this, "hasPayload");
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyObjectWrapper<Decoded> protocol = new ReadOnlyObjectWrapper<>(this, "protocol");
    private final ReadOnlyObjectWrapper<AreaContent> protocolBody = new ReadOnlyObjectWrapper<>(this, "protocolBody", AreaContent.EMPTY);
    private final ObservableList<DetailFields.Field> protocolFields = FXCollections.observableArrayList();
    private final ObservableList<DetailFields.Field> protocolFieldsReadOnly = FXCollections.unmodifiableObservableList(protocolFields);
    private final ProtocolDecoders decoders = new ProtocolDecoders();
    private ProtocolHint protocolHint = ProtocolHint.NONE;

    private ByteBuffer payload;
    private Handshake handshake;
    /** The view picked before formatting finished; replaced by the best view unless the user moved on. */
    private DetailView provisionalView;
    private final int inlineFormatBytes;

    public DetailViewModel(BackgroundTasks tasks) {
        this(tasks, new JsonFormatter(), DEFAULT_TEXT_CAP_BYTES);
    }

    public DetailViewModel(BackgroundTasks tasks, JsonFormatter jsonFormatter, int textCapBytes) {
        this(tasks, jsonFormatter, textCapBytes, INLINE_FORMAT_BYTES);
    }

    /** @param inlineFormatBytes payloads up to this size are formatted at once, on the caller's thread */
    public DetailViewModel(BackgroundTasks tasks, JsonFormatter jsonFormatter, int textCapBytes, int inlineFormatBytes) {
        this.inlineFormatBytes = inlineFormatBytes;
        this.tasks = tasks;
        this.jsonFormatter = jsonFormatter;
        this.textCapBytes = textCapBytes;
        revealSecrets.addListener((obs, was, now) -> updateHandshakeText());
    }

    /**
     * Shows one frame.
     *
     * @param partOfTextMessage true for a continuation frame of a text message (its payload is text)
     */
    public void showFrame(Frame frame, boolean partOfTextMessage) {
        show(frame, frame, partOfTextMessage, null);
    }

    /**
     * Shows a fragmented message whose first frame is {@code first}: the Text, JSON, Hex and Protocol views (and
     * Copy) the reassembled payload {@code whole}, the Frame view the first frame's header and the message's
     * frames and sizes. With {@code whole} null (the message is over what is reassembled) the first frame alone is
     * shown, and the summary says so.
     */
    public void showMessage(Frame first, WholeMessage message, byte[] whole) {
        if (whole == null) {
            show(first, first, false, null);
            summary.set(summary.get() + " · message too large to reassemble (" + Formats.humanBytes(message.length())
                    + " in " + message.frames() + " frames), showing frame");
            return;
        }
        show(first, messageFrame(first, whole), message.text(), message);
    }

    /**
     * Shows a fragmented message whose reassembled payload {@code reassemble} reads across its fragments (null:
     * over what is reassembled). The first frame's header and the message's frames are shown at once; reading the
     * fragments (up to {@link WholeMessage#MAX_REASSEMBLED_BYTES}) is done with the formatting in the background,
     * latest selection wins, and the payload views (and Copy) come when it is done. Messages up to the inline
     * size, or over what is reassembled, are shown at once as {@link #showMessage(Frame, WholeMessage, byte[])}.
     */
    public void showMessage(Frame first, WholeMessage message, Supplier<byte[]> reassemble) {
        if (message.length() <= inlineFormatBytes || !message.fits(WholeMessage.MAX_REASSEMBLED_BYTES)) {
            showMessage(first, message, reassemble.get());
            return;
        }
        highlights = nextHighlights;
        reset();
        boolean text = message.text();
        showing.set(true);
        describe(first, message, message.length());
        hexNotice.set("Reassembling " + message.frames() + " frames…");
        textContent.set(AreaContent.message("Reassembling…"));
        jsonContent.set(AreaContent.message("Reassembling…"));
        provisionalView = initialView(first, text);
        selectedView.set(provisionalView);
        ProtocolHint hint = protocolHint;
        boolean whole = message.complete();
        busy.set(true);
        tasks.submitLatest(formatKey, () -> {
            byte[] bytes = reassemble.get();
            if (bytes == null) {
                return null;
            }
            Frame content = messageFrame(first, bytes);
            return new Reassembled(content, format(content, text, hint, whole));
        }, done -> {
            if (done == null) {
                showMessage(first, message, (byte[]) null); // grew past the limit: the first frame alone
            } else {
                showPayload(done.content().payload());
                apply(done.formatted());
            }
        }, this::fail);
    }

    /** A message's first frame carrying the whole message's payload. */
    private static Frame messageFrame(Frame first, byte[] whole) {
        return new Frame(first.seq(), first.epochMicros(), first.monoNanos(), first.direction(),
                first.header(), first.inflated(), ByteBuffer.wrap(whole), first.crafted());
    }

    private void show(Frame first, Frame frame, boolean partOfTextMessage, WholeMessage message) {
        highlights = nextHighlights;
        reset();
        boolean text = message != null ? message.text() : isText(frame.opcode(), partOfTextMessage);
        showing.set(true);
        describe(first, message, frame.payloadLength());
        showPayload(frame.payload());
        textContent.set(AreaContent.message("Decoding…"));
        jsonContent.set(AreaContent.message("Formatting…"));
        provisionalView = initialView(frame, text);
        selectedView.set(provisionalView);
        boolean whole = message != null && message.complete();
        ProtocolHint hint = protocolHint;
        if (frame.payloadLength() <= inlineFormatBytes) {
            // Small payloads (most frames) format in well under a millisecond: done at once, the views are
            // complete in the same pulse as the click instead of a thread hop and a pulse later.
            tasks.cancel(formatKey);
            Formatted result;
            try {
                result = format(frame, text, hint, whole);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            apply(result);
            return;
        }
        busy.set(true);
        tasks.submitLatest(formatKey, () -> format(frame, text, hint, whole), this::apply, this::fail);
    }

    /** The summary and the Frame view's fields: the first frame's header, and the message's frames and length. */
    private void describe(Frame first, WholeMessage message, long length) {
        summary.set("#" + first.seq() + " · " + first.direction().jsonName() + " · " + first.opcode().jsonName()
                + (message != null ? " message of " + message.frames() + " frames (#" + message.first() + "–#"
                + message.last() + (message.complete() ? "" : ", unfinished") + ")"
                : first.fin() ? "" : " (not FIN)") + " · " + Formats.humanBytes(length));
        availableViews.setAll(DetailView.TEXT, DetailView.JSON, DetailView.HEX, DetailView.FIELDS);
        fieldsTitle.set("Frame");
        fields.setAll(DetailFields.of(first));
        if (message != null) {
            fields.add(new DetailFields.Field("Message", message.frames() + " frames, #" + message.first() + " to #"
                    + message.last() + (message.complete() ? "" : " (its last frame has not come)")));
            fields.add(new DetailFields.Field("Message length", Formats.humanBytes(message.length())
                    + (message.inflated() ? " (compressed on the wire: " + Formats.humanBytes(message.wireLength()) + ")"
                    : "")));
        }
    }

    /** The payload shown by the Hex view and copied by Copy. */
    private void showPayload(ByteBuffer shown) {
        payload = shown;
        hasPayload.set(true);
        HexDump dump = HexDump.of(payload);
        hexDump.set(dump);
        hexNotice.set(Formats.humanBytes(dump.length()) + " · " + Formats.count(dump.lineCount()) + " lines");
    }

    /**
     * What the connection tells about its sub-protocol (negotiated subprotocol, URL), used to decode the frames
     * shown from now on. {@code null} means nothing is known.
     */
    public void setProtocolHint(ProtocolHint hint) {
        protocolHint = hint == null ? ProtocolHint.NONE : hint;
    }

    public ProtocolHint getProtocolHint() {
        return protocolHint;
    }

    /** Shows a connection event: its fields, and the handshake when it has one. */
    public void showEvent(ConnectionEvent event) {
        reset();
        showing.set(true);
        fieldsTitle.set("Event");
        fields.setAll(DetailFields.of(event));
        if (event instanceof ConnectionEvent.Opened opened) {
            handshake = opened.handshake();
            summary.set("Opened · " + opened.url());
        } else if (event instanceof ConnectionEvent.Failed failed) {
            handshake = failed.handshake();
            summary.set("Failed · " + failed.message());
        } else if (event instanceof ConnectionEvent.Closed closed) {
            summary.set("Closed · " + CloseCodes.describe(closed.code()));
        } else if (event instanceof ConnectionEvent.Connecting connecting) {
            summary.set("Connecting · " + connecting.url());
        } else if (event instanceof ConnectionEvent.Note note) {
            summary.set("Note · " + note.message());
        }
        updateHandshakeText();
        if (handshake != null) {
            availableViews.setAll(DetailView.HANDSHAKE, DetailView.FIELDS);
            selectedView.set(DetailView.HANDSHAKE);
        } else {
            availableViews.setAll(DetailView.FIELDS);
            selectedView.set(DetailView.FIELDS);
        }
    }

    /** Shows nothing (no row selected). */
    public void clear() {
        reset();
    }

    private void reset() {
        tasks.cancel(formatKey);
        busy.set(false);
        payload = null;
        handshake = null;
        provisionalView = null;
        hasPayload.set(false);
        showing.set(false);
        summary.set("");
        availableViews.clear();
        fields.clear();
        hexDump.set(null);
        hexNotice.set("");
        textContent.set(AreaContent.EMPTY);
        jsonContent.set(AreaContent.EMPTY);
        jsonTree.set(null);
        protocol.set(null);
        protocolFields.clear();
        protocolBody.set(AreaContent.EMPTY);
        updateHandshakeText();
    }

    // --- copy actions: what the user sees, as text / hex / base64

    /** The payload as UTF-8 text, invalid bytes as {@code \xNN}; empty when no frame is shown. */
    public String payloadAsText() {
        return payload == null ? "" : Utf8Text.decode(bytes()).text();
    }

    public String payloadAsHex() {
        return payload == null ? "" : Formats.hex(bytes());
    }

    public String payloadAsBase64() {
        return payload == null ? "" : Formats.base64(bytes());
    }

    private byte[] bytes() {
        ByteBuffer copy = payload.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }

    /**
     * What the Text and JSON views mark as matches from the next frame shown on (the filter's terms, Find's
     * query). FX thread.
     */
    public void setHighlights(Highlights value) {
        nextHighlights = value == null ? Highlights.NONE : value;
    }

    // --- background formatting

    /** Everything the slow views need, computed together so they always describe the same frame. */
    /** A reassembled message and its formatting, made together in the background. */
    private record Reassembled(Frame content, Formatted formatted) {
    }

    private record Formatted(AreaContent text, AreaContent json, JsonNode tree, Decoded protocol,
                             AreaContent protocolBody, DetailView best) {
    }

    private Formatted format(Frame frame, boolean text, ProtocolHint hint, boolean whole) {
        byte[] bytes = frame.payloadBytes();
        if (frame.opcode() == Opcode.CLOSE) {
            AreaContent close = AreaContent.of(List.of(new Segment(CloseCodes.describePayload(bytes), Segment.PLAIN)),
                    "Close frame: code and reason");
            return new Formatted(close, AreaContent.message("Close frames carry a code and a reason, not JSON"),
                    null, null, AreaContent.EMPTY, provisionalFor(frame, text, bytes));
        }
        AreaContent textView = textView(bytes);
        JsonResult json = jsonFormatter.format(bytes);
        Decoded decoded = decodeProtocol(frame, bytes, text, hint, whole);
        DetailView best = decoded != null ? DetailView.PROTOCOL
                : text && json instanceof JsonResult.Valid v && v.isContainer()
                ? DetailView.JSON : provisionalFor(frame, text, bytes);
        JsonNode tree = json instanceof JsonResult.Valid v ? v.tree() : null;
        return new Formatted(textView, jsonView(json, bytes), tree, decoded, protocolBody(decoded), best);
    }

    /**
     * The frame as a sub-protocol message, or null. Only whole messages are decoded: a fragment of a longer
     * message would only read as malformed. {@code whole}: the payload is a reassembled fragmented message.
     */
    private Decoded decodeProtocol(Frame frame, byte[] bytes, boolean text, ProtocolHint hint, boolean whole) {
        Opcode op = frame.opcode();
        if (!(frame.fin() || whole) || frame.truncated() || (op != Opcode.TEXT && op != Opcode.BINARY)) {
            return null;
        }
        return decoders.decode(bytes, text, hint).orElse(null);
    }

    private static AreaContent protocolBody(Decoded decoded) {
        if (decoded == null || decoded.body().isEmpty()) {
            return AreaContent.EMPTY;
        }
        List<Segment> segments = decoded.jsonBody() ? JsonHighlighter.highlight(decoded.body())
                : List.of(new Segment(decoded.body(), Segment.PLAIN));
        return AreaContent.of(segments, "");
    }

    private AreaContent textView(byte[] bytes) {
        if (bytes.length == 0) {
            return AreaContent.message("Empty payload");
        }
        int shown = Math.min(bytes.length, textCapBytes);
        Utf8Text.Decoded decoded = Utf8Text.decode(bytes, 0, shown, shown < bytes.length);
        List<String> notes = new ArrayList<>();
        if (shown < bytes.length) {
            notes.add("Showing first " + Formats.humanBytes(shown) + " of " + Formats.humanBytes(bytes.length));
        }
        if (!decoded.isValid()) {
            notes.add(Formats.count(decoded.invalidCount()) + (decoded.invalidCount() == 1 ? " byte is" : " bytes are")
                    + " not valid UTF-8, shown as \\xNN (first at byte " + decoded.invalidOffsets()[0] + ")");
        }
        return AreaContent.of(highlights.apply(decoded.segments()), String.join(" · ", notes), !decoded.isValid(), 0, 0);
    }

    private AreaContent jsonView(JsonResult json, byte[] bytes) {
        if (json instanceof JsonResult.Valid v) {
            return AreaContent.of(highlights.apply(JsonHighlighter.highlight(v.pretty())), v.notice());
        }
        if (json instanceof JsonResult.Invalid e) {
            // Show the payload itself, coloured as far as it goes, with the caret at the error.
            int shown = Math.min(bytes.length, textCapBytes);
            String raw = Utf8Text.decode(bytes, 0, shown, shown < bytes.length).text();
            return AreaContent.of(highlights.apply(JsonHighlighter.highlight(raw)), e.notice(), true, e.line(), e.column());
        }
        return AreaContent.message(json.notice());
    }

    private void apply(Formatted result) {
        busy.set(false);
        textContent.set(result.text());
        jsonContent.set(result.json());
        jsonTree.set(result.tree());
        Decoded decoded = result.protocol();
        protocol.set(decoded);
        protocolFields.setAll(decoded == null ? List.of() : decoded.fields());
        protocolBody.set(result.protocolBody());
        if (decoded != null && !availableViews.contains(DetailView.PROTOCOL)) {
            availableViews.add(availableViews.indexOf(DetailView.FIELDS), DetailView.PROTOCOL);
        }
        if (selectedView.get() == provisionalView) {
            selectedView.set(result.best());
        }
    }

    private void fail(Exception e) {
        busy.set(false);
        AreaContent failed = AreaContent.of(List.of(), "Could not format this payload: " + e, true, 0, 0);
        textContent.set(failed);
        jsonContent.set(failed);
    }

    // --- choosing the best view

    private static boolean isText(Opcode opcode, boolean partOfTextMessage) {
        return opcode == Opcode.TEXT || (opcode == Opcode.CONTINUATION && partOfTextMessage);
    }

    /** A guess made instantly on the FX thread: JSON when text starts like an object or array. */
    private static DetailView initialView(Frame frame, boolean text) {
        if (text && frame.payloadLength() > 0) {
            return startsLikeJsonContainer(frame.payload()) ? DetailView.JSON : DetailView.TEXT;
        }
        return provisionalFor(frame, text, null);
    }

    /**
     * Best view when the payload is not a JSON object or array: Frame for an empty payload, Text for text and
     * close frames and for short control payloads that are readable, Hex for everything binary.
     */
    private static DetailView provisionalFor(Frame frame, boolean text, byte[] bytes) {
        Opcode op = frame.opcode();
        if (frame.payloadLength() == 0) {
            return DetailView.FIELDS;
        }
        if (text || op == Opcode.CLOSE) {
            return DetailView.TEXT;
        }
        if (op.isControl() && frame.payloadLength() <= 125) {
            byte[] b = bytes != null ? bytes : frame.payloadBytes();
            return Utf8Text.isValidUtf8(b) ? DetailView.TEXT : DetailView.HEX;
        }
        return DetailView.HEX;
    }

    private static boolean startsLikeJsonContainer(ByteBuffer payload) {
        for (int i = payload.position(); i < payload.limit(); i++) {
            byte b = payload.get(i);
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private void updateHandshakeText() {
        handshakeRequest.set(handshake == null ? "" : HandshakeText.request(handshake, revealSecrets.get()));
        handshakeResponse.set(handshake == null ? "" : HandshakeText.response(handshake, revealSecrets.get()));
    }

    // --- properties

    /** The view on screen; the pane writes it when the user picks a tab. */
    public ObjectProperty<DetailView> selectedViewProperty() {
        return selectedView;
    }

    public DetailView getSelectedView() {
        return selectedView.get();
    }

    /** Views that have something to show for the current row. */
    public ObservableList<DetailView> getAvailableViews() {
        return availableViewsReadOnly;
    }

    /** One line about the row: {@code #12 · in · text · 1.2 KiB}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while formatting runs in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AreaContent> textContentProperty() {
        return textContent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AreaContent> jsonContentProperty() {
        return jsonContent.getReadOnlyProperty();
    }

    /** The frame read as a sub-protocol message, or null when no decoder recognised it. */
    public ReadOnlyObjectProperty<Decoded> protocolProperty() {
        return protocol.getReadOnlyProperty();
    }

    /** The decoded message's fields (type, id, method, headers…), empty when there is none. */
    public ObservableList<DetailFields.Field> getProtocolFields() {
        return protocolFieldsReadOnly;
    }

    /** The decoded message's body, highlighted when it is JSON. */
    public ReadOnlyObjectProperty<AreaContent> protocolBodyProperty() {
        return protocolBody.getReadOnlyProperty();
    }

    /** The parsed JSON for the tree view, or null. */
    public ReadOnlyObjectProperty<JsonNode> jsonTreeProperty() {
        return jsonTree.getReadOnlyProperty();
    }

    /** The lazy hex dump of the payload, or null for events. */
    public ReadOnlyObjectProperty<HexDump> hexDumpProperty() {
        return hexDump.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hexNoticeProperty() {
        return hexNotice.getReadOnlyProperty();
    }

    public ObservableList<DetailFields.Field> getFields() {
        return fieldsReadOnly;
    }

    /** "Frame" or "Event", the title of the fields view. */
    public ReadOnlyStringProperty fieldsTitleProperty() {
        return fieldsTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty handshakeRequestProperty() {
        return handshakeRequest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty handshakeResponseProperty() {
        return handshakeResponse.getReadOnlyProperty();
    }

    /** Show credential headers (Authorization, Cookie, tokens) in the handshake instead of masking them. */
    public BooleanProperty revealSecretsProperty() {
        return revealSecrets;
    }

    /** True when a frame is shown, so copying its payload makes sense. */
    public ReadOnlyBooleanProperty hasPayloadProperty() {
        return hasPayload.getReadOnlyProperty();
    }

    /** False when nothing is selected. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }
}
