package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One in-process run of the CLI with captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Stdout as JSON objects; fails the test if any line is not one. */
    List<JsonNode> lines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as("stdout line is a JSON object: %s", line).isTrue();
                nodes.add(node);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout line is not JSON: " + line, e);
            }
        }
        return nodes;
    }

    List<JsonNode> ofType(String type) {
        return lines().stream().filter(n -> n.path("type").asText().equals(type)).toList();
    }

    List<JsonNode> frames(String dir, String opcode) {
        return ofType("frame").stream()
                .filter(n -> n.get("dir").asText().equals(dir) && n.get("opcode").asText().equals(opcode))
                .toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
