package dev.wsinspector.transport;

import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockServers;
import dev.wsinspector.core.session.Session;
import java.io.IOException;
import java.util.function.IntFunction;

/** {@link MockServers} over {@link MockServer}: what {@code app} hands the UI to run server profiles. */
public final class JwsMockServers implements MockServers {

    @Override
    public Running start(MockProfile profile, String host, Listener listener, IntFunction<Session> sessions)
            throws IOException {
        MockServer server = MockServer.builder(MockEngine.of(profile)).host(host).listener(listener)
                .sessions(sessions).build();
        server.start();
        return server;
    }
}
