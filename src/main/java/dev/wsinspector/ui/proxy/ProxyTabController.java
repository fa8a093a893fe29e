package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.HeaderRule;
import dev.wsinspector.core.proxy.HeldMessage;
import dev.wsinspector.ui.detail.DetailPane;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The proxy tab's layout (ProxyTabView.fxml) bound to its {@link ProxyViewModel}; the two legs' timelines and the
 * detail pane come in {@link Parts}. One-line handlers; the breakpoint fields are {@link BreakpointField}s.
 */
public final class ProxyTabController {

    /** What the tab builds and the layout places; {@code jump} selects the shown frame's copy on the other leg. */
    public record Parts(Node clientLeg, Node serverLeg, DetailPane detail, ReadOnlyStringProperty pairText,
                        javafx.beans.value.ObservableBooleanValue pairJumpable, Runnable jump) {
    }

    private final ProxyViewModel model;
    private final Parts parts;

    @FXML private TextField proxyHost;
    @FXML private TextField proxyPort;
    @FXML private TextField proxyUpstream;
    @FXML private CheckBox proxyInsecure;
    @FXML private Button proxyToggle;
    @FXML private HBox proxyRunningBar;
    @FXML private TextField proxyAddress;
    @FXML private ComboBox<ProxyViewModel.ClientRow> proxyClients;
    @FXML private Label proxyExposed;
    @FXML private Label proxyUnverified;
    @FXML private Label proxyProblem;
    @FXML private Label proxyNotice;
    @FXML private SplitPane proxyLegs;
    @FXML private VBox proxyDetailBox;
    @FXML private Label proxyPairText;
    @FXML private Button proxyPairJump;
    @FXML private HBox proxyPairBar;
    @FXML private TextField breakToServer;
    @FXML private Label breakToServerError;
    @FXML private TextField breakToClient;
    @FXML private Label breakToClientError;
    @FXML private TabPane proxyTools;
    @FXML private Tab heldTab;
    @FXML private Label heldBadge;
    @FXML private ListView<HeldMessage> heldList;
    @FXML private TextArea heldEditor;
    @FXML private Label heldProblem;
    @FXML private Button heldForward;
    @FXML private Button heldDrop;
    @FXML private Button heldForwardAll;
    @FXML private ChoiceBox<Flow> injectFlow;
    @FXML private ChoiceBox<MessageMode> injectMode;
    @FXML private TextArea injectText;
    @FXML private Label injectProblem;
    @FXML private TableView<HeaderRuleRow> rewrites;
    @FXML private TableColumn<HeaderRuleRow, HeaderRule.Side> rewriteSide;
    @FXML private TableColumn<HeaderRuleRow, HeaderRule.Action> rewriteAction;
    @FXML private TableColumn<HeaderRuleRow, String> rewriteName;
    @FXML private TableColumn<HeaderRuleRow, String> rewriteValue;
    @FXML private Button rewriteRemove;

    public ProxyTabController(ProxyViewModel model, Parts parts) {
        this.model = model;
        this.parts = parts;
    }

