package io.eventcontracts.codegen;

import io.eventcontracts.codegen.generate.ContractBundleGenerator;
import io.eventcontracts.codegen.generate.EventClassGenerator;
import io.eventcontracts.codegen.generate.EventTypesGenerator;
import io.eventcontracts.codegen.generate.GeneratedFile;
import io.eventcontracts.codegen.generate.ListenerGenerator;
import io.eventcontracts.codegen.generate.PublisherGenerator;
import io.eventcontracts.codegen.generate.SubjectsGenerator;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.naming.JavaNames;
import io.eventcontracts.codegen.naming.JavaNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Entry point: loads the contracts of a request into the model, checks them, and runs every generator.
 *
 * <p>Steps: (1) with a state file, fingerprint the inputs (file hashes only, nothing is parsed) and return
 * {@code upToDate} when they and every previously written output are unchanged; (2) load all contracts, collecting
 * every error into one {@link ContractException}; (3) run the generators, which return files in memory;
 * (4) write them, delete outputs of the previous run that are no longer produced, record the new state.
 */
public final class Codegen {

  /**
   * Part of the incremental fingerprint: bump the revision whenever generated output changes for the same input,
   * so builds regenerate after an upgrade.
   */
  public static final String GENERATOR_VERSION = "eventcontracts-codegen/0.1.0 output-revision-3";

  private Codegen() {}

  /**
   * Runs one generation.
   *
   * @throws ContractException with every contract error found, when any contract is invalid
   * @throws java.io.UncheckedIOException when files cannot be read or written
   */
  public static CodegenResult execute(CodegenRequest request) {
    long start = System.nanoTime();
    if (!JavaNames.isValidPackageName(request.packageName())) {
      throw new IllegalArgumentException("package name \"" + request.packageName()
          + "\" is not a valid Java package name; use e.g. io.eventcontracts.ticketing");
    }
    List<String> inputs = null;
    IncrementalState previous = null;
    if (request.stateFile() != null) {
      inputs = IncrementalState.fingerprintInputs(request, GENERATOR_VERSION);
      previous = IncrementalState.read(request.stateFile());
      if (previous != null && previous.inputLines().equals(inputs) && previous.outputsIntact()) {
        return new CodegenResult(previous.events(), previous.types(), true, List.of(), List.of(), elapsed(start));
      }
    }

    JsonSchemaContractLoader.Result loaded = JsonSchemaContractLoader.load(request.contractRoots(),
        new JsonSchemaContractLoader.Options(request.defaultDialect(), request.doubleNumbers(),
            request.unboundedIntegersLong()));
    ContractSet contracts = loaded.contracts();
    JavaNaming naming = JavaNaming.allocate(contracts);
    List<ContractError> lint = new ArrayList<>(loaded.lint());
    lint.addAll(naming.findings());
    if (request.strict() && !lint.isEmpty()) {
      throw new ContractException(lint);
    }
    List<String> warnings = new ArrayList<>();
    lint.forEach(l -> warnings.add(l.format()));
    if (contracts.contracts().isEmpty()) {
      warnings.add(request.contractRoots() + ": no contract files (*.json) found; nothing to generate");
    }
    List<GeneratedFile> files = generate(contracts, naming, request.packageName());

    List<Path> written = new ArrayList<>();
    List<IncrementalState.Output> outputs = new ArrayList<>();
    for (GeneratedFile file : files) {
      Path dir = file.target() == GeneratedFile.Target.JAVA_SOURCE
          ? request.javaOutputDirectory() : request.resourceOutputDirectory();
      Path path = dir.resolve(file.relativePath());
      write(path, file.content());
      written.add(path);
      outputs.add(new IncrementalState.Output(path.toAbsolutePath().normalize(), Hashing.sha256(file.content())));
    }
    if (previous != null) {
      deleteStale(previous, outputs);
    }
    if (request.stateFile() != null) {
      new IncrementalState(inputs, contracts.events().size(), contracts.types().size(), outputs)
          .write(request.stateFile());
    }
    return new CodegenResult(contracts.events().size(), contracts.types().size(), false, written, warnings,
        elapsed(start));
  }

  /** Runs every generator; the files are not written. Sorted by target and path. */
  public static List<GeneratedFile> generate(ContractSet contracts, String packageName) {
    return generate(contracts, JavaNaming.allocate(contracts), packageName);
  }

  /** Runs every generator with the names of one naming pass; the files are not written. */
  public static List<GeneratedFile> generate(ContractSet contracts, JavaNaming naming, String packageName) {
    List<GeneratedFile> files = new ArrayList<>();
    files.addAll(new EventClassGenerator(naming).generate(contracts, packageName));
    files.add(new SubjectsGenerator(naming).generate(contracts, packageName));
    files.add(new EventTypesGenerator(naming).generate(contracts, packageName));
    files.addAll(new ListenerGenerator(naming).generate(contracts, packageName));
    files.addAll(new PublisherGenerator(naming).generate(contracts, packageName));
    files.addAll(new ContractBundleGenerator(naming).generate(contracts, packageName));
    files.sort((a, b) -> a.target() != b.target() ? a.target().compareTo(b.target())
        : a.relativePath().compareTo(b.relativePath()));
    return files;
  }

  private static void write(Path path, byte[] content) {
    try {
      Files.createDirectories(path.getParent());
      Files.write(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static void deleteStale(IncrementalState previous, List<IncrementalState.Output> current) {
    Set<Path> keep = new HashSet<>();
    current.forEach(o -> keep.add(o.file()));
    for (IncrementalState.Output old : previous.outputs()) {
      if (!keep.contains(old.file())) {
        try {
          Files.deleteIfExists(old.file());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete stale generated file " + old.file(), e);
        }
      }
    }
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
