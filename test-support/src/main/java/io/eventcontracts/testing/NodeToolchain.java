package io.eventcontracts.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine's Node with the pinned npm toolchain the cross-language tests use (typescript, ajv, ajv-formats,
 * ajv-draft-04, nats, node-nats-streaming, @types/node): {@code package.json} and {@code package-lock.json} ship in
 * this jar ({@code io/eventcontracts/testing/node/}), are installed with {@code npm ci} into a directory of the
 * calling module's {@code target/} once (again only when the lock file changes), output to {@code npm-ci.log}.
 * Generated TypeScript packages are compiled against it with {@code tsc} (their tsconfig is strict).
 */
public final class NodeToolchain {

  private static final String RESOURCES = "node/";
  private final Path directory;

  private NodeToolchain(Path directory) {
    this.directory = directory;
  }

  /**
   * Installs the toolchain into {@code directory} unless the same lock file is already installed there.
   *
   * @throws AssertionError when Node/npm are missing or {@code npm ci} fails, quoting its log
   */
  public static synchronized NodeToolchain install(Path directory) {
    try {
      Files.createDirectories(directory);
      byte[] lock = resource("package-lock.json");
      Path marker = directory.resolve("node_modules/.eventcontracts-lock");
      if (!Files.exists(marker) || !Arrays.equals(Files.readAllBytes(marker), lock)) {
        Files.write(directory.resolve("package.json"), resource("package.json"));
        Files.write(directory.resolve("package-lock.json"), lock);
        run(directory, directory.resolve("npm-ci.log"), 300, Map.of(), "npm", "ci", "--no-audit", "--no-fund",
            "--loglevel=error");
        Files.write(marker, lock);
      }
      return new NodeToolchain(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = NodeToolchain.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCES + name + " missing from eventcontracts-test-support");
      }
      return in.readAllBytes();
    }
  }

  /** Where the toolchain is installed. */
  public Path directory() {
    return directory;
  }

  /** The installed {@code node_modules}. */
  public Path nodeModules() {
    return directory.resolve("node_modules");
  }

  /**
   * Links the toolchain's {@code node_modules} into a generated package and runs {@code tsc -p tsconfig.json} there.
   *
   * @throws AssertionError with the compiler's output when it fails
   */
  public void compile(Path packageDir) {
    link(packageDir);
    run(packageDir, packageDir.resolve("tsc.log"), 300, Map.of(), "node", tsc(), "-p", "tsconfig.json");
  }

  /** Makes {@code node_modules} of the toolchain visible from {@code dir} (a symbolic link). */
  public void link(Path dir) {
    try {
      Path link = dir.resolve("node_modules");
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, nodeModules());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The TypeScript compiler's entry script. */
  public String tsc() {
    return nodeModules().resolve("typescript/bin/tsc").toString();
  }

  /** What a finished command printed (stdout and stderr, in order) and its exit code. */
  public record Result(int exitCode, String output) {}

  /**
   * Runs a command to completion, output (stdout and stderr) to {@code log}.
   *
   * @return the output, when the exit code is zero
   * @throws AssertionError naming the command and quoting the end of its output otherwise
   */
  public static String run(Path dir, Path log, int timeoutSeconds, Map<String, String> env, String... command) {
    Result r = runAllowingFailure(dir, log, timeoutSeconds, env, command);
    if (r.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed in " + dir + " (exit " + r.exitCode() + "):\n"
          + tail(r.output()) + "\n(full output: " + log + ")");
    }
    return r.output();
  }

  /** Runs a command to completion, output to {@code log}; the caller judges the exit code. */
  public static Result runAllowingFailure(Path dir, Path log, int timeoutSeconds, Map<String, String> env,
      String... command) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s (log: "
            + log + "):\n" + tail(Files.readString(log, StandardCharsets.UTF_8)));
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(command[0] + " cannot be started (" + e.getMessage() + "): the cross-language tests"
          + " need Node (>= 18) and npm on the PATH; bash scripts/ensure-tools.sh installs them", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Starts a long-running command (a Node listener), output to {@code log}; the caller stops it.
   */
  public static Process start(Path dir, Path log, Map<String, String> env, String... command) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().putAll(env);
      return pb.start();
    } catch (IOException e) {
      throw new AssertionError(command[0] + " cannot be started (" + e.getMessage() + "): the cross-language tests"
          + " need Node (>= 18) and npm on the PATH; bash scripts/ensure-tools.sh installs them", e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
  }
}
