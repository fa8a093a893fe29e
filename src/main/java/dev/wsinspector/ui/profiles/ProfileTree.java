package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.StoredProfile;
import javafx.scene.control.TreeItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the sidebar's tree: folders ("a/b" nests b in a), then profiles, filtered by the search text. */
public final class ProfileTree {

    /** One node of the tree. */
    public sealed interface Node {
        String label();
    }

    /** A folder; {@code path} is its full "/"-separated path, the key for remembering it collapsed. */
    public record Folder(String path, String label) implements Node {
    }

    public record Profile(StoredProfile stored) implements Node {
        @Override
        public String label() {
            return stored.name() + (stored.readOnly() ? " (read-only)" : "");
        }

        /** The row's tooltip: where it connects, the notes, and why it is read-only. */
        public String tooltip() {
            String notes = stored.profile().notes();
            return stored.profile().url() + (notes.isBlank() ? "" : "\n" + notes)
                    + (stored.readOnly() ? "\nRead-only: " + stored.readOnlyReason() : "");
        }
    }

    private ProfileTree() {
    }

    /**
     * @param profiles  sorted by folder, then name (as the repository lists them)
     * @param filter    matched against name, folder, URL and notes, case-insensitively; blank shows all
     * @param collapsed folder paths the user collapsed (ignored while filtering, so every match is visible)
     */
    public static TreeItem<Node> build(List<StoredProfile> profiles, String filter, Set<String> collapsed) {
        TreeItem<Node> root = new TreeItem<>(new Folder("", "Profiles"));
        root.setExpanded(true);
        Map<String, TreeItem<Node>> folders = new LinkedHashMap<>();
        folders.put("", root);
        boolean filtering = filter != null && !filter.isBlank();
        for (StoredProfile p : profiles) {
            if (!matches(p, filter)) {
                continue;
            }
            folder(folders, p.profile().folder(), collapsed, filtering).getChildren().add(new TreeItem<>(new Profile(p)));
        }
        return root;
    }

    public static boolean matches(StoredProfile p, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        return contains(p.name(), needle) || contains(p.profile().folder(), needle)
                || contains(p.profile().url(), needle) || contains(p.profile().notes(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static TreeItem<Node> folder(Map<String, TreeItem<Node>> folders, String path, Set<String> collapsed,
                                         boolean filtering) {
        TreeItem<Node> found = folders.get(path);
        if (found != null) {
            return found;
        }
        int slash = path.lastIndexOf('/');
        TreeItem<Node> parent = folder(folders, slash < 0 ? "" : path.substring(0, slash), collapsed, filtering);
        TreeItem<Node> item = new TreeItem<>(new Folder(path, path.substring(slash + 1)));
        item.setExpanded(filtering || !collapsed.contains(path));
        // Folders come before the profiles at the same level.
        int at = (int) parent.getChildren().stream().filter(c -> c.getValue() instanceof Folder).count();
        parent.getChildren().add(at, item);
        folders.put(path, item);
        return item;
    }
}
