package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.HeldMessage;
import dev.wsinspector.core.proxy.InterceptListener;
import dev.wsinspector.core.proxy.Interceptor;
import dev.wsinspector.core.proxy.LegPairs;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.proxy.ProxySettings;
import dev.wsinspector.core.session.Session;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link Interceptor} without sockets, for the view models: it records what the UI asks and says what it is told. */
final class FakeInterceptor implements Interceptor {

    final ProxySettings settings;
    final List<InterceptListener> listeners = new CopyOnWriteArrayList<>();
    final List<ProxiedClient> clients = new ArrayList<>();
    final List<HeldMessage> held = new ArrayList<>();
    final Map<Flow, String> breakpoints = new EnumMap<>(Flow.class);
    final List<String> log = new ArrayList<>();
    IOException startFails;
    boolean started;
    boolean stopped;

    FakeInterceptor(ProxySettings settings) {
        this.settings = settings;
    }

    ProxiedClient connect(String remote) {
        ProxiedClient c = new ProxiedClient(clients.size() + 1, remote, new Session(new ColumnarFrameStore()),
                new Session(new ColumnarFrameStore()), new LegPairs());
        clients.add(c);
        listeners.forEach(l -> l.legOpened(c, dev.wsinspector.core.proxy.Leg.SERVER));
        return c;
    }

    HeldMessage hold(long id, Flow flow, boolean text, byte[] payload) {
        HeldMessage m = new HeldMessage(id, 1, flow, text, payload, 0, 1, 0);
        held.add(m);
        listeners.forEach(l -> l.held(m));
        return m;
    }

    @Override
    public URI start() throws IOException {
        if (startFails != null) {
            throw startFails;
        }
        started = true;
        return URI.create("ws://" + settings.host() + ":" + (settings.port() == 0 ? 40000 : settings.port()) + "/");
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public Optional<URI> address() {
        return Optional.empty();
    }

    @Override
    public ProxySettings settings() {
        return settings;
    }

    @Override
    public void addListener(InterceptListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(InterceptListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<ProxiedClient> clients() {
        return List.copyOf(clients);
    }

    @Override
    public void forget(int client) {
    }

    @Override
    public void setBreakpoint(Flow flow, String expression) {
        if (expression == null) {
            breakpoints.remove(flow);
        } else {
            Filter.compile(expression, FilterContext.defaults());
            breakpoints.put(flow, expression);
        }
    }

    @Override
    public Optional<String> breakpoint(Flow flow) {
        return Optional.ofNullable(breakpoints.get(flow));
    }

    @Override
    public List<HeldMessage> held() {
        return List.copyOf(held);
    }

    @Override
    public boolean forward(long id) {
        log.add("forward " + id);
        return held.removeIf(m -> m.id() == id);
    }

    @Override
    public boolean forwardEdited(long id, byte[] payload) {
        log.add("edited " + id + " " + new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        return held.removeIf(m -> m.id() == id);
    }

    @Override
    public boolean drop(long id) {
        log.add("drop " + id);
        return held.removeIf(m -> m.id() == id);
    }

    @Override
    public void forwardAll() {
        log.add("all");
        held.clear();
    }

    @Override
    public boolean inject(int client, Flow flow, boolean text, byte[] payload) {
        log.add("inject " + client + " " + flow + " " + (text ? "text " : "binary ") + payload.length);
        return client <= clients.size();
    }
}
