package io.eventcontracts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a real {@code nats-server} (the Debian package) with JetStream on a free loopback port and a fresh
 * temporary store directory, and always stops it. Use with try-with-resources or as a JUnit field closed in
 * {@code @AfterEach}. A server left running by a JVM that exits without {@link #close()} is stopped by a shutdown
 * hook.
 *
 * <p>The binary is taken from {@code NATS_SERVER_BIN}, else {@code nats-server} on the PATH, else
 * {@code /usr/sbin/nats-server}. The README's test command installs the package when it is missing.
 */
public final class NatsServerRunner implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  private final Path binary;
  private final int port;
  private final Path storeDir;
  private final Path logFile;
  private final List<String> extraArgs;
  private ServerProcess process;

  private NatsServerRunner(Path binary, int port, Path storeDir, List<String> extraArgs) {
    this.binary = binary;
    this.port = port;
    this.storeDir = storeDir;
    this.logFile = storeDir.resolveSibling(storeDir.getFileName() + ".log");
    this.extraArgs = List.copyOf(extraArgs);
  }

  /** Starts a JetStream-enabled server on a free port with a new temporary file store. */
  public static NatsServerRunner start(String... extraArgs) {
    try {
      Path store = Files.createTempDirectory("eventcontracts-nats-");
      NatsServerRunner runner = new NatsServerRunner(findBinary(), freePort(), store, List.of(extraArgs));
      runner.launch();
      return runner;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code nats://127.0.0.1:<port>} */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path storeDir() {
    return storeDir;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the server (as a crash would: SIGKILL) but keeps the store. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  /** Stops the server gracefully (SIGTERM) and keeps the store. */
  public synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  /** Stops and starts again on the same port with the same store: a broker restart. */
  public synchronized void restart() {
    stop();
    launch();
  }

  /** Starts again after {@link #stop()} or {@link #kill()}, on the same port with the same store. */
  public synchronized void startAgain() {
    if (process == null) {
      launch();
    }
  }

  /** The server's log so far, for failure messages. */
  public String log() {
    return ServerProcess.readLog(logFile);
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
    List<String> command = new ArrayList<>(List.of(
        binary.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port),
        "-js", "-sd", storeDir.toString()));
    command.addAll(extraArgs);
    process = ServerProcess.start("nats-server", command, logFile, "Server is ready", port, START_TIMEOUT);
  }

  static Path findBinary() {
    String fromEnv = System.getenv("NATS_SERVER_BIN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    Path onPath = ServerProcess.onPath("nats-server");
    if (onPath != null) {
      return onPath;
    }
    Path debian = Path.of("/usr/sbin/nats-server");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    throw new IllegalStateException(
        "nats-server not found: install it (apt-get install -y nats-server) or set NATS_SERVER_BIN");
  }

  /** A port that was free a moment ago on 127.0.0.1. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
