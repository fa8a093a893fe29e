package dev.wsinspector.ui.connection;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TabTitleTest {

    @Test
    void aFileComesFirstThenTheProfileThenTheSessionsNameThenTheAddressShort() {
        assertThat(TabTitle.of(Path.of("/tmp/cap.har"), null, "named", "ws://a/")).isEqualTo("cap.har");
        assertThat(TabTitle.of(null, null, "Morning run", "ws://a/")).isEqualTo("Morning run");
        assertThat(TabTitle.of(null, null, "ws://a/", "ws://a/")).as("a session named by its URL").isEqualTo("a/");
        assertThat(TabTitle.of(null, null, null, "wss://example.com/feed")).isEqualTo("example.com/feed");
        assertThat(TabTitle.of(null, null, null, "ws://127.0.0.1:9/a-rather-long/path"))
                .isEqualTo("127.0.0.1:9/a-rather-long/p…").hasSize(28);
        assertThat(TabTitle.of(null, null, null, "")).isEqualTo("New connection");
        assertThat(TabTitle.of(null, null, null, null)).isEqualTo("New connection");
    }
}
