package dev.wsinspector.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wsinspector.core.compose.MessageMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    @Test
    void readsEveryStepKindFromJson() throws Exception {
        Scenario s = ScenarioReader.parse("a.json", """
                {"schemaVersion": 1, "name": "all kinds",
                 "connections": {"a": {"url": "ws://127.0.0.1:1/", "headers": {"X-T": "{{t}}"}, "subprotocols": ["p"]},
                                 "b": {"url": "ws://127.0.0.1:2/"}},
                 "variables": {"t": "x", "n": 3},
                 "steps": [
                   {"send": "hi {{t}}"},
                   {"send": {"json": {"id": 1}}, "on": "b"},
                   {"expect": {"json": {"$.id": 1}, "regex": "i(?<x>d)"}, "capture": {"id": "$.id"}, "timeoutMs": 50},
                   {"anyOrder": [{"text": "a"}, {"contains": "b"}]},
                   {"expectNo": {"filter": "text contains \\"err\\""}, "forMs": 10},
                   {"capture": {"v": "$.v[0]"}},
                   {"wait": 5}, {"ping": "p"}, {"expectPong": "p"}, {"latency": 100},
                   {"repeat": 2, "as": "i", "steps": [{"send": {"hex": "01 02"}}]},
                   {"close": {"code": 1000, "reason": "bye"}}, {"expectClose": 1000}
                 ]}""", false);
        assertThat(s.name()).isEqualTo("all kinds");
        assertThat(s.connections()).extracting(ScenarioConnection::name).containsExactly("a", "b");
        assertThat(s.variables()).containsEntry("n", "3");
        assertThat(s.steps()).extracting(Step::kind).containsExactly("send", "send", "expect", "anyOrder", "expectNo",
                "capture", "wait", "ping", "expectPong", "latency", "repeat", "close", "expectClose");
        assertThat(((Step.Send) s.steps().get(1)).mode()).isEqualTo(MessageMode.JSON);
        assertThat(((Step.Expect) s.steps().get(2)).timeoutMillis()).isEqualTo(50);
        assertThat(s.stepCount()).isEqualTo(14);
    }

    @Test
    void readsYaml() throws Exception {
        Scenario s = ScenarioReader.parse("a.yaml", """
                schemaVersion: 1
                connection: {url: "ws://127.0.0.1:1/"}
                steps:
                  - send: hello
                  - expect: {text: hello}
                """, true);
        assertThat(s.name()).isEqualTo("a");
        assertThat(s.steps()).hasSize(2);
    }

    @Test
    void jsonSyntaxErrorsNameTheLineAndColumn() {
        ScenarioFormatException e = malformed("{\"schemaVersion\": 1,\n  \"steps\": [ }", false);
        assertThat(e.file()).isEqualTo("bad.json");
        assertThat(e.position().line()).isEqualTo(2);
        assertThat(e.position().column()).isEqualTo(14);
        assertThat(e.getMessage()).startsWith("bad.json:2:14: Unexpected close marker");
    }

    @Test
    void unknownMembersAndWrongValuesArePlaced() {
        String head = "{\"schemaVersion\": 1, \"connection\": {\"url\": \"ws://h/\"},\n \"steps\": [\n";
        assertThat(malformed(head + "  {\"expct\": \"x\"}]}", false).getMessage())
                .startsWith("bad.json:3:3: a step needs one of");
        assertThat(malformed(head + "  {\"expect\": {\"txt\": \"x\"}}]}", false).getMessage())
                .startsWith("bad.json:3:15: unknown member \"txt\"");
        assertThat(malformed(head + "  {\"expect\": {\"regex\": \"(\"}}]}", false).getMessage())
                .startsWith("bad.json:3:24: the regex does not compile");
        assertThat(malformed(head + "  {\"wait\": -1}]}", false).getMessage())
                .startsWith("bad.json:3:12: \"wait\" is a whole number of milliseconds");
        assertThat(malformed(head + "  {\"send\": \"x\", \"on\": \"nope\"}]}", false).getMessage())
                .contains("3:23: no connection named \"nope\"");
        assertThat(malformed(head + "  {\"expect\": {\"filter\": \"text ==\"}}]}", false).getMessage())
                .contains("3:25: the filter is wrong");
        assertThat(malformed(head + "  {\"expect\": {\"schema\": {\"$ref\": \"#\"}}}]}", false).getMessage())
                .contains("\"$ref\" is not supported");
        assertThat(malformed(head + "  {\"send\": {\"hex\": \"zz\"}}]}", false).getMessage()).contains("3:20: Hex");
        assertThat(malformed(head + "  {\"send\": {\"format\": \"xml\"}}]}", false).getMessage())
                .contains("3:23: unknown format \"xml\" (one of").contains("msgpack");
        assertThat(malformed(head + "  {\"send\": {\"format\": \"socket.io-event\", \"params\": {\"evnt\": \"a\"}}}]}",
                false).getMessage()).contains("\"evnt\" is no input of").contains("event");
        assertThat(malformed("{\"steps\": []}", false).getMessage()).contains("1:1: \"schemaVersion\" is missing");
        assertThat(malformed("{\"schemaVersion\": 2, \"steps\": []}", false).getMessage()).contains("newer");
    }

    @Test
    void aSendInOneOfTheComposersFormats() throws Exception {
        Scenario s = ScenarioReader.parse("f.json", """
                {"schemaVersion": 1, "connection": {"url": "ws://h/"}, "steps": [
                  {"send": {"format": "msgpack", "body": {"op": "hi", "n": "{{n}}"}}},
                  {"send": {"format": "socket.io-event", "body": "[\\"x\\"]", "params": {"event": "chat"}}}]}
                """, false);
        Step.Send msgpack = (Step.Send) s.steps().get(0);
        assertThat(msgpack.mode()).isEqualTo(dev.wsinspector.core.compose.MessageMode.PROTOCOL);
        assertThat(msgpack.format()).isEqualTo("msgpack");
        assertThat(msgpack.body()).isEqualTo("{\"op\":\"hi\",\"n\":\"{{n}}\"}");
        assertThat(msgpack.describe()).startsWith("send msgpack {");
        Step.Send event = (Step.Send) s.steps().get(1);
        assertThat(event.params()).containsEntry("event", "chat");
    }

    @Test
    void yamlErrorsArePlacedToo() {
        ScenarioFormatException e = malformed("""
                schemaVersion: 1
                connection: {url: "ws://h/"}
                steps:
                  - send: hello
                  - expect: {txt: hello}
                """, true);
        assertThat(e.position().line()).isEqualTo(5);
        assertThat(e.problem()).startsWith("unknown member \"txt\"");
        ScenarioFormatException syntax = malformed("schemaVersion: 1\nsteps: [a, b\nx: 1\n", true);
        assertThat(syntax.position().line()).isGreaterThanOrEqualTo(2);
        assertThat(syntax.getMessage()).startsWith("bad.yaml:");
    }

    private static ScenarioFormatException malformed(String text, boolean yaml) {
        ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioReader.parse(yaml ? "bad.yaml" : "bad.json", text, yaml));
        assertThat(e).as("rejected: " + text).isNotNull();
        return e;
    }

    @Test
    void schemaSubsetValidates() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        var schema = m.readTree("{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{\"id\":{\"type\":\"integer\","
                + "\"minimum\":1},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                + "\"additionalProperties\":false}");
        assertThat(JsonSchemaSubset.validate(schema, m.readTree("{\"id\":2,\"tags\":[\"a\"]}"), "$")).isNull();
        assertThat(JsonSchemaSubset.validate(schema, m.readTree("{\"tags\":[]}"), "$")).contains("\"id\" is required");
        assertThat(JsonSchemaSubset.validate(schema, m.readTree("{\"id\":0}"), "$")).contains("$.id").contains("range");
        assertThat(JsonSchemaSubset.validate(schema, m.readTree("{\"id\":1,\"tags\":[1]}"), "$"))
                .contains("$.tags[0]: expected type");
        assertThat(JsonSchemaSubset.validate(schema, m.readTree("{\"id\":1,\"x\":1}"), "$")).contains("not allowed");
        assertThat(List.of()).isEmpty();
    }
}
