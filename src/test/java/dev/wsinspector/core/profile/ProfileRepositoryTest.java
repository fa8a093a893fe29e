package dev.wsinspector.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.session.ProxyOptions;
import dev.wsinspector.core.session.ReconnectPolicy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileRepositoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The minimal schema of issue 4, verbatim: a contract people write by hand. */
    static final String CONTRACT_EXAMPLE = """
            {"schemaVersion":1,"name":"Local echo","url":"ws://127.0.0.1:8080/",
             "headers":[{"name":"Authorization","value":"Bearer {{token}}","secret":true}],
             "subprotocols":["chat.v1"],"variables":{"token":"abc"},
             "messages":[{"name":"hello","type":"text","body":"hi {{counter}}","sendOnConnect":true}]}
            """;

    @TempDir
    Path dataDir;
    private Path profilesDir;
    private ProfileRepository repository;

    @BeforeEach
    void setUp() throws IOException {
        profilesDir = dataDir.resolve("profiles");
        repository = new ProfileRepository(dataDir);
        repository.reload();
    }

    static ConnectionProfile everyField() {
        return ConnectionProfile.builder("Staging API", "wss://{{host}}/socket")
                .folder("work/api")
                .queryParams(List.of(new QueryParam("v", "2"), new QueryParam("access_token", "{{token}}", true, null)))
                .headers(List.of(new ProfileHeader("Authorization", "Bearer {{token}}", true),
                        new ProfileHeader("X-Client", "inspector", false)))
                .subprotocols(List.of("chat.v2", "chat.v1"))
                .deflate(true)
                .connectTimeout(Duration.ofMillis(2500))
                .tls(new TlsSettings(TlsMode.TRUST_CERTIFICATE, "ca.pem", "server.pem", "AB:CD", "client.pem", "client.key"))
                .proxy(ProxyOptions.socks5("proxy.local", 1080).withCredentials("me", "pw"))
                .reconnect(ReconnectPolicy.of(7, Duration.ofMillis(250), Duration.ofSeconds(20), 0.5))
                .pingInterval(Duration.ZERO)
                .maxMessageSize(1024)
                .lenient(true)
                .decoder(new ProfileDecoder("protobuf", "schemas/app.desc", "demo.Reading"))
                .notes("line 1\nline 2")
                .variables(Map.of("host", "localhost:8080"))
                .environments(Map.of("staging", Map.of("host", "staging.example", "token", "s3cret")))
                .messages(List.of(
                        new SavedMessage("login", "log in first", MessageMode.JSON, "{\"token\":\"{{token}}\"}", true, null),
                        new SavedMessage("blob", "", MessageMode.HEX, "de ad", false, null),
                        new SavedMessage("b64", "", MessageMode.BASE64, "AAEC", true, null),
                        SavedMessage.formatted("chat", new SavedMessage.Format("socket.io-event",
                                Map.of("event", "chat:{{room}}", "expectAck", "true")), "[\"hi\"]")))
                .build();
    }

    private Path write(String fileName, String content) throws IOException {
        Files.createDirectories(profilesDir);
        Path file = profilesDir.resolve(fileName);
        Files.writeString(file, content);
        return file;
    }

    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static ObjectNode tree(Path file) throws IOException {
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    @Test
    void aProtocolMessageKeepsItsFormatInTheFileAndAMessageWithoutATypeIsText() throws Exception {
        StoredProfile stored = repository.create(everyField());
        ObjectNode saved = tree(profilesDir.resolve(stored.id()));
        assertThat(saved.get("messages").get(3).toString()).isEqualTo("{\"name\":\"chat\",\"description\":\"\","
                + "\"type\":\"protocol\",\"body\":\"[\\\"hi\\\"]\",\"sendOnConnect\":false,"
                + "\"format\":{\"id\":\"socket.io-event\",\"params\":" + saved.get("messages").get(3).get("format")
                .get("params") + "}}");
        assertThat(saved.get("messages").get(3).get("format").get("params").get("event").asText()).isEqualTo("chat:{{room}}");
        assertThat(saved.get("messages").get(0).has("format")).as("other types write no format").isFalse();

        write("old.json", """
                {"name":"old","url":"ws://h/","messages":[{"name":"m","body":"b"}]}""");
        ProfileRepository fresh = new ProfileRepository(dataDir);
        fresh.reload();
        SavedMessage old = fresh.get("old.json").orElseThrow().profile().messages().get(0);
        assertThat(old.type()).isEqualTo(MessageMode.TEXT);
        assertThat(old.format()).isEqualTo(SavedMessage.Format.NONE);
    }

    @Test
    void everyFieldSurvivesARoundTripThroughAFreshRepository() throws Exception {
        StoredProfile stored = repository.create(everyField());
        assertThat(stored.id()).isEqualTo("staging-api.json");

        ProfileRepository fresh = new ProfileRepository(dataDir);
        ReloadResult result = fresh.reload();

        assertThat(result.added()).containsExactly("staging-api.json");
        assertThat(result.problems()).isEmpty();
        assertThat(fresh.profiles()).singleElement().satisfies(p -> {
            assertThat(p.profile()).isEqualTo(everyField());
            assertThat(p.readOnly()).isFalse();
            assertThat(p.stamp()).isEqualTo(stored.stamp());
        });
        String text = Files.readString(stored.file());
        assertThat(text).startsWith("{\n  \"schemaVersion\" : 1,\n  \"name\" : \"Staging API\"").endsWith("}\n");
        // A normal save keeps secrets (it is the user's own file); only exports drop them.
        assertThat(text).contains("\"value\" : \"Bearer {{token}}\"", "\"password\" : \"pw\"", "\"token\" : \"s3cret\"");
        assertThat(text).contains("\"lenient\" : true");
        assertThat(text).contains("\"decoder\" : \"protobuf\"", "\"protobuf\" : {\n    \"descriptorSet\" : \"schemas/app.desc\",\n"
                + "    \"messageType\" : \"demo.Reading\"\n  }");
    }

    @Test
    void theDecoderIsWrittenOnlyWhenNotAutoAndABadOneIsReported() throws Exception {
        StoredProfile auto = repository.create(everyField().toBuilder().name("Auto").decoder(ProfileDecoder.AUTO).build());
        assertThat(Files.readString(auto.file())).doesNotContain("decoder").doesNotContain("protobuf");
        write("none.json", "{\"name\":\"Plain\",\"url\":\"ws://127.0.0.1/\",\"decoder\":\"NONE\","
                + "\"protobuf\":{\"messageType\":\"a.B\",\"note\":\"kept\"}}");
        write("bad.json", "{\"name\":\"Bad\",\"url\":\"ws://127.0.0.1/\",\"decoder\":\"xml\"}");
        repository.reload();
        StoredProfile plain = repository.find("Plain");
        assertThat(plain.profile().decoder()).isEqualTo(new ProfileDecoder("none", "", "a.B"));
        assertThat(repository.problems()).singleElement().satisfies(p -> assertThat(p.describe())
                .contains("bad.json").contains("unknown decoder 'xml'"));
        repository.save(plain, plain.profile().withName("Plain 2"));
        ObjectNode saved = tree(profilesDir.resolve("none.json"));
        assertThat(saved.get("decoder").asText()).isEqualTo("none");
        assertThat(saved.get("protobuf").toString()).isEqualTo("{\"messageType\":\"a.B\",\"note\":\"kept\"}");
    }

    @Test
    void theProtocolIsWrittenOnlyWhenNotRawAndABadOneIsReported() throws Exception {
        StoredProfile raw = repository.create(everyField().toBuilder().name("Raw").protocol("raw").build());
        assertThat(raw.profile().protocol()).isEmpty();
        assertThat(tree(raw.file()).has("protocol")).as("no top-level protocol field").isFalse();
        StoredProfile sio = repository.create(everyField().toBuilder().name("Sio").protocol("Socket.IO").build());
        assertThat(tree(sio.file()).get("protocol").asText()).isEqualTo("socket.io");
        write("xmpp.json", "{\"name\":\"X\",\"url\":\"ws://127.0.0.1/\",\"protocol\":\"xmpp\"}");
        repository.reload();
        assertThat(repository.find("Sio").profile().protocol()).isEqualTo("socket.io");
        assertThat(repository.problems()).singleElement().satisfies(p -> assertThat(p.describe())
                .contains("xmpp.json").contains("unknown protocol \"xmpp\""));
    }

    @Test
    void aStrictProfileIsWrittenWithoutTheLenientField() throws Exception {
        StoredProfile stored = repository.create(everyField().toBuilder().name("Strict").lenient(false).build());
        assertThat(Files.readString(stored.file())).doesNotContain("lenient");
        write("lenient.json", "{\"name\":\"Loose\",\"url\":\"ws://127.0.0.1/\",\"lenient\":true}");
        repository.reload();
        assertThat(repository.find("Loose").profile().lenient()).isTrue();
        assertThat(repository.find("Strict").profile().lenient()).isFalse();
    }

    @Test
    void readsTheContractExampleOfTheIssue() throws Exception {
        write("whatever-name.json", CONTRACT_EXAMPLE);
        repository.reload();

        ConnectionProfile p = repository.find("Local echo").profile();
        assertThat(p.url()).isEqualTo("ws://127.0.0.1:8080/");
        assertThat(p.headers()).containsExactly(new ProfileHeader("Authorization", "Bearer {{token}}", true));
        assertThat(p.subprotocols()).containsExactly("chat.v1");
        assertThat(p.variables()).containsExactly(Map.entry("token", "abc"));
        assertThat(p.messages()).containsExactly(
                new SavedMessage("hello", "", MessageMode.TEXT, "hi {{counter}}", true, null));
        assertThat(repository.find("whatever-name").name()).isEqualTo("Local echo");
    }

    @Test
    void fieldsThisVersionDoesNotKnowAreWrittenBackAtEveryLevel() throws Exception {
        Path file = write("hand.json", """
                {"schemaVersion":1, "name":"Hand made", "url":"ws://x/", "x-team":{"owner":"ops"},
                 "tls":{"mode":"verify","comment":"ask ops for the CA"},
                 "proxy":{"type":"none","pac":"http://wpad/"},
                 "headers":[{"name":"X-A","value":"1","secret":false,"note":"keep me"}],
                 "messages":[{"name":"m","type":"text","body":"b","tags":["a","b"]}],
                 "lastUsed":"2024-05-01"}
                """);
        repository.reload();
        StoredProfile stored = repository.find("Hand made");
        assertThat(stored.profile().unknown().names()).containsExactly("x-team", "lastUsed", "tls", "proxy");

        repository.save(stored, stored.profile().withName("Renamed").withUrl("ws://y/"));

        ObjectNode saved = tree(file);
        assertThat(saved.get("name").asText()).isEqualTo("Renamed");
        assertThat(saved.get("url").asText()).isEqualTo("ws://y/");
        assertThat(saved.get("x-team").get("owner").asText()).isEqualTo("ops");
        assertThat(saved.get("lastUsed").asText()).isEqualTo("2024-05-01");
        assertThat(saved.get("tls").get("comment").asText()).isEqualTo("ask ops for the CA");
        assertThat(saved.get("proxy").get("pac").asText()).isEqualTo("http://wpad/");
        assertThat(saved.get("headers").get(0).get("note").asText()).isEqualTo("keep me");
        assertThat(saved.get("messages").get(0).get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        // And they move with their element when the user reorders.
        StoredProfile again = repository.find("Renamed");
        SavedMessage m = again.profile().messages().get(0);
        repository.save(again, again.profile().withMessages(List.of(SavedMessage.text("new", "x"), m)));
        assertThat(tree(file).get("messages").get(1).get("tags")).isNotNull();
        assertThat(tree(file).get("messages").get(0).has("tags")).isFalse();
    }

    /** The example migration of {@link ProfileMigration}: version 0 kept the URL under "endpoint". */
    static final ProfileMigration ENDPOINT_V0 = new ProfileMigration() {
        @Override
        public int fromVersion() {
            return 0;
        }

        @Override
        public ObjectNode migrate(ObjectNode profile) {
            JsonNode endpoint = profile.remove("endpoint");
            profile.put("url", endpoint.get("url").asText());
            return profile;
        }
    };

    @Test
    void anOlderFileIsMigratedInMemoryAndRewrittenOnlyWhenSaved() throws Exception {
        String v0 = "{\"schemaVersion\":0,\"name\":\"Old\",\"endpoint\":{\"url\":\"ws://old.example/\"},\"keep\":1}";
        Path file = write("old.json", v0);
        ProfileRepository migrating = ProfileRepository.inDirectory(profilesDir, List.of(ENDPOINT_V0));
        migrating.reload();

        StoredProfile stored = migrating.find("Old");
        assertThat(stored.profile().url()).isEqualTo("ws://old.example/");
        assertThat(stored.migrated()).isTrue();
        assertThat(stored.fileVersion()).isZero();
        assertThat(Files.readString(file)).isEqualTo(v0);

        migrating.save(stored, stored.profile());
        ObjectNode saved = tree(file);
        assertThat(saved.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(saved.get("url").asText()).isEqualTo("ws://old.example/");
        assertThat(saved.has("endpoint")).isFalse();
        assertThat(saved.get("keep").asInt()).isEqualTo(1);
    }

    @Test
    void anOlderFileWithoutMigrationIsReportedAndLeftAlone() throws Exception {
        String v0 = "{\"schemaVersion\":0,\"name\":\"Old\",\"endpoint\":{\"url\":\"ws://old.example/\"}}";
        Path file = write("old.json", v0);
        age(file);
        ReloadResult result = repository.reload();

        assertThat(result.profiles()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.UNSUPPORTED_VERSION);
            assertThat(p.message()).contains("schemaVersion 0 is not supported");
        });
        assertThat(Files.readString(file)).isEqualTo(v0);
    }

    @Test
    void aNewerFileIsShownReadOnlyAndNeverRewritten() throws Exception {
        String v2 = "{\"schemaVersion\":2,\"name\":\"Future\",\"url\":\"ws://f/\",\"newThing\":{\"a\":1}}";
        Path file = write("future.json", v2);
        repository.reload();

        StoredProfile stored = repository.find("Future");
        assertThat(stored.readOnly()).isTrue();
        assertThat(stored.readOnlyReason()).contains("newer WS Inspector", "schemaVersion 2", "up to 1");
        assertThatThrownBy(() -> repository.save(stored, stored.profile().withName("x")))
                .isInstanceOf(ReadOnlyProfileException.class)
                .hasMessageContaining("read-only").hasMessageContaining("newer WS Inspector");
        assertThatThrownBy(() -> repository.overwrite(stored, stored.profile()))
                .isInstanceOf(ReadOnlyProfileException.class);
        assertThat(Files.readString(file)).isEqualTo(v2);
    }

    @Test
    void aNewerFileThatCannotBeReadIsReportedButNotTakenForCorrupt() throws Exception {
        String v3 = "{\"schemaVersion\":3,\"name\":\"Future\",\"url\":{\"parts\":[\"ws\",\"host\"]}}";
        Path file = write("future.json", v3);
        age(file);
        ReloadResult result = repository.reload();

        assertThat(result.profiles()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.UNSUPPORTED_VERSION);
            assertThat(p.movedTo()).isNull();
            assertThat(p.message()).contains("newer WS Inspector");
        });
        assertThat(Files.readString(file)).isEqualTo(v3);
    }

    @Test
    void aCorruptFileIsMovedAsideReportedAndNeverOverwritten() throws Exception {
        repository.create(ConnectionProfile.of("Good", "ws://good/"));
        String broken = "{\"name\":\"Broken\",\"url\":\"ws://b/\",";
        Path file = write("broken.json", broken);
        age(file);
        Path typed = write("typed.json", "{\"name\":\"Typed\",\"url\":\"ws://t/\",\"headers\":{\"a\":1}}");
        age(typed);

        ReloadResult result = repository.reload();

        assertThat(result.profiles()).extracting(StoredProfile::name).containsExactly("Good");
        assertThat(result.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.CORRUPT);
            assertThat(p.movedTo().getFileName().toString()).startsWith(p.file().getFileName() + ".corrupt-");
        });
        assertThat(result.problems().get(0).message()).startsWith("Not valid JSON at line 1");
        assertThat(result.problems().get(1).message()).isEqualTo("\"headers\" must be a list");
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.readString(result.problems().get(0).movedTo())).isEqualTo(broken);
        // Reported until dismissed; not found again by the next scan; a new profile of that name gets a new file.
        repository.reload();
        assertThat(repository.problems()).hasSize(2);
        StoredProfile again = repository.create(ConnectionProfile.of("Broken", "ws://b/"));
        assertThat(Files.readString(result.problems().get(0).movedTo())).isEqualTo(broken);
        assertThat(again.file()).isEqualTo(file);
        repository.dismissProblems();
        assertThat(repository.problems()).isEmpty();
    }

    @Test
    void aFileThatChangedAMomentAgoIsNotMovedAsideYet() throws Exception {
        Path file = write("half.json", "{\"name\":\"Half\",");
        ReloadResult result = repository.reload();

        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.BEING_WRITTEN));
        assertThat(Files.exists(file)).isTrue();
        Files.writeString(file, "{\"name\":\"Half\",\"url\":\"ws://h/\"}");
        assertThat(repository.reload().added()).containsExactly("half.json");
        assertThat(repository.problems()).isEmpty();
    }

    @Test
    void aSaveOverAnExternalEditIsRefusedAndAReloadPicksTheEditUp() throws Exception {
        StoredProfile stored = repository.create(ConnectionProfile.of("Shared", "ws://a/"));
        String external = Files.readString(stored.file()).replace("ws://a/", "ws://edited-by-hand/");
        Files.writeString(stored.file(), external);

        assertThatThrownBy(() -> repository.save(stored, stored.profile().withUrl("ws://mine/")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'Shared' was changed by another program")
                .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo(ConflictException.Kind.CHANGED));
        assertThat(Files.readString(stored.file())).isEqualTo(external);

        ReloadResult reloaded = repository.reload();
        assertThat(reloaded.changed()).containsExactly(stored.id());
        StoredProfile fresh = repository.find("Shared");
        assertThat(fresh.profile().url()).isEqualTo("ws://edited-by-hand/");
        StoredProfile saved = repository.save(fresh, fresh.profile().withUrl("ws://mine/"));
        assertThat(saved.profile().url()).isEqualTo("ws://mine/");
        // The user may also choose to replace the other version.
        Files.writeString(stored.file(), external);
        repository.overwrite(saved, saved.profile().toBuilder().notes("forced").build());
        assertThat(Files.readString(stored.file())).contains("forced").doesNotContain("edited-by-hand");
    }

    @Test
    void aSaveOrDeleteAfterAnExternalDeleteIsRefused() throws Exception {
        StoredProfile stored = repository.create(ConnectionProfile.of("Gone", "ws://a/"));
        Files.delete(stored.file());

        assertThatThrownBy(() -> repository.save(stored, stored.profile()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("deleted by another program");
        assertThat(Files.exists(stored.file())).isFalse();
        assertThat(repository.reload().removed()).containsExactly(stored.id());
    }

    @Test
    void deleteCanBeUndone() throws Exception {
        StoredProfile stored = repository.create(everyField());
        StoredProfile deleted = repository.delete(stored);
        assertThat(Files.exists(stored.file())).isFalse();
        assertThat(repository.profiles()).isEmpty();

        StoredProfile restored = repository.restore(deleted);
        assertThat(restored.file()).isEqualTo(stored.file());
        assertThat(new ProfileRepository(dataDir).reload().profiles())
                .singleElement().satisfies(p -> assertThat(p.profile()).isEqualTo(everyField()));
    }

    @Test
    void newFilesAreNamedAfterTheProfileAndNeverReplaceAnother() throws Exception {
        assertThat(repository.create(ConnectionProfile.of("Local echo", "ws://a/")).id()).isEqualTo("local-echo.json");
        assertThat(repository.create(ConnectionProfile.of("Local  Echo!", "ws://b/")).id()).isEqualTo("local-echo-2.json");
        assertThat(repository.create(ConnectionProfile.of("Café ☕", "ws://c/")).id()).isEqualTo("cafe.json");
        assertThat(repository.create(ConnectionProfile.of("☕", "ws://d/")).id()).isEqualTo("profile.json");
        assertThat(new ProfileRepository(dataDir).reload().profiles()).hasSize(4);
    }

    @Test
    void exportsLeaveSecretsEmptyUnlessAskedFor() throws Exception {
        ConnectionProfile p = everyField();
        Path masked = dataDir.resolve("out/masked.json");
        Path full = dataDir.resolve("out/full.json");
        repository.export(p, masked, false);
        repository.export(p, full, true);

        ObjectNode m = tree(masked);
        assertThat(m.get("headers").get(0).get("value").asText()).isEmpty();
        assertThat(m.get("headers").get(0).get("secret").asBoolean()).isTrue();
        assertThat(m.get("headers").get(1).get("value").asText()).isEqualTo("inspector");
        assertThat(m.get("queryParams").get(1).get("value").asText()).isEmpty();
        assertThat(m.get("proxy").has("password")).isFalse();
        assertThat(m.get("proxy").get("username").asText()).isEqualTo("me");
        // "token" feeds a secret header, so its values are secrets too; "host" is not.
        assertThat(m.get("environments").get("staging").get("token").asText()).isEmpty();
        assertThat(m.get("environments").get("staging").get("host").asText()).isEqualTo("staging.example");
        assertThat(Files.readString(masked)).doesNotContain("s3cret", "\"pw\"");

        assertThat(Files.readString(full)).contains("s3cret", "\"pw\"", "Bearer {{token}}");
        // An export is a profile file: it imports again.
        StoredProfile imported = repository.importFile(full);
        assertThat(imported.profile()).isEqualTo(p);
    }

    @Test
    void aFolderExportsAndImportsWithItsSubfolders() throws Exception {
        repository.create(ConnectionProfile.of("A", "ws://a/").withFolder("work"));
        repository.create(ConnectionProfile.of("B", "ws://b/").withFolder("work/api"));
        repository.create(ConnectionProfile.of("C", "ws://c/").withFolder("home"));
        Path out = dataDir.resolve("export");

        List<Path> written = repository.exportFolder("work", out, false);
        assertThat(written).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder("a.json", "b.json");
        Files.writeString(out.resolve("junk.json"), "not json");

        ProfileRepository other = new ProfileRepository(dataDir.resolve("other"));
        other.reload();
        ImportResult result = other.importFolder(out);
        assertThat(result.imported()).extracting(StoredProfile::name).containsExactlyInAnyOrder("A", "B");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("junk.json");
            assertThat(p.movedTo()).isNull();
        });
        assertThat(Files.readString(out.resolve("junk.json"))).isEqualTo("not json");
        assertThat(other.find("B").profile().folder()).isEqualTo("work/api");
    }

    @Test
    void findByNameOrFileNameSaysWhatExists() throws Exception {
        repository.create(ConnectionProfile.of("Echo", "ws://a/"));
        repository.create(ConnectionProfile.of("Other", "ws://b/"));

        assertThat(repository.find("echo").id()).isEqualTo("echo.json");
        assertThat(repository.find("other.json").name()).isEqualTo("Other");
        assertThatThrownBy(() -> repository.find("nope"))
                .hasMessageContaining("No profile 'nope'").hasMessageContaining("Echo, Other");
        repository.create(ConnectionProfile.of("Echo", "ws://c/"));
        assertThatThrownBy(() -> repository.find("Echo"))
                .hasMessageContaining("More than one").hasMessageContaining("echo.json").hasMessageContaining("echo-2.json");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCrashBetweenWriteAndRenameLeavesTheOldFileIntact() throws Exception {
        StoredProfile stored = repository.create(everyField());
        byte[] before = Files.readAllBytes(stored.file());

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingSaveMain.class.getName(), profilesDir.toString(), stored.id())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(50, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(output).isEqualTo(42);
        assertThat(output).contains("temp written").doesNotContain("not halted");
        assertThat(Files.readAllBytes(stored.file())).isEqualTo(before);
        List<String> names;
        try (Stream<Path> files = Files.list(profilesDir)) {
            names = files.map(f -> f.getFileName().toString()).toList();
        }
        // The complete temp file is left behind, but under a name no scan takes for a profile.
        assertThat(names).contains(stored.id()).anySatisfy(n -> assertThat(n).endsWith(".tmp"));
        ReloadResult reloaded = new ProfileRepository(dataDir).reload();
        assertThat(reloaded.problems()).isEmpty();
        assertThat(reloaded.profiles()).singleElement()
                .satisfies(p -> assertThat(p.profile()).isEqualTo(everyField()));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theWatchReportsEditsByOtherPrograms() throws Exception {
        StoredProfile stored = repository.create(ConnectionProfile.of("Watched", "ws://a/"));
        AtomicInteger calls = new AtomicInteger();
        List<ReloadResult> results = new ArrayList<>();
        try (ProfileWatch ignored = repository.watch(() -> {
            calls.incrementAndGet();
            try {
                synchronized (results) {
                    results.add(repository.reload());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })) {
            Files.writeString(stored.file(), Files.readString(stored.file()).replace("ws://a/", "ws://b/"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                synchronized (results) {
                    return results.stream().anyMatch(r -> r.changed().contains(stored.id()));
                }
            });
        }
        assertThat(repository.find("Watched").profile().url()).isEqualTo("ws://b/");
    }
}
