package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.StoredProfile;

/** Opens a profile in a connection tab: the window's job ({@code ui.main}), handed to the sidebar. */
@FunctionalInterface
public interface ProfileOpener {

    void open(StoredProfile profile);
}
