package dev.wsinspector.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One GUI per data directory, so two windows never write the same profiles or log file. The first instance
 * holds an OS file lock on {@code <data dir>/instance.lock} (released by the OS even if the process dies) and
 * listens on loopback; {@code instance.port} tells later launches the port and a random token. A later launch
 * with the same data directory hands its arguments (capture files to open) to the running window, which comes
 * to the front, and exits. Another {@code --data-dir} is another instance.
 */
public final class SingleInstance implements AutoCloseable {

    static final String LOCK_FILE = "instance.lock";
    static final String PORT_FILE = "instance.port";
    private static final int CONNECT_TIMEOUT_MS = 2000;
    private static final String OK = "ok";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path portFile;
    private final ServerSocket server;
    private final String token;
    private final List<List<String>> pending = new ArrayList<>();
    private final List<Consumer<List<String>>> handlers = new CopyOnWriteArrayList<>();

    private SingleInstance(FileChannel channel, FileLock lock, Path portFile, ServerSocket server, String token) {
        this.channel = channel;
        this.lock = lock;
        this.portFile = portFile;
        this.server = server;
        this.token = token;
    }

    /**
     * Takes the data directory for this process, or returns empty when another process has it.
     *
     * @throws IOException when the directory cannot be used at all (not writable, …)
     */
    public static Optional<SingleInstance> claim(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {  // this JVM holds it already
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Path portFile = dataDir.resolve(PORT_FILE);
            Path temp = Files.createTempFile(dataDir, PORT_FILE, ".tmp");
            Files.writeString(temp, server.getLocalPort() + " " + token + "\n");
            Files.move(temp, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            SingleInstance instance = new SingleInstance(channel, lock, portFile, server, token);
            Thread accept = new Thread(instance::acceptLoop, "single-instance");
            accept.setDaemon(true);
            accept.start();
            return Optional.of(instance);
        } catch (IOException | RuntimeException e) {
            server.close();
            lock.release();
            channel.close();
            throw e;
        }
    }

    /**
     * Hands {@code args} to the instance running on {@code dataDir}.
     *
     * @return true when it answered; false when it could not be reached (hung, or just exiting)
     */
    public static boolean forward(Path dataDir, List<String> args) {
        try {
            String[] portAndToken = Files.readString(dataDir.resolve(PORT_FILE)).trim().split(" ");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        Integer.parseInt(portAndToken[0])), CONNECT_TIMEOUT_MS);
                socket.setSoTimeout(CONNECT_TIMEOUT_MS);
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                out.write(portAndToken[1] + "\n");
                for (String arg : args) {
                    out.write(arg.replace('\n', ' ') + "\n");
                }
                out.flush();
                socket.shutdownOutput();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                return OK.equals(in.readLine());
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Called (on the accept thread) with the arguments of each later launch; earlier ones are replayed. */
    public void onActivation(Consumer<List<String>> handler) {
        List<List<String>> replay;
        synchronized (pending) {
            handlers.add(handler);
            replay = List.copyOf(pending);
            pending.clear();
        }
        replay.forEach(handler);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(CONNECT_TIMEOUT_MS);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                if (!token.equals(in.readLine())) {
                    continue;  // not one of ours: say nothing
                }
                List<String> args = new ArrayList<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    args.add(line);
                }
                socket.getOutputStream().write((OK + "\n").getBytes(StandardCharsets.UTF_8));
                deliver(args);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log().debug("single-instance request failed", e);
                }
            } catch (RuntimeException e) {
                log().warn("single-instance handler failed", e);
            }
        }
    }

    private void deliver(List<String> args) {
        synchronized (pending) {
            if (handlers.isEmpty()) {
                pending.add(args);
                return;
            }
        }
        handlers.forEach(h -> h.accept(args));
    }

    /** Looked up when needed: the launcher claims the directory before it configures logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(SingleInstance.class);
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(portFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            log().debug("releasing the instance lock", e);
        }
    }
}
