package dev.wsinspector.core.scenario;

import dev.wsinspector.core.session.HttpHeader;
import java.util.List;

/**
 * One named connection of a scenario: a saved profile's name, or a URL with headers and subprotocols (both may
 * hold {@code {{variables}}}). With a profile, the headers and subprotocols given here are added to the profile's.
 */
public record ScenarioConnection(String name, String profile, String url, List<HttpHeader> headers,
                                 List<String> subprotocols, Position at) {

    public ScenarioConnection {
        headers = List.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
    }
}
