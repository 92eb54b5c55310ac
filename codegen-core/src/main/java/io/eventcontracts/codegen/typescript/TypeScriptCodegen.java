package io.eventcontracts.codegen.typescript;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.generate.GeneratedFile;
import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Entry point of the TypeScript package generation (Maven goal {@code generate-typescript}): loads the contracts
 * into the model, allocates the TypeScript names, generates and writes the package sources. Needs no Node.
 */
public final class TypeScriptCodegen {

  private TypeScriptCodegen() {}

  /**
   * What one run needs.
   *
   * @param contractRoots directories of contract files (as for the Java generation)
   * @param outputDirectory the package directory written ({@code package.json}, {@code src/}, {@code schemas/})
   * @param options package name, version and description
   * @param defaultDialect the draft of contract files without {@code $schema}
   * @param protobuf the {@code .proto} contracts (a Protobuf-only event gets its derived JSON Schema); {@code null}
   *     when there are none
   */
  public record Request(List<Path> contractRoots, Path outputDirectory, TypeScriptOptions options,
      Dialect defaultDialect, ProtobufOptions protobuf) {

    /** A request without Protobuf contracts. */
    public Request(List<Path> contractRoots, Path outputDirectory, TypeScriptOptions options,
        Dialect defaultDialect) {
      this(contractRoots, outputDirectory, options, defaultDialect, null);
    }

    public Request {
      contractRoots = List.copyOf(contractRoots);
      Objects.requireNonNull(outputDirectory, "outputDirectory");
      Objects.requireNonNull(options, "options");
      defaultDialect = defaultDialect == null ? Dialect.DRAFT_2020_12 : defaultDialect;
    }
  }

  /**
   * What a run did.
   *
   * @param events event contracts in the package
   * @param files the files written
   * @param warnings lint findings (e.g. renamed types), as {@code file:line: message}
   */
  public record Result(int events, List<Path> files, List<String> warnings) {}

  /**
   * Generates and writes the package; files of an earlier run that are no longer produced are left alone except
   * under {@code src/} and {@code schemas/}, which are replaced as a whole.
   *
   * @throws ContractException with every contract and option error found
   * @throws UncheckedIOException when files cannot be read or written
   */
  public static Result execute(Request request) {
    List<ContractError> errors = new ArrayList<>();
    request.options().problems().forEach(p -> errors.add(new ContractError(null, 0, p, null)));
    if (!errors.isEmpty()) {
      throw new ContractException(errors);
    }
    ContractSet contracts = Codegen.load(request.contractRoots(),
        new JsonSchemaContractLoader.Options(request.defaultDialect(), false, false), request.protobuf()).contracts();
    TypeScriptNaming naming = TypeScriptNaming.allocate(contracts);
    List<GeneratedFile> files = TypeScriptGenerator.generate(contracts, naming, request.options());
    Path out = request.outputDirectory();
    deleteTree(out.resolve("src"));
    deleteTree(out.resolve("schemas"));
    List<Path> written = new ArrayList<>();
    for (GeneratedFile file : files) {
      Path path = out.resolve(file.relativePath());
      try {
        Files.createDirectories(path.getParent());
        Files.write(path, file.content());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
      written.add(path);
    }
    List<String> warnings = new ArrayList<>();
    naming.findings().forEach(f -> warnings.add(f.format()));
    return new Result(contracts.events().size(), written, warnings);
  }

  private static void deleteTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
