package dev.wsinspector.core.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.scenario.Matcher;
import java.io.IOException;
import java.util.List;

/**
 * Writes a server profile as {@link MockProfileJson} reads it: pretty-printed, members in a stable order, defaults
 * left out, JSON bodies kept as trees (so the file stays readable and diffs stay small).
 */
final class MockProfileWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MockProfileWriter() {
    }

    static byte[] write(MockProfile profile) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", MockProfileJson.CURRENT_VERSION);
        root.put("name", profile.name());
        root.put("port", profile.port());
        if (!profile.subprotocols().isEmpty()) {
            ArrayNode a = root.putArray("subprotocols");
            profile.subprotocols().forEach(a::add);
        }
        MockProfile.Upgrade u = profile.upgrade();
        if (u != null) {
            ObjectNode o = root.putObject("upgrade");
            if (u.refuseAll()) {
                o.put("refuse", u.status());
            } else {
                o.put("requireHeader", u.header());
                if (u.value() != null) {
                    o.put("value", u.value());
                }
                o.put("status", u.status());
            }
        }
        if (!profile.onConnect().isEmpty()) {
            ArrayNode a = root.putArray("onConnect");
            profile.onConnect().forEach(m -> a.add(message(m)));
        }
        if (!profile.timers().isEmpty()) {
            ArrayNode a = root.putArray("timers");
            for (MockProfile.Timer t : profile.timers()) {
                ObjectNode o = a.addObject();
                o.put("everyMs", t.everyMs());
                o.set("send", message(t.message()));
            }
        }
        MockProfile.CloseAfter c = profile.closeAfter();
        if (c != null) {
            ObjectNode o = root.putObject("closeAfter");
            if (c.messages() > 0) {
                o.put("messages", c.messages());
            }
            if (c.millis() > 0) {
                o.put("seconds", c.millis() / 1000.0);
            }
            close(o, c.close());
        }
        root.put("echo", profile.echo());
        if (!profile.faults().isEmpty()) {
            root.set("faults", faults(profile.faults()));
        }
        ArrayNode rules = root.putArray("rules");
        for (MockRule r : profile.rules()) {
            ObjectNode o = rules.addObject();
            if (!r.name().isEmpty()) {
                o.put("name", r.name());
            }
            ObjectNode w = matcher(r.when());
            if (r.prefixBytes() != null) {
                w.put("binaryPrefix", java.util.HexFormat.of().formatHex(r.prefixBytes()));
            }
            if (!w.isEmpty()) {
                o.set("when", w);
            }
            if (r.replies().size() == 1) {
                o.set("reply", message(r.replies().get(0)));
            } else if (!r.replies().isEmpty()) {
                ArrayNode a = o.putArray("reply");
                r.replies().forEach(m -> a.add(message(m)));
            }
            if (r.echo()) {
                o.put("echo", true);
            }
            if (r.close() != null) {
                close(o.putObject("close"), r.close());
            }
            if (!r.faults().isEmpty()) {
                o.set("faults", faults(r.faults()));
            }
        }
        if (!profile.variables().isEmpty()) {
            ObjectNode o = root.putObject("variables");
            profile.variables().forEach(o::put);
        }
        try {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            byte[] json = MAPPER.writer(pretty).writeValueAsBytes(root);
            byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a server profile", e);
        }
    }

    private static void close(ObjectNode o, MockProfile.Close close) {
        o.put("code", close.code());
        if (!close.reason().isEmpty()) {
            o.put("reason", close.reason());
        }
    }

    private static ArrayNode faults(List<Fault> faults) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Fault f : faults) {
            ObjectNode o = a.addObject();
            o.put("kind", f.kind().id());
            if (f.probability() < 1) {
                o.put("probability", f.probability());
            }
            if (f.value() != f.kind().defaultValue()) {
                o.put("value", f.value());
            }
            if (f.jitterMs() > 0) {
                o.put("jitterMs", f.jitterMs());
            }
        }
        return a;
    }

    private static ObjectNode message(MockReply m) {
        ObjectNode o = MAPPER.createObjectNode();
        switch (m.mode()) {
            case TEXT -> o.put("text", m.body());
            case JSON -> o.set("json", jsonOrText(m.body()));
            case HEX -> o.put("hex", m.body());
            case BASE64 -> o.put("base64", m.body());
            case PROTOCOL -> {
                o.put("format", m.format());
                if (!m.body().isEmpty()) {
                    o.set("body", jsonOrText(m.body()));
                }
                if (!m.params().isEmpty()) {
                    ObjectNode p = o.putObject("params");
                    m.params().forEach(p::put);
                }
            }
            default -> throw new IllegalStateException("no message mode " + m.mode());
        }
        if (m.delayMs() > 0) {
            o.put("delayMs", m.delayMs());
        }
        if (m.to() != MockReply.Target.SENDER) {
            o.put("to", m.to().id());
        }
        return o;
    }

    /** A JSON body kept as the tree it is (so the file stays readable), or as a string when it is no JSON. */
    private static JsonNode jsonOrText(String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n != null && n.toString().equals(body)) {
                return n;
            }
        } catch (IOException e) {
            // a template that is not JSON until resolved
        }
        return MAPPER.getNodeFactory().textNode(body);
    }

    private static ObjectNode matcher(Matcher m) {
        ObjectNode o = MAPPER.createObjectNode();
        if (m.text() != null) {
            o.put("text", m.text());
        }
        if (m.contains() != null) {
            o.put("contains", m.contains());
        }
        if (m.regex() != null) {
            o.put("regex", m.regex().pattern());
        }
        if (!m.json().isEmpty()) {
            ObjectNode j = o.putObject("json");
            m.json().forEach(j::set);
        }
        if (m.schema() != null) {
            o.set("schema", m.schema());
        }
        if (!m.decoded().isEmpty()) {
            ObjectNode d = o.putObject("decoded");
            m.decoded().forEach(d::set);
        }
        if (m.filterExpression() != null) {
            o.put("filter", m.filterExpression());
        }
        if (m.binary() != null) {
            o.put("binary", m.binary());
        }
        return o;
    }
}
