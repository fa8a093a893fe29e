package dev.wsinspector.core.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of the profile file format's history: turns a file of {@link #fromVersion()} into one of
 * {@code fromVersion() + 1}. The repository chains steps up to {@link ProfileJson#CURRENT_VERSION} when it
 * reads an older file; the file itself is rewritten only when the profile is next saved.
 *
 * <p>Version 1 is the first published format, so the app ships no steps yet. When version 2 comes, add a step
 * from 1 and pass it in {@link ProfileRepository}'s default list. Example of the shape (used by the tests,
 * not a real history): a "version 0" file kept the URL in {@code {"endpoint":{"url":…}}}; the step moves it
 * to the top-level {@code "url"} and removes {@code "endpoint"}.
 */
public interface ProfileMigration {

    int fromVersion();

    /** Rewrites {@code profile} in place (or returns a replacement); {@code schemaVersion} is set by the caller. */
    ObjectNode migrate(ObjectNode profile);
}
