package dev.wsinspector.ui.mock;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.mock.MockReply;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The mock server's form and rules (MockServerView.fxml): bindings to {@link MockServerViewModel}, the selected
 * rule's editor bound to its {@link RuleRow}, and the buttons handed to the model or the tab's {@link Actions}.
 */
public final class MockServerController {

    /** What the tab does for the view: dialogs and the clipboard. */
    public interface Actions {
        void seed();

        void save();

        void copy(String text);
    }

    private final MockServerViewModel model;
    private final Actions actions;
    /** Undoes the editor's bindings to the rule shown before. */
    private final List<Runnable> unbind = new ArrayList<>();

    @FXML private TextField mockName;
    @FXML private TextField mockHost;
    @FXML private TextField mockPort;
    @FXML private Button mockToggle;
    @FXML private Label mockAddress;
    @FXML private Button mockCopyAddress;
    @FXML private Button mockSeed;
    @FXML private Button mockSave;
    @FXML private Label mockWarning;
    @FXML private TextField mockSubprotocols;
    @FXML private TextField mockUpgradeHeader;
    @FXML private PasswordField mockUpgradeValue;
    @FXML private TextField mockUpgradeStatus;
    @FXML private TextField mockCloseMessages;
    @FXML private TextField mockCloseSeconds;
    @FXML private TextField mockCloseCode;
    @FXML private CheckBox mockEcho;
    @FXML private TextField mockFaults;
    @FXML private TextField mockOnConnect;
    @FXML private Label mockProblem;
    @FXML private Label mockNotice;
    @FXML private SplitPane mockRulesSplit;
    @FXML private Button addRule;
    @FXML private Button removeRule;
    @FXML private Button ruleUp;
    @FXML private Button ruleDown;
    @FXML private TableView<RuleRow> rulesTable;
    @FXML private TableColumn<RuleRow, String> ruleNumberColumn;
    @FXML private TableColumn<RuleRow, String> ruleWhenColumn;
    @FXML private TableColumn<RuleRow, String> ruleReplyColumn;
    @FXML private TableColumn<RuleRow, String> ruleDelayColumn;
    @FXML private TableColumn<RuleRow, String> ruleTargetColumn;
    @FXML private TableColumn<RuleRow, String> ruleFaultsColumn;
    @FXML private GridPane ruleEditor;
    @FXML private ChoiceBox<RuleRow.WhenKind> ruleWhenKind;
    @FXML private TextField ruleWhen;
    @FXML private Label ruleWhenProblem;
    @FXML private ChoiceBox<MessageMode> ruleReplyMode;
    @FXML private TextField ruleDelay;
    @FXML private ChoiceBox<MockReply.Target> ruleTarget;
    @FXML private CheckBox ruleEcho;
    @FXML private TextArea ruleReply;
    @FXML private Label ruleReplyProblem;
    @FXML private TextField ruleCloseCode;
    @FXML private TextField ruleFaults;
    @FXML private Label ruleOtherProblem;

