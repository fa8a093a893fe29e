package dev.wsinspector.testutil;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Test certificates made with the JDK's own keytool in a temp dir: a private CA and server certificates it
 * signed (for localhost/127.0.0.1, an expired one, one for another host name). The CA is trusted only by
 * {@link #trustingContext()}, so to the JDK's default trust store every one of them is untrusted.
 */
public final class TestCertificates {

    private static final String PASS = "changeit";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Creates the CA and the three server certificates (a few seconds: keytool starts a JVM per call). */
    public static TestCertificates create(Path dir) throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        certs.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=WS Inspector Test CA", "-ext", "bc:c", "-validity", "3650",
                "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS);
        certs.keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASS, "-rfc",
                "-file", "ca.pem");
        List<CompletableFuture<Void>> leaves = new ArrayList<>();
        leaves.add(certs.leafAsync("good", "san=dns:localhost,ip:127.0.0.1", null, "365"));
        leaves.add(certs.leafAsync("expired", "san=dns:localhost,ip:127.0.0.1", "-30d", "2"));
        leaves.add(certs.leafAsync("wronghost", "san=dns:wrong.example", null, "365"));
        certs.keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", PASS, "-noprompt");
        for (CompletableFuture<Void> leaf : leaves) {
            leaf.get(120, TimeUnit.SECONDS);
        }
        return certs;
    }

    private CompletableFuture<Void> leafAsync(String name, String san, String startDate, String validityDays) {
        return CompletableFuture.runAsync(() -> {
            try {
                String store = name + ".p12";
                keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=" + name, "-keystore", store, "-storetype", "PKCS12",
                        "-storepass", PASS, "-keypass", PASS);
                keytool("-certreq", "-alias", "server", "-keystore", store, "-storepass", PASS,
                        "-file", name + ".csr");
                List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12",
                        "-storepass", PASS, "-infile", name + ".csr", "-outfile", name + ".pem", "-rfc",
                        "-ext", san, "-validity", validityDays));
                if (startDate != null) {
                    gencert.addAll(List.of("-startdate", startDate));
                }
                keytool(gencert.toArray(String[]::new));
                // Trust the CA inside the key store first, so the signed reply forms a chain.
                keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", store,
                        "-storepass", PASS, "-noprompt");
                keytool("-importcert", "-alias", "server", "-file", name + ".pem", "-keystore", store,
                        "-storepass", PASS, "-noprompt");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Server-side TLS context presenting certificate {@code name} ("good", "expired", "wronghost"). */
    public SSLContext serverContext(String name) throws Exception {
        KeyStore ks = load(name + ".p12");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /**
     * A client certificate signed by the test CA, as the two PEM files a profile points at: {@code [0]} the
     * certificate, {@code [1]} its unencrypted PKCS#8 private key.
     */
    public Path[] clientCertificate() throws Exception {
        leafAsync("client", "san=dns:client.test", null, "365").get(120, TimeUnit.SECONDS);
        java.security.Key key = load("client.p12").getKey("server", PASS.toCharArray());
        Path keyFile = dir.resolve("client-key.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return new Path[] {dir.resolve("client.pem"), keyFile};
    }

    /** Server-side context presenting "good" and trusting client certificates signed by the test CA. */
    public SSLContext clientAuthServerContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load("good.p12"), PASS.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load("trust.p12"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    /** Client-side context that trusts the test CA (and nothing else). */
    public SSLContext trustingContext() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load("trust.p12"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private KeyStore load(String file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-Xshare:auto");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
