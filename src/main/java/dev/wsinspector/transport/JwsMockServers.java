package dev.wsinspector.transport;

import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockServers;
import java.io.IOException;

/** {@link MockServers} over {@link MockServer}: what {@code app} hands the UI to run server profiles. */
public final class JwsMockServers implements MockServers {

    @Override
    public Running start(MockProfile profile, String host, Listener listener) throws IOException {
        MockServer server = MockServer.builder(MockEngine.of(profile)).host(host).listener(listener).build();
        server.start();
        return server;
    }
}
