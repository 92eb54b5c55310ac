package io.eventcontracts.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one code generation run needs; built by the Maven plugin (or a test, or a CLI) and handed to
 * {@link Codegen#execute(CodegenRequest)}.
 *
 * @param contractRoots directories holding contract files ({@code *.json}); each file's path relative to its root
 *     is its bundle path. Contracts extracted from dependency jars are passed as extra roots.
 * @param packageName Java package of the generated classes, e.g. {@code io.eventcontracts.ticketing}
 * @param javaOutputDirectory where generated {@code .java} files go
 * @param resourceOutputDirectory where the bundled contracts and the contract index go
 * @param stateFile where the run records input fingerprints for incremental builds; {@code null} disables
 *     incremental mode (every run regenerates)
 * @param defaultDialect the JSON Schema draft of files without {@code $schema}
 * @param doubleNumbers true to generate {@code Double} for {@code "type": "number"} (default {@code BigDecimal})
 * @param strict true to fail on lint findings (missing descriptions, untyped keywords, renamed classes)
 * @param unboundedIntegersLong true to generate {@code Long} (not {@code BigInteger}) for an integer left unbounded
 *     on a side; a valid value beyond ±2^63 then fails to bind
 * @param protobuf where the {@code .proto} contracts are and how to compile them; {@code null} when there are none
 */
public record CodegenRequest(
    List<Path> contractRoots,
    String packageName,
    Path javaOutputDirectory,
    Path resourceOutputDirectory,
    Path stateFile,
    io.eventcontracts.codegen.model.Dialect defaultDialect,
    boolean doubleNumbers,
    boolean strict,
    boolean unboundedIntegersLong,
    io.eventcontracts.codegen.proto.ProtobufOptions protobuf) {

  /** A request without Protobuf contracts. */
  public CodegenRequest(List<Path> contractRoots, String packageName, Path javaOutputDirectory,
      Path resourceOutputDirectory, Path stateFile, io.eventcontracts.codegen.model.Dialect defaultDialect,
      boolean doubleNumbers, boolean strict, boolean unboundedIntegersLong) {
    this(contractRoots, packageName, javaOutputDirectory, resourceOutputDirectory, stateFile, defaultDialect,
        doubleNumbers, strict, unboundedIntegersLong, null);
  }

  /** A request with unbounded integers as {@code BigInteger}. */
  public CodegenRequest(List<Path> contractRoots, String packageName, Path javaOutputDirectory,
      Path resourceOutputDirectory, Path stateFile, io.eventcontracts.codegen.model.Dialect defaultDialect,
      boolean doubleNumbers, boolean strict) {
    this(contractRoots, packageName, javaOutputDirectory, resourceOutputDirectory, stateFile, defaultDialect,
        doubleNumbers, strict, false, null);
  }

  /** A request with the defaults: 2020-12 for files without {@code $schema}, BigDecimal numbers, not strict. */
  public CodegenRequest(List<Path> contractRoots, String packageName, Path javaOutputDirectory,
      Path resourceOutputDirectory, Path stateFile) {
    this(contractRoots, packageName, javaOutputDirectory, resourceOutputDirectory, stateFile,
        io.eventcontracts.codegen.model.Dialect.DRAFT_2020_12, false, false, false, null);
  }

  public CodegenRequest {
    contractRoots = List.copyOf(Objects.requireNonNull(contractRoots, "contractRoots"));
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(javaOutputDirectory, "javaOutputDirectory");
    Objects.requireNonNull(resourceOutputDirectory, "resourceOutputDirectory");
    defaultDialect = defaultDialect == null ? io.eventcontracts.codegen.model.Dialect.DRAFT_2020_12 : defaultDialect;
  }
}
