package dev.wsinspector.core.mock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.replay.TemplateException;
import dev.wsinspector.core.scenario.Located;
import dev.wsinspector.core.scenario.Matcher;
import dev.wsinspector.core.scenario.Position;
import dev.wsinspector.core.scenario.ScenarioFormatException;
import dev.wsinspector.core.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server profile file: one JSON object with a {@code schemaVersion}, read token by token so that every problem
 * names its line and column ({@link MockFormatException}), and written back pretty-printed in a stable order. The
 * README's "Mock server" section shows a complete file; a rule's {@code when} is written as a test's {@code expect}
 * ({@link ScenarioReader#readMatcher}) plus {@code binaryPrefix} (hex).
 */
public final class MockProfileJson {

    public static final int CURRENT_VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("schemaVersion", "name", "port", "subprotocols", "upgrade",
            "onConnect", "timers", "closeAfter", "echo", "faults", "rules", "variables");
    private static final Set<String> RULE = Set.of("name", "when", "reply", "echo", "close", "faults");
    private static final Set<String> MESSAGE = Set.of("text", "json", "hex", "base64", "format", "body", "params",
            "delayMs", "to");
    private static final Set<String> FAULT = Set.of("kind", "probability", "value", "jitterMs");
    private static final Set<String> MATCH = Set.of("text", "contains", "regex", "json", "schema", "decoded", "filter",
            "binary", "binaryPrefix");

    private final String file;

    private MockProfileJson(String file) {
        this.file = file;
    }

    /** Reads a profile; {@code file} names it in errors (e.g. its path). */
    public static MockProfile read(String file, byte[] bytes) throws MockFormatException {
        Located root;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() == null) {
                throw new MockFormatException(file, new Position(1, 1), "the file is empty");
            }
            root = Located.read(p, file);
            if (p.nextToken() != null) {
                throw new MockFormatException(file, Located.position(p.currentTokenLocation()),
                        "unexpected content after the server profile");
            }
        } catch (JsonProcessingException e) {
            throw new MockFormatException(file, Located.position(e.getLocation()),
                    "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ").trim());
        } catch (ScenarioFormatException e) {
            throw new MockFormatException(file, e.position(), e.problem());
        } catch (IOException e) {
            throw new MockFormatException(file, Position.UNKNOWN, "cannot read it: " + e.getMessage());
        }
        return new MockProfileJson(file).profile(root);
    }

    // ---- reading ----

    private MockProfile profile(Located root) throws MockFormatException {
        object(root, "a server profile");
        known(root, TOP, "a server profile's members");
        Located v = root.fields.get("schemaVersion");
        if (v != null) {
            long version = integer(v, "schemaVersion", 1, Integer.MAX_VALUE);
            if (version > CURRENT_VERSION) {
                throw error(v.at, "written by a newer WS Inspector (schemaVersion " + version
                        + "; this version reads up to " + CURRENT_VERSION + ")");
            }
        }
        String name = root.fields.containsKey("name") ? string(root.fields.get("name"), "name") : null;
        int port = root.fields.containsKey("port") ? (int) integer(root.fields.get("port"), "port", 0, 65535) : 0;
        List<String> subprotocols = new ArrayList<>();
        for (Located s : list(root.fields.get("subprotocols"), "subprotocols")) {
            subprotocols.add(string(s, "subprotocol"));
        }
        MockProfile.Upgrade upgrade = upgrade(root.fields.get("upgrade"));
        List<MockReply> onConnect = new ArrayList<>();
        for (Located m : list(root.fields.get("onConnect"), "onConnect")) {
            onConnect.add(message(m));
        }
        List<MockProfile.Timer> timers = new ArrayList<>();
        for (Located t : list(root.fields.get("timers"), "timers")) {
            object(t, "a timer ({\"everyMs\": 1000, \"send\": {…}})");
            known(t, Set.of("everyMs", "send"), "a timer's members");
            Located every = require(t, "everyMs");
            Located send = require(t, "send");
            timers.add(new MockProfile.Timer(integer(every, "everyMs", 1, 86_400_000L), message(send)));
        }
        MockProfile.CloseAfter closeAfter = closeAfter(root.fields.get("closeAfter"));
        boolean echo = root.fields.containsKey("echo") && bool(root.fields.get("echo"), "echo");
        List<Fault> faults = faults(root.fields.get("faults"), true);
        List<MockRule> rules = new ArrayList<>();
        for (Located r : list(root.fields.get("rules"), "rules")) {
            rules.add(rule(r));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Located vars = root.fields.get("variables");
        if (vars != null) {
            object(vars, "\"variables\" (names to values)");
            for (Map.Entry<String, Located> e : vars.fields.entrySet()) {
                variables.put(e.getKey(), scalar(e.getValue(), e.getKey()));
            }
        }
        return new MockProfile(name, port, subprotocols, upgrade, onConnect, timers, closeAfter, echo, faults, rules,
                variables);
    }

    private MockProfile.Upgrade upgrade(Located u) throws MockFormatException {
        if (u == null) {
            return null;
        }
        object(u, "\"upgrade\" ({\"requireHeader\": \"Authorization\", \"value\": \"…\", \"status\": 401}"
                + " or {\"refuse\": 503})");
        known(u, Set.of("requireHeader", "value", "status", "refuse"), "an upgrade check's members");
        if (u.fields.containsKey("refuse")) {
            if (u.fields.size() > 1) {
                throw error(u.at, "\"refuse\" refuses every upgrade: it goes alone");
            }
            return new MockProfile.Upgrade(null, null, status(u.fields.get("refuse"), "refuse"), true);
        }
        String header = string(require(u, "requireHeader"), "requireHeader");
        String value = u.fields.containsKey("value") ? scalar(u.fields.get("value"), "value") : null;
        int status = u.fields.containsKey("status") ? status(u.fields.get("status"), "status") : 401;
        return new MockProfile.Upgrade(header, value, status, false);
    }

    private int status(Located l, String what) throws MockFormatException {
        int s = (int) integer(l, what, 100, 599);
        if (s == 101) {
            throw error(l.at, "\"" + what + "\" refuses the upgrade: any status but 101");
        }
        return s;
    }

    private MockProfile.CloseAfter closeAfter(Located c) throws MockFormatException {
        if (c == null) {
            return null;
        }
        object(c, "\"closeAfter\" ({\"messages\": 10, \"seconds\": 30, \"code\": 1000, \"reason\": \"\"})");
        known(c, Set.of("messages", "seconds", "code", "reason"), "closeAfter's members");
        int messages = c.fields.containsKey("messages")
                ? (int) integer(c.fields.get("messages"), "messages", 0, Integer.MAX_VALUE) : 0;
        long millis = 0;
        Located s = c.fields.get("seconds");
        if (s != null) {
            if (!s.value.isNumber() || s.value.asDouble() < 0 || s.value.asDouble() > 86_400) {
                throw error(s.at, "\"seconds\" is a number from 0 to 86400");
            }
            millis = Math.round(s.value.asDouble() * 1000);
        }
        if (messages == 0 && millis == 0) {
            throw error(c.at, "\"closeAfter\" needs \"messages\" or \"seconds\"");
        }
        return new MockProfile.CloseAfter(messages, millis, close(c));
    }

    private MockProfile.Close close(Located c) throws MockFormatException {
        int code = c.fields.containsKey("code") ? closeCode(c.fields.get("code")) : 1000;
        String reason = c.fields.containsKey("reason") ? string(c.fields.get("reason"), "reason") : "";
        if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw error(c.fields.get("reason").at, "a close reason is at most 123 bytes of UTF-8");
        }
        return new MockProfile.Close(code, reason);
    }

    private int closeCode(Located l) throws MockFormatException {
        return (int) integer(l, "code", 1000, 4999);
    }

    private MockRule rule(Located r) throws MockFormatException {
        object(r, "a rule");
        known(r, RULE, "a rule's members");
        String name = r.fields.containsKey("name") ? string(r.fields.get("name"), "name") : "";
        Matcher when = MockRule.any();
        byte[] prefix = null;
        Located w = r.fields.get("when");
        if (w != null) {
            object(w, "\"when\" (text, contains, regex, json, decoded, filter, binary, binaryPrefix)");
            known(w, MATCH, "a rule's \"when\"");
            Located pre = w.fields.get("binaryPrefix");
            if (pre != null) {
                try {
                    prefix = MessageParser.parse(MessageMode.HEX, string(pre, "binaryPrefix")).bytes();
                } catch (MessageParser.InvalidInputException e) {
                    throw error(pre.at, "\"binaryPrefix\" is hex: " + e.getMessage());
                }
            }
            when = matcher(w);
        }
        List<MockReply> replies = new ArrayList<>();
        Located reply = r.fields.get("reply");
        if (reply != null) {
            if (reply.isArray()) {
                for (Located m : reply.items) {
                    replies.add(message(m));
                }
            } else {
                replies.add(message(reply));
            }
        }
        boolean echo = r.fields.containsKey("echo") && bool(r.fields.get("echo"), "echo");
        MockProfile.Close close = null;
        Located c = r.fields.get("close");
        if (c != null) {
            if (c.value.isIntegralNumber()) {
                close = new MockProfile.Close(closeCode(c), "");
            } else {
                object(c, "\"close\" (a code, or {\"code\": 4000, \"reason\": \"…\"})");
                known(c, Set.of("code", "reason"), "a close's members");
                close = close(c);
            }
        }
        return new MockRule(name, when, prefix, replies, echo, close, faults(r.fields.get("faults"), false));
    }

    /** The scenario matcher of {@code w} without {@code binaryPrefix}, which it does not know. */
    private Matcher matcher(Located w) throws MockFormatException {
        if (!w.fields.containsKey("binaryPrefix")) {
            try {
                return ScenarioReader.readMatcher(file, w);
            } catch (ScenarioFormatException e) {
                throw error(e.position(), e.problem());
            }
        }
        ObjectNode rest = ((ObjectNode) w.value).deepCopy();
        rest.remove("binaryPrefix");
        if (rest.isEmpty()) {
            return MockRule.any();
        }
        // Read again without it: positions inside are lost, so problems point at "when" itself.
        try (JsonParser p = FACTORY.createParser(MAPPER.writeValueAsBytes(rest))) {
            p.nextToken();
            return ScenarioReader.readMatcher(file, Located.read(p, file));
        } catch (ScenarioFormatException e) {
            throw error(w.at, "in \"when\": " + e.problem());
        } catch (IOException e) {
            throw error(w.at, e.getMessage());
        }
    }

    private MockReply message(Located m) throws MockFormatException {
        if (m.value.isTextual()) {
            checkTemplate(m.value.asText(), m);
            return MockReply.text(m.value.asText());
        }
        object(m, "a message ({\"text\": …}, {\"json\": …}, {\"hex\": …}, {\"base64\": …} or {\"format\": …})");
        known(m, MESSAGE, "a message's members");
        long delay = m.fields.containsKey("delayMs") ? integer(m.fields.get("delayMs"), "delayMs", 0, 3_600_000) : 0;
        MockReply.Target to = MockReply.Target.SENDER;
        Located t = m.fields.get("to");
        if (t != null) {
            String id = string(t, "to");
            to = MockReply.Target.byId(id).orElseThrow(() -> error(t.at,
                    "\"to\" is \"sender\", \"all\" or \"others\", not \"" + id + "\""));
        }
        if (m.fields.containsKey("format")) {
            return formatted(m, delay, to);
        }
        List<String> kinds = m.fields.keySet().stream().filter(k -> Set.of("text", "json", "hex", "base64")
                .contains(k)).toList();
        if (kinds.size() != 1) {
            throw error(m.at, "a message has one of \"text\", \"json\", \"hex\", \"base64\" or \"format\"");
        }
        String kind = kinds.get(0);
        Located body = m.fields.get(kind);
        MessageMode mode = MessageMode.valueOf(kind.toUpperCase(Locale.ROOT));
        String text = mode == MessageMode.JSON && !body.value.isTextual() ? body.value.toString() : scalar(body, kind);
        checkTemplate(text, body);
        if (!MockTemplates.hasReferences(text)) {
            String problem = MessageParser.problem(mode, text);
            if (problem != null) {
                throw error(body.at, problem);
            }
        }
        return new MockReply(mode, text, null, null, delay, to);
    }

    private MockReply formatted(Located m, long delay, MockReply.Target to) throws MockFormatException {
        for (String k : List.of("text", "json", "hex", "base64")) {
            if (m.fields.containsKey(k)) {
                throw error(m.nameAt(k), "a message in a format has \"body\" and \"params\", not \"" + k + "\"");
            }
        }
        Located id = m.fields.get("format");
        String name = string(id, "format");
        MessageFormat format = MessageFormat.byId(name).orElseThrow(() -> error(id.at,
                "unknown format \"" + name + "\" (one of " + String.join(", ", MessageFormat.ids()) + ")"));
        Located body = m.fields.get("body");
        String text = body == null ? "" : body.value.isTextual() ? body.value.asText() : body.value.toString();
        if (body != null) {
            checkTemplate(text, body);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Located given = m.fields.get("params");
        if (given != null) {
            object(given, "\"params\" (the format's inputs, e.g. {\"event\": \"chat\"})");
            Set<String> names = new TreeSet<>();
            format.params().forEach(p -> names.add(p.name()));
            for (Map.Entry<String, Located> e : given.fields.entrySet()) {
                if (!names.contains(e.getKey())) {
                    throw error(given.nameAt(e.getKey()), "\"" + e.getKey() + "\" is no input of " + format.label()
                            + (names.isEmpty() ? " (it has none)" : " (" + String.join(", ", names) + ")"));
                }
                String value = e.getValue().value.isTextual() ? e.getValue().value.asText()
                        : e.getValue().value.toString();
                checkTemplate(value, e.getValue());
                params.put(e.getKey(), value);
            }
        }
        return new MockReply(MessageMode.PROTOCOL, text, format.id(), params, delay, to);
    }

    private List<Fault> faults(Located l, boolean serverWide) throws MockFormatException {
        List<Fault> faults = new ArrayList<>();
        for (Located f : list(l, "faults")) {
            object(f, "a fault ({\"kind\": \"delay\", \"probability\": 0.5, \"value\": 200})");
            known(f, FAULT, "a fault's members");
            Located k = require(f, "kind");
            String id = string(k, "kind");
            Fault.Kind kind = Fault.Kind.byId(id).orElseThrow(() -> error(k.at,
                    "unknown fault \"" + id + "\" (one of " + Fault.Kind.ids() + ")"));
            if (kind == Fault.Kind.REFUSE_UPGRADE && !serverWide) {
                throw error(k.at, "\"refuseUpgrade\" is a server's fault: put it in the server's \"faults\"");
            }
            double probability = 1;
            Located p = f.fields.get("probability");
            if (p != null) {
                if (!p.value.isNumber() || p.value.asDouble() < 0 || p.value.asDouble() > 1) {
                    throw error(p.at, "\"probability\" is a number from 0 to 1");
                }
                probability = p.value.asDouble();
            }
            long value = f.fields.containsKey("value") ? integer(f.fields.get("value"), "value", 0, Integer.MAX_VALUE)
                    : kind.defaultValue();
            if (kind == Fault.Kind.REFUSE_UPGRADE && (value < 100 || value > 599 || value == 101)) {
                throw error(f.fields.get("value").at, "\"value\" of refuseUpgrade is an HTTP status 100..599 but 101");
            }
            if (kind == Fault.Kind.CLOSE && (value < 1000 || value > 4999)) {
                throw error(f.fields.get("value").at, "\"value\" of close is a close code from 1000 to 4999");
            }
            if (kind == Fault.Kind.SPLIT && value < 2) {
                throw error(f.fields.get("value").at, "\"value\" of split is the number of fragments, at least 2");
            }
            long jitter = f.fields.containsKey("jitterMs")
                    ? integer(f.fields.get("jitterMs"), "jitterMs", 0, 3_600_000) : 0;
            faults.add(new Fault(kind, probability, value, jitter));
        }
        return faults;
    }

    /** The file's bytes: pretty-printed UTF-8 JSON, members in a stable order, ending with a newline. */
    public static byte[] write(MockProfile profile) {
        return MockProfileWriter.write(profile);
    }

    // ---- helpers ----

    private void checkTemplate(String template, Located at) throws MockFormatException {
        try {
            MockTemplates.check(template);
        } catch (TemplateException e) {
            throw error(at.at, e.getMessage());
        }
    }

    private List<Located> list(Located l, String what) throws MockFormatException {
        if (l == null) {
            return List.of();
        }
        if (!l.isArray()) {
            throw error(l.at, "\"" + what + "\" is a list");
        }
        return l.items;
    }

    private Located require(Located l, String name) throws MockFormatException {
        Located v = l.fields.get(name);
        if (v == null) {
            throw error(l.at, "\"" + name + "\" is missing");
        }
        return v;
    }

    private void object(Located l, String what) throws MockFormatException {
        if (!l.isObject()) {
            throw error(l.at, what + " is an object");
        }
    }

    private void known(Located l, Set<String> allowed, String what) throws MockFormatException {
        for (String k : l.fields.keySet()) {
            if (!allowed.contains(k)) {
                throw error(l.nameAt(k), "unknown member \"" + k + "\" (" + what + ": "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private String string(Located l, String what) throws MockFormatException {
        if (!l.value.isTextual()) {
            throw error(l.at, "\"" + what + "\" is a string");
        }
        return l.value.asText();
    }

    private String scalar(Located l, String what) throws MockFormatException {
        if (!l.value.isValueNode() || l.value.isNull()) {
            throw error(l.at, "\"" + what + "\" is a string");
        }
        return l.value.asText();
    }

    private boolean bool(Located l, String what) throws MockFormatException {
        if (!l.value.isBoolean()) {
            throw error(l.at, "\"" + what + "\" is true or false");
        }
        return l.value.asBoolean();
    }

    private long integer(Located l, String what, long min, long max) throws MockFormatException {
        if (!l.value.isIntegralNumber() || !l.value.canConvertToLong() || l.value.asLong() < min
                || l.value.asLong() > max) {
            throw error(l.at, "\"" + what + "\" is a whole number from " + min + " to " + max);
        }
        return l.value.asLong();
    }

    private MockFormatException error(Position at, String problem) {
        return new MockFormatException(file, at, problem);
    }
}
