package dev.wsinspector.ui.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * The environment choice on a profile's tab: its environments after one entry for "the profile's own
 * variables only", which the view model knows as the empty name.
 */
final class EnvironmentChoice {

    static final String NONE = "No environment";

    private EnvironmentChoice() {
    }

    static List<String> choices(List<String> environments) {
        List<String> all = new ArrayList<>(environments.size() + 1);
        all.add(NONE);
        all.addAll(environments);
        return all;
    }

    /** The entry for the view model's {@code environment}. */
    static String shown(String environment) {
        return environment == null || environment.isEmpty() ? NONE : environment;
    }

    /** The view model's environment for the entry {@code choice}. */
    static String chosen(String choice) {
        return choice == null || NONE.equals(choice) ? "" : choice;
    }
}
