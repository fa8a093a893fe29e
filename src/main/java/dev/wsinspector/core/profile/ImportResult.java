package dev.wsinspector.core.profile;

import java.util.List;

/** Profiles imported from a folder, and the files that could not be (left untouched where they were). */
public record ImportResult(List<StoredProfile> imported, List<ProfileProblem> problems) {

    public ImportResult {
        imported = List.copyOf(imported);
        problems = List.copyOf(problems);
    }
}