    @FXML
    private void initialize() {
        proxyHost.textProperty().bindBidirectional(model.hostProperty());
        proxyPort.textProperty().bindBidirectional(model.portProperty());
        proxyUpstream.textProperty().bindBidirectional(model.upstreamProperty());
        proxyInsecure.selectedProperty().bindBidirectional(model.insecureProperty());
        for (Node setup : new Node[] {proxyHost, proxyPort, proxyUpstream, proxyInsecure, rewrites}) {
            setup.disableProperty().bind(model.runningProperty());
        }
        proxyToggle.textProperty().bind(javafx.beans.binding.Bindings.when(model.runningProperty())
                .then("Stop").otherwise("Start"));
        proxyAddress.textProperty().bind(model.addressProperty());
        shownWhen(proxyRunningBar, model.runningProperty().or(javafx.beans.binding.Bindings.isNotEmpty(model.clients())));
        proxyClients.setItems(model.clients());
        proxyClients.valueProperty().bindBidirectional(model.selectedClientProperty());
        shownWhen(proxyExposed, model.exposedProperty());
        shownWhen(proxyUnverified, model.unverifiedProperty());
        bindText(proxyProblem, model.problemProperty());
        bindText(proxyNotice, model.noticeProperty());

        proxyLegs.getItems().setAll(leg("Client ↔ proxy", parts.clientLeg()), leg("Proxy ↔ server", parts.serverLeg()));
        VBox.setVgrow(parts.detail(), Priority.ALWAYS);
        proxyDetailBox.getChildren().add(parts.detail());
        proxyPairText.textProperty().bind(parts.pairText());
        shownWhen(proxyPairBar, parts.pairText().isNotEmpty());
        proxyPairJump.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !parts.pairJumpable().get(), parts.pairJumpable()));

        new BreakpointField(breakToServer, breakToServerError, model.breakpoint(Flow.TO_SERVER));
        new BreakpointField(breakToClient, breakToClientError, model.breakpoint(Flow.TO_CLIENT));

        HeldViewModel held = model.held();
        heldBadge.textProperty().bind(held.countProperty().asString());
        heldBadge.getStyleClass().add("state-connecting");
        // A message just held comes to the front (its tab), whatever was looked at.
        held.countProperty().addListener((o, was, now) -> {
            if (now.intValue() > was.intValue()) {
                proxyTools.getSelectionModel().select(heldTab);
            }
        });
        heldList.setItems(held.held());
        heldList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HeldMessage item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : HeldViewModel.describe(item));
            }
        });
        heldList.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                held.selectedProperty().set(m);
            }
        });
        held.selectedProperty().addListener((o, a, m) -> heldList.getSelectionModel().select(m));
        heldEditor.textProperty().bindBidirectional(held.editorProperty());
        heldEditor.disableProperty().bind(held.selectedProperty().isNull());
        bindText(heldProblem, held.problemProperty());
        heldForward.disableProperty().bind(held.selectedProperty().isNull());
        heldDrop.disableProperty().bind(held.selectedProperty().isNull());
        heldForwardAll.disableProperty().bind(held.countProperty().isEqualTo(0));

        InjectModel inject = model.inject();
        injectFlow.setItems(FXCollections.observableArrayList(Flow.values()));
        injectFlow.setConverter(HeaderRulesTable.converter(f -> f == Flow.TO_SERVER ? "To the server" : "To the client"));
        injectFlow.valueProperty().bindBidirectional(inject.flowProperty());
        injectMode.setItems(FXCollections.observableArrayList(InjectModel.MODES));
        injectMode.valueProperty().bindBidirectional(inject.modeProperty());
        injectText.textProperty().bindBidirectional(inject.textProperty());
        bindText(injectProblem, inject.problemProperty());

        HeaderRulesTable.bind(rewrites, rewriteSide, rewriteAction, rewriteName, rewriteValue, model.headerRules());
        rewriteRemove.disableProperty().bind(rewrites.getSelectionModel().selectedItemProperty().isNull()
                .or(model.runningProperty()));
    }

    private static VBox leg(String title, Node timeline) {
        Label header = new Label(title);
        header.getStyleClass().add("proxy-leg-title");
        VBox box = new VBox(header, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        return box;
    }

    private static void shownWhen(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(shown::get, shown));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static void bindText(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        shownWhen(label, text.isNotEmpty());
    }

    @FXML
    private void toggle() {
        model.toggle();
    }

    @FXML
    private void copyAddress() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.addressProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void jumpToCopy() {
        parts.jump().run();
    }

    @FXML
    private void clearToServer() {
        model.breakpoint(Flow.TO_SERVER).clear();
    }

    @FXML
    private void clearToClient() {
        model.breakpoint(Flow.TO_CLIENT).clear();
    }

    @FXML
    private void forward() {
        model.held().forward();
    }

    @FXML
    private void drop() {
        model.held().drop();
    }

    @FXML
    private void forwardAll() {
        model.held().forwardAll();
    }

    @FXML
    private void inject() {
        model.inject().inject();
    }

    @FXML
    private void addRewrite() {
        model.headerRules().add(new HeaderRuleRow());
    }

    @FXML
    private void removeRewrite() {
        model.headerRules().remove(rewrites.getSelectionModel().getSelectedItem());
    }
}
