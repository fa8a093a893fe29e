package dev.wsinspector.core.pairing;

import java.util.Objects;

/**
 * What one message says about pairing: it asks ({@link Role#REQUEST}) or answers ({@link Role#REPLY},
 * {@link Role#STREAM_REPLY}) under {@code key}, a text that the request and its replies share (prefixed by the
 * protocol, so that a JSON-RPC id and an MQTT packet id never meet).
 *
 * @param method what the statistics group by (JSON-RPC method, Socket.IO event, SignalR target, …); empty for a
 *               reply, which takes its request's
 */
public record Correlation(Role role, String key, String method) {

    /** How a message takes part in pairing. */
    public enum Role {
        /** Opens a request under its key. */
        REQUEST,
        /** Answers a request; a second answer to an answered request is a duplicate. */
        REPLY,
        /** One of several answers (graphql-ws {@code next}, SignalR {@code StreamItem}): later ones follow up. */
        STREAM_REPLY
    }

    public Correlation {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(key, "key");
        method = method == null ? "" : method;
    }

    public static Correlation request(String key, String method) {
        return new Correlation(Role.REQUEST, key, method);
    }

    public static Correlation reply(String key) {
        return new Correlation(Role.REPLY, key, "");
    }

    public static Correlation streamReply(String key) {
        return new Correlation(Role.STREAM_REPLY, key, "");
    }
}
