package dev.wsinspector.ui.server;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Side panel for the local echo server: start/stop, host, port, clients, its log. */
public final class ServerPanel extends VBox {

    public ServerPanel(ServerViewModel model) {
        super(8);
        getStyleClass().add("server-panel");
        setId("serverPanel");
        setPadding(new Insets(10));
        setPrefWidth(300);

        Label title = new Label("Local echo server");
        title.getStyleClass().add("panel-title");

        TextField host = new TextField();
        host.setId("serverHost");
        host.textProperty().bindBidirectional(model.hostProperty());
        host.disableProperty().bind(model.runningProperty());
        TextField port = new TextField();
        port.setId("serverPort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(model.portProperty());
        port.disableProperty().bind(model.runningProperty());
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        form.addRow(0, new Label("Host"), host);
        form.addRow(1, new Label("Port"), port);

        Label warning = new Label("Binding to a non-loopback address lets anyone on your network connect to "
                + "this echo server.");
        warning.setId("serverWarning");
        warning.getStyleClass().add("warning");
        warning.setWrapText(true);
        warning.visibleProperty().bind(model.exposedProperty());
        warning.managedProperty().bind(warning.visibleProperty());

        Button toggle = new Button();
        toggle.setId("serverToggle");
        toggle.textProperty().bind(Bindings.when(model.runningProperty()).then("Stop").otherwise("Start"));
        toggle.setOnAction(e -> {
            if (model.runningProperty().get()) {
                model.stop();
            } else {
                model.start();
            }
        });
        Label address = new Label();
        address.setId("serverAddress");
        address.textProperty().bind(Bindings.createStringBinding(
                () -> model.runningProperty().get() ? model.addressProperty().get() : "stopped",
                model.runningProperty(), model.addressProperty()));
        Label clients = new Label();
        clients.textProperty().bind(Bindings.concat("Clients: ", model.clientsProperty().asString()));

        ListView<String> log = new ListView<>(model.log());
        log.setId("serverLog");
        log.getStyleClass().add("server-log");
        VBox.setVgrow(log, Priority.ALWAYS);

        getChildren().addAll(title, form, warning, toggle, address, clients, new Label("Log"), log);
    }
}
