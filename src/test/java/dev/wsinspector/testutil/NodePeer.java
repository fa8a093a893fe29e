package dev.wsinspector.testutil;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A protocol server from the npm registry (src/test/peers, installed by {@code npm ci --prefix src/test/peers},
 * which .ci/run does) run as a child process {@code node SCRIPT}; it prints {@code listening PORT} once it
 * listens on 127.0.0.1. Without node_modules the test is skipped with a message, except under CI=true, where it
 * fails: CI must run these.
 */
public final class NodePeer implements AutoCloseable {

    public static final Path DIR = Path.of("src", "test", "peers");

    private final Process process;
    private final int port;

    private NodePeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code node script} in src/test/peers and waits (bounded) for its port. */
    public static NodePeer start(String script) throws Exception {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            String message = "src/test/peers/node_modules is missing: run npm ci --prefix src/test/peers";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (.ci/run does, before ./mvnw verify)");
            }
            Assumptions.abort(message);
        }
        Process p = new ProcessBuilder("node", script).directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("node " + script + " did not say 'listening PORT' within 30 s", e);
        }
        if (line == null || !line.startsWith("listening ")) {
            p.destroyForcibly();
            throw new IllegalStateException("node " + script + " printed " + line + " instead of 'listening PORT'");
        }
        // Keep draining stdout so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // nothing
                }
            } catch (IOException e) {
                // the child ended
            }
        }, "node-peer-" + script);
        drain.setDaemon(true);
        drain.start();
        return new NodePeer(p, Integer.parseInt(line.substring("listening ".length()).strip()));
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
