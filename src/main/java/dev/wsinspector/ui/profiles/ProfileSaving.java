package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.StoredProfile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * How one editor's save goes: fields checked first, then the file written off the FX thread through
 * {@link ProfilesViewModel}; the editor closes only once {@link #savedProperty()} is set. When another program
 * changed the file meanwhile nothing is written, and {@link #conflictProperty()} offers Reload (take theirs) or
 * Overwrite (keep mine) instead of saving over it silently.
 */
public final class ProfileSaving {

    static final String SAVE_TIP = "Write the profile's file (the editor closes once it is written)";
    static final String SAVING = "Saving…";

    private final ProfileEditorModel draft;
    private final ProfilesViewModel profiles;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<StoredProfile> saved = new ReadOnlyObjectWrapper<>();
    private final StringBinding saveTip;
    private final BooleanBinding saveDisabled;

    public ProfileSaving(ProfileEditorModel draft, ProfilesViewModel profiles) {
        this.draft = draft;
        this.profiles = profiles;
        saveTip = Bindings.createStringBinding(() -> !draft.readOnlyReason().isEmpty()
                ? "Read-only: " + draft.readOnlyReason() : saving.get() ? SAVING : SAVE_TIP, saving);
        saveDisabled = Bindings.createBooleanBinding(() -> !draft.readOnlyReason().isEmpty() || saving.get(), saving);
    }

    /** What is wrong, one line ("Not saved: …", a conflict's message); "" when nothing is. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while the file on disk is not the one the editor started from: Reload or Overwrite. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** True while a write is on its way: Save waits, so a double click does not make two profiles. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The profile as written, once it is: the editor then closes. */
    public ReadOnlyObjectProperty<StoredProfile> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public BooleanBinding saveDisabledProperty() {
        return saveDisabled;
    }

    /** Save's tooltip: what it does, or why it cannot. */
    public StringBinding saveTipProperty() {
        return saveTip;
    }

    /** Checks the fields, then creates or saves the file unless another program changed it meanwhile. */
    public void save() {
        if (saveDisabled.get()) {
            return;
        }
        status.set("");
        conflict.set(false);
        if (!draft.validate()) {
            int n = draft.errors().size();
            status.set("Not saved: " + n + (n == 1 ? " field needs" : " fields need") + " attention (marked in red)");
            return;
        }
        saving.set(true);
        if (draft.isNew()) {
            profiles.create(draft.toProfile(), listener());
        } else {
            profiles.save(draft.base(), draft.toProfile(), listener());
        }
    }

    /** The user keeps their version: written over the one on disk. */
    public void overwrite() {
        conflict.set(false);
        if (!saveDisabled.get() && draft.validate()) {
            saving.set(true);
            profiles.overwrite(draft.base(), draft.toProfile(), listener());
        }
    }

    /** The user takes the version on disk: reads the folder again, then hands that version to {@code reopen}. */
    public void reloadFromDisk(Consumer<StoredProfile> reopen) {
        String id = draft.base().id();
        profiles.reload(() -> profiles.find(id).ifPresent(reopen));
    }

    private SaveListener listener() {
        return new SaveListener() {
            @Override
            public void saved(StoredProfile stored) {
                saving.set(false);
                saved.set(stored);
            }

            @Override
            public void conflict(String message) {
                saving.set(false);
                status.set(message);
                conflict.set(true);
            }

            @Override
            public void failed(String message) {
                saving.set(false);
                status.set("Not saved: " + message);
            }
        };
    }
}