    public MockServerController(MockServerViewModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        mockName.textProperty().bindBidirectional(model.nameProperty());
        mockHost.textProperty().bindBidirectional(model.hostProperty());
        mockPort.textProperty().bindBidirectional(model.portProperty());
        mockSubprotocols.textProperty().bindBidirectional(model.subprotocolsProperty());
        mockUpgradeHeader.textProperty().bindBidirectional(model.upgradeHeaderProperty());
        mockUpgradeValue.textProperty().bindBidirectional(model.upgradeValueProperty());
        mockUpgradeStatus.textProperty().bindBidirectional(model.upgradeStatusProperty());
        mockCloseMessages.textProperty().bindBidirectional(model.closeAfterMessagesProperty());
        mockCloseSeconds.textProperty().bindBidirectional(model.closeAfterSecondsProperty());
        mockCloseCode.textProperty().bindBidirectional(model.closeCodeProperty());
        mockEcho.selectedProperty().bindBidirectional(model.echoProperty());
        mockFaults.textProperty().bindBidirectional(model.faultsProperty());
        mockOnConnect.textProperty().bindBidirectional(model.onConnectProperty());
        // The server's settings are fixed while it runs: Stop, change, Start.
        for (javafx.scene.Node n : List.of(mockHost, mockPort, mockSubprotocols, mockUpgradeHeader, mockUpgradeValue,
                mockUpgradeStatus, mockCloseMessages, mockCloseSeconds, mockCloseCode, mockEcho, mockFaults,
                mockOnConnect, ruleEditor, addRule, mockSeed)) {
            n.disableProperty().bind(model.runningProperty());
        }
        mockToggle.textProperty().bind(Bindings.when(model.runningProperty()).then("Stop").otherwise("Start"));
        mockAddress.textProperty().bind(Bindings.when(model.runningProperty()).then(model.addressProperty())
                .otherwise("stopped"));
        mockCopyAddress.disableProperty().bind(model.runningProperty().not());
        mockWarning.visibleProperty().bind(model.exposedProperty());
        mockWarning.managedProperty().bind(mockWarning.visibleProperty());
        shownWhenSet(mockProblem, model.problemProperty());
        shownWhenSet(mockNotice, model.noticeProperty());

        rulesTable.setItems(model.rules());
        column(ruleNumberColumn, r -> r.numberProperty().asString());
        column(ruleWhenColumn, RuleRow::whenTextProperty);
        column(ruleReplyColumn, RuleRow::replyTextProperty);
        column(ruleDelayColumn, r -> Bindings.concat(r.delayProperty(), " ms"));
        column(ruleTargetColumn, r -> Bindings.createStringBinding(() -> r.targetProperty().get().id(),
                r.targetProperty()));
        column(ruleFaultsColumn, RuleRow::faultsProperty);
        rulesTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                model.selectedRuleProperty().set(row);
            }
        });
        model.selectedRuleProperty().addListener((o, a, row) -> showRule(row));
        removeRule.disableProperty().bind(model.selectedRuleProperty().isNull().or(model.runningProperty()));
        ruleUp.disableProperty().bind(model.canMoveUpProperty().not().or(model.runningProperty()));
        ruleDown.disableProperty().bind(model.canMoveDownProperty().not().or(model.runningProperty()));

        ruleWhenKind.setItems(FXCollections.observableArrayList(RuleRow.WhenKind.values()));
        ruleReplyMode.setItems(FXCollections.observableArrayList(RuleRow.REPLY_MODES));
        ruleReplyMode.setConverter(new StringConverter<>() {
            @Override
            public String toString(MessageMode mode) {
                return mode == null ? "" : mode.toString();
            }

            @Override
            public MessageMode fromString(String s) {
                return null;
            }
        });
        ruleTarget.setItems(FXCollections.observableArrayList(MockReply.Target.values()));
        ruleTarget.setConverter(new StringConverter<>() {
            @Override
            public String toString(MockReply.Target t) {
                return t == null ? "" : switch (t) {
                    case SENDER -> "the sender";
                    case ALL -> "all clients";
                    case OTHERS -> "the others";
                };
            }

            @Override
            public MockReply.Target fromString(String s) {
                return null;
            }
        });
        mockRulesSplit.setDividerPositions(0.55);
        showRule(model.selectedRuleProperty().get());
    }

    private static void shownWhenSet(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void column(TableColumn<RuleRow, String> column,
                               Function<RuleRow, ObservableValue<String>> value) {
        column.setCellValueFactory(c -> value.apply(c.getValue()));
    }

    /** The editor shows {@code row} (bound both ways), the table selects it; no row: the editor is empty and off. */
    private void showRule(RuleRow row) {
        unbind.forEach(Runnable::run);
        unbind.clear();
        ruleEditor.setVisible(row != null);
        if (row == null) {
            return;
        }
        if (rulesTable.getSelectionModel().getSelectedItem() != row) {
            rulesTable.getSelectionModel().select(row);
        }
        both(ruleWhenKind.valueProperty(), row.whenKindProperty());
        both(ruleWhen.textProperty(), row.whenProperty());
        both(ruleReplyMode.valueProperty(), row.replyModeProperty());
        both(ruleReply.textProperty(), row.replyProperty());
        both(ruleDelay.textProperty(), row.delayProperty());
        both(ruleTarget.valueProperty(), row.targetProperty());
        both(ruleEcho.selectedProperty(), (BooleanProperty) row.echoProperty());
        both(ruleCloseCode.textProperty(), row.closeCodeProperty());
        both(ruleFaults.textProperty(), row.faultsProperty());
        shown(ruleWhenProblem, row.whenProblemProperty());
        shown(ruleReplyProblem, row.replyProblemProperty());
        shown(ruleOtherProblem, row.otherProblemProperty());
    }

    private <T> void both(Property<T> field, Property<T> rule) {
        field.setValue(rule.getValue());
        field.bindBidirectional(rule);
        unbind.add(() -> field.unbindBidirectional(rule));
    }

    private void shown(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        unbind.add(() -> label.textProperty().unbind());
    }

    @FXML
    private void toggle() {
        model.toggle();
    }

    @FXML
    private void copyAddress() {
        actions.copy(model.addressProperty().get());
    }

    @FXML
    private void seed() {
        actions.seed();
    }

    @FXML
    private void save() {
        actions.save();
    }

    @FXML
    private void addRule() {
        model.addRule();
        ruleWhen.requestFocus();
    }

    @FXML
    private void removeRule() {
        model.removeRule();
    }

    @FXML
    private void ruleUp() {
        model.moveRule(-1);
    }

    @FXML
    private void ruleDown() {
        model.moveRule(1);
    }

    /** For the tab: the text field a new rule's "when" is typed in. */
    StringProperty shownWhen() {
        return ruleWhen.textProperty();
    }
}
