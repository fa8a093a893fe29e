package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.StoredProfile;

/** How a save ended; called on the FX thread. */
public interface SaveListener {

    void saved(StoredProfile stored);

    /** Another program changed or deleted the file since it was loaded: nothing was written. */
    void conflict(String message);

    /** Any other failure (I/O, read-only file), one line for people. */
    void failed(String message);

    /** Only failures matter (the list updates itself): report them with {@code report}. */
    static SaveListener reportingTo(java.util.function.Consumer<String> report) {
        return new SaveListener() {
            @Override
            public void saved(StoredProfile stored) {
                report.accept("");
            }

            @Override
            public void conflict(String message) {
                report.accept(message);
            }

            @Override
            public void failed(String message) {
                report.accept(message);
            }
        };
    }
}
