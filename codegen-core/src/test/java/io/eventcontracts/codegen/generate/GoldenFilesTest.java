package io.eventcontracts.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares everything generated for two real contracts ({@code ticket-created.json}, {@code order-created.json} and
 * the shared {@code order-status.json} it references) with the checked-in files under
 * {@code src/test/resources/golden/} ({@code java/} for sources, {@code resources/} for the bundle). Any drift fails.
 *
 * <p>After an intended change to generated output, regenerate the golden files and review the diff:
 * <pre>
 * mvn -o -B -pl codegen-core test -Dtest=GoldenFilesTest -Deventcontracts.updateGolden=true
 * git diff codegen-core/src/test/resources/golden
 * </pre>
 * (also bump {@link Codegen#GENERATOR_VERSION} so incremental builds regenerate).
 */
class GoldenFilesTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final String PACKAGE = "io.eventcontracts.ticketing";

  @TempDir
  Path contracts;

  @Test
  void generatedFilesMatchTheGoldenFiles() throws IOException {
    for (String name : List.of("ticket-created.json", "order-created.json", "order-status.json")) {
      Files.copy(Path.of("../schemas/json", name), contracts.resolve(name));
    }
    List<GeneratedFile> files = Codegen.generate(JsonSchemaContractLoader.load(List.of(contracts)), PACKAGE);
    assertMatchesGolden(files, GOLDEN);
  }

  /**
   * The Protobuf golden set: {@code payment:created}, authored only in {@code ticketing/v1/payments.proto}, gives the
   * same kind of event class, Subjects entry and stubs as a JSON Schema contract, the derived JSON Schema in the
   * bundle, and the protobuf message and class in the index.
   */
  @Test
  void protobufContractsMatchTheirGoldenFiles() throws IOException {
    Path root = contracts.resolve("proto/ticketing/v1");
    Files.createDirectories(root);
    Files.copy(Path.of("../schemas/proto/ticketing/v1/payments.proto"), root.resolve("payments.proto"));
    Codegen.Loaded loaded = Codegen.load(new io.eventcontracts.codegen.CodegenRequest(List.of(), PACKAGE,
        contracts.resolve("java"), contracts.resolve("res"), null, null, false, false, false,
        new io.eventcontracts.codegen.proto.ProtobufOptions(List.of(contracts.resolve("proto")),
            Path.of(System.getProperty("eventcontracts.protoc")), contracts.resolve("work"), false)));
    List<GeneratedFile> files = Codegen.generate(loaded.contracts(),
        io.eventcontracts.codegen.naming.JavaNaming.allocate(loaded.contracts()), PACKAGE, loaded.protoOrigins());
    assertMatchesGolden(files, Path.of("src/test/resources/golden-proto"));
  }

  /**
   * The composition golden set: the draft-07 webhook corpus (oneOf with a discriminator, a union root told apart by
   * deduction, allOf with a narrowed enum, nullable forms, typed and open additional properties, +1/-1).
   */
  @Test
  void compositionContractsMatchTheirGoldenFiles() throws IOException {
    List<GeneratedFile> files = Codegen.generate(
        JsonSchemaContractLoader.load(List.of(Path.of("src/test/resources/corpus/webhooks"))), "com.example.webhooks");
    assertMatchesGolden(files, Path.of("src/test/resources/golden-composition"));
  }

  private static void assertMatchesGolden(List<GeneratedFile> files, Path golden) throws IOException {
    final Path GOLDEN = golden;
    if (Boolean.getBoolean("eventcontracts.updateGolden")) {
      deleteTree(GOLDEN);
      Files.createDirectories(GOLDEN);
      for (GeneratedFile file : files) {
        Path path = golden(GOLDEN, file);
        Files.createDirectories(path.getParent());
        Files.write(path, file.content());
      }
    }

    List<String> expected = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(GOLDEN)) {
      walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md"))
          .forEach(p -> expected.add(GOLDEN.relativize(p).toString().replace('\\', '/')));
    }
    // Codegen.generate returns sources first, then resources, each sorted by path: java/... before resources/...
    expected.sort(null);
    assertThat(files).extracting(f -> GOLDEN.relativize(golden(GOLDEN, f)).toString().replace('\\', '/'))
        .as("generated files, in order (run with -Deventcontracts.updateGolden=true after an intended change)")
        .containsExactlyElementsOf(expected);
    for (GeneratedFile file : files) {
      assertThat(file.contentAsString())
          .as("%s differs from the golden file (run with -Deventcontracts.updateGolden=true after an intended "
              + "change)", file.relativePath())
          .isEqualTo(Files.readString(golden(GOLDEN, file), StandardCharsets.UTF_8));
    }
  }

  private static Path golden(Path root, GeneratedFile file) {
    return root.resolve(file.target() == GeneratedFile.Target.JAVA_SOURCE ? "java" : "resources")
        .resolve(file.relativePath());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        if (!p.getFileName().toString().equals("README.md") && !p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }
}
