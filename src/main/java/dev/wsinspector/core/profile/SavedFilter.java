package dev.wsinspector.core.profile;

import java.util.Objects;

/**
 * A timeline filter kept in a profile ({@code "filters": [{"name": …, "expression": …}]}): the expression in the
 * language of {@code core.filter}, under a name the user gave. Immutable.
 */
public record SavedFilter(String name, String expression) {

    public SavedFilter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }
}
