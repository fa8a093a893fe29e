package dev.wsinspector.core.pairing;

import dev.wsinspector.core.filter.JsonPathQuery;
import dev.wsinspector.core.frame.Direction;

import java.util.List;

/**
 * The user's pairing: a JSON path for each direction (a profile's {@code "pairing": {"request": "$.id",
 * "reply": "$.replyTo"}}). A sent JSON message with a value at the request path is a request; a received one with
 * a value at the reply path answers the request with the same value (a string and a number never match).
 * Optionally a method path ({@code "$.type"}) names the request for the statistics.
 */
public final class JsonPathKeys implements CorrelationKeys {

    private final JsonPathQuery request;
    private final JsonPathQuery reply;
    private final JsonPathQuery method;

    /**
     * @param method null or blank for none
     * @throws dev.wsinspector.core.filter.FilterSyntaxException for a path that is not one (with its position)
     */
    public JsonPathKeys(String request, String reply, String method) {
        this.request = JsonPathQuery.of(request);
        this.reply = JsonPathQuery.of(reply);
        this.method = method == null || method.isBlank() ? null : JsonPathQuery.of(method);
    }

    @Override
    public List<Correlation> of(Direction direction, byte[] payload, boolean text) {
        if (!text) {
            return List.of();
        }
        if (direction == Direction.OUT) {
            String key = request.scalar(payload);
            if (key == null) {
                return List.of();
            }
            String name = method == null ? null : method.scalar(payload);
            return List.of(Correlation.request("path:" + key, name == null ? "" : name.substring(2)));
        }
        String key = reply.scalar(payload);
        return key == null ? List.of() : List.of(Correlation.reply("path:" + key));
    }
}
