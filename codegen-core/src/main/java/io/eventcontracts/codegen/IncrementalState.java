package io.eventcontracts.codegen;

import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fingerprint of one run, stored in {@link CodegenRequest#stateFile()}: inputs (generator version, package,
 * output directories, every contract file's path and SHA-256) and outputs (every written file's path and SHA-256),
 * plus the contract counts so an up-to-date run can report them without parsing anything.
 *
 * <p>The file is line-based text so it can be diffed when a build regenerates unexpectedly:
 * <pre>
 * # eventcontracts codegen state
 * generator=...
 * package=io.eventcontracts.ticketing
 * javaOut=/abs/target/generated-sources/eventcontracts
 * resourceOut=/abs/target/generated-resources/eventcontracts
 * input=0:ticket-created.json 5f2c...
 * counts=6 1
 * output=/abs/.../TicketCreatedEvent.java 9a0b...
 * </pre>
 */
record IncrementalState(List<String> inputLines, int events, int types, List<Output> outputs) {

  private static final String HEADER = "# eventcontracts codegen state; delete this file to force regeneration";

  record Output(Path file, String sha256) {}

  /** Fingerprints the inputs of a request: only lists and hashes files, parses nothing. */
  static List<String> fingerprintInputs(CodegenRequest request, String generatorVersion) {
    List<String> lines = new ArrayList<>();
    lines.add("generator=" + generatorVersion);
    lines.add("package=" + request.packageName());
    lines.add("javaOut=" + request.javaOutputDirectory().toAbsolutePath().normalize());
    lines.add("resourceOut=" + request.resourceOutputDirectory().toAbsolutePath().normalize());
    lines.add("options=defaultDialect:" + request.defaultDialect().shortName() + " doubleNumbers:"
        + request.doubleNumbers() + " strict:" + request.strict() + " unboundedIntegersLong:"
        + request.unboundedIntegersLong());
    List<Path> roots = request.contractRoots();
    for (int i = 0; i < roots.size(); i++) {
      Path root = roots.get(i);
      lines.add("root=" + i + ":" + root.toAbsolutePath().normalize() + (Files.isDirectory(root) ? "" : " missing"));
      Path mapping = root.resolve(JsonSchemaContractLoader.MAPPING_FILE);
      if (Files.isRegularFile(mapping)) {
        lines.add("mapping=" + i + " " + Hashing.sha256(mapping));
      }
      for (Path file : JsonSchemaContractLoader.contractFiles(root)) {
        lines.add("input=" + i + ":" + root.relativize(file).toString().replace('\\', '/') + " "
            + Hashing.sha256(file));
      }
    }
    if (request.protobuf() != null) {
      lines.add("protoc=" + request.protobuf().protoc().toAbsolutePath().normalize() + " java:"
          + request.protobuf().generateJava());
      List<Path> protoRoots = request.protobuf().protoRoots();
      for (int i = 0; i < protoRoots.size(); i++) {
        lines.add("protoRoot=" + i + ":" + protoRoots.get(i).toAbsolutePath().normalize());
      }
      io.eventcontracts.codegen.proto.ProtobufContractLoader.protoFiles(protoRoots).forEach((relative, file) ->
          lines.add("proto=" + relative + " " + Hashing.sha256(file)));
    }
    return lines;
  }

  /** Reads a stored state; {@code null} when there is none or it cannot be understood (forces regeneration). */
  static IncrementalState read(Path stateFile) {
    if (stateFile == null || !Files.isRegularFile(stateFile)) {
      return null;
    }
    try {
      List<String> inputs = new ArrayList<>();
      List<Output> outputs = new ArrayList<>();
      int events = -1;
      int types = -1;
      for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (line.startsWith("counts=")) {
          String[] counts = line.substring("counts=".length()).split(" ");
          events = Integer.parseInt(counts[0]);
          types = Integer.parseInt(counts[1]);
        } else if (line.startsWith("output=")) {
          String value = line.substring("output=".length());
          int space = value.lastIndexOf(' ');
          outputs.add(new Output(Path.of(value.substring(0, space)), value.substring(space + 1)));
        } else {
          inputs.add(line);
        }
      }
      return events < 0 ? null : new IncrementalState(inputs, events, types, outputs);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** True when every recorded output still exists with the recorded content. */
  boolean outputsIntact() {
    for (Output output : outputs) {
      if (!Files.isRegularFile(output.file()) || !Hashing.sha256(output.file()).equals(output.sha256())) {
        return false;
      }
    }
    return true;
  }

  void write(Path stateFile) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    inputLines.forEach(line -> text.append(line).append('\n'));
    text.append("counts=").append(events).append(' ').append(types).append('\n');
    outputs.forEach(o -> text.append("output=").append(o.file()).append(' ').append(o.sha256()).append('\n'));
    try {
      if (stateFile.getParent() != null) {
        Files.createDirectories(stateFile.getParent());
      }
      Files.writeString(stateFile, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + stateFile, e);
    }
  }
}
