package dev.wsinspector.core.proxy;

import dev.wsinspector.core.session.HttpHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One rewrite of the upgrade's headers: on the request forwarded upstream or on the response returned to the
 * client, add a header, set one (replacing every header of that name, added when absent) or remove one. Rules
 * apply in order ({@link #apply}); names are matched without regard to case.
 *
 * @param on     the request (towards the server) or the response (towards the client)
 * @param action what to do
 * @param name   the header's name
 * @param value  the value for {@link Action#ADD} and {@link Action#SET}; ignored (empty) for {@link Action#REMOVE}
 */
public record HeaderRule(Side on, Action action, String name, String value) {

    public enum Side { REQUEST, RESPONSE }

    public enum Action { ADD, SET, REMOVE }

    public HeaderRule {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(action, "action");
        // Validates the name as HttpHeader.parse does; a value may be empty.
        name = HttpHeader.parse(Objects.requireNonNull(name, "name") + ":").name();
        value = action == Action.REMOVE || value == null ? "" : value.strip();
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A header value cannot hold a line break");
        }
    }

    public static HeaderRule set(Side on, String nameColonValue) {
        HttpHeader h = HttpHeader.parse(nameColonValue);
        return new HeaderRule(on, Action.SET, h.name(), h.value());
    }

    public static HeaderRule add(Side on, String nameColonValue) {
        HttpHeader h = HttpHeader.parse(nameColonValue);
        return new HeaderRule(on, Action.ADD, h.name(), h.value());
    }

    public static HeaderRule remove(Side on, String name) {
        return new HeaderRule(on, Action.REMOVE, name, "");
    }

    /** {@code headers} after the rules for {@code side}, in order; the other side's rules are skipped. */
    public static List<HttpHeader> apply(List<HeaderRule> rules, Side side, List<HttpHeader> headers) {
        List<HttpHeader> out = new ArrayList<>(headers);
        for (HeaderRule rule : rules) {
            if (rule.on != side) {
                continue;
            }
            switch (rule.action) {
                case ADD -> out.add(new HttpHeader(rule.name, rule.value));
                case REMOVE -> out.removeIf(h -> h.is(rule.name));
                case SET -> {
                    int at = indexOf(out, rule.name);
                    out.removeIf(h -> h.is(rule.name));
                    out.add(at < 0 ? out.size() : Math.min(at, out.size()), new HttpHeader(rule.name, rule.value));
                }
            }
        }
        return out;
    }

    private static int indexOf(List<HttpHeader> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).is(name)) {
                return i;
            }
        }
        return -1;
    }
}
