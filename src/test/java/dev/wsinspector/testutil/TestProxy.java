package dev.wsinspector.testutil;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny proxy on 127.0.0.1 (port 0) for tests: HTTP CONNECT or SOCKS5 (no auth, or user/password), piping
 * bytes both ways once the tunnel is up. Records the targets it was asked for.
 */
public final class TestProxy implements AutoCloseable {

    public enum Kind { HTTP, SOCKS5 }

    private final Kind kind;
    private final String user;
    private final String password;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** "host:port" of every tunnel requested, in order. */
    public final List<String> targets = new CopyOnWriteArrayList<>();

    private TestProxy(Kind kind, String user, String password) throws IOException {
        this.kind = kind;
        this.user = user;
        this.password = password;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "test-proxy-" + kind);
        accept.setDaemon(true);
        accept.start();
    }

    public static TestProxy start(Kind kind) throws IOException {
        return new TestProxy(kind, null, null);
    }

    /** A proxy that insists on these credentials. */
    public static TestProxy start(Kind kind, String user, String password) throws IOException {
        return new TestProxy(kind, user, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            Socket target = kind == Kind.HTTP ? httpConnect(client) : socks5(client);
            if (target == null) {
                client.close();
                return;
            }
            sockets.add(target);
            pipe(client.getInputStream(), target.getOutputStream(), target);
            pipe(target.getInputStream(), client.getOutputStream(), client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private Socket httpConnect(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = last4 << 8 | b;
        }
        List<String> lines = head.toString(StandardCharsets.ISO_8859_1).lines().toList();
        String authority = lines.get(0).split(" ")[1];
        targets.add(authority);
        OutputStream out = client.getOutputStream();
        if (user != null) {
            String expected = "Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!lines.contains(expected)) {
                out.write("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return null;
            }
        }
        int colon = authority.lastIndexOf(':');
        Socket target;
        try {
            target = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
        } catch (IOException e) {
            out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return null;
        }
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return target;
    }

    private Socket socks5(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        in.readUnsignedByte();
        byte[] methods = new byte[in.readUnsignedByte()];
        in.readFully(methods);
        int wanted = user == null ? 0 : 2;
        boolean offered = false;
        for (byte m : methods) {
            offered |= m == wanted;
        }
        if (!offered) {
            out.write(new byte[]{5, (byte) 0xFF});
            return null;
        }
        out.write(new byte[]{5, (byte) wanted});
        if (wanted == 2) {
            in.readUnsignedByte();
            byte[] u = new byte[in.readUnsignedByte()];
            in.readFully(u);
            byte[] p = new byte[in.readUnsignedByte()];
            in.readFully(p);
            boolean ok = user.equals(new String(u, StandardCharsets.UTF_8)) && password.equals(new String(p, StandardCharsets.UTF_8));
            out.write(new byte[]{1, (byte) (ok ? 0 : 1)});
            if (!ok) {
                return null;
            }
        }
        in.readUnsignedByte();
        in.readUnsignedByte();
        in.readUnsignedByte();
        int type = in.readUnsignedByte();
        String host;
        if (type == 3) {
            byte[] name = new byte[in.readUnsignedByte()];
            in.readFully(name);
            host = new String(name, StandardCharsets.UTF_8);
        } else {
            byte[] addr = new byte[type == 1 ? 4 : 16];
            in.readFully(addr);
            host = InetAddress.getByAddress(addr).getHostAddress();
        }
        int port = in.readUnsignedShort();
        targets.add(host + ":" + port);
        Socket target;
        try {
            target = new Socket();
            target.connect(new InetSocketAddress(host, port), 5000);
        } catch (IOException e) {
            out.write(new byte[]{5, 5, 0, 1, 0, 0, 0, 0, 0, 0});
            return null;
        }
        out.write(new byte[]{5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        out.flush();
        return target;
    }

    private void pipe(InputStream from, OutputStream to, Socket closeWhenDone) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // one side went away
            }
            closeQuietly(closeWhenDone);
        }, "test-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(TestProxy::closeQuietly);
    }
}
