package dev.wsinspector.core.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.session.ProxyOptions;
import dev.wsinspector.core.session.ReconnectPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profile file format: one pretty-printed JSON object per profile. Field names are a contract (see
 * issue 4 / README): add fields freely, never rename. Fields this version does not know are kept in
 * {@link UnknownFields} and written back, at every level that has a fixed place (top level, tls, proxy,
 * reconnect, each header, query parameter and message).
 *
 * <pre>
 * {"schemaVersion":1, "name":…, "folder":…, "url":…,
 *  "queryParams":[{"name","value","secret"}], "headers":[{"name","value","secret"}], "subprotocols":[…],
 *  "deflate":false, "connectTimeoutMs":10000,
 *  "tls":{"mode":"verify"|"trustCertificate"|"insecure", "caFile", "pinnedCertificateFile", "pinnedSha256",
 *         "clientCertificateFile", "clientKeyFile"},
 *  "proxy":{"type":"none"|"http"|"socks5", "host", "port", "username", "password"},
 *  "reconnect":{"enabled", "maxAttempts", "initialBackoffMs", "maxBackoffMs", "jitter"},
 *  "pingIntervalMs":60000, "maxMessageSize":67108864, "lenient":false (written only when true),
 *  "protocol":"socket.io"|"signalr"|"graphql-ws"|"stomp"|"mqtt" (absent: raw),
 *  "decoder":"auto"|"none"|"msgpack"|… and "protobuf":{"descriptorSet":"schemas/app.desc","messageType":"pkg.Msg"}
 *  (each written only when not the default), "notes":…, "variables":{…}, "environments":{"env":{…}},
 *  "messages":[{"name","description","type":"text"|"json"|"hex"|"base64"|"protocol","body","sendOnConnect",
 *               "format":{"id":"msgpack"|"socket.io-event"|…,"params":{"event":…}} (type protocol only)}],
 *  "filters":[{"name","expression"}] (written only when there are some)}
 * </pre>
 * Only {@code url} is required ({@code name} defaults to the file name); {@code schemaVersion} missing means 1.
 */
public final class ProfileJson {

    public static final int CURRENT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final List<String> TOP = List.of("schemaVersion", "name", "folder", "url", "queryParams",
            "headers", "subprotocols", "deflate", "connectTimeoutMs", "tls", "proxy", "reconnect", "pingIntervalMs",
            "maxMessageSize", "lenient", "decoder", "protobuf", "protocol", "notes", "variables", "environments", "messages",
            "filters");
    private static final List<String> HEADER = List.of("name", "value", "secret");
    private static final List<String> TLS = List.of("mode", "caFile", "pinnedCertificateFile", "pinnedSha256",
            "clientCertificateFile", "clientKeyFile");
    private static final List<String> PROXY = List.of("type", "host", "port", "username", "password");
    private static final List<String> RECONNECT = List.of("enabled", "maxAttempts", "initialBackoffMs",
            "maxBackoffMs", "jitter");
    private static final List<String> MESSAGE = List.of("name", "description", "type", "body", "sendOnConnect",
            "format");
    /** Sections whose own unknown fields are kept under their name inside the profile's {@link UnknownFields}. */
    private static final List<String> PROTOBUF = List.of("descriptorSet", "messageType");
    private static final List<String> SECTIONS = List.of("tls", "proxy", "reconnect", "protobuf");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    /** What was read from a file. */
    public record Decoded(ConnectionProfile profile, int fileVersion) {
        /** True when the file is newer than this version: show it, never write it. */
        public boolean readOnly() {
            return fileVersion > CURRENT_VERSION;
        }
    }

    private ProfileJson() {
    }

