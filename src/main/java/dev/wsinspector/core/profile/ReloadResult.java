package dev.wsinspector.core.profile;

import java.util.List;

/**
 * What a {@link ProfileRepository#reload()} found, so the UI can update only what changed.
 *
 * @param profiles all usable profiles now, sorted by folder then name
 * @param added    ids of files new since the last reload
 * @param changed  ids whose content changed (e.g. edited by another program)
 * @param removed  ids that are gone (deleted, or moved aside as corrupt)
 * @param problems problems found by this reload (see also {@link ProfileRepository#problems()})
 */
public record ReloadResult(List<StoredProfile> profiles, List<String> added, List<String> changed,
                           List<String> removed, List<ProfileProblem> problems) {

    public ReloadResult {
        profiles = List.copyOf(profiles);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    public boolean nothingChanged() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
