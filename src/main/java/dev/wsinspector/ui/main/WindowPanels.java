package dev.wsinspector.ui.main;

import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.profiles.ProfileOpener;
import dev.wsinspector.ui.profiles.ProfilesPanelController;
import dev.wsinspector.ui.server.ServerPanelController;
import dev.wsinspector.ui.sessions.SessionsPanelController;
import dev.wsinspector.ui.sessions.SessionsViewModel;
import javafx.scene.Parent;

/**
 * The window's side panels, each loaded when first shown and then kept: the first paint does not wait for views
 * it does not show, and most sessions never open the echo-server panel.
 */
final class WindowPanels {

    private final ViewLoader views;
    private final ProfileOpener profileOpener;
    private final SessionsViewModel sessions;
    private final SessionsViewModel.Opener sessionOpener;
    private Parent profilesPanel;
    private Parent sessionsPanel;
    private Parent serverPanel;

    /** @param sessions the Sessions sidebar's model; null: no Sessions sidebar */
    WindowPanels(ViewLoader views, ProfileOpener profileOpener, SessionsViewModel sessions,
                 SessionsViewModel.Opener sessionOpener) {
        this.views = views;
        this.profileOpener = profileOpener;
        this.sessions = sessions;
        this.sessionOpener = sessionOpener;
    }

    /** What the left side shows for {@code sidebar}; null for none. */
    Parent sidebar(MainWindowViewModel.Sidebar sidebar) {
        return switch (sidebar) {
            case NONE -> null;
            case PROFILES -> profiles();
            case SESSIONS -> sessions();
        };
    }

    Parent profiles() {
        if (profilesPanel == null) {
            profilesPanel = views.load(ProfilesPanelController.class, profileOpener).root();
        }
        return profilesPanel;
    }

    /** Null without the session journal. */
    Parent sessions() {
        if (sessionsPanel == null && sessions != null) {
            sessionsPanel = views.load(SessionsPanelController.class, sessions, sessionOpener).root();
        }
        return sessionsPanel;
    }

    Parent server() {
        if (serverPanel == null) {
            serverPanel = views.load(ServerPanelController.class).root();
        }
        return serverPanel;
    }
}
