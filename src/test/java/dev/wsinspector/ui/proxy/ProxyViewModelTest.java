package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.HeaderRule;
import dev.wsinspector.core.proxy.ProxySettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy tab's state without a toolkit, over a proxy without sockets. */
class ProxyViewModelTest {

    private final List<FakeInterceptor> made = new ArrayList<>();
    private final ProxyViewModel model = new ProxyViewModel(settings -> {
        FakeInterceptor f = new FakeInterceptor(settings);
        made.add(f);
        return f;
    });

    private FakeInterceptor started() {
        model.upstreamProperty().set("ws://127.0.0.1:9001/chat");
        model.start();
        assertThat(model.problemProperty().get()).isEmpty();
        return made.get(made.size() - 1);
    }

    @Test
    void startReadsTheFieldsIntoSettingsAndShowsTheAddress() {
        model.hostProperty().set(" 127.0.0.1 ");
        model.portProperty().set("8089");
        model.insecureProperty().set(true);
        model.headerRules().add(new HeaderRuleRow(HeaderRule.Side.REQUEST, HeaderRule.Action.SET, "Origin", "https://app"));
        model.headerRules().add(new HeaderRuleRow()); // left blank: left out
        FakeInterceptor proxy = started();

        ProxySettings s = proxy.settings;
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8089);
        assertThat(s.upstream().uri().toString()).isEqualTo("ws://127.0.0.1:9001/chat");
        assertThat(s.upstream().insecure()).isTrue();
        assertThat(s.headerRules()).containsExactly(new HeaderRule(HeaderRule.Side.REQUEST, HeaderRule.Action.SET,
                "Origin", "https://app"));
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.addressProperty().get()).isEqualTo("ws://127.0.0.1:8089/");
        assertThat(model.title()).isEqualTo("Proxy → ws://127.0.0.1:9001/chat");

        model.toggle();
        assertThat(proxy.stopped).isTrue();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.addressProperty().get()).isEmpty();
    }

    @Test
    void mistakesInTheFieldsAreToldAndNothingStarts() {
        model.upstreamProperty().set("http://example.com/");
        model.start();
        assertThat(model.problemProperty().get()).contains("ws:// or wss://");
        model.upstreamProperty().set("ws://127.0.0.1:9/");
        model.portProperty().set("70000");
        model.start();
        assertThat(model.problemProperty().get()).contains("Listen port").contains("70000");
        model.portProperty().set("");
        model.headerRules().add(new HeaderRuleRow(HeaderRule.Side.RESPONSE, HeaderRule.Action.ADD, "Bad Name", "x"));
        model.start();
        assertThat(model.problemProperty().get()).startsWith("Header rewrite 1: ").contains("Bad Name");
        assertThat(made).isEmpty();
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aPortInUseIsToldAndTheProxyLetGo() {
        ProxyViewModel failing = new ProxyViewModel(settings -> {
            FakeInterceptor f = new FakeInterceptor(settings);
            f.startFails = new BindException("Address already in use");
            made.add(f);
            return f;
        });
        failing.upstreamProperty().set("ws://127.0.0.1:9/");
        failing.portProperty().set("8089");
        failing.start();
        assertThat(failing.problemProperty().get()).isEqualTo("Could not listen on 127.0.0.1:8089: Address already in use");
        assertThat(failing.runningProperty().get()).isFalse();
        assertThat(made.get(0).stopped).isTrue();
        assertThat(made.get(0).listeners).isEmpty();
    }

    @Test
    void warnsWhenNotLoopbackAndWhenAWssUpstreamIsNotVerified() {
        assertThat(model.exposedProperty().get()).isFalse();
        model.hostProperty().set("0.0.0.0");
        assertThat(model.exposedProperty().get()).isTrue();
        model.upstreamProperty().set("wss://example.com/");
        assertThat(model.unverifiedProperty().get()).isFalse();
        model.insecureProperty().set(true);
        assertThat(model.unverifiedProperty().get()).isTrue();
        model.upstreamProperty().set("ws://example.com/");
        assertThat(model.unverifiedProperty().get()).isFalse(); // no TLS: nothing to verify
    }

    @Test
    void clientsComeInOnThePulseAndTheNewestIsShown() {
        FakeInterceptor proxy = started();
        proxy.connect("127.0.0.1:50001");
        assertThat(model.clients()).isEmpty(); // the proxy's thread only raised a flag
        model.refresh();
        assertThat(model.clients()).extracting(ProxyViewModel.ClientRow::text)
                .containsExactly("Client 1 · 127.0.0.1:50001 · connecting");
        assertThat(model.shownClient().id()).isEqualTo(1);

        proxy.connect("127.0.0.1:50002");
        model.refresh();
        assertThat(model.clients()).hasSize(2);
        assertThat(model.shownClient().id()).isEqualTo(1); // the one shown is still going: it stays
        model.selectedClientProperty().set(model.clients().get(1));
        model.refresh();
        assertThat(model.shownClient().id()).isEqualTo(2);
        assertThat(model.openClients()).isEqualTo(2); // quitting asks first
        model.stop();
        assertThat(model.openClients()).isZero();
    }

    @Test
    void breakpointsAreCheckedShownAsTheFilterBarDoesAndAppliedAtStart() {
        BreakpointModel toServer = model.breakpoint(Flow.TO_SERVER);
        toServer.expressionProperty().set("/hello/ and");
        toServer.apply();
        assertThat(toServer.errorProperty().get()).startsWith("at ");
        assertThat(toServer.errorPositionProperty().get()).isBetween(0, 11);
        toServer.expressionProperty().set("/hello/");
        toServer.apply();
        assertThat(toServer.errorProperty().get()).isEmpty();
        assertThat(toServer.activeProperty().get()).isEqualTo("/hello/");

        FakeInterceptor proxy = started();
        assertThat(proxy.breakpoints).containsEntry(Flow.TO_SERVER, "/hello/").doesNotContainKey(Flow.TO_CLIENT);

        toServer.expressionProperty().set("size >");
        toServer.apply();
        assertThat(toServer.errorProperty().get()).isNotEmpty();
        assertThat(proxy.breakpoints).containsEntry(Flow.TO_SERVER, "/hello/"); // left as it was

        toServer.clear();
        assertThat(proxy.breakpoints).isEmpty();
        assertThat(toServer.activeProperty().get()).isEmpty();
    }

    @Test
    void heldMessagesShowWithTheirTextAndForwardEditedOnlyWhenChanged() {
        FakeInterceptor proxy = started();
        HeldViewModel held = model.held();
        proxy.hold(1, Flow.TO_SERVER, true, "hello".getBytes(StandardCharsets.UTF_8));
        proxy.hold(2, Flow.TO_CLIENT, false, new byte[] {0, 0x1f, (byte) 0xff});
        model.refresh();
        assertThat(held.countProperty().get()).isEqualTo(2);
        assertThat(held.selectedProperty().get().id()).isEqualTo(1);
        assertThat(held.editorProperty().get()).isEqualTo("hello");
        assertThat(HeldViewModel.describe(held.held().get(1))).isEqualTo("#2 → client · client 1 · binary · 3 B");

        held.forward(); // unchanged: forwarded as it came
        assertThat(proxy.log).containsExactly("forward 1");
        assertThat(held.selectedProperty().get().id()).isEqualTo(2);
        assertThat(held.modeProperty().get()).isEqualTo(MessageMode.HEX);
        assertThat(held.editorProperty().get()).isEqualTo("00 1f ff");

        held.editorProperty().set("00 1f f");
        held.forward();
        assertThat(held.problemProperty().get()).contains("Hex");
        held.editorProperty().set("41 42");
        held.forward();
        assertThat(proxy.log).containsExactly("forward 1", "edited 2 AB");
        assertThat(held.countProperty().get()).isZero();
        assertThat(held.selectedProperty().get()).isNull();
    }

    @Test
    void dropAndForwardAllAndAMessageReleasedMeanwhile() {
        FakeInterceptor proxy = started();
        HeldViewModel held = model.held();
        proxy.hold(5, Flow.TO_SERVER, true, "a".getBytes(StandardCharsets.UTF_8));
        proxy.hold(6, Flow.TO_SERVER, true, "b".getBytes(StandardCharsets.UTF_8));
        proxy.hold(7, Flow.TO_SERVER, true, "c".getBytes(StandardCharsets.UTF_8));
        model.refresh();
        held.drop();
        assertThat(proxy.log).containsExactly("drop 5");
        proxy.held.removeIf(m -> m.id() == 6); // released by the proxy before the click
        held.forward();
        assertThat(model.noticeProperty().get()).isEqualTo("Message #6 is no longer held");
        held.forwardAll();
        assertThat(proxy.log).endsWith("all");
        assertThat(held.countProperty().get()).isZero();
    }

    @Test
    void injectGoesToTheShownClientInTheChosenDirection() throws IOException {
        InjectModel inject = model.inject();
        inject.textProperty().set("hi");
        assertThat(inject.inject()).isFalse();
        assertThat(inject.problemProperty().get()).isEqualTo("Start the proxy first");
        FakeInterceptor proxy = started();
        assertThat(inject.inject()).isFalse();
        assertThat(inject.problemProperty().get()).isEqualTo("No client connection to inject into yet");
        proxy.connect("127.0.0.1:50001");
        model.refresh();
        inject.flowProperty().set(Flow.TO_CLIENT);
        assertThat(inject.inject()).isTrue();
        inject.modeProperty().set(MessageMode.HEX);
        inject.textProperty().set("01 02 03");
        inject.flowProperty().set(Flow.TO_SERVER);
        assertThat(inject.inject()).isTrue();
        assertThat(proxy.log).containsExactly("inject 1 TO_CLIENT text 2", "inject 1 TO_SERVER binary 3");
        inject.modeProperty().set(MessageMode.JSON);
        inject.textProperty().set("{nope");
        assertThat(inject.inject()).isFalse();
        assertThat(inject.problemProperty().get()).isNotEmpty();
    }

    @Test
    void warningsFromTheProxyThreadsAreBoundedAndShownOnThePulse() {
        FakeInterceptor proxy = started();
        for (int i = 0; i < 80; i++) {
            int n = i;
            proxy.listeners.forEach(l -> l.warning("slow reader " + n));
        }
        model.refresh();
        assertThat(model.noticeProperty().get()).isEqualTo("slow reader 49 (and 30 more)");
    }
}
