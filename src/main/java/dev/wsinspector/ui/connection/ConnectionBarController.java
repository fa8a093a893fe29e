package dev.wsinspector.ui.connection;

import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.ui.common.CompactBar;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.util.Locale;

/** A tab's connection bar (ConnectionBarView.fxml), bound to the tab's {@link ConnectionViewModel}. */
public final class ConnectionBarController {

    private final ConnectionViewModel model;

    @FXML private HBox connectionBar;
    @FXML private ComboBox<String> urlField;
    @FXML private ChoiceBox<String> environmentChoice;
    @FXML private Button connectButton;
    @FXML private Label insecureBadge;
    @FXML private Label stateBadge;
    @FXML private Label connectionDetail;
    @FXML private Label connectionQueued;
    @FXML private Label connectionPing;
    @FXML private Label connectionError;
    @FXML private Label profileProblem;

    public ConnectionBarController(ConnectionViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        urlField.setItems(model.urlHistory());
        urlField.getEditor().textProperty().bindBidirectional(model.urlProperty());
        urlField.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> urlWidth(connectionBar.getWidth()), connectionBar.widthProperty()));
        // The skin takes Enter away from the editor (its onAction never fires): catch it on the box itself.
        urlField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !urlField.isShowing()) {
                e.consume();
                connectTyped();
            }
        });
        connectButton.textProperty().bind(Bindings.when(model.connectedProperty()).then("Disconnect").otherwise("Connect"));

        model.environments().addListener((ListChangeListener<String>) c -> showEnvironments());
        showEnvironments();
        environmentChoice.visibleProperty().bind(Bindings.isNotEmpty(model.environments()));
        environmentChoice.managedProperty().bind(environmentChoice.visibleProperty());
        insecureBadge.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.templateProperty().get() != null
                && model.templateProperty().get().insecure(), model.templateProperty()));
        insecureBadge.managedProperty().bind(insecureBadge.visibleProperty());

        stateBadge.textProperty().bind(model.stateTextProperty());
        stateBadge.setGraphic(CompactBar.icon(MaterialDesignC.CIRCLE_MEDIUM));  // coloured by state (app.css)
        model.stateProperty().addListener((o, a, state) -> showState(state));
        showState(model.stateProperty().get());
        connectionDetail.textProperty().bind(model.detailTextProperty());
        connectionQueued.textProperty().bind(model.queuedTextProperty());
        connectionPing.textProperty().bind(model.pingTextProperty());
        connectionError.textProperty().bind(model.lastErrorProperty());
        connectionError.tooltipProperty().bind(tooltipOf(model.lastErrorProperty()));
        profileProblem.textProperty().bind(model.profileProblemProperty());
        profileProblem.tooltipProperty().bind(tooltipOf(model.profileProblemProperty()));
    }

    @FXML
    private void connectOrDisconnect() {
        if (model.connectedProperty().get()) {
            model.disconnect();
        } else {
            connectTyped();
        }
    }

    @FXML
    private void chooseEnvironment() {
        model.chooseEnvironment(EnvironmentChoice.chosen(environmentChoice.getValue()));
    }

    /** Connects (again) to the typed address, committed as the box's value first (as Enter would). */
    private void connectTyped() {
        urlField.setValue(urlField.getEditor().getText());
        model.connect();
    }

    private void showEnvironments() {
        environmentChoice.getItems().setAll(EnvironmentChoice.choices(model.environments()));
        environmentChoice.setValue(EnvironmentChoice.shown(model.environmentProperty().get()));
    }

    private void showState(ConnectionState state) {
        stateBadge.getStyleClass().removeAll("state-connecting", "state-open", "state-closing", "state-closed");
        stateBadge.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
    }

    /** The whole text in a tooltip, for a label that may be cut; none while it is empty. */
    private static ObservableValue<Tooltip> tooltipOf(ObservableValue<String> text) {
        return Bindings.createObjectBinding(() -> text.getValue().isEmpty() ? null : new Tooltip(text.getValue()), text);
    }

    /**
     * The address box's share of the bar: 42 % (220–640 px), or a third when the bar is narrow (a sidebar beside a
     * small window), so the state texts after Connect still fit. It depends only on the bar's width, never on
     * what the state texts say, so Connect does not move when the state changes.
     */
    static double urlWidth(double barWidth) {
        double room = barWidth - 16;
        return Math.max(200, Math.min(640, room * (barWidth < 900 ? 0.33 : 0.42)));
    }
}
