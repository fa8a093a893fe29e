package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.payload.CloseCodes;
import dev.wsinspector.core.payload.JsonHighlighter;
import dev.wsinspector.core.payload.Segment;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The composer (ComposerView.fxml): bindings to {@link ComposerViewModel}, the editor kept in step with the
 * model's input, its keys (Ctrl+Enter, Ctrl+Up/Down) and its JSON colours. Closing goes to the
 * {@link ComposerViewModel.CloseAction} the tab gives, which the connection's view model owns.
 */
public final class ComposerController {

    private static final int HIGHLIGHT_LIMIT = 256 * 1024;

    private final ComposerViewModel model;
    private final ComposerViewModel.CloseAction closeAction;

    @FXML private ChoiceBox<MessageMode> composerMode;
    @FXML private Button formatButton;
    @FXML private ComboBox<ComposerViewModel.HistoryEntry> historyBox;
    @FXML private Label composerProblem;
    @FXML private Label composerStatus;
    @FXML private VBox editorBox;
    private final CodeArea composerEditor = new CodeArea();
    @FXML private Label composerPreview;
    @FXML private Button saveFromComposer;
    @FXML private TextField pingPayload;
    @FXML private ComboBox<Integer> closeCode;
    @FXML private TextField closeReason;

    public ComposerController(ComposerViewModel model, ComposerViewModel.CloseAction closeAction) {
        this.model = model;
        this.closeAction = closeAction;
    }

    @FXML
    private void initialize() {
        composerMode.getItems().setAll(MessageMode.values());
        composerMode.valueProperty().bindBidirectional(model.modeProperty());
        formatButton.disableProperty().bind(model.modeProperty().isNotEqualTo(MessageMode.JSON));
        historyBox.setItems(model.history());
        composerProblem.textProperty().bind(model.problemProperty());
        composerStatus.textProperty().bind(model.statusProperty());
        composerPreview.textProperty().bind(model.previewProperty()
                .map(p -> p.isEmpty() ? "" : "→ " + p.replace('\n', ' ')));
        composerPreview.visibleProperty().bind(model.previewProperty().isNotEmpty());
        composerPreview.managedProperty().bind(composerPreview.visibleProperty());
        saveFromComposer.disableProperty().bind(model.saveAvailableProperty().not()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.modeProperty().get().isSavable(),
                        model.modeProperty())));
        pingPayload.textProperty().bindBidirectional(model.pingPayloadProperty());
        closeCode.getItems().setAll(CloseCodes.sendable().keySet());
        closeCode.getItems().add(4000);
        closeCode.setConverter(new CloseCodeConverter());
        closeCode.valueProperty().bindBidirectional(model.closeCodeProperty());
        closeCode.getEditor().setPrefColumnCount(15);
        closeReason.textProperty().bindBidirectional(model.closeReasonProperty());
        bindEditor();
    }

    /** The editor's text is the model's input, both ways; its keys; JSON colours once typing pauses. */
    private void bindEditor() {
        composerEditor.setId("composerEditor");
        composerEditor.getStyleClass().add("composer-editor");
        composerEditor.setWrapText(true);
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(composerEditor);
        scroll.setPrefHeight(110);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        editorBox.getChildren().add(0, scroll);
        composerEditor.replaceText(model.inputProperty().get());
        composerEditor.textProperty().addListener((o, a, b) -> {
            if (!b.equals(model.inputProperty().get())) {
                model.inputProperty().set(b);
            }
        });
        model.inputProperty().addListener((o, a, b) -> {
            if (!b.equals(composerEditor.getText())) {
                composerEditor.replaceText(b);
            }
        });
        composerEditor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
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
        // Small documents only, so the FX thread never stalls on a paste.
        composerEditor.multiPlainChanges().successionEnds(Duration.ofMillis(120)).subscribe(c -> highlight());
        model.modeProperty().addListener((o, a, b) -> highlight());
    }

    private void highlight() {
        String text = composerEditor.getText();
        if (model.modeProperty().get() != MessageMode.JSON || text.isEmpty() || text.length() > HIGHLIGHT_LIMIT) {
            composerEditor.clearStyle(0, text.length());
            return;
        }
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        for (Segment segment : JsonHighlighter.highlight(text, HIGHLIGHT_LIMIT)) {
            spans.add(segment.styleClass() == null || segment.styleClass().isEmpty()
                    ? List.of() : List.of(segment.styleClass()), segment.text().length());
        }
        composerEditor.setStyleSpans(0, spans.create());
    }

    @FXML
    private void formatJson() {
        model.formatJson();
    }

    /** A history entry picked: it goes to the editor, and the box shows its prompt again. */
    @FXML
    private void loadHistory() {
        if (historyBox.getValue() != null) {
            model.load(historyBox.getValue());
            historyBox.getSelectionModel().clearSelection();
            composerEditor.requestFocus();
        }
    }

    @FXML
    private void send() {
        model.send();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void ping() {
        model.sendPing();
    }

    @FXML
    private void close() {
        model.close(closeAction);
    }
}
