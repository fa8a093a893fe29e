package dev.wsinspector.ui.connection;

import dev.wsinspector.core.profile.StoredProfile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

import java.nio.file.Path;

/** What a tab is called: its file, else its profile, else its stored session's own name, else its address, short. */
final class TabTitle {

    private TabTitle() {
    }

    /** The title of {@code model}'s tab, kept up to date. */
    static StringBinding of(ConnectionViewModel model) {
        return Bindings.createStringBinding(() -> of(model.captureFileProperty().get(), model.profileProperty().get(),
                        model.storedSessionProperty().get(), model.urlProperty().get()),
                model.urlProperty(), model.profileProperty(), model.captureFileProperty(), model.storedSessionProperty());
    }

    static String of(Path captureFile, StoredProfile profile, String storedSession, String url) {
        if (captureFile != null) {
            return captureFile.getFileName().toString();
        }
        if (profile != null) {
            return profile.name();
        }
        // A stored session without a name of its own has its URL as title: shown short like any address.
        if (storedSession != null && !storedSession.equals(url)) {
            return storedSession;
        }
        String t = url == null ? "" : url.replaceFirst("^wss?://", "");
        return t.isEmpty() ? "New connection" : t.length() > 28 ? t.substring(0, 27) + "…" : t;
    }
}
