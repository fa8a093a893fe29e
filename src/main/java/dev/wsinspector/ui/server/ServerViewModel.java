package dev.wsinspector.ui.server;

import dev.wsinspector.core.server.LocalServer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The local echo server's panel: host and port to bind, running state, clients and log. FX thread only. */
public final class ServerViewModel {

    private static final int LOG_LIMIT = 500;

    private final LocalServer server;
    private final StringProperty host = new SimpleStringProperty("127.0.0.1");
    private final StringProperty port = new SimpleStringProperty("0");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Local server stopped");
    private final ReadOnlyIntegerWrapper clients = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final BooleanBinding exposed = Bindings.createBooleanBinding(() -> LocalServer.isExposed(host.get()), host);
    private final List<String> drained = new ArrayList<>();
    /** What the last {@link #refresh} showed (null: nothing yet). */
    private String shownAddress;
    private int shownClients = -1;
    private final StringBinding toggleText = Bindings.when(running).then("Stop").otherwise("Start");
    private final StringBinding addressText = Bindings.createStringBinding(
            () -> running.get() ? address.get() : "stopped", running, address);
    private final StringBinding clientsText = Bindings.createStringBinding(() -> "Clients: " + clients.get(), clients);

    public ServerViewModel(LocalServer server) {
        this.server = server;
        refresh();
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** One line for the status bar ("Local echo server: ws://127.0.0.1:41234/ · 1 client"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty clientsProperty() {
        return clients.getReadOnlyProperty();
    }

    public ObservableList<String> log() {
        return log;
    }

    /** True when the host is not loopback: the server would be reachable from the network. */
    public BooleanBinding exposedProperty() {
        return exposed;
    }

    public void start() {
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.get().trim());
            if (portNumber < 0 || portNumber > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            append("Port must be a number from 0 to 65535 (0 picks a free port)");
            return;
        }
        try {
            server.start(host.get().trim(), portNumber);
        } catch (IOException | RuntimeException e) {
            append("Could not start on " + host.get() + ":" + portNumber + ": " + e.getMessage());
        }
        refresh();
    }

    public void stop() {
        server.stop();
        refresh();
    }

    /** The panel's one button: start when stopped, stop when running. */
    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    /** The button's label: what pressing it does. */
    public StringBinding toggleTextProperty() {
        return toggleText;
    }

    /** The address while running, else "stopped". */
    public StringBinding addressTextProperty() {
        return addressText;
    }

    /** "Clients: N". */
    public StringBinding clientsTextProperty() {
        return clientsText;
    }

    /** Pulls client count and new log lines; called by the window pulse. */
    public void refresh() {
        drained.clear();
        server.drainLog(drained);
        drained.forEach(this::append);
        // Every window pulse: the address once, and the status text made again only when what it says changed.
        String now = server.address().map(Object::toString).orElse("");
        int n = server.clientCount();
        if (!now.equals(shownAddress) || n != shownClients) {
            shownAddress = now;
            shownClients = n;
            running.set(!now.isEmpty());
            address.set(now);
            clients.set(n);
            status.set(now.isEmpty() ? "Local echo server stopped"
                    : "Local echo server: " + now + " · " + n + (n == 1 ? " client" : " clients"));
        }
    }

    private void append(String line) {
        log.add(line);
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }
}
