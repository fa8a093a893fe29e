package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.HeldMessage;
import dev.wsinspector.core.proxy.InterceptListener;
import dev.wsinspector.core.proxy.Interceptor;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.server.LocalServer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy tab's state: the set-up (listen address, upstream, TLS, handshake rewrites), Start and Stop, the client
 * connections through the proxy and the one shown, the breakpoints ({@link BreakpointModel}), the held messages
 * ({@link HeldViewModel}) and the injector ({@link InjectModel}). The proxy reports on its own threads: its
 * listener only raises a flag and queues warnings, and {@link #refresh}, on the window's pulse, reads the proxy's
 * lists when something changed. FX thread only, but no toolkit needed (tests drive it with a fake proxy).
 */
public final class ProxyViewModel {

    /** Warnings kept between two pulses at most; more are counted, not kept (a flood cannot fill memory). */
    private static final int MAX_QUEUED_NOTICES = 50;

    /** A client connection as the picker lists it. */
    public record ClientRow(ProxiedClient client, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final ProxyFactory factory;
    private final Executor stopper;
    private final StringProperty host = new SimpleStringProperty(this, "host", "127.0.0.1");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty upstream = new SimpleStringProperty(this, "upstream", "");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure", false);
    private final ObservableList<HeaderRuleRow> headerRules = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ObservableList<ClientRow> clients = FXCollections.observableArrayList();
    private final ObjectProperty<ClientRow> selectedClient = new SimpleObjectProperty<>(this, "selectedClient");
    private final BooleanBinding exposed = Bindings.createBooleanBinding(() -> LocalServer.isExposed(host.get()), host);
    private final BooleanBinding unverified = Bindings.createBooleanBinding(() -> insecure.get()
            && upstream.get().strip().toLowerCase(Locale.ROOT).startsWith("wss:"), insecure, upstream);
    private final BreakpointModel toServer = new BreakpointModel(Flow.TO_SERVER);
    private final BreakpointModel toClient = new BreakpointModel(Flow.TO_CLIENT);
    private final HeldViewModel held = new HeldViewModel(notice::set);
    private final InjectModel inject = new InjectModel(notice::set);
    private final AtomicBoolean changed = new AtomicBoolean();
    private final Queue<String> notices = new ConcurrentLinkedQueue<>();
    private final AtomicInteger noticesLost = new AtomicInteger();
    private final InterceptListener listener = new Listener();
    private Interceptor proxy;
    /** The proxy whose clients are listed: the running one, or the last one after Stop (their captures stay). */
    private Interceptor listed;

    /** Stops on the calling thread (tests). */
    public ProxyViewModel(ProxyFactory factory) {
        this(factory, Runnable::run);
    }

    /**
     * @param stopper runs a proxy's {@link Interceptor#stop}, which waits for each connection's closing handshake
     *                (up to 2 s): off the FX thread in the app
     */
    public ProxyViewModel(ProxyFactory factory, Executor stopper) {
        this.factory = factory;
        this.stopper = stopper;
        selectedClient.addListener((o, was, now) -> inject.setClient(now == null ? null : now.client()));
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty upstreamProperty() {
        return upstream;
    }

    /** Accept any certificate from a {@code wss://} upstream (off: verified as for any connection). */
    public BooleanProperty insecureProperty() {
        return insecure;
    }

    public ObservableList<HeaderRuleRow> headerRules() {
        return headerRules;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** {@code ws://HOST:PORT/} while running, else "". */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** Why Start failed ("" when it did not). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The proxy's last warning or an action that could not be done. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The listen host is not loopback: others on the network can connect through the proxy. */
    public BooleanBinding exposedProperty() {
        return exposed;
    }

    /** A {@code wss://} upstream whose certificate is not verified. */
    public BooleanBinding unverifiedProperty() {
        return unverified;
    }

    public ObservableList<ClientRow> clients() {
        return clients;
    }

    public ObjectProperty<ClientRow> selectedClientProperty() {
        return selectedClient;
    }

    /** The client connection shown (null: none yet). */
    public ProxiedClient shownClient() {
        ClientRow row = selectedClient.get();
        return row == null ? null : row.client();
    }

    public BreakpointModel breakpoint(Flow flow) {
        return flow == Flow.TO_SERVER ? toServer : toClient;
    }

    public HeldViewModel held() {
        return held;
    }

    public InjectModel inject() {
        return inject;
    }

    /** A title for the tab: "Proxy → ws://upstream/" or "Proxy". */
    public String title() {
        String u = upstream.get().strip();
        return u.isEmpty() ? "Proxy" : "Proxy → " + u;
    }

    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    /** Binds the proxy with what the fields say; a mistake or a port in use is told in {@link #problemProperty}. */
    public void start() {
        if (proxy != null) {
            return;
        }
        Interceptor made;
        try {
            made = factory.create(ProxySetup.settings(host.get(), port.get(), upstream.get(), insecure.get(), headerRules));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        made.addListener(listener);
        try {
            address.set(made.start().toString());
        } catch (IOException | RuntimeException e) {
            made.removeListener(listener);
            made.stop();
            problem.set("Could not listen on " + host.get().strip() + ":" + ProxySetup.port(port.get()) + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return;
        }
        proxy = made;
        listed = made;
        problem.set("");
        running.set(true);
        toServer.attach(made);
        toClient.attach(made);
        held.attach(made);
        inject.attach(made);
        changed.set(true);
        refresh();
    }

    /** Closes every connection through the proxy (1001); held messages are dropped. The captures stay shown. */
    public void stop() {
        Interceptor was = proxy;
        if (was == null) {
            return;
        }
        proxy = null;
        stopper.execute(() -> {
            was.stop();
            was.removeListener(listener);
            changed.set(true); // the clients' last states
        });
        toServer.attach(null);
        toClient.attach(null);
        held.attach(null);
        inject.attach(null);
        running.set(false);
        address.set("");
    }

    /** On the pulse: the proxy's clients and held messages when they changed, and its warnings. */
    public void refresh() {
        String last = null;
        for (String n; (n = notices.poll()) != null; ) {
            last = n;
        }
        int lost = noticesLost.getAndSet(0);
        if (last != null) {
            notice.set(lost > 0 ? last + " (and " + lost + " more)" : last);
        }
        if (listed != null && changed.getAndSet(false)) {
            showClients(listed.clients());
            if (proxy != null) {
                held.show(proxy.held());
            }
        }
    }

    private void showClients(List<ProxiedClient> now) {
        ClientRow was = selectedClient.get();
        List<ClientRow> rows = now.stream().map(c -> new ClientRow(c, describe(c))).toList();
        if (!rows.equals(clients)) {
            clients.setAll(rows);
        }
        ClientRow keep = was == null ? null
                : rows.stream().filter(r -> r.client().id() == was.client().id()).findFirst().orElse(null);
        // The newest client is shown until the user picks one that is still open.
        boolean follow = keep == null || (closed(keep.client()) && !rows.isEmpty()
                && rows.get(rows.size() - 1).client().id() != keep.client().id());
        selectedClient.set(follow ? (rows.isEmpty() ? null : rows.get(rows.size() - 1)) : keep);
    }

    private static boolean closed(ProxiedClient c) {
        return c.clientLeg().state() == dev.wsinspector.core.session.ConnectionState.CLOSED
                && c.serverLeg().state() == dev.wsinspector.core.session.ConnectionState.CLOSED;
    }

    /** "Client 2 · 127.0.0.1:53122 · open". */
    static String describe(ProxiedClient c) {
        String state = closed(c) ? "closed" : switch (c.clientLeg().state()) {
            case CONNECTING -> "connecting";
            case OPEN -> "open";
            case CLOSING -> "closing";
            case CLOSED -> "upstream closed";
        };
        return "Client " + c.id() + " · " + c.remote() + " · " + state;
    }

    /** Client connections through the running proxy not closed yet (0 when stopped). */
    public long openClients() {
        Interceptor p = proxy;
        return p == null ? 0 : p.clients().stream().filter(c -> !closed(c)).count();
    }

    /** The tab closes: the proxy stops. */
    public void close() {
        stop();
    }

    /** What the proxy tells, from its threads: only flags and a bounded queue here. */
    private final class Listener implements InterceptListener {
        @Override
        public void legOpened(ProxiedClient client, Leg leg) {
            changed.set(true);
        }

        @Override
        public void legClosed(ProxiedClient client, Leg leg, int code, String reason) {
            changed.set(true);
        }

        @Override
        public void upstreamFailed(ProxiedClient client, String message) {
            changed.set(true);
            tell("Client " + client.id() + ": the upstream could not be reached: " + message);
        }

        @Override
        public void held(HeldMessage message) {
            changed.set(true);
        }

        @Override
        public void released(HeldMessage message, boolean edited) {
            changed.set(true);
        }

        @Override
        public void dropped(HeldMessage message) {
            changed.set(true);
        }

        @Override
        public void warning(String message) {
            tell(message);
        }

        private void tell(String message) {
            if (notices.size() < MAX_QUEUED_NOTICES) {
                notices.add(message);
            } else {
                noticesLost.incrementAndGet();
            }
        }
    }
}
