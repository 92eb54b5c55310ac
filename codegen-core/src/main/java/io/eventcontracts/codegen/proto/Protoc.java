package io.eventcontracts.codegen.proto;

import io.eventcontracts.codegen.ContractError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the protoc executable (taken from Maven Central by the plugin) to parse {@code .proto} files into a
 * {@code FileDescriptorSet} with source info, and optionally to write protobuf-java sources. The include path holds
 * the contract roots, the well-known types (read from the protobuf-java jar), {@code eventcontracts/options.proto}
 * (read from this jar) and {@code buf/validate/validate.proto} (from the protovalidate jar), so users install
 * nothing.
 */
public final class Protoc {

  /** Well-known type files shipped inside protobuf-java, put on the include path. */
  static final List<String> WELL_KNOWN = List.of("any", "api", "descriptor", "duration", "empty", "field_mask",
      "source_context", "struct", "timestamp", "type", "wrappers");

  /** The options file shipped in this jar. */
  public static final String OPTIONS_PROTO = "eventcontracts/options.proto";

  /**
   * protovalidate's rule definitions, read from the {@code build.buf:protovalidate} jar (a dependency of this one), so
   * a contract can {@code import "buf/validate/validate.proto"} with nothing installed.
   */
  public static final String VALIDATE_PROTO = "buf/validate/validate.proto";

  private static final Pattern LOCATED = Pattern.compile("^(.+?):(\\d+):(\\d+): (.*)$");
  private static final Pattern FILE_ONLY = Pattern.compile("^([^:\\s]+\\.proto): (.*)$");

  private final Path executable;
  private final Path workDirectory;

  /**
   * @param executable the protoc binary; copied and made executable when it is not (Maven downloads it without the
   *     executable bit)
   * @param workDirectory scratch space for the include files and protoc's output
   */
  public Protoc(Path executable, Path workDirectory) {
    this.executable = executable;
    this.workDirectory = workDirectory;
  }

  /**
   * What one protoc run produced.
   *
   * @param descriptorSet the serialized {@code FileDescriptorSet}, or {@code null} when protoc failed
   * @param javaOut the directory with protobuf-java sources, or {@code null}
   * @param errors protoc's diagnostics, located at the contract files
   */
  public record Output(byte[] descriptorSet, Path javaOut, List<ContractError> errors) {}

  /**
   * Compiles the files.
   *
   * @param roots the contract roots, in order (a file belongs to the first root that holds it)
   * @param files the input files, relative to their root, {@code /}-separated
   * @param java true to also generate protobuf-java sources
   */
  public Output run(List<Path> roots, List<String> files, boolean java) {
    try {
      Files.createDirectories(workDirectory);
      Path include = workDirectory.resolve("include");
      for (String name : WELL_KNOWN) {
        copyResource("google/protobuf/" + name + ".proto", include);
      }
      copyResource(OPTIONS_PROTO, include);
      copyResource(VALIDATE_PROTO, include);
      Path set = workDirectory.resolve("descriptors.pb");
      Files.deleteIfExists(set);
      Path javaOut = workDirectory.resolve("java");
      deleteTree(javaOut);
      List<String> command = new ArrayList<>();
      command.add(runnable().toString());
      for (Path root : roots) {
        command.add("--proto_path=" + root.toAbsolutePath());
      }
      command.add("--proto_path=" + include.toAbsolutePath());
      command.add("--descriptor_set_out=" + set.toAbsolutePath());
      command.add("--include_imports");
      command.add("--include_source_info");
      if (java) {
        Files.createDirectories(javaOut);
        command.add("--java_out=" + javaOut.toAbsolutePath());
      }
      command.addAll(files);
      if (java) {
        // protoc's classes refer to the options' descriptor class; generate it beside them
        command.add(OPTIONS_PROTO);
      }
      Path log = workDirectory.resolve("protoc.log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("protoc did not finish within 120 s: " + command);
      }
      List<ContractError> errors = diagnostics(Files.readAllLines(log, StandardCharsets.UTF_8), roots);
      if (process.exitValue() != 0) {
        if (errors.isEmpty()) {
          errors = List.of(new ContractError(null, 0, "protoc failed with exit code " + process.exitValue()
              + ": " + String.join(" ", Files.readAllLines(log, StandardCharsets.UTF_8)),
              "check the .proto files and the protoc artifact"));
        }
        return new Output(null, null, errors);
      }
      return new Output(Files.readAllBytes(set), java ? javaOut : null, errors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run protoc " + executable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running protoc", e);
    }
  }

  /** protoc's {@code file:line:column: message} lines as contract errors at the contract files. */
  static List<ContractError> diagnostics(List<String> lines, List<Path> roots) {
    List<ContractError> errors = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("[libprotobuf")) {
        continue;
      }
      Matcher located = LOCATED.matcher(line);
      if (located.matches() && located.group(4).startsWith("warning:")) {
        continue;
      }
      if (located.matches()) {
        errors.add(new ContractError(locate(located.group(1), roots), Integer.parseInt(located.group(2)),
            located.group(4).strip(), hint(located.group(4))));
        continue;
      }
      Matcher fileOnly = FILE_ONLY.matcher(line);
      if (fileOnly.matches()) {
        errors.add(new ContractError(locate(fileOnly.group(1), roots), 0, fileOnly.group(2).strip(),
            hint(fileOnly.group(2))));
      } else if (line.contains("warning:")) {
        continue;
      } else {
        errors.add(new ContractError(null, 0, "protoc: " + line.strip(), "fix the .proto file protoc names"));
      }
    }
    return errors;
  }

  private static String hint(String message) {
    if (message.contains("not found") || message.contains("Import")) {
      return "put the imported file below a contract root (or import \"" + OPTIONS_PROTO
          + "\" / a google/protobuf well-known type, which are always available)";
    }
    return "fix the .proto syntax (protoc's message above)";
  }

  private static Path locate(String file, List<Path> roots) {
    for (Path root : roots) {
      Path candidate = root.resolve(file);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return Path.of(file);
  }

  private Path runnable() throws IOException {
    if (Files.isExecutable(executable)) {
      return executable;
    }
    Path copy = workDirectory.resolve("bin").resolve("protoc");
    Files.createDirectories(copy.getParent());
    Files.copy(executable, copy, StandardCopyOption.REPLACE_EXISTING);
    if (!copy.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + copy + " executable");
    }
    return copy;
  }

  private static void copyResource(String name, Path include) throws IOException {
    Path target = include.resolve(name);
    Files.createDirectories(target.getParent());
    try (InputStream in = Protoc.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("resource " + name + " is missing from the class path (protobuf-java, "
            + "build.buf:protovalidate or eventcontracts-codegen-core jar)");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
