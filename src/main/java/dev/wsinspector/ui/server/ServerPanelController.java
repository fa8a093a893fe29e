package dev.wsinspector.ui.server;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** Side panel for the local echo server (ServerPanelView.fxml): bindings to {@link ServerViewModel}, nothing else. */
public final class ServerPanelController {

    private final ServerViewModel model;

    @FXML private TextField serverHost;
    @FXML private TextField serverPort;
    @FXML private Label serverWarning;
    @FXML private Button serverToggle;
    @FXML private Label serverAddress;
    @FXML private Label serverClients;
    @FXML private ListView<String> serverLog;

    public ServerPanelController(ServerViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        serverHost.textProperty().bindBidirectional(model.hostProperty());
        serverHost.disableProperty().bind(model.runningProperty());
        serverPort.textProperty().bindBidirectional(model.portProperty());
        serverPort.disableProperty().bind(model.runningProperty());
        serverWarning.visibleProperty().bind(model.exposedProperty());
        serverWarning.managedProperty().bind(serverWarning.visibleProperty());
        serverToggle.textProperty().bind(model.toggleTextProperty());
        serverAddress.textProperty().bind(model.addressTextProperty());
        serverClients.textProperty().bind(model.clientsTextProperty());
        serverLog.setItems(model.log());
    }

    @FXML
    private void toggle() {
        model.toggle();
    }
}
