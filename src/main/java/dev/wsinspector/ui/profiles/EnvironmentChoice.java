package dev.wsinspector.ui.profiles;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editor's Variables tab: which set of variables is shown (the profile's own, or one environment's), adding
 * and removing environments, and why Add or Remove cannot run when they cannot. The profile's own variables are
 * the first choice, only a label for {@link ProfileEditorModel#variables()}, and can never be removed.
 */
public final class EnvironmentChoice {

    static final String REMOVE_TIP = "Remove this environment and its values";
    static final String CANNOT_REMOVE = "The profile's own variables stay: choose an environment to remove it";
    static final String NAME_FIRST = "Type the new environment's name first";

    private final ProfileEditorModel draft;
    private final EnvironmentDraft profileVariables = new EnvironmentDraft("Profile variables (defaults)");
    private final ObservableList<EnvironmentDraft> choices = FXCollections.observableArrayList();
    private final ObjectProperty<EnvironmentDraft> chosen = new SimpleObjectProperty<>(profileVariables);
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectBinding<ObservableList<EditableEntry>> shown;
    private final StringBinding whyNotAdd;
    private final StringBinding whyNotRemove;
    private final StringBinding addTip;
    private final StringBinding removeTip;

    public EnvironmentChoice(ProfileEditorModel draft) {
        this.draft = draft;
        choices.add(profileVariables);
        choices.addAll(draft.environments());
        shown = Bindings.createObjectBinding(() -> chosen.get() == null || chosen.get() == profileVariables
                ? draft.variables() : chosen.get().values(), chosen);
        whyNotAdd = Bindings.createStringBinding(() -> {
            String name = newName.get().strip();
            if (name.isEmpty()) {
                return NAME_FIRST;
            }
            return draft.environments().stream().anyMatch(e -> e.name().equals(name))
                    ? "There already is an environment '" + name + "'" : "";
        }, newName, draft.environments());
        whyNotRemove = Bindings.createStringBinding(() -> chosen.get() == null || chosen.get() == profileVariables
                ? CANNOT_REMOVE : "", chosen);
        addTip = Bindings.createStringBinding(() -> whyNotAdd.get().isEmpty()
                ? "Add environment '" + newName.get().strip() + "'" : whyNotAdd.get(), whyNotAdd, newName);
        removeTip = Bindings.createStringBinding(() -> whyNotRemove.get().isEmpty() ? REMOVE_TIP : whyNotRemove.get(),
                whyNotRemove);
    }

    /** The profile's own variables, then every environment. */
    public ObservableList<EnvironmentDraft> choices() {
        return choices;
    }

    public ObjectProperty<EnvironmentDraft> chosenProperty() {
        return chosen;
    }

    /** The name typed for the next environment. */
    public StringProperty newNameProperty() {
        return newName;
    }

    /** The rows the table edits: the chosen set's. */
    public ObjectBinding<ObservableList<EditableEntry>> shownProperty() {
        return shown;
    }

    public BooleanBinding addDisabledProperty() {
        return whyNotAdd.isNotEmpty();
    }

    /** Add's tooltip: which environment it adds, or why it cannot. */
    public StringBinding addTipProperty() {
        return addTip;
    }

    public BooleanBinding removeDisabledProperty() {
        return whyNotRemove.isNotEmpty();
    }

    /** Remove's tooltip: what it does, or why it cannot. */
    public StringBinding removeTipProperty() {
        return removeTip;
    }

    /** Adds an environment named as typed and shows it (empty). */
    public void add() {
        if (!whyNotAdd.get().isEmpty()) {
            return;
        }
        EnvironmentDraft env = new EnvironmentDraft(newName.get().strip());
        draft.environments().add(env);
        choices.add(env);
        chosen.set(env);
        newName.set("");
    }

    /** Removes the chosen environment; the profile's own variables are shown again. */
    public void remove() {
        if (!whyNotRemove.get().isEmpty()) {
            return;
        }
        EnvironmentDraft env = chosen.get();
        chosen.set(profileVariables);
        draft.environments().remove(env);
        choices.remove(env);
    }
}
