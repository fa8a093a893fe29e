package dev.wsinspector.core.mock;

import dev.wsinspector.core.profile.FileStamp;
import java.nio.file.Path;

/** A server profile as found on disk: its file name ({@code id}), path, content and the stamp to detect others' edits. */
public record StoredMockProfile(String id, Path file, MockProfile profile, FileStamp stamp) {

    public String name() {
        return profile.name();
    }
}
