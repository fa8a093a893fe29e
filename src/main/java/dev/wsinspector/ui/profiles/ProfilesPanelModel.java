package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.core.profile.StoredProfile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sidebar as the user sees it, on top of {@link ProfilesViewModel}: the tree (rebuilt when the profiles or
 * the search change, with the folders the user collapsed kept collapsed), what is selected, and for each action
 * on the selection whether it can run and, when it cannot, why, in the words its tooltip shows. The tree is
 * made of {@link TreeItem}s, which need no toolkit, so all of this is tested without one.
 */
public final class ProfilesPanelModel {

    /** The actions that need a selected profile, with what their tooltip says when they can run. */
    public enum Action {
        OPEN("Open in a new tab and connect (Enter, double-click)", "open it"),
        EDIT("Change the profile's settings", "edit it"),
        DUPLICATE("Copy the profile", "duplicate it"),
        RENAME("Rename the profile", "rename it"),
        DELETE("Delete the profile (Undo follows; Delete key)", "delete it"),
        EXPORT("Write the profile to a file to share it", "export it");

        private final String tip;
        private final String purpose;

        Action(String tip, String purpose) {
            this.tip = tip;
            this.purpose = purpose;
        }

        /** What the disabled action's tooltip says when nothing (or a folder) is selected. */
        public String selectFirst() {
            return "Select a profile to " + purpose;
        }
    }

    private final ProfilesViewModel profiles;
    private final Set<String> collapsed = new HashSet<>();
    private final ReadOnlyObjectWrapper<TreeItem<ProfileTree.Node>> root = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<TreeItem<ProfileTree.Node>> selected = new SimpleObjectProperty<>();
    private final ObjectBinding<StoredProfile> selectedProfile;
    private final Map<Action, BooleanBinding> disabled = new EnumMap<>(Action.class);
    private final Map<Action, StringBinding> tips = new EnumMap<>(Action.class);

