package dev.wsinspector.core.replay;

import java.util.List;

/** A template uses variables that are defined nowhere: never replaced by an empty string, always an error. */
public final class UnknownVariablesException extends TemplateException {

    private final List<String> names;

    UnknownVariablesException(List<String> names) {
        super((names.size() == 1 ? "Unknown variable " : "Unknown variables ")
                + String.join(", ", names.stream().map(n -> "{{" + n + "}}").toList())
                + " (define " + (names.size() == 1 ? "it" : "them") + " in the profile or the environment)");
        this.names = List.copyOf(names);
    }

    /** The unknown names, in order of first use. */
    public List<String> names() {
        return names;
    }
}
