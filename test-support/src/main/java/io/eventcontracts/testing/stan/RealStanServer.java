package io.eventcontracts.testing.stan;

import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.testing.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Starts a real {@code nats-streaming-server} (which embeds its own NATS server) on a free loopback port with a
 * file store in a temporary directory and the monitoring port enabled, and always stops it. Use with
 * try-with-resources.
 *
 * <p>The binary comes from {@code STAN_SERVER_BIN}, else {@code nats-streaming-server} on the PATH. None is packaged
 * by Debian, npm or Maven Central, so tests must skip when {@link #isAvailable()} is false, quoting
 * {@link #unavailableReason()}. Download a release from github.com/nats-io/nats-streaming-server (v0.25.x) and
 * point {@code STAN_SERVER_BIN} at it to run the suite against the real thing.
 */
public final class RealStanServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Path binary;
  private final String clusterId;
  private final int port;
  private final int monitorPort;
  private final Path storeDir;
  private final Path logFile;
  private ServerProcess process;

  private RealStanServer(Path binary, String clusterId) throws IOException {
    this.binary = binary;
    this.clusterId = clusterId;
    this.port = NatsServerRunner.freePort();
    int m = NatsServerRunner.freePort();
    while (m == port) {
      m = NatsServerRunner.freePort();
    }
    this.monitorPort = m;
    this.storeDir = Files.createTempDirectory("eventcontracts-stan-");
    this.logFile = storeDir.resolveSibling(storeDir.getFileName() + ".log");
  }

  /** True when a {@code nats-streaming-server} binary was found. */
  public static boolean isAvailable() {
    return findBinary() != null;
  }

  /**
   * What to do when {@link #isAvailable()} is false, for a test's skip message (after "no nats-streaming-server on
   * PATH and STAN_SERVER_BIN unset: "); empty when available.
   */
  public static String unavailableReason() {
    String env = System.getenv("STAN_SERVER_BIN");
    if (env != null && !env.isBlank() && !Files.isExecutable(Path.of(env))) {
      return "STAN_SERVER_BIN=" + env + " is not an executable file";
    }
    return isAvailable() ? "" : "download a release from https://github.com/nats-io/nats-streaming-server/releases and set STAN_SERVER_BIN to run these"
        + " tests against a real server";
  }

  /** Starts a server with cluster id {@code clusterId} ({@code -cid}) and a file store ({@code -st FILE}). */
  public static RealStanServer start(String clusterId) {
    Path binary = findBinary();
    if (binary == null) {
      throw new IllegalStateException(unavailableReason());
    }
    try {
      RealStanServer server = new RealStanServer(binary, clusterId);
      server.launch();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code nats://127.0.0.1:<port>} of the embedded NATS server. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public String clusterId() {
    return clusterId;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * True while the server has {@code clientId} registered, read from the monitoring endpoint
   * {@code /streaming/clientsz}.
   */
  public boolean knowsClient(String clientId) {
    String json = monitor("/streaming/clientsz");
    return Pattern.compile("\"id\"\\s*:\\s*\"" + Pattern.quote(clientId) + "\"").matcher(json).find();
  }

  /** The server's log so far. */
  public String log() {
    return ServerProcess.readLog(logFile);
  }

  /** Stops the server (SIGTERM), keeping the store. */
  public synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      ServerProcess.deleteQuietly(storeDir, logFile);
    }
  }

  private void launch() {
    List<String> command = new ArrayList<>(List.of(binary.toString(),
        "-a", "127.0.0.1", "-p", Integer.toString(port), "-m", Integer.toString(monitorPort),
        "-cid", clusterId, "-st", "FILE", "-dir", storeDir.resolve("data").toString()));
    process = ServerProcess.start("nats-streaming-server", command, logFile, "Streaming Server is ready", port,
        START_TIMEOUT);
  }

  private String monitor(String path) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + monitorPort + path).toURL()
          .openConnection();
      http.setConnectTimeout(2000);
      http.setReadTimeout(2000);
      try (InputStream in = http.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } finally {
        http.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("monitoring endpoint " + path + " unreachable", e);
    }
  }

  private static Path findBinary() {
    String env = System.getenv("STAN_SERVER_BIN");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isExecutable(p) ? p : null;
    }
    return ServerProcess.onPath("nats-streaming-server");
  }
}