    public ProfilesPanelModel(ProfilesViewModel profiles) {
        this.profiles = profiles;
        selectedProfile = Bindings.createObjectBinding(() -> selected.get() != null
                && selected.get().getValue() instanceof ProfileTree.Profile p ? p.stored() : null, selected);
        for (Action action : Action.values()) {
            StringBinding whyNot = Bindings.createStringBinding(() -> whyNot(action, selectedProfile.get()),
                    selectedProfile);
            disabled.put(action, whyNot.isNotEmpty());
            tips.put(action, Bindings.createStringBinding(() -> whyNot.get().isEmpty() ? action.tip : whyNot.get(),
                    whyNot));
        }
        profiles.profiles().addListener((ListChangeListener<StoredProfile>) c -> rebuild());
        profiles.filterProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** Why {@code action} cannot run on {@code selected} (null: none), or "" when it can. */
    static String whyNot(Action action, StoredProfile selected) {
        if (selected == null) {
            return action.selectFirst();
        }
        if (action == Action.RENAME && selected.readOnly()) {
            return "'" + selected.name() + "' is read-only: " + selected.readOnlyReason();
        }
        return "";
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    /** The tree's (hidden) root; a new one after every rebuild. */
    public ReadOnlyObjectProperty<TreeItem<ProfileTree.Node>> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** The selected folder or profile, or null; follows the tree's selection and is kept across rebuilds. */
    public ObjectProperty<TreeItem<ProfileTree.Node>> selectedProperty() {
        return selected;
    }

    /** The selected profile, or null when a folder or nothing is selected. */
    public ObjectBinding<StoredProfile> selectedProfileProperty() {
        return selectedProfile;
    }

    public Optional<StoredProfile> selectedProfile() {
        return Optional.ofNullable(selectedProfile.get());
    }

    public BooleanBinding disabledProperty(Action action) {
        return disabled.get(action);
    }

    public StringBinding tipProperty(Action action) {
        return tips.get(action);
    }

    /** Selects the profile with file {@code id}, if the tree shows it. */
    public void select(String id) {
        TreeItem<ProfileTree.Node> item = find(root.get(), id);
        if (item != null) {
            selected.set(item);
        }
    }

    /** The folder of the selection: the folder itself, or the selected profile's; "" (the top) without one. */
    public String selectedFolder() {
        TreeItem<ProfileTree.Node> item = selected.get();
        if (item == null) {
            return "";
        }
        return item.getValue() instanceof ProfileTree.Folder f ? f.path()
                : ((ProfileTree.Profile) item.getValue()).stored().profile().folder();
    }

    /** What the folder export's chooser is titled. */
    public String exportFolderTitle() {
        String folder = selectedFolder();
        return folder.isEmpty() ? "Export all profiles to" : "Export folder '" + folder + "' to";
    }

    // ---- actions on the selection (each does nothing while its action is disabled) ----

    public void duplicate() {
        whenEnabled(Action.DUPLICATE).ifPresent(profiles::duplicate);
    }

    public void delete() {
        whenEnabled(Action.DELETE).ifPresent(profiles::delete);
    }

    /** Renames the selected profile; the same name again (or no answer) changes nothing. */
    public void rename(String newName) {
        whenEnabled(Action.RENAME).filter(p -> newName != null && !newName.equals(p.name()))
                .ifPresent(p -> profiles.rename(p, newName));
    }

    public void export(Path file, boolean includeSecrets) {
        whenEnabled(Action.EXPORT).ifPresent(p -> profiles.export(p, file, includeSecrets));
    }

    public void exportFolder(Path target, boolean includeSecrets) {
        profiles.exportFolder(selectedFolder(), target, includeSecrets);
    }

    private Optional<StoredProfile> whenEnabled(Action action) {
        return disabled.get(action).get() ? Optional.empty() : selectedProfile();
    }

    // ---- the tree ----

    private void rebuild() {
        StoredProfile before = selectedProfile.get();
        TreeItem<ProfileTree.Node> fresh = ProfileTree.build(profiles.profiles(), profiles.filterProperty().get(),
                collapsed);
        remember(fresh);
        selected.set(null);
        root.set(fresh);
        if (before != null) {
            select(before.id());
        }
    }

    /** Keeps the user's collapsed folders collapsed across rebuilds (not while searching: then all are open). */
    private void remember(TreeItem<ProfileTree.Node> item) {
        if (item.getValue() instanceof ProfileTree.Folder f && !f.path().isEmpty()) {
            item.expandedProperty().addListener((o, a, expanded) -> {
                if (profiles.filterProperty().get().isBlank()) {
                    if (expanded) {
                        collapsed.remove(f.path());
                    } else {
                        collapsed.add(f.path());
                    }
                }
            });
        }
        item.getChildren().forEach(this::remember);
    }

    private static TreeItem<ProfileTree.Node> find(TreeItem<ProfileTree.Node> item, String id) {
        if (item == null) {
            return null;
        }
        if (item.getValue() instanceof ProfileTree.Profile p && p.stored().id().equals(id)) {
            return item;
        }
        for (TreeItem<ProfileTree.Node> child : item.getChildren()) {
            TreeItem<ProfileTree.Node> found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** One problem as people read it: which file, what is wrong, what was done about it (then the detail). */
    public static String problemText(ProfileProblem p) {
        String what = switch (p.kind()) {
            case CORRUPT -> "Could not read " + p.file().getFileName() + " — moved aside"
                    + (p.movedTo() == null ? "" : " as " + p.movedTo().getFileName()) + ", nothing was lost";
            case UNSUPPORTED_VERSION -> p.file().getFileName() + " needs a newer WS Inspector; left untouched";
            case IO -> p.file().getFileName() + " cannot be read; left untouched";
            case BEING_WRITTEN -> p.file().getFileName() + " is being written; looked at again shortly";
        };
        return "⚠ " + what + "\n" + p.message();
    }
}
