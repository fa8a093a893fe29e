package dev.wsinspector.transport;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyHandshakeTest {

    @Test
    void theTargetIsTheUpstreamPathWithWhatTheClientAskedForAppended() {
        URI api = URI.create("ws://up.test/api");
        assertThat(ProxyHandshake.target(api, "/")).isEqualTo("/api");
        assertThat(ProxyHandshake.target(api, "/chat?x=1")).isEqualTo("/api/chat?x=1");
        assertThat(ProxyHandshake.target(URI.create("ws://up.test/api/?k=v"), "/chat")).isEqualTo("/api/chat?k=v");
        assertThat(ProxyHandshake.target(URI.create("ws://up.test"), "/")).isEqualTo("/");
        assertThat(ProxyHandshake.target(URI.create("ws://up.test"), "/a?b")).isEqualTo("/a?b");
        assertThat(ProxyHandshake.target(api, "http://absolute/form")).isEqualTo("/api");
    }

    @Test
    void theHostHeaderNamesTheUpstreamWithItsPortOnlyWhenNotTheDefault() {
        assertThat(ProxyHandshake.authority(URI.create("wss://up.test/"))).isEqualTo("up.test");
        assertThat(ProxyHandshake.authority(URI.create("wss://up.test:443/"))).isEqualTo("up.test");
        assertThat(ProxyHandshake.authority(URI.create("ws://up.test:8080/"))).isEqualTo("up.test:8080");
        assertThat(ProxyHandshake.authority(URI.create("ws://[::1]:9/"))).isEqualTo("[::1]:9");
    }
}
