package dev.wsinspector.transport;

import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.TlsOptions;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLS contexts for {@link TlsOptions}: a custom CA file (trusted besides the JDK's authorities, host names
 * still checked), a pinned server certificate (exactly that certificate is accepted, whoever issued it and
 * whatever name it carries: the pin is the identity), and a client certificate from PEM files.
 */
final class TlsContexts {

    /** The certificate or key files cannot be used; the message names the file. */
    static final class SetupException extends Exception {
        SetupException(String message) {
            super(message);
        }
    }

    /** The server's certificate is not the pinned one; carries its fingerprint for the message. */
    static final class PinMismatch extends CertificateException {
        final String presented;

        PinMismatch(String presented) {
            super("The server's certificate is not the pinned one (it presented SHA-256 " + presented + ")");
            this.presented = presented;
        }
    }

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");

    private TlsContexts() {
    }

    /** True when the options need more than the service's standard contexts. */
    static boolean custom(ConnectionOptions options) {
        return !options.tls().isDefault();
    }

    static SSLContext create(ConnectionOptions options) throws SetupException {
        TlsOptions tls = options.tls();
        try {
            KeyManager[] keys = tls.hasClientCertificate()
                    ? clientKeys(tls.clientCertificateFile(), tls.clientKeyFile()) : null;
            TrustManager[] trust;
            if (options.insecure()) {
                trust = new TrustManager[]{new Tls.TrustAll()};
            } else if (tls.pinned()) {
                trust = new TrustManager[]{new Pinned(pins(tls))};
            } else if (tls.caFile() != null) {
                trust = new TrustManager[]{new Either(jdkDefault(), managerFor(certificates(tls.caFile(), "CA file")))};
            } else {
                trust = null; // the JDK's authorities
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new SetupException("TLS set-up failed: " + Failures.oneLine(e));
        }
    }

    /** Upper-case, colon-separated SHA-256 of the certificate's DER form, as browsers show it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static Set<String> pins(TlsOptions tls) throws SetupException {
        Set<String> pins = new HashSet<>();
        if (!tls.pinnedSha256().isEmpty()) {
            pins.add(tls.pinnedSha256());
        }
        if (tls.pinnedCertificateFile() != null) {
            List<X509Certificate> certs = certificates(tls.pinnedCertificateFile(), "pinned certificate file");
            pins.add(TlsOptions.normaliseFingerprint(fingerprint(certs.get(0))));
        }
        return pins;
    }

    static List<X509Certificate> certificates(Path file, String what) throws SetupException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new SetupException("The " + what + " " + file + " holds no certificate");
            }
            return out;
        } catch (IOException e) {
            throw new SetupException("Cannot read the " + what + " " + file + ": " + Failures.oneLine(e));
        } catch (CertificateException e) {
            throw new SetupException("The " + what + " " + file + " is not a PEM or DER certificate: "
                    + Failures.oneLine(e));
        }
    }

    private static KeyManager[] clientKeys(Path certFile, Path keyFile) throws SetupException, GeneralSecurityException {
        List<X509Certificate> chain = certificates(certFile, "client certificate file");
        PrivateKey key = privateKey(keyFile);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("An empty key store always loads", e);
        }
        char[] password = "in-memory".toCharArray();
        store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        return kmf.getKeyManagers();
    }

    static PrivateKey privateKey(Path file) throws SetupException {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SetupException("Cannot read the client key file " + file + ": " + Failures.oneLine(e));
        }
        Matcher m = PEM_KEY.matcher(pem);
        if (!m.find()) {
            throw new SetupException("The client key file " + file + " holds no PEM private key");
        }
        if (!m.group(1).isEmpty()) {
            throw new SetupException("The client key file " + file + " is a " + m.group(1).trim()
                    + " key; convert it to unencrypted PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // not this algorithm
            }
        }
        throw new SetupException("The client key file " + file + " holds a key of an unsupported type");
    }

    private static X509ExtendedTrustManager jdkDefault() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return extended(tmf);
    }

    private static X509ExtendedTrustManager managerFor(List<X509Certificate> cas) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("An empty key store always loads", e);
        }
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca" + i, cas.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return extended(tmf);
    }

    private static X509ExtendedTrustManager extended(TrustManagerFactory tmf) {
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("The JDK's trust manager factory made no X509ExtendedTrustManager");
    }

    /** Accepts exactly the pinned certificates; no chain, no host name (an extended manager, so the JDK adds none). */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final Set<String> pins;

        Pinned(Set<String> pins) {
            this.pins = pins;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("The server presented no certificate");
            }
            String presented = fingerprint(chain[0]);
            if (!pins.contains(TlsOptions.normaliseFingerprint(presented))) {
                throw new PinMismatch(presented);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Trusted by the JDK's authorities or, failing that, by the custom CA file; host names checked by both. */
    private static final class Either extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;

        Either(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType, socket);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType, engine);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            first.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            first.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

}
