package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.pairing.PairingEngine;
import dev.wsinspector.core.pairing.PairingFeed;
import dev.wsinspector.core.pairing.PairingSettings;
import dev.wsinspector.core.profile.ProfilePairing;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.Session;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The pairing options of {@code connect}, {@code show} and {@code stats} (a picocli mixin), and the two things
 * they do with a {@link PairingEngine}: pair a stored session, and add {@code "replyTo"} and {@code "latencyMs"}
 * to a reply's frame line.
 */
final class PairingOptions {

    @Option(names = "--pairing-timeout", paramLabel = "SECONDS",
            description = "A request with no reply within this much capture time is unanswered (default: the profile's, else 30)")
    private Double timeoutSeconds;

    @Option(names = "--pair-request", paramLabel = "PATH",
            description = "Pair by JSON paths instead of the protocol's ids: where a sent message's id is (e.g. $.id; with --pair-reply)")
    private String request;

    @Option(names = "--pair-reply", paramLabel = "PATH",
            description = "Where a received message names the request it answers (e.g. $.replyTo; with --pair-request)")
    private String reply;

    @Option(names = "--pair-method", paramLabel = "PATH",
            description = "With --pair-request: where a request's method is, for the statistics (e.g. $.type)")
    private String method;

    /** @throws IllegalArgumentException with the message to print (a bad path or timeout) */
    PairingSettings settings() {
        return settings(ProfilePairing.NONE);
    }

    /**
     * With a profile's {@code "pairing"} under the options: a path or timeout given here wins over the profile's.
     *
     * @throws IllegalArgumentException with the message to print (a bad path or timeout)
     */
    PairingSettings settings(ProfilePairing profile) {
        if (timeoutSeconds != null && (!(timeoutSeconds >= 0) || timeoutSeconds > 365 * 24 * 3600.0)) {
            throw new IllegalArgumentException("--pairing-timeout must be a number of seconds, 0 or more");
        }
        if ((request == null) != (reply == null)) {
            throw new IllegalArgumentException("--pair-request and --pair-reply go together");
        }
        double seconds = timeoutSeconds != null ? timeoutSeconds
                : profile.timeoutSeconds() >= 0 ? profile.timeoutSeconds() : PairingEngine.DEFAULT_TIMEOUT_MICROS / 1e6;
        PairingSettings settings = PairingSettings.DEFAULTS.withTimeout(Duration.ofNanos((long) (seconds * 1e9)));
        String request = this.request;
        String reply = this.reply;
        String method = this.method;
        if (request == null && profile.request() != null && profile.reply() != null) {
            request = profile.request();
            reply = profile.reply();
            method = method != null ? method : profile.method();
        } else if (request == null && (profile.request() != null || profile.reply() != null)) {
            throw new IllegalArgumentException("the profile's \"pairing\" needs both \"request\" and \"reply\"");
        }
        if (request == null) {
            return settings;
        }
        PairingSettings paths = settings.withPaths(request, reply, method);
        check("--pair-request", request);
        check("--pair-reply", reply);
        if (method != null) {
            check("--pair-method", method);
        }
        return paths;
    }

    private static void check(String option, String path) {
        try {
            dev.wsinspector.core.filter.JsonPathQuery.of(path);
        } catch (FilterSyntaxException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** Pairs a whole stored session; requests still waiting at its end are unanswered. */
    static PairingEngine stored(Session session, PairingSettings settings, String decode) {
        PairingFeed feed = settings.feed(new ProtocolDecoders(), ProtocolHint.NONE).decoder(decode);
        feed.advance(session);
        feed.engine().finish();
        return feed.engine();
    }

    /**
     * A reply's line gets {@code "replyTo": SEQ} (its request's seq) and, for the first reply, {@code "latencyMs"};
     * a later reply to the same request {@code "duplicate": true} (a stream's later items neither).
     */
    static void annotate(ObjectNode line, PairingEngine engine, long seq) {
        PairingEngine.Link link = engine.link(seq);
        if (!link.kind().isPairedReply()) {
            return;
        }
        line.put("replyTo", link.other());
        if (link.kind() == PairingEngine.Kind.REPLY) {
            line.put("latencyMs", link.latencyNanos() / 1_000_000.0);
        } else if (link.kind() == PairingEngine.Kind.DUPLICATE) {
            line.put("duplicate", true);
        }
    }
}
