package dev.wsinspector.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Fields of a profile file this version does not know, kept so that saving a profile never loses what a
 * person (or a newer tool) added by hand. Immutable: the JSON is deep-copied on the way in and out.
 */
public final class UnknownFields {

    public static final UnknownFields NONE = new UnknownFields(JsonNodeFactory.instance.objectNode());

    private final ObjectNode fields;

    private UnknownFields(ObjectNode fields) {
        this.fields = fields;
    }

    static UnknownFields of(ObjectNode fields) {
        return fields == null || fields.isEmpty() ? NONE : new UnknownFields(fields.deepCopy());
    }

    /** A copy of the fields, in file order. */
    ObjectNode toJson() {
        return fields.deepCopy();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Their names, in file order (e.g. to tell the user that a profile carries fields this version ignores). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode get(String name) {
        JsonNode node = fields.get(name);
        return node == null ? null : node.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownFields other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
