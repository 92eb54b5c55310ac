package io.eventcontracts.crosslanguage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's Node and the pinned npm toolchain of {@code src/test/node} (package.json + package-lock.json,
 * installed with {@code npm ci} into {@code target/node-harness}, once per build, logs in a file), and the generated
 * packages compiled with {@code tsc --strict} against it. Shared by every cross-language test of this module.
 */
final class NodeHarness {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path HARNESS = MODULE.resolve("target/node-harness");
  static final Path TICKETING = MODULE.resolve("target/typescript");
  static final Path LEDGER = MODULE.resolve("target/typescript-ledger");
  static final Path SCRIPTS = MODULE.resolve("src/test/node");

  private static NodeHarness instance;

  private NodeHarness() {}

  /** Installs the toolchain and compiles both generated packages, the first time it is asked for. */
  static synchronized NodeHarness get() {
    if (instance == null) {
      NodeHarness h = new NodeHarness();
      h.install();
      h.compile(TICKETING);
      h.compile(LEDGER);
      instance = h;
    }
    return instance;
  }

  private void install() {
    try {
      Files.createDirectories(HARNESS);
      byte[] lock = Files.readAllBytes(SCRIPTS.resolve("package-lock.json"));
      Path installed = HARNESS.resolve("node_modules/.eventcontracts-lock");
      if (Files.exists(installed) && java.util.Arrays.equals(Files.readAllBytes(installed), lock)) {
        return;
      }
      Files.copy(SCRIPTS.resolve("package.json"), HARNESS.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
      Files.write(HARNESS.resolve("package-lock.json"), lock);
      run(HARNESS, HARNESS.resolve("npm-ci.log"), 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
      Files.write(installed, lock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code tsc -p tsconfig.json} (strict) in a generated package, against the harness' node_modules. */
  void compile(Path packageDir) {
    try {
      Path link = packageDir.resolve("node_modules");
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, HARNESS.resolve("node_modules"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(packageDir, packageDir.resolve("tsc.log"), 300, "node", tsc(), "-p", "tsconfig.json");
  }

  /** The TypeScript compiler's entry script. */
  static String tsc() {
    return HARNESS.resolve("node_modules/typescript/bin/tsc").toString();
  }

  /**
   * Runs a command to completion; its output goes to {@code log}.
   *
   * @return the exit code when zero
   * @throws AssertionError naming the command and quoting the log's end otherwise
   */
  static String run(Path dir, Path log, int timeoutSeconds, String... command) {
    Result r = runAllowingFailure(dir, log, timeoutSeconds, command);
    if (r.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed in " + dir + " (exit " + r.exitCode() + "):\n"
          + tail(r.output()) + "\n(full output: " + log + ")");
    }
    return r.output();
  }

  /** What a command printed (stdout and stderr) and its exit code. */
  record Result(int exitCode, String output) {}

  static Result runAllowingFailure(Path dir, Path log, int timeoutSeconds, String... command) {
    List<String> cmd = new ArrayList<>(List.of(command));
    try {
      Files.createDirectories(log.getParent());
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s (log: "
            + log + ")");
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(command[0] + " cannot be started (" + e.getMessage() + "): the cross-language tests"
          + " need Node 20 and npm on the PATH; bash scripts/ensure-tools.sh installs them", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
  }
}
