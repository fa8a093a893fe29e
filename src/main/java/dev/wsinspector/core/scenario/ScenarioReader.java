package dev.wsinspector.core.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.replay.TemplateException;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.HttpHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads scenario files: JSON, or YAML for {@code .yaml}/{@code .yml}. Anything wrong (bad syntax, an unknown
 * member, a value of the wrong kind, a regex or a filter that does not compile, a step naming a connection that is
 * not there) is a {@link ScenarioFormatException} naming the file, the line and column, and what is wrong, so a
 * typo never runs as a test that checks less than it says. The format is in the README, "Tests (scenarios)".
 */
public final class ScenarioReader {

    public static final long DEFAULT_TIMEOUT_MILLIS = 5000;
    static final long MAX_MILLIS = 600_000;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Set<String> TOP = Set.of("schemaVersion", "name", "connection", "connections", "variables",
            "timeoutMs", "steps");
    private static final Set<String> KINDS = Set.of("send", "expect", "anyOrder", "expectNo", "capture", "wait",
            "ping", "expectPong", "close", "expectClose", "latency", "repeat");
    private static final Set<String> MATCH_KEYS = Set.of("text", "contains", "regex", "json", "schema", "decoded",
            "filter", "binary");
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private long defaultTimeout = DEFAULT_TIMEOUT_MILLIS;
    private final Map<String, ScenarioConnection> connections = new LinkedHashMap<>();

    private ScenarioReader(String file) {
        this.file = file;
    }

