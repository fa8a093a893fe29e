package dev.wsinspector.core.profile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A profile's saved filters in its file: read, written back, absent meaning none, other fields untouched. */
class SavedFilterJsonTest {

    private static ConnectionProfile read(String json) throws Exception {
        return ProfileJson.read(json.getBytes(StandardCharsets.UTF_8), "p", List.of()).profile();
    }

    @Test
    void filtersAreReadAndWrittenBack() throws Exception {
        ConnectionProfile p = read("{\"url\":\"ws://x/\",\"filters\":[{\"name\":\"in\",\"expression\":\"dir:in\"},"
                + "{\"name\":\"big\",\"expression\":\"size>1k\",\"colour\":\"red\"}],\"future\":1}");
        assertThat(p.filters()).containsExactly(new SavedFilter("in", "dir:in"), new SavedFilter("big", "size>1k"));

        String written = new String(ProfileJson.write(p.withFilters(List.of(new SavedFilter("out", "dir:out")))),
                StandardCharsets.UTF_8);
        assertThat(written).contains("\"filters\"").contains("\"dir:out\"").doesNotContain("dir:in")
                .contains("\"future\"");
        assertThat(read(written).filters()).containsExactly(new SavedFilter("out", "dir:out"));
    }

    @Test
    void noFiltersMeansNoField() throws Exception {
        ConnectionProfile p = read("{\"url\":\"ws://x/\"}");
        assertThat(p.filters()).isEmpty();
        assertThat(new String(ProfileJson.write(p), StandardCharsets.UTF_8)).doesNotContain("filters");
    }
}