    /**
     * Reads a profile file.
     *
     * @param fallbackName name used when the file has none (its file name without {@code .json})
     * @throws UnsupportedVersionException for a version with no migration path, or a newer one whose content
     *                                     cannot be read at all
     * @throws ProfileFormatException      for anything else that is not a profile
     */
    public static Decoded read(byte[] bytes, String fallbackName, List<ProfileMigration> migrations)
            throws ProfileFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ProfileFormatException("Not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProfileFormatException("Cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ProfileFormatException("A profile file must hold one JSON object");
        }
        ObjectNode root = (ObjectNode) tree;
        JsonNode versionNode = root.get("schemaVersion");
        if (versionNode != null && !versionNode.isIntegralNumber()) {
            throw new ProfileFormatException("\"schemaVersion\" must be a whole number");
        }
        int version = versionNode == null ? CURRENT_VERSION : versionNode.intValue();
        root = migrate(root, version, migrations);
        if (version > CURRENT_VERSION) {
            try {
                return new Decoded(decode(root, fallbackName), version);
            } catch (ProfileFormatException e) {
                throw new UnsupportedVersionException(newerMessage(version) + "; its content cannot be read by this"
                        + " version (" + e.getMessage() + ")", version);
            }
        }
        return new Decoded(decode(root, fallbackName), version);
    }

    static String newerMessage(int version) {
        return "Written by a newer WS Inspector (schemaVersion " + version + "; this version understands up to "
                + CURRENT_VERSION + ")";
    }

    private static ObjectNode migrate(ObjectNode root, int version, List<ProfileMigration> migrations)
            throws UnsupportedVersionException {
        ObjectNode current = root;
        for (int v = version; v < CURRENT_VERSION; v++) {
            ProfileMigration step = null;
            for (ProfileMigration m : migrations) {
                if (m.fromVersion() == v) {
                    step = m;
                }
            }
            if (step == null) {
                throw new UnsupportedVersionException("schemaVersion " + version + " is not supported (no migration"
                        + " from version " + v + ")", version);
            }
            current = step.migrate(current);
            current.put("schemaVersion", v + 1);
        }
        return current;
    }

    /** The file text of {@code profile}: pretty-printed, two-space indent, a final new line. */
    public static byte[] write(ConnectionProfile profile) {
        return toBytes(toJson(profile, true));
    }

    /**
     * The file text for an export: without {@code includeSecrets}, the values of secret headers and query
     * parameters, the proxy password, and every variable that a secret value refers to (as in
     * {@code "Bearer {{token}}"}) are written empty, so the export can be shared and the receiver fills them in.
     */
    public static byte[] writeExport(ConnectionProfile profile, boolean includeSecrets) {
        return toBytes(toJson(profile, includeSecrets));
    }

    private static byte[] toBytes(ObjectNode node) {
        try {
            return (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    // ---- decoding ----

    private static ConnectionProfile decode(ObjectNode root, String fallbackName) throws ProfileFormatException {
        String name = string(root, "name", "", fallbackName);
        if (!root.has("url")) {
            throw new ProfileFormatException("\"url\" is missing");
        }
        ObjectNode unknown = unknownOf(root, TOP);
        for (String section : SECTIONS) {
            if (root.get(section) instanceof ObjectNode s) {
                ObjectNode extra = unknownOf(s, section.equals("tls") ? TLS : section.equals("proxy") ? PROXY
                        : section.equals("protobuf") ? PROTOBUF : RECONNECT);
                if (!extra.isEmpty()) {
                    unknown.set(section, extra);
                }
            }
        }
        ConnectionProfile.Builder b = ConnectionProfile.builder(name, string(root, "url", "", null))
                .folder(string(root, "folder", "", ""))
                .queryParams(queryParams(root))
                .headers(headers(root))
                .subprotocols(strings(root, "subprotocols"))
                .deflate(bool(root, "deflate", "", false))
                .connectTimeout(millis(root, "connectTimeoutMs", "", Duration.ofSeconds(10)))
                .tls(tls(root))
                .proxy(proxy(root))
                .reconnect(reconnect(root))
                .pingInterval(millis(root, "pingIntervalMs", "", Duration.ofSeconds(60)))
                .maxMessageSize(positiveInt(root, "maxMessageSize", "", 64 * 1024 * 1024))
                .lenient(bool(root, "lenient", "", false))
                .decoder(decoder(root))
                .protocol(string(root, "protocol", "", ""))
                .notes(string(root, "notes", "", ""))
                .variables(variables(root.get("variables"), "variables"))
                .environments(environments(root))
                .messages(messages(root))
                .filters(filters(root))
                .unknown(UnknownFields.of(unknown));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(e.getMessage(), e);
        }
    }

    private static ProfileDecoder decoder(ObjectNode root) throws ProfileFormatException {
        String choice = string(root, "decoder", "", "");
        String descriptorSet = "";
        String messageType = "";
        JsonNode pb = root.get("protobuf");
        if (pb != null && !pb.isNull()) {
            if (!(pb instanceof ObjectNode o)) {
                throw new ProfileFormatException("\"protobuf\" must be an object");
            }
            descriptorSet = string(o, "descriptorSet", "protobuf.", "");
            messageType = string(o, "messageType", "protobuf.", "");
        }
        try {
            return new ProfileDecoder(choice, descriptorSet, messageType);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("\"decoder\": " + e.getMessage(), e);
        }
    }

    private static List<QueryParam> queryParams(ObjectNode root) throws ProfileFormatException {
        List<QueryParam> out = new ArrayList<>();
        int i = 0;
        for (ObjectNode p : objects(root, "queryParams")) {
            String at = "queryParams[" + i++ + "].";
            out.add(new QueryParam(string(p, "name", at, null), string(p, "value", at, ""),
                    bool(p, "secret", at, false), UnknownFields.of(unknownOf(p, HEADER))));
        }
        return out;
    }

    private static List<ProfileHeader> headers(ObjectNode root) throws ProfileFormatException {
        List<ProfileHeader> out = new ArrayList<>();
        int i = 0;
        for (ObjectNode h : objects(root, "headers")) {
            String at = "headers[" + i++ + "].";
            String name = string(h, "name", at, null);
            if (name.isBlank()) {
                throw new ProfileFormatException("\"" + at + "name\" is empty");
            }
            out.add(new ProfileHeader(name, string(h, "value", at, ""),
                    bool(h, "secret", at, false), UnknownFields.of(unknownOf(h, HEADER))));
        }
        return out;
    }

    private static TlsSettings tls(ObjectNode root) throws ProfileFormatException {
        ObjectNode t = object(root, "tls");
        if (t == null) {
            return TlsSettings.VERIFY;
        }
        String modeName = string(t, "mode", "tls.", "verify");
        TlsMode mode = switch (modeName) {
            case "verify" -> TlsMode.VERIFY;
            case "trustCertificate" -> TlsMode.TRUST_CERTIFICATE;
            case "insecure" -> TlsMode.INSECURE;
            default -> throw new ProfileFormatException("\"tls.mode\" must be verify, trustCertificate or insecure,"
                    + " got '" + modeName + "'");
        };
        return new TlsSettings(mode, string(t, "caFile", "tls.", ""), string(t, "pinnedCertificateFile", "tls.", ""),
                string(t, "pinnedSha256", "tls.", ""), string(t, "clientCertificateFile", "tls.", ""),
                string(t, "clientKeyFile", "tls.", ""));
    }

    private static ProxyOptions proxy(ObjectNode root) throws ProfileFormatException {
        ObjectNode p = object(root, "proxy");
        if (p == null) {
            return ProxyOptions.NONE;
        }
        String typeName = string(p, "type", "proxy.", "none");
        ProxyOptions.Type type = switch (typeName) {
            case "none" -> ProxyOptions.Type.NONE;
            case "http" -> ProxyOptions.Type.HTTP;
            case "socks5" -> ProxyOptions.Type.SOCKS5;
            default -> throw new ProfileFormatException("\"proxy.type\" must be none, http or socks5, got '"
                    + typeName + "'");
        };
        try {
            return new ProxyOptions(type, string(p, "host", "proxy.", ""), positiveOrZeroInt(p, "port", "proxy.", 0),
                    string(p, "username", "proxy.", ""), string(p, "password", "proxy.", ""));
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("\"proxy\": " + e.getMessage(), e);
        }
    }

    private static ReconnectPolicy reconnect(ObjectNode root) throws ProfileFormatException {
        ObjectNode r = object(root, "reconnect");
        ReconnectPolicy d = ReconnectPolicy.DISABLED;
        if (r == null) {
            return d;
        }
        double jitter = d.jitter();
        JsonNode j = r.get("jitter");
        if (j != null && !j.isNull()) {
            if (!j.isNumber() || j.doubleValue() < 0 || j.doubleValue() > 1) {
                throw new ProfileFormatException("\"reconnect.jitter\" must be a number from 0 to 1");
            }
            jitter = j.doubleValue();
        }
        try {
            return new ReconnectPolicy(bool(r, "enabled", "reconnect.", false),
                    positiveInt(r, "maxAttempts", "reconnect.", d.maxAttempts()),
                    millis(r, "initialBackoffMs", "reconnect.", d.initialBackoff()),
                    millis(r, "maxBackoffMs", "reconnect.", d.maxBackoff()), jitter);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("\"reconnect\": " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, String>> environments(ObjectNode root) throws ProfileFormatException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        ObjectNode envs = object(root, "environments");
        if (envs != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = envs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), variables(e.getValue(), "environments." + e.getKey()));
            }
        }
        return out;
    }

    /** Variable values are text; numbers and booleans written by hand are taken as their text. */
    private static Map<String, String> variables(JsonNode node, String field) throws ProfileFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new ProfileFormatException("\"" + field + "\" must be an object of name: value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isValueNode()) {
                throw new ProfileFormatException("\"" + field + "." + e.getKey() + "\" must be a string");
            }
            out.put(e.getKey(), v.isNull() ? "" : v.asText());
        }
        return out;
    }

    private static List<SavedMessage> messages(ObjectNode root) throws ProfileFormatException {
        List<SavedMessage> out = new ArrayList<>();
        int i = 0;
        for (ObjectNode m : objects(root, "messages")) {
            String at = "messages[" + i++ + "].";
            String typeName = string(m, "type", at, "text");
            MessageMode type = switch (typeName) {
                case "text" -> MessageMode.TEXT;
                case "json" -> MessageMode.JSON;
                case "hex" -> MessageMode.HEX;
                case "base64" -> MessageMode.BASE64;
                case "protocol" -> MessageMode.PROTOCOL;
                default -> throw new ProfileFormatException("\"" + at + "type\" must be text, json, hex, base64 or"
                        + " protocol, got '" + typeName + "'");
            };
            SavedMessage.Format format = SavedMessage.Format.NONE;
            ObjectNode f = object(m, "format");
            if (type == MessageMode.PROTOCOL) {
                if (f == null) {
                    throw new ProfileFormatException("\"" + at + "format\" must name the format of a protocol message");
                }
                java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
                ObjectNode ps = object(f, "params");
                if (ps != null) {
                    for (java.util.Map.Entry<String, JsonNode> e : ps.properties()) {
                        params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
                    }
                }
                format = new SavedMessage.Format(string(f, "id", at + "format.", ""), params);
            }
            out.add(new SavedMessage(string(m, "name", at, ""), string(m, "description", at, ""), type,
                    string(m, "body", at, ""), bool(m, "sendOnConnect", at, false),
                    UnknownFields.of(unknownOf(m, MESSAGE)), format));
        }
        return out;
    }

    private static List<SavedFilter> filters(ObjectNode root) throws ProfileFormatException {
        List<SavedFilter> out = new ArrayList<>();
        int i = 0;
        for (ObjectNode f : objects(root, "filters")) {
            String at = "filters[" + i++ + "].";
            out.add(new SavedFilter(string(f, "name", at, ""), string(f, "expression", at, "")));
        }
        return out;
    }

    private static ObjectNode unknownOf(ObjectNode node, List<String> known) {
        ObjectNode unknown = MAPPER.createObjectNode();
        node.fields().forEachRemaining(e -> {
            if (!known.contains(e.getKey())) {
                unknown.set(e.getKey(), e.getValue());
            }
        });
        return unknown;
    }

    private static String string(ObjectNode node, String field, String at, String dflt) throws ProfileFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (dflt == null) {
                throw new ProfileFormatException("\"" + at + field + "\" is missing");
            }
            return dflt;
        }
        if (!v.isTextual()) {
            throw new ProfileFormatException("\"" + at + field + "\" must be a string");
        }
        return v.textValue();
    }

    private static boolean bool(ObjectNode node, String field, String at, boolean dflt) throws ProfileFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new ProfileFormatException("\"" + at + field + "\" must be true or false");
        }
        return v.booleanValue();
    }

    private static int positiveInt(ObjectNode node, String field, String at, int dflt) throws ProfileFormatException {
        int value = positiveOrZeroInt(node, field, at, dflt);
        if (value == 0) {
            throw new ProfileFormatException("\"" + at + field + "\" must be more than 0");
        }
        return value;
    }

    private static int positiveOrZeroInt(ObjectNode node, String field, String at, int dflt) throws ProfileFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new ProfileFormatException("\"" + at + field + "\" must be a whole number, 0 or more");
        }
        return v.intValue();
    }

    private static Duration millis(ObjectNode node, String field, String at, Duration dflt) throws ProfileFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new ProfileFormatException("\"" + at + field + "\" must be a whole number of milliseconds, 0 or more");
        }
        return Duration.ofMillis(v.longValue());
    }

    private static List<String> strings(ObjectNode node, String field) throws ProfileFormatException {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ProfileFormatException("\"" + field + "\" must be a list of strings");
        }
        for (JsonNode s : v) {
            if (!s.isTextual()) {
                throw new ProfileFormatException("\"" + field + "\" must be a list of strings");
            }
            out.add(s.textValue());
        }
        return out;
    }

    private static ObjectNode object(ObjectNode node, String field) throws ProfileFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new ProfileFormatException("\"" + field + "\" must be an object");
        }
        return (ObjectNode) v;
    }

    private static List<ObjectNode> objects(ObjectNode node, String field) throws ProfileFormatException {
        List<ObjectNode> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ProfileFormatException("\"" + field + "\" must be a list");
        }
        for (JsonNode o : v) {
            if (!o.isObject()) {
                throw new ProfileFormatException("\"" + field + "\" must be a list of objects");
            }
            out.add((ObjectNode) o);
        }
        return out;
    }

    // ---- encoding ----

    private static ObjectNode toJson(ConnectionProfile p, boolean includeSecrets) {
        Set<String> secretVariables = includeSecrets ? Set.of() : secretVariables(p);
        ObjectNode unknown = p.unknown().toJson();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", CURRENT_VERSION);
        root.put("name", p.name());
        root.put("folder", p.folder());
        root.put("url", p.url());
        ArrayNode params = root.putArray("queryParams");
        for (QueryParam q : p.queryParams()) {
            ObjectNode o = params.addObject();
            o.put("name", q.name());
            o.put("value", q.secret() && !includeSecrets ? "" : q.value());
            o.put("secret", q.secret());
            o.setAll(q.unknown().toJson());
        }
        ArrayNode headers = root.putArray("headers");
        for (ProfileHeader h : p.headers()) {
            ObjectNode o = headers.addObject();
            o.put("name", h.name());
            o.put("value", h.secret() && !includeSecrets ? "" : h.value());
            o.put("secret", h.secret());
            o.setAll(h.unknown().toJson());
        }
        ArrayNode subprotocols = root.putArray("subprotocols");
        p.subprotocols().forEach(subprotocols::add);
        root.put("deflate", p.deflate());
        root.put("connectTimeoutMs", p.connectTimeout().toMillis());
        root.set("tls", tlsJson(p.tls(), section(unknown, "tls")));
        root.set("proxy", proxyJson(p.proxy(), includeSecrets, section(unknown, "proxy")));
        root.set("reconnect", reconnectJson(p.reconnect(), section(unknown, "reconnect")));
        root.put("pingIntervalMs", p.pingInterval().toMillis());
        root.put("maxMessageSize", p.maxMessageSize());
        if (p.lenient()) {
            root.put("lenient", true); // strict is the default, so files of strict profiles stay as they were
        }
        ProfileDecoder decoder = p.decoder();
        if (!decoder.choice().isEmpty()) {
            root.put("decoder", decoder.choiceName());
        }
        ObjectNode protobuf = section(unknown, "protobuf");
        if (!decoder.descriptorSet().isEmpty() || !decoder.messageType().isEmpty() || !protobuf.isEmpty()) {
            ObjectNode pb = root.putObject("protobuf");
            if (!decoder.descriptorSet().isEmpty()) {
                pb.put("descriptorSet", decoder.descriptorSet());
            }
            if (!decoder.messageType().isEmpty()) {
                pb.put("messageType", decoder.messageType());
            }
            pb.setAll(protobuf);
        }
        if (!p.protocol().isEmpty()) {
            root.put("protocol", p.protocol()); // absent = raw, so files of raw profiles stay as they were
        }
        root.put("notes", p.notes());
        root.set("variables", variablesJson(p.variables(), secretVariables));
        ObjectNode envs = root.putObject("environments");
        p.environments().forEach((env, vars) -> envs.set(env, variablesJson(vars, secretVariables)));
        ArrayNode messages = root.putArray("messages");
        for (SavedMessage m : p.messages()) {
            ObjectNode o = messages.addObject();
            o.put("name", m.name());
            o.put("description", m.description());
            o.put("type", m.type().name().toLowerCase(Locale.ROOT));
            o.put("body", m.body());
            o.put("sendOnConnect", m.sendOnConnect());
            if (m.type() == MessageMode.PROTOCOL) {
                ObjectNode f = o.putObject("format");
                f.put("id", m.format().id());
                ObjectNode ps = f.putObject("params");
                m.format().params().forEach(ps::put);
            }
            o.setAll(m.unknown().toJson());
        }
        if (!p.filters().isEmpty()) { // absent means none: files without filters stay as they were
            ArrayNode filters = root.putArray("filters");
            for (SavedFilter f : p.filters()) {
                filters.addObject().put("name", f.name()).put("expression", f.expression());
            }
        }
        // Whatever else the file had goes last, unchanged (known names are never overwritten by it).
        unknown.fields().forEachRemaining(e -> {
            if (!root.has(e.getKey())) {
                root.set(e.getKey(), e.getValue());
            }
        });
        return root;
    }

    private static ObjectNode section(ObjectNode unknown, String name) {
        JsonNode extra = unknown.remove(name);
        return extra instanceof ObjectNode o ? o : MAPPER.createObjectNode();
    }

    private static ObjectNode tlsJson(TlsSettings t, ObjectNode extra) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("mode", switch (t.mode()) {
            case VERIFY -> "verify";
            case TRUST_CERTIFICATE -> "trustCertificate";
            case INSECURE -> "insecure";
        });
        putIfSet(o, "caFile", t.caFile());
        putIfSet(o, "pinnedCertificateFile", t.pinnedCertificateFile());
        putIfSet(o, "pinnedSha256", t.pinnedSha256());
        putIfSet(o, "clientCertificateFile", t.clientCertificateFile());
        putIfSet(o, "clientKeyFile", t.clientKeyFile());
        return addExtra(o, extra);
    }

    private static ObjectNode proxyJson(ProxyOptions p, boolean includeSecrets, ObjectNode extra) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", p.type().name().toLowerCase(Locale.ROOT));
        if (p.enabled()) {
            o.put("host", p.host());
            o.put("port", p.port());
            putIfSet(o, "username", p.username());
            putIfSet(o, "password", includeSecrets ? p.password() : "");
        }
        return addExtra(o, extra);
    }

    private static ObjectNode reconnectJson(ReconnectPolicy r, ObjectNode extra) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("enabled", r.enabled());
        o.put("maxAttempts", r.maxAttempts());
        o.put("initialBackoffMs", r.initialBackoff().toMillis());
        o.put("maxBackoffMs", r.maxBackoff().toMillis());
        o.put("jitter", r.jitter());
        return addExtra(o, extra);
    }

    private static ObjectNode addExtra(ObjectNode o, ObjectNode extra) {
        extra.fields().forEachRemaining(e -> {
            if (!o.has(e.getKey())) {
                o.set(e.getKey(), e.getValue());
            }
        });
        return o;
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (!value.isEmpty()) {
            o.put(field, value);
        }
    }

    private static ObjectNode variablesJson(Map<String, String> vars, Set<String> blank) {
        ObjectNode o = MAPPER.createObjectNode();
        vars.forEach((k, v) -> o.put(k, blank.contains(k) ? "" : v));
        return o;
    }

    /** Variables whose values end up in a secret header or query parameter: those values are secrets too. */
    static Set<String> secretVariables(ConnectionProfile p) {
        Set<String> names = new HashSet<>();
        List<String> secretValues = new ArrayList<>();
        p.headers().stream().filter(ProfileHeader::secret).forEach(h -> secretValues.add(h.value()));
        p.queryParams().stream().filter(QueryParam::secret).forEach(q -> secretValues.add(q.value()));
        secretValues.add(p.proxy().password());
        for (String value : secretValues) {
            Matcher m = VARIABLE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
