package io.eventcontracts.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway PKI for TLS tests, created at test time in a directory the test owns (a JUnit {@code @TempDir}): a CA,
 * a server certificate for {@code 127.0.0.1} / {@code localhost} signed by it, and a client certificate (for mutual
 * TLS) signed by it. Nothing here is ever checked in; the keys live as long as the directory.
 *
 * <p>Keys and certificates are made with the {@code openssl} binary (EC P-256, valid for two days) because the JDK
 * has no public API to issue certificates; the Java stores ({@link #truststore()}, {@link #clientKeystore()}, both
 * PKCS12 with {@link #password()}) are then written with plain JDK APIs. The binary is taken from {@code OPENSSL_BIN},
 * else {@code openssl} on the PATH, else {@code /usr/bin/openssl}.
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.create(tempDir);
 * try (NatsServerRunner server = NatsServerRunner.start(certs.serverTlsArgs())) { ... }
 * }</pre>
 */
public final class TestCertificates {

  private static final String PASSWORD = "throwaway-test-password";
  private static final String REQ_CONFIG = """
      [req]
      distinguished_name = dn
      prompt = no
      [dn]
      CN = placeholder
      [ca]
      basicConstraints = critical,CA:TRUE
      keyUsage = critical,keyCertSign,cRLSign
      subjectKeyIdentifier = hash
      """;
  private static final String SERVER_EXT = """
      basicConstraints = critical,CA:FALSE
      keyUsage = critical,digitalSignature
      extendedKeyUsage = serverAuth
      subjectAltName = IP:127.0.0.1,DNS:localhost
      """;
  private static final String CLIENT_EXT = """
      basicConstraints = critical,CA:FALSE
      keyUsage = critical,digitalSignature
      extendedKeyUsage = clientAuth
      """;

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** Creates CA, server and client certificates plus the Java trust and key stores in {@code dir} (~0.2 s). */
  public static TestCertificates create(Path dir) {
    TestCertificates certs = new TestCertificates(dir);
    try {
      Files.createDirectories(dir);
      certs.generate();
      return certs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test key stores: " + e.getMessage(), e);
    }
  }

  /** The CA certificate (PEM); {@code --tlscacert} of a server that verifies client certificates. */
  public Path caCert() {
    return dir.resolve("ca.pem");
  }

  /** Server certificate (PEM), SAN {@code IP:127.0.0.1, DNS:localhost}. */
  public Path serverCert() {
    return dir.resolve("server.pem");
  }

  /** Server private key (PKCS#8 PEM, unencrypted). */
  public Path serverKey() {
    return dir.resolve("server.key");
  }

  /** Client certificate (PEM), extended key usage clientAuth. */
  public Path clientCert() {
    return dir.resolve("client.pem");
  }

  /** Client private key (PKCS#8 PEM, unencrypted). */
  public Path clientKey() {
    return dir.resolve("client.key");
  }

  /** PKCS12 trust store holding only the CA certificate, protected by {@link #password()}. */
  public Path truststore() {
    return dir.resolve("truststore.p12");
  }

  /** PKCS12 key store holding the client key and its chain (client, CA); store and key use {@link #password()}. */
  public Path clientKeystore() {
    return dir.resolve("client.p12");
  }

  /** The password of both stores (a fresh copy each call). */
  public char[] password() {
    return PASSWORD.toCharArray();
  }

  /** {@code nats-server} arguments for TLS with the server certificate: {@code --tls --tlscert .. --tlskey ..}. */
  public String[] serverTlsArgs() {
    return new String[] {"--tls", "--tlscert", serverCert().toString(), "--tlskey", serverKey().toString()};
  }

  /** {@link #serverTlsArgs()} plus {@code --tlsverify --tlscacert <ca>}: clients must present a certificate. */
  public String[] serverMutualTlsArgs() {
    List<String> args = new ArrayList<>(List.of(serverTlsArgs()));
    args.addAll(List.of("--tlsverify", "--tlscacert", caCert().toString()));
    return args.toArray(String[]::new);
  }

  /** A client TLS context that trusts the test CA and presents no certificate. */
  public SSLContext clientSslContext() {
    return sslContext(false);
  }

  /** A client TLS context that trusts the test CA and presents the client certificate (mutual TLS). */
  public SSLContext clientSslContextWithCertificate() {
    return sslContext(true);
  }

  private SSLContext sslContext(boolean withClientCertificate) {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(load(truststore()));
      KeyManagerFactory kmf = null;
      if (withClientCertificate) {
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(clientKeystore()), password());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test TLS context: " + e.getMessage(), e);
    }
  }

  private KeyStore load(Path store) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, password());
    }
    return ks;
  }

  // ---------------------------------------------------------------- generation

  private void generate() throws IOException, GeneralSecurityException {
    Path reqConfig = write("req.cnf", REQ_CONFIG);
    Path serverExt = write("server.ext", SERVER_EXT);
    Path clientExt = write("client.ext", CLIENT_EXT);
    Path caKey = dir.resolve("ca.key");

    newKey(caKey);
    openssl("req", "-new", "-x509", "-config", reqConfig.toString(), "-extensions", "ca",
        "-key", caKey.toString(), "-subj", "/CN=eventcontracts throwaway test CA", "-days", "2", "-sha256",
        "-out", caCert().toString());
    issue("server", "/CN=127.0.0.1", serverKey(), serverCert(), serverExt, reqConfig, caKey, 1);
    issue("client", "/CN=eventcontracts-test-client", clientKey(), clientCert(), clientExt, reqConfig, caKey, 2);

    X509Certificate ca = readCertificate(caCert());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("eventcontracts-test-ca", ca);
    store(trust, truststore());

    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("client", readPrivateKey(clientKey()), password(),
        new Certificate[] {readCertificate(clientCert()), ca});
    store(keys, clientKeystore());
  }

  private void issue(String name, String subject, Path key, Path cert, Path ext, Path reqConfig, Path caKey,
      int serial) throws IOException {
    Path csr = dir.resolve(name + ".csr");
    newKey(key);
    openssl("req", "-new", "-config", reqConfig.toString(), "-key", key.toString(), "-subj", subject,
        "-out", csr.toString());
    openssl("x509", "-req", "-in", csr.toString(), "-CA", caCert().toString(), "-CAkey", caKey.toString(),
        "-set_serial", Integer.toString(serial), "-days", "2", "-sha256", "-extfile", ext.toString(),
        "-out", cert.toString());
  }

  private void newKey(Path key) throws IOException {
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private void store(KeyStore ks, Path file) throws IOException, GeneralSecurityException {
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password());
    }
  }

  private static X509Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
    try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(pem))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private void openssl(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(findOpenssl().toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("openssl did not finish: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("openssl failed (exit " + p.exitValue() + "): " + command + "\n" + output);
    }
  }

  private static Path findOpenssl() {
    String fromEnv = System.getenv("OPENSSL_BIN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    Path onPath = ServerProcess.onPath("openssl");
    if (onPath != null) {
      return onPath;
    }
    Path debian = Path.of("/usr/bin/openssl");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    throw new IllegalStateException("openssl not found: install it (apt-get install -y openssl) or set OPENSSL_BIN");
  }
}
