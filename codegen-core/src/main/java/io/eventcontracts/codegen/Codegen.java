package io.eventcontracts.codegen;

import io.eventcontracts.codegen.generate.ContractBundleGenerator;
import io.eventcontracts.codegen.generate.EventClassGenerator;
import io.eventcontracts.codegen.generate.EventTypesGenerator;
import io.eventcontracts.codegen.generate.GeneratedFile;
import io.eventcontracts.codegen.generate.ListenerGenerator;
import io.eventcontracts.codegen.generate.PublisherGenerator;
import io.eventcontracts.codegen.generate.SubjectsGenerator;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.naming.JavaNames;
import io.eventcontracts.codegen.naming.JavaNaming;
import io.eventcontracts.codegen.proto.ConsistencyChecker;
import io.eventcontracts.codegen.proto.ProtoContractDocument;
import io.eventcontracts.codegen.proto.ProtoOrigin;
import io.eventcontracts.codegen.proto.ProtobufContractLoader;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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

    Loaded loaded = load(request);
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
    List<GeneratedFile> files = generate(contracts, naming, request.packageName(), loaded.protoOrigins());
    files.addAll(loaded.protobufJava());

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

  /**
   * The contracts of a request in one model, with every error of every format collected.
   *
   * @param contracts the JSON Schema contracts plus the Protobuf contracts that have no JSON Schema twin
   * @param lint lint findings
   * @param protoOrigins the proto facts by subject, for every event defined in Protobuf (twin or not)
   * @param protobufJava protobuf-java sources protoc generated
   */
  public record Loaded(ContractSet contracts, List<ContractError> lint, Map<String, ProtoOrigin> protoOrigins,
      List<GeneratedFile> protobufJava) {}

  /**
   * Loads JSON Schema and Protobuf contracts into one model and checks every twin (a subject defined in both) with
   * the {@link ConsistencyChecker}.
   *
   * @throws ContractException with the errors of both formats and every twin mismatch
   */
  public static Loaded load(CodegenRequest request) {
    return load(request.contractRoots(), new JsonSchemaContractLoader.Options(request.defaultDialect(),
        request.doubleNumbers(), request.unboundedIntegersLong()), request.protobuf());
  }

  /**
   * Loads JSON Schema and Protobuf contracts into one model, as {@link #load(CodegenRequest)}: the entry point of
   * every generator and checker that reads contracts (Java, TypeScript, the catalog, the consistency check), so each
   * sees the same model.
   *
   * @param contractRoots directories of JSON Schema contract files
   * @param options how JSON Schema files are read
   * @param protobuf where the {@code .proto} contracts are and how to compile them; {@code null} when there are none
   * @throws ContractException with the errors of both formats and every twin mismatch
   */
  public static Loaded load(List<Path> contractRoots, JsonSchemaContractLoader.Options options,
      ProtobufOptions protobuf) {
    List<ContractError> errors = new ArrayList<>();
    ContractSet json = new ContractSet(List.of());
    List<ContractError> lint = new ArrayList<>();
    try {
      JsonSchemaContractLoader.Result loaded = JsonSchemaContractLoader.load(contractRoots, options);
      json = loaded.contracts();
      lint.addAll(loaded.lint());
    } catch (ContractException e) {
      errors.addAll(e.errors());
    }
    Map<String, ProtoOrigin> origins = new TreeMap<>();
    List<GeneratedFile> protobufJava = new ArrayList<>();
    List<Contract> all = new ArrayList<>(json.contracts());
    if (protobuf != null) {
      ProtobufContractLoader.Result proto = ProtobufContractLoader.load(protobuf.protoRoots(),
          new ProtobufContractLoader.Options(protobuf.protoc(), protobuf.workDirectory(), protobuf.generateJava()));
      errors.addAll(proto.errors());
      protobufJava.addAll(proto.javaSources());
      for (Contract contract : proto.contracts()) {
        ProtoContractDocument.of(contract).ifPresent(o -> origins.put(contract.subject(), o));
        Optional<Contract> twin = json.bySubject(contract.subject());
        if (twin.isPresent()) {
          errors.addAll(ConsistencyChecker.check(twin.get(), contract, json));
          continue;
        }
        Optional<Contract> samePath = all.stream().filter(c -> c.bundlePath().equals(contract.bundlePath()))
            .findFirst();
        if (samePath.isPresent()) {
          errors.add(new ContractError(contract.source().file(), contract.source().line(), "the derived JSON Schema "
              + "of message " + contract.name() + " would be bundled as " + contract.bundlePath() + ", already used"
              + " by " + samePath.get().source(), "rename the message or move the .proto file"));
          continue;
        }
        all.add(contract);
      }
    }
    if (!errors.isEmpty()) {
      throw new ContractException(ErrorCollector.sorted(errors));
    }
    return new Loaded(new ContractSet(all), lint, origins, protobufJava);
  }

  /** Runs every generator; the files are not written. Sorted by target and path. */
  public static List<GeneratedFile> generate(ContractSet contracts, String packageName) {
    return generate(contracts, JavaNaming.allocate(contracts), packageName);
  }

  /** Runs every generator with the names of one naming pass; the files are not written. */
  public static List<GeneratedFile> generate(ContractSet contracts, JavaNaming naming, String packageName) {
    return generate(contracts, naming, packageName, Map.of());
  }

  /**
   * Runs every generator; the bundle index names the protobuf-java class of every event with a proto origin.
   */
  public static List<GeneratedFile> generate(ContractSet contracts, JavaNaming naming, String packageName,
      Map<String, ProtoOrigin> protoOrigins) {
    List<GeneratedFile> files = new ArrayList<>();
    files.addAll(new EventClassGenerator(naming).generate(contracts, packageName));
    files.add(new SubjectsGenerator(naming).generate(contracts, packageName));
    files.add(new EventTypesGenerator(naming).generate(contracts, packageName));
    files.addAll(new ListenerGenerator(naming).generate(contracts, packageName));
    files.addAll(new PublisherGenerator(naming).generate(contracts, packageName));
    files.addAll(new ContractBundleGenerator(naming, protoOrigins).generate(contracts, packageName));
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
