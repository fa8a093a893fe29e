package dev.wsinspector.core.io;

import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void masksSecretHeaderValuesButKeepsTheirNames() {
        List<HttpHeader> masked = Secrets.maskHeaders(List.of(new HttpHeader("Authorization", "Basic x"),
                new HttpHeader("X-Api-Key", "k"), new HttpHeader("Origin", "o")), false);
        assertThat(masked).containsExactly(new HttpHeader("Authorization", Secrets.MASK),
                new HttpHeader("X-Api-Key", Secrets.MASK), new HttpHeader("Origin", "o"));
    }

    @Test
    void includeSecretsKeepsHeaders() {
        List<HttpHeader> headers = List.of(new HttpHeader("Cookie", "a=b"));
        assertThat(Secrets.maskHeaders(headers, true)).isEqualTo(headers);
    }

    @Test
    void masksPasswordsAndTokenParametersInUrls() {
        assertThat(Secrets.maskUrl("wss://u:pw@h:8443/p?access_token=t&x=1&api_key=k#f", false))
                .isEqualTo("wss://u:" + Secrets.MASK + "@h:8443/p?access_token=" + Secrets.MASK + "&x=1&api_key="
                        + Secrets.MASK + "#f");
        assertThat(Secrets.maskUrl("ws://127.0.0.1:80/?room=1", false)).isEqualTo("ws://127.0.0.1:80/?room=1");
        assertThat(Secrets.maskUrl("ws://h/?token=t", true)).isEqualTo("ws://h/?token=t");
    }
}
