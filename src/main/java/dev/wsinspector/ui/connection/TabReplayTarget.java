package dev.wsinspector.ui.connection;

import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.ui.replay.ReplayViewModel;

import java.util.Map;

/** What a tab's replay runs against, asked each time: the tab may reconnect or switch environment meanwhile. */
final class TabReplayTarget implements ReplayViewModel.Target {

    private final ConnectionViewModel model;

    TabReplayTarget(ConnectionViewModel model) {
        this.model = model;
    }

    @Override
    public Connection connection() {
        return model.connection();
    }

    @Override
    public Templates templates() {
        Templates t = model.templates();
        return t != null ? t : new Templates(Map.of(), BuiltIns.system());
    }

    @Override
    public ConnectionListener events() {
        return model.session();
    }
}
