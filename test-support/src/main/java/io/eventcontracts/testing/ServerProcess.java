package io.eventcontracts.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of a server binary for tests: output appended to a log file, started when its log shows the ready line and
 * its loopback port accepts connections, stopped when asked or, failing that, when the JVM exits. Shared by
 * {@link NatsServerRunner} and the real NATS Streaming server runner.
 */
public final class ServerProcess {

  private final String name;
  private final Path logFile;
  private final Process process;
  private final Thread shutdownHook;

  private ServerProcess(String name, Path logFile, Process process) {
    this.name = name;
    this.logFile = logFile;
    this.process = process;
    this.shutdownHook = new Thread(this::kill, name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code command} and waits until the log contains {@code readyLine} and {@code 127.0.0.1:port} accepts a
   * connection.
   *
   * @throws IllegalStateException when the binary cannot start, exits early, or is not ready in {@code timeout}; the
   *     message carries the log
   */
  public static ServerProcess start(String name, List<String> command, Path logFile, String readyLine, int port,
      Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    ServerProcess server = new ServerProcess(name, logFile, process);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        server.removeShutdownHook();
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + server.log());
      }
      if (server.log().contains(readyLine) && canConnect(port)) {
        return server;
      }
      sleep(20, name);
    }
    server.kill();
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + server.log());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Graceful stop (SIGTERM), forced after 10 s. */
  public void stop() {
    process.destroy();
    waitForExit();
    removeShutdownHook();
  }

  /** As a crash would: SIGKILL. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
    removeShutdownHook();
  }

  /** Everything the server has logged so far (all runs that shared this log file). */
  public String log() {
    return readLog(logFile);
  }

  /** The content of a log file, or a placeholder when it cannot be read. */
  public static String readLog(Path logFile) {
    try {
      return Files.exists(logFile) ? Files.readString(logFile) : "";
    } catch (IOException e) {
      return "<log unreadable: " + e + ">";
    }
  }

  /** Finds an executable on the PATH, as a shell would; null when there is none. */
  public static Path onPath(String executable) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, executable);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** Deletes a temporary store directory and a log file; leftovers are harmless, so failures are ignored. */
  public static void deleteQuietly(Path dir, Path logFile) {
    if (dir != null && Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // temp dirs are cleaned by the OS eventually
      }
    }
    try {
      if (logFile != null) {
        Files.deleteIfExists(logFile);
      }
    } catch (IOException ignored) {
      // a leftover temp log is harmless
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void removeShutdownHook() {
    if (Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting: the hook runs or has run
    }
  }

  private static boolean canConnect(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long millis, String name) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
  }
}