    /** True for the files a directory run picks up: .json, .yaml, .yml. */
    public static boolean isScenarioFile(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    public static Scenario read(Path path) throws IOException, ScenarioFormatException {
        String text = Files.readString(path);
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return parse(path.toString(), text, n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    /** Reads {@code text}; {@code file} names it in errors and reports. */
    public static Scenario parse(String file, String text, boolean yaml) throws ScenarioFormatException {
        Located root;
        try (JsonParser p = (yaml ? YAML : JSON).createParser(text)) {
            if (p.nextToken() == null) {
                throw new ScenarioFormatException(file, new Position(1, 1), "the file is empty");
            }
            root = Located.read(p, file);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new ScenarioFormatException(file, Located.position(p.currentTokenLocation()),
                        "unexpected content after the scenario");
            }
        } catch (JsonProcessingException e) {
            throw new ScenarioFormatException(file, Located.position(e.getLocation()), e.getOriginalMessage()
                    .replaceAll("\\s+", " ").trim());
        } catch (IOException e) {
            throw new ScenarioFormatException(file, Position.UNKNOWN, "cannot read it: " + e.getMessage());
        }
        return new ScenarioReader(file).scenario(root, fileName(file));
    }

    private static String fileName(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private Scenario scenario(Located root, String defaultName) throws ScenarioFormatException {
        object(root, "a scenario");
        known(root, TOP, "a scenario's members");
        Located version = root.fields.get("schemaVersion");
        if (version == null) {
            throw error(root.at, "\"schemaVersion\" is missing (write \"schemaVersion\": " + Scenario.SCHEMA_VERSION + ")");
        }
        int schemaVersion = (int) integer(version, "schemaVersion", 1, Integer.MAX_VALUE);
        if (schemaVersion > Scenario.SCHEMA_VERSION) {
            throw error(version.at, "schemaVersion " + schemaVersion + " is newer than this version reads ("
                    + Scenario.SCHEMA_VERSION + ")");
        }
        String name = root.fields.containsKey("name") ? string(root.fields.get("name"), "name") : defaultName;
        if (root.fields.containsKey("timeoutMs")) {
            defaultTimeout = millis(root.fields.get("timeoutMs"), "timeoutMs");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Located vars = root.fields.get("variables");
        if (vars != null) {
            object(vars, "\"variables\"");
            for (Map.Entry<String, Located> e : vars.fields.entrySet()) {
                variableName(e.getKey(), vars.nameAt(e.getKey()));
                variables.put(e.getKey(), scalar(e.getValue(), "variable " + e.getKey()));
            }
        }
        readConnections(root);
        Located steps = root.fields.get("steps");
        if (steps == null) {
            throw error(root.at, "\"steps\" is missing");
        }
        return new Scenario(name, file, schemaVersion, variables, List.copyOf(connections.values()),
                steps(steps, ""));
    }

    private void readConnections(Located root) throws ScenarioFormatException {
        Located one = root.fields.get("connection");
        Located many = root.fields.get("connections");
        if (one != null && many != null) {
            throw error(root.nameAt("connections"), "give either \"connection\" or \"connections\", not both");
        }
        if (one != null) {
            connections.put("main", connection("main", one));
        } else if (many != null) {
            object(many, "\"connections\" (names to connections)");
            for (Map.Entry<String, Located> e : many.fields.entrySet()) {
                connections.put(e.getKey(), connection(e.getKey(), e.getValue()));
            }
        }
        if (connections.isEmpty()) {
            throw error(root.at, "no connection: add \"connection\": {\"url\": \"ws://…\"} or {\"profile\": NAME}");
        }
    }

    private ScenarioConnection connection(String name, Located c) throws ScenarioFormatException {
        object(c, "connection " + name);
        known(c, Set.of("profile", "url", "headers", "subprotocols"), "a connection's members");
        String profile = c.fields.containsKey("profile") ? string(c.fields.get("profile"), "profile") : "";
        String url = c.fields.containsKey("url") ? string(c.fields.get("url"), "url") : "";
        if (profile.isEmpty() == url.isEmpty()) {
            throw error(c.at, "connection " + name + " needs either \"url\" or \"profile\"");
        }
        checkTemplate(url, c.fields.get("url"));
        List<HttpHeader> headers = new ArrayList<>();
        Located h = c.fields.get("headers");
        if (h != null) {
            object(h, "\"headers\" (names to values)");
            for (Map.Entry<String, Located> e : h.fields.entrySet()) {
                headers.add(new HttpHeader(e.getKey(), scalar(e.getValue(), "header " + e.getKey())));
            }
        }
        List<String> subprotocols = new ArrayList<>();
        Located s = c.fields.get("subprotocols");
        if (s != null) {
            if (!s.isArray()) {
                throw error(s.at, "\"subprotocols\" is a list of names");
            }
            for (Located item : s.items) {
                subprotocols.add(string(item, "a subprotocol"));
            }
        }
        return new ScenarioConnection(name, profile, url, headers, subprotocols, c.at);
    }

    private List<Step> steps(Located list, String inheritedOn) throws ScenarioFormatException {
        if (!list.isArray()) {
            throw error(list.at, "\"steps\" is a list of steps");
        }
        List<Step> steps = new ArrayList<>();
        for (Located item : list.items) {
            steps.add(step(item, inheritedOn));
        }
        return steps;
    }

    private Step step(Located s, String inheritedOn) throws ScenarioFormatException {
        object(s, "a step");
        List<String> kinds = s.fields.keySet().stream().filter(KINDS::contains)
                .filter(k -> !(k.equals("capture") && s.fields.containsKey("expect"))).toList(); // expect's capture
        if (kinds.size() != 1) {
            throw error(s.at, kinds.isEmpty() ? "a step needs one of " + String.join(", ", sorted(KINDS))
                    : "a step does one thing, this one has " + String.join(" and ", kinds));
        }
        String kind = kinds.get(0);
        Located v = s.fields.get(kind);
        Position at = s.nameAt(kind);
        String on = inheritedOn;
        if (s.fields.containsKey("on")) {
            on = string(s.fields.get("on"), "on");
            if (!connections.containsKey(on)) {
                throw error(s.fields.get("on").at, "no connection named \"" + on + "\" (there are: "
                        + String.join(", ", connections.keySet()) + ")");
            }
        }
        Set<String> allowed = switch (kind) {
            case "expect" -> Set.of("expect", "on", "timeoutMs", "capture");
            case "anyOrder", "expectPong", "expectClose" -> Set.of(kind, "on", "timeoutMs");
            case "expectNo" -> Set.of(kind, "on", "forMs");
            case "repeat" -> Set.of(kind, "on", "steps", "as");
            default -> Set.of(kind, "on");
        };
        known(s, allowed, "the members of a " + kind + " step");
        long timeout = s.fields.containsKey("timeoutMs") ? millis(s.fields.get("timeoutMs"), "timeoutMs") : defaultTimeout;
        return switch (kind) {
            case "send" -> send(on, at, v);
            case "expect" -> new Step.Expect(on, at, matcher(v), timeout, captures(s.fields.get("capture")));
            case "anyOrder" -> anyOrder(on, at, v, timeout);
            case "expectNo" -> new Step.ExpectNo(on, at, matcher(v),
                    s.fields.containsKey("forMs") ? millis(s.fields.get("forMs"), "forMs") : 1000);
            case "capture" -> new Step.Capture(on, at, captures(v));
            case "wait" -> new Step.Wait(on, at, millis(v, "wait"));
            case "ping" -> new Step.Ping(on, at, v.value.isNull() ? "" : v.isObject() ? "" : scalar(v, "ping"));
            case "expectPong" -> new Step.ExpectPong(on, at, v.value.isNull() || v.isObject() ? null
                    : scalar(v, "expectPong"), timeout);
            case "close" -> close(on, at, v);
            case "expectClose" -> new Step.ExpectClose(on, at, v.value.isNull() ? -1 : v.isObject()
                    ? (v.fields.containsKey("code") ? (int) integer(v.fields.get("code"), "code", 1000, 4999) : -1)
                    : (int) integer(v, "expectClose", 1000, 4999), timeout);
            case "latency" -> new Step.Latency(on, at, v.isObject() && v.fields.containsKey("maxMs")
                    ? millis(v.fields.get("maxMs"), "maxMs") : millis(v, "latency"));
            case "repeat" -> repeat(on, at, s, v);
            default -> throw new IllegalStateException(kind);
        };
    }

    private Step send(String on, Position at, Located v) throws ScenarioFormatException {
        MessageMode mode = MessageMode.TEXT;
        Located body = v;
        if (v.isObject() && v.fields.containsKey("format")) {
            return formatted(on, at, v);
        }
        if (v.isObject()) {
            known(v, Set.of("text", "json", "hex", "base64"), "a send's message (one of)");
            if (v.fields.size() != 1) {
                throw error(v.at, "a send has one of \"text\", \"json\", \"hex\" or \"base64\"");
            }
            String key = v.fields.keySet().iterator().next();
            mode = MessageMode.valueOf(key.toUpperCase(Locale.ROOT));
            body = v.fields.get(key);
        }
        String text = mode == MessageMode.JSON && !body.value.isTextual() ? body.value.toString() : scalar(body, "send");
        checkTemplate(text, body);
        if (Templates.referencedNames(text).isEmpty()) {
            String problem = MessageParser.problem(mode, text);
            if (problem != null) {
                throw error(body.at, problem);
            }
        }
        return new Step.Send(on, at, mode, text);
    }

    /** {@code {"format": "msgpack", "body": {…} or "…", "params": {"event": "chat"}}}: a message the composer's formats make. */
    private Step formatted(String on, Position at, Located v) throws ScenarioFormatException {
        known(v, Set.of("format", "body", "params"), "a send in a format");
        Located id = v.fields.get("format");
        String name = scalar(id, "format");
        MessageFormat format = MessageFormat.byId(name).orElseThrow(() -> error(id.at,
                "unknown format \"" + name + "\" (one of " + String.join(", ", MessageFormat.ids()) + ")"));
        Located body = v.fields.get("body");
        String text = body == null ? "" : body.value.isTextual() ? body.value.asText() : body.value.toString();
        if (body != null) {
            checkTemplate(text, body);
        }
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        Located given = v.fields.get("params");
        if (given != null) {
            if (!given.isObject()) {
                throw error(given.at, "\"params\" is an object of the format's inputs, e.g. {\"event\": \"chat\"}");
            }
            Set<String> names = new java.util.HashSet<>();
            format.params().forEach(p -> names.add(p.name()));
            for (var e : given.fields.entrySet()) {
                if (!names.contains(e.getKey())) {
                    throw error(e.getValue().at, "\"" + e.getKey() + "\" is no input of " + format.label()
                            + (names.isEmpty() ? " (it has none)" : " (" + String.join(", ", new java.util.TreeSet<>(names)) + ")"));
                }
                String value = e.getValue().value.isTextual() ? e.getValue().value.asText() : e.getValue().value.toString();
                checkTemplate(value, e.getValue());
                params.put(e.getKey(), value);
            }
        }
        return new Step.Send(on, at, MessageMode.PROTOCOL, text, format.id(), params);
    }

    private Step anyOrder(String on, Position at, Located v, long timeout) throws ScenarioFormatException {
        if (!v.isArray() || v.items.isEmpty()) {
            throw error(v.at, "\"anyOrder\" is a list of matchers");
        }
        List<Step.Expect> expects = new ArrayList<>();
        for (Located item : v.items) {
            Map<String, String> captures = Map.of();
            if (item.isObject() && item.fields.containsKey("capture")) {
                captures = captures(item.fields.get("capture"));
            }
            expects.add(new Step.Expect(on, item.at, matcher(item), timeout, captures));
        }
        return new Step.AnyOrder(on, at, expects, timeout);
    }

    private Step close(String on, Position at, Located v) throws ScenarioFormatException {
        if (v.isObject()) {
            known(v, Set.of("code", "reason"), "a close's members");
            int code = v.fields.containsKey("code") ? (int) integer(v.fields.get("code"), "code", 1000, 4999) : 1000;
            String reason = v.fields.containsKey("reason") ? string(v.fields.get("reason"), "reason") : "";
            return new Step.Close(on, at, code, reason);
        }
        return new Step.Close(on, at, v.value.isNull() ? 1000 : (int) integer(v, "close", 1000, 4999), "");
    }

    private Step repeat(String on, Position at, Located s, Located v) throws ScenarioFormatException {
        int times = (int) integer(v, "repeat", 1, 10_000_000);
        String as = "";
        if (s.fields.containsKey("as")) {
            as = string(s.fields.get("as"), "as");
            variableName(as, s.fields.get("as").at);
        }
        Located steps = s.fields.get("steps");
        if (steps == null) {
            throw error(at, "a repeat needs \"steps\"");
        }
        return new Step.Repeat(on, at, times, as, steps(steps, on));
    }

    /**
     * Reads a matcher written as in an {@code expect} (text, contains, regex, json, schema, decoded, filter, binary),
     * for other files that match messages the same way (mock server rules, {@code core.mock}); {@code file} names
     * it in errors.
     */
    public static Matcher readMatcher(String file, Located m) throws ScenarioFormatException {
        return new ScenarioReader(file).matcher(m);
    }

    private Matcher matcher(Located m) throws ScenarioFormatException {
        if (m.value.isTextual()) {
            checkTemplate(m.value.asText(), m);
            return new Matcher(m.value.asText(), null, null, null, null, null, null, null, null);
        }
        if (m.value.isNull()) {
            return new Matcher(null, null, null, null, null, null, null, null, null);
        }
        object(m, "a matcher (text, contains, regex, json, schema, decoded, filter, binary)");
        Set<String> keys = new java.util.HashSet<>(MATCH_KEYS);
        keys.add("capture");
        known(m, keys, "a matcher's members");
        String text = m.fields.containsKey("text") ? scalar(m.fields.get("text"), "text") : null;
        String contains = m.fields.containsKey("contains") ? scalar(m.fields.get("contains"), "contains") : null;
        checkTemplate(text, m.fields.get("text"));
        checkTemplate(contains, m.fields.get("contains"));
        Pattern regex = null;
        if (m.fields.containsKey("regex")) {
            Located r = m.fields.get("regex");
            try {
                regex = Pattern.compile(string(r, "regex"));
            } catch (PatternSyntaxException e) {
                throw error(r.at, "the regex does not compile: " + e.getDescription() + " at index " + e.getIndex());
            }
        }
        Map<String, JsonNode> json = paths(m.fields.get("json"), "json");
        Map<String, JsonNode> decoded = paths(m.fields.get("decoded"), "decoded");
        JsonNode schema = null;
        if (m.fields.containsKey("schema")) {
            Located sc = m.fields.get("schema");
            String unsupported = JsonSchemaSubset.unsupported(sc.value, "schema");
            if (unsupported != null) {
                throw error(sc.at, unsupported);
            }
            schema = sc.value;
        }
        String filterText = null;
        dev.wsinspector.core.filter.BoundFilter filter = null;
        if (m.fields.containsKey("filter")) {
            Located f = m.fields.get("filter");
            filterText = string(f, "filter");
            try {
                filter = Filter.compile(filterText, FilterContext.defaults());
            } catch (FilterSyntaxException e) {
                throw error(f.at, "the filter is wrong at character " + (e.position() + 1) + ": " + e.problem());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw error(f.at, "the filter cannot be used here: " + e.getMessage());
            }
        }
        Boolean binary = null;
        if (m.fields.containsKey("binary")) {
            Located b = m.fields.get("binary");
            if (!b.value.isBoolean()) {
                throw error(b.at, "\"binary\" is true or false");
            }
            binary = b.value.asBoolean();
        }
        return new Matcher(text, contains, regex, json, schema, decoded, filterText, filter, binary);
    }

    private Map<String, JsonNode> paths(Located l, String what) throws ScenarioFormatException {
        Map<String, JsonNode> paths = new LinkedHashMap<>();
        if (l == null) {
            return paths;
        }
        object(l, "\"" + what + "\" (JSON paths to values)");
        for (Map.Entry<String, Located> e : l.fields.entrySet()) {
            String path = e.getKey().startsWith("$") ? e.getKey() : "$." + e.getKey();
            path(path, l.nameAt(e.getKey()));
            paths.put(path, e.getValue().value);
        }
        return paths;
    }

    private Map<String, String> captures(Located l) throws ScenarioFormatException {
        Map<String, String> captures = new LinkedHashMap<>();
        if (l == null) {
            return captures;
        }
        object(l, "\"capture\" (variable names to JSON paths)");
        for (Map.Entry<String, Located> e : l.fields.entrySet()) {
            variableName(e.getKey(), l.nameAt(e.getKey()));
            String path = string(e.getValue(), "capture " + e.getKey());
            path(path, e.getValue().at);
            captures.put(e.getKey(), path);
        }
        return captures;
    }

    private void path(String path, Position at) throws ScenarioFormatException {
        try {
            JsonPaths.parse(path);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private void checkTemplate(String template, Located at) throws ScenarioFormatException {
        if (template == null) {
            return;
        }
        try {
            Templates.referencedNames(template);
        } catch (TemplateException e) {
            throw error(at.at, e.getMessage());
        }
    }

    private void variableName(String name, Position at) throws ScenarioFormatException {
        if (!VARIABLE.matcher(name).matches()) {
            throw error(at, "\"" + name + "\" is no variable name (letters, digits, _ . -)");
        }
    }

    private void object(Located l, String what) throws ScenarioFormatException {
        if (!l.isObject()) {
            throw error(l.at, what + " is an object");
        }
    }

    private void known(Located l, Set<String> allowed, String what) throws ScenarioFormatException {
        for (String k : l.fields.keySet()) {
            if (!allowed.contains(k)) {
                throw error(l.nameAt(k), "unknown member \"" + k + "\" (" + what + ": "
                        + String.join(", ", sorted(allowed)) + ")");
            }
        }
    }

    private String string(Located l, String what) throws ScenarioFormatException {
        if (!l.value.isTextual()) {
            throw error(l.at, "\"" + what + "\" is a string");
        }
        return l.value.asText();
    }

    /** A string, number or boolean as text (variables and headers may be written unquoted in YAML). */
    private String scalar(Located l, String what) throws ScenarioFormatException {
        if (!l.value.isValueNode() || l.value.isNull()) {
            throw error(l.at, "\"" + what + "\" is a string");
        }
        return l.value.asText();
    }

    private long integer(Located l, String what, long min, long max) throws ScenarioFormatException {
        if (!l.value.isIntegralNumber() || !l.value.canConvertToLong() || l.value.asLong() < min
                || l.value.asLong() > max) {
            throw error(l.at, "\"" + what + "\" is a whole number from " + min + " to " + max);
        }
        return l.value.asLong();
    }

    private long millis(Located l, String what) throws ScenarioFormatException {
        if (!l.value.isIntegralNumber() || l.value.asLong() < 0 || l.value.asLong() > MAX_MILLIS) {
            throw error(l.at, "\"" + what + "\" is a whole number of milliseconds from 0 to " + MAX_MILLIS);
        }
        return l.value.asLong();
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private ScenarioFormatException error(Position at, String problem) {
        return new ScenarioFormatException(file, at, problem);
    }
}
