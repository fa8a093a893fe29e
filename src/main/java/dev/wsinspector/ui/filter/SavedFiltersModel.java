package dev.wsinspector.ui.filter;

import dev.wsinspector.core.profile.SavedFilter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The saved filters of the tab's profile (its file's {@code "filters"}): the list the menu shows, Save current
 * (a filter of the same name is replaced) and Delete, each saved into the profile through {@link Store}. A tab
 * without a profile has nowhere to keep them: {@link #availableProperty()} is false and {@link #whyNotProperty()}
 * says why. Works without the toolkit.
 */
public final class SavedFiltersModel {

    /** Saves a change of the profile's filter list; reports "" when saved, else why not. */
    @FunctionalInterface
    public interface Store {
        void update(UnaryOperator<List<SavedFilter>> change, Consumer<String> result);
    }

    static final String NO_PROFILE = "Saved filters belong to a profile: open this connection from a profile "
            + "(Profiles sidebar) to keep filters";

    private final Store store;
    private final ObservableList<SavedFilter> filters = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final ReadOnlyStringWrapper whyNot = new ReadOnlyStringWrapper(this, "whyNot", NO_PROFILE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public SavedFiltersModel(Store store) {
        this.store = store;
    }

    /** The profile's filters as loaded or saved; {@code available} false for a tab without a profile. */
    public void show(boolean hasProfile, List<SavedFilter> list) {
        available.set(hasProfile);
        whyNot.set(hasProfile ? "" : NO_PROFILE);
        if (!filters.equals(list)) {
            filters.setAll(list);
        }
    }

    public ObservableList<SavedFilter> filters() {
        return filters;
    }

    /** Keeps {@code expression} under {@code name} (replacing one of that name); blank names or expressions are refused. */
    public void save(String name, String expression) {
        if (!available.get()) {
            status.set(NO_PROFILE);
            return;
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || expression == null || expression.isBlank()) {
            status.set(n.isEmpty() ? "A saved filter needs a name" : "There is no filter to save");
            return;
        }
        SavedFilter filter = new SavedFilter(n, expression);
        UnaryOperator<List<SavedFilter>> change = list -> {
            List<SavedFilter> out = new ArrayList<>(list.stream().filter(f -> !f.name().equals(n)).toList());
            out.add(filter);
            return out;
        };
        filters.setAll(change.apply(filters));
        status.set("Saving '" + n + "'…");
        store.update(change, this::saved);
    }

    public void delete(String name) {
        if (!available.get()) {
            return;
        }
        UnaryOperator<List<SavedFilter>> change = list -> list.stream().filter(f -> !f.name().equals(name)).toList();
        filters.setAll(change.apply(filters));
        store.update(change, this::saved);
    }

    private void saved(String problem) {
        status.set(problem == null || problem.isEmpty() ? "" : "Not saved: " + problem);
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Why the menu is disabled (the tab has no profile), or empty. */
    public ReadOnlyStringProperty whyNotProperty() {
        return whyNot.getReadOnlyProperty();
    }

    /** "Saving 'x'…", "Not saved: …", or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
