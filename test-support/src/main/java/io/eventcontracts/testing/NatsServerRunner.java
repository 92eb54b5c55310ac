package io.eventcontracts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a real {@code nats-server} (the Debian package) with JetStream on a free loopback port and a fresh
 * temporary store directory, and always stops it. Use with try-with-resources or as a JUnit field closed in
 * {@code @AfterEach}.
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
  private Process process;
  /** Stops the server if the JVM exits without {@link #close()} (a crashed or interrupted test run). */
  private final Thread shutdownHook = new Thread(this::kill, "nats-server-runner-shutdown");

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
      Runtime.getRuntime().addShutdownHook(runner.shutdownHook);
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

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the server (as a crash would: SIGKILL) but keeps the store. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(process);
      process = null;
    }
  }

  /** Stops the server gracefully (SIGTERM) and keeps the store. */
  public synchronized void stop() {
    if (process != null) {
      process.destroy();
      waitFor(process);
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
    try {
      return Files.exists(logFile) ? Files.readString(logFile) : "";
    } catch (IOException e) {
      return "<log unreadable: " + e + ">";
    }
  }

  @Override
  public void close() {
    try {
      stop();
      removeShutdownHook();
    } finally {
      deleteRecursively(storeDir);
      try {
        Files.deleteIfExists(logFile);
      } catch (IOException ignored) {
        // a leftover temp log is harmless
      }
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing to remove
    }
  }

  private void launch() {
    List<String> command = new ArrayList<>(List.of(
        binary.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port),
        "-js", "-sd", storeDir.toString()));
    command.addAll(extraArgs);
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nats-server exited with " + process.exitValue() + ":\n" + log());
      }
      if (log().contains("Server is ready") && canConnect()) {
        return;
      }
      sleep(20);
    }
    process.destroyForcibly();
    throw new IllegalStateException("nats-server not ready after " + START_TIMEOUT + ":\n" + log());
  }

  private boolean canConnect() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static Path findBinary() {
    String fromEnv = System.getenv("NATS_SERVER_BIN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    Path onPath = ExecutableFinder.onPath("nats-server");
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

  private static void waitFor(Process p) {
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for nats-server", e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp dirs are cleaned by the OS eventually
    }
  }
}
