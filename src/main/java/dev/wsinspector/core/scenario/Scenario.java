package dev.wsinspector.core.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario as read from its file: its connections by name (the first is the default for steps that name none),
 * its variables and its steps. {@code file} is the path as given, for reports.
 */
public record Scenario(String name, String file, int schemaVersion, Map<String, String> variables,
                       List<ScenarioConnection> connections, List<Step> steps) {

    public static final int SCHEMA_VERSION = 1;

    public Scenario {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        connections = List.copyOf(connections);
        steps = List.copyOf(steps);
    }

    /** The steps counted as a run would count them (a repeat counts its steps times N). */
    public long stepCount() {
        return Step.count(steps);
    }
}
