package dev.wsinspector.ui.mock;

import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.session.Session;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Mock servers as the UI sees them; the app implements it over {@code transport.MockServer} (the UI never touches
 * a socket). Every method is safe to call from the FX thread: none blocks for long.
 */
public interface MockServers {

    /** Binds {@code host}:{@code profile.port()} (0: any free port) and starts answering by the profile's rules. */
    Running start(MockProfile profile, String host) throws IOException;

    /** One client of a running server: its number (1 = first to connect) and its capture, growing while it is open. */
    record Client(int number, Session capture) {
    }

    /** A server while it runs. */
    interface Running {
        /** The ws:// address it listens on. */
        URI address();

        /** The clients so far, in the order they connected (closed ones too). */
        List<Client> clients();

        /**
         * The number (1-based, as users see rules) of the rule that answered the received message whose first frame
         * is {@code seq} of client {@code client}, or 0 when no rule did (echoed or ignored).
         */
        int ruleFor(int client, long seq);

        /** How many received messages each rule answered so far (index 0: rule 1). */
        int[] ruleHits();

        /** Stops listening and closes every client (1001); does nothing the second time. */
        void stop();
    }
}
