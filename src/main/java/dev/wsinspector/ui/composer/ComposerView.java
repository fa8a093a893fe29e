package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.payload.CloseCodes;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

import dev.wsinspector.core.payload.JsonHighlighter;
import dev.wsinspector.core.payload.Segment;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;

/**
 * The composer at the bottom of a connection tab: a RichTextFX editor, the mode, Send (Ctrl+Enter), Ping and
 * Close. Everything it does is a call on {@link ComposerViewModel} (or the close action it is given).
 */
public final class ComposerView extends BorderPane {

    /** What the Close button does (the connection's view model owns closing). */
    public interface CloseAction {
        void close(int code, String reason);
    }

    private static final int HIGHLIGHT_LIMIT = 256 * 1024;

    private final CodeArea editor = new CodeArea();
    private final Button save = new Button("Save…");

    public ComposerView(ComposerViewModel model, CloseAction closeAction) {
        getStyleClass().add("composer");

        ChoiceBox<MessageMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(MessageMode.values()));
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setId("composerMode");
        Button format = new Button("Format");
        format.setId("formatButton");
        format.setTooltip(new Tooltip("Pretty-print the JSON"));
        format.disableProperty().bind(model.modeProperty().isNotEqualTo(MessageMode.JSON));
        format.setOnAction(e -> model.formatJson());
        ComboBox<ComposerViewModel.HistoryEntry> history = new ComboBox<>(model.history());
        history.setPromptText("History");
        history.setPrefWidth(120);
        history.setMaxWidth(120);
        history.setId("historyBox");
        history.setTooltip(new Tooltip("Sent messages (Ctrl+Up / Ctrl+Down in the editor)"));
        history.setOnAction(e -> {
            if (history.getValue() != null) {
                model.load(history.getValue());
                history.getSelectionModel().clearSelection();
                editor.requestFocus();
            }
        });
        Label problem = new Label();
        problem.getStyleClass().add("composer-problem");
        problem.textProperty().bind(model.problemProperty());
        Label status = new Label();
        status.getStyleClass().add("composer-status");
        status.textProperty().bind(model.statusProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, mode, format, history, problem, grow, status);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 0, 4, 0));
        setTop(top);

        editor.setId("composerEditor");
        editor.getStyleClass().add("composer-editor");
        editor.setWrapText(true);
        editor.replaceText(model.inputProperty().get());
        editor.textProperty().addListener((o, a, b) -> {
            if (!b.equals(model.inputProperty().get())) {
                model.inputProperty().set(b);
            }
        });
        model.inputProperty().addListener((o, a, b) -> {
            if (!b.equals(editor.getText())) {
                editor.replaceText(b);
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
                model.send();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.UP) {
                model.historyPrevious();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.DOWN) {
                model.historyNext();
                e.consume();
            }
        });
        // Highlight JSON once typing pauses; small documents only, so the FX thread never stalls on a paste.
        editor.multiPlainChanges().successionEnds(java.time.Duration.ofMillis(120)).subscribe(c -> highlight(model));
        model.modeProperty().addListener((o, a, b) -> highlight(model));
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(editor);
        scroll.setPrefHeight(110);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label preview = new Label();
        preview.setId("composerPreview");
        preview.getStyleClass().add("composer-preview");
        preview.textProperty().bind(model.previewProperty().map(p -> p.isEmpty() ? "" : "→ " + p.replace('\n', ' ')));
        preview.visibleProperty().bind(model.previewProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());
        preview.setTooltip(new Tooltip("The message with its {{variables}} resolved, as it would be sent now"));
        setCenter(new VBox(2, scroll, preview));

        Button send = new Button("Send");
        send.setId("sendButton");
        send.getStyleClass().add("accent");
        send.setTooltip(new Tooltip("Send the message (Ctrl+Enter)"));
        send.setMaxWidth(Double.MAX_VALUE);
        send.setOnAction(e -> model.send());

        TextField pingPayload = new TextField();
        pingPayload.setPromptText("ping payload");
        pingPayload.setPrefColumnCount(10);
        pingPayload.textProperty().bindBidirectional(model.pingPayloadProperty());
        Button ping = new Button("Ping");
        ping.setId("pingButton");
        ping.setOnAction(e -> model.sendPing());

        ComboBox<Integer> code = new ComboBox<>(FXCollections.observableArrayList(CloseCodes.sendable().keySet()));
        code.getItems().add(4000);
        code.setEditable(true);
        code.setConverter(new CloseCodeConverter());
        code.valueProperty().bindBidirectional(model.closeCodeProperty());
        // Wide enough for "1000 Normal Closure" and its like, whatever the font: never cut to "1000 Normal Clos".
        code.getEditor().setPrefColumnCount(15);
        code.setMinWidth(Region.USE_PREF_SIZE);
        TextField reason = new TextField();
        reason.setPromptText("reason");
        reason.setPrefColumnCount(8);
        reason.textProperty().bindBidirectional(model.closeReasonProperty());
        Button close = new Button("Close");
        close.setId("closeButton");
        close.setOnAction(e -> model.close(closeAction));

        save.setId("saveFromComposer");
        save.setTooltip(new Tooltip("Keep this message in the tab's profile"));
        HBox sendRow = new HBox(4, send, save);
        HBox.setHgrow(send, Priority.ALWAYS);
        VBox actions = new VBox(6, sendRow, new HBox(4, pingPayload, ping), new HBox(4, code, reason, close));
        actions.setPadding(new Insets(0, 0, 0, 8));
        setRight(actions);
        setPadding(new Insets(4, 8, 8, 8));
    }

    private void highlight(ComposerViewModel model) {
        String text = editor.getText();
        if (model.modeProperty().get() != MessageMode.JSON || text.isEmpty() || text.length() > HIGHLIGHT_LIMIT) {
            editor.clearStyle(0, text.length());
            return;
        }
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        for (Segment segment : JsonHighlighter.highlight(text, HIGHLIGHT_LIMIT)) {
            spans.add(segment.styleClass() == null || segment.styleClass().isEmpty()
                    ? List.of() : List.of(segment.styleClass()), segment.text().length());
        }
        editor.setStyleSpans(0, spans.create());
    }

    /** "Save…": the tab decides what it does and when it is available (only with a profile). */
    public Button saveButton() {
        return save;
    }

    public CodeArea editor() {
        return editor;
    }

    /** Shows "1000 Normal Closure" in the picker and accepts a typed number. */
    private static final class CloseCodeConverter extends StringConverter<Integer> {
        @Override
        public String toString(Integer code) {
            return code == null ? "" : CloseCodes.describe(code);
        }

        @Override
        public Integer fromString(String text) {
            String digits = text.trim().split("\\D", 2)[0];
            try {
                return digits.isEmpty() ? 1000 : Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return 1000;
            }
        }
    }
}
