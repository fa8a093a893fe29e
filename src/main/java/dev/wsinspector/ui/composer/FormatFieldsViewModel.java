package dev.wsinspector.ui.composer;

import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.payload.encode.Param;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The composer's Protocol mode: which {@link MessageFormat} the input is sent as (MessagePack, CBOR, a Socket.IO
 * event, a STOMP frame, MQTT, JSON-RPC …) and that format's own inputs (event name, ack, topic and QoS,
 * destination, method), one text property each by {@link Param#name()}, made again when the format changes. The
 * connection's id counters (JSON-RPC ids, acks, MQTT packet ids) live in the {@link EncodeContext}, fresh for each
 * connection; checking the input while typing uses a throw-away one, so it never takes an id.
 */
public final class FormatFieldsViewModel {

    private final ObjectProperty<MessageFormat> format = new SimpleObjectProperty<>(this, "format", MessageFormat.MSGPACK);
    private final Map<String, StringProperty> params = new LinkedHashMap<>();
    private EncodeContext context = EncodeContext.fresh();
    private Runnable changed = () -> { };
    private java.util.function.Supplier<dev.wsinspector.core.payload.protocol.ProtobufSchema> protobuf = () -> null;

    public FormatFieldsViewModel() {
        makeParams(format.get());
        format.addListener((o, was, now) -> {
            makeParams(now == null ? MessageFormat.TEXT : now);
            changed.run();
        });
    }

    /** Told when the format or one of its inputs changed (the composer checks its input again). */
    void onChange(Runnable action) {
        changed = action;
    }

    private void makeParams(MessageFormat f) {
        params.clear();
        for (Param p : f.params()) {
            StringProperty value = new SimpleStringProperty(this, p.name(), p.defaultValue());
            value.addListener((o, was, now) -> changed.run());
            params.put(p.name(), value);
        }
    }

    public ObjectProperty<MessageFormat> formatProperty() {
        return format;
    }

    /** The current format's inputs by name, in the format's order (a new map after each change of format). */
    public Map<String, StringProperty> params() {
        return params;
    }

    /** The value of one input ("true"/"false" for a check box); fails for a name the format does not have. */
    public StringProperty param(String name) {
        StringProperty p = params.get(name);
        if (p == null) {
            throw new IllegalArgumentException(format.get().id() + " has no input " + name);
        }
        return p;
    }

    /** The format and its inputs as a saved message keeps them (inputs left at their default are not kept). */
    public dev.wsinspector.core.profile.SavedMessage.Format savedFormat() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Param p : format.get().params()) {
            String v = params.get(p.name()).get();
            if (v != null && !v.equals(p.defaultValue())) {
                values.put(p.name(), v);
            }
        }
        return new dev.wsinspector.core.profile.SavedMessage.Format(format.get().id(), values);
    }

    /** Where protobuf messages get their type: the tab's profile (its descriptor set and message type), or null. */
    public void protobufFrom(java.util.function.Supplier<dev.wsinspector.core.payload.protocol.ProtobufSchema> schema) {
        protobuf = schema == null ? () -> null : schema;
    }

    /** A new connection: ids start again. */
    public void connectionChanged() {
        context = EncodeContext.fresh();
    }

    /** Why {@code body} (variables resolved) cannot be sent in the format, or null when it can. */
    String problem(String body, UnaryOperator<String> resolve) {
        try {
            format.get().encode(request(body, resolve, resolve), EncodeContext.fresh().withProtobuf(protobuf.get()));
            return null;
        } catch (EncodeException | RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * The message to send, with the connection's ids: {@code resolveBody} substitutes variables in the body (and
     * counts the message), then {@code resolve} in the format's inputs.
     */
    Encoded encode(String body, UnaryOperator<String> resolveBody, UnaryOperator<String> resolve)
            throws EncodeException {
        return format.get().encode(request(body, resolveBody, resolve), context.withProtobuf(protobuf.get()));
    }

    private EncodeRequest request(String body, UnaryOperator<String> resolveBody, UnaryOperator<String> resolve) {
        String resolved = resolveBody.apply(body);
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, value) -> values.put(name, resolve.apply(value.get())));
        return new EncodeRequest(resolved, values);
    }
}
