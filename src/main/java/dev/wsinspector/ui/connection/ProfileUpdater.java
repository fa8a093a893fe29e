package dev.wsinspector.ui.connection;

import dev.wsinspector.core.profile.ConnectionProfile;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Saves a change to a profile from inside its tab (the message library); the window wires the repository. */
@FunctionalInterface
public interface ProfileUpdater {

    /** For tabs of a window without profiles: every change is refused with a reason. */
    ProfileUpdater NONE = (id, change, result) -> result.accept("Profiles are not available in this window");

    /**
     * @param change applied to the latest saved version of the profile
     * @param result gets "" once saved, or one line saying why not (on the FX thread)
     */
    void update(String profileId, UnaryOperator<ConnectionProfile> change, Consumer<String> result);
}
