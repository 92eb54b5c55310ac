package io.eventcontracts.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade: files written, determinism, incremental no-op and its triggers, the bundle index. */
class CodegenTest {

  static final Path TICKETING = Path.of("../schemas/json");
  static final String PACKAGE = "io.eventcontracts.ticketing";

  @TempDir
  Path dir;

  /** The ticketing contracts: JSON Schemas plus the .proto files (payment:created is authored only there). */
  CodegenRequest request(Path out, Path state, Path... roots) {
    return new CodegenRequest(List.of(roots.length == 0 ? new Path[] {TICKETING} : roots), PACKAGE,
        out.resolve("java"), out.resolve("resources"), state, io.eventcontracts.codegen.model.Dialect.DRAFT_2020_12,
        false, false, false, new io.eventcontracts.codegen.proto.ProtobufOptions(List.of(TICKETING_PROTO),
            Path.of(System.getProperty("eventcontracts.protoc")), protocWork, false));
  }

  /** Only JSON Schema contracts. */
  CodegenRequest jsonOnly(Path out, Path state, Path... roots) {
    return new CodegenRequest(List.of(roots), PACKAGE, out.resolve("java"), out.resolve("resources"), state);
  }

  @TempDir
  Path protocWork;

  static final Path TICKETING_PROTO = Path.of("../schemas/proto");

  @Test
  void generatesClassesStubsAndBundle() throws IOException {
    CodegenResult result = Codegen.execute(request(dir, null));

    assertThat(result.eventContracts()).isEqualTo(6);
    assertThat(result.typeContracts()).isEqualTo(1);
    assertThat(result.upToDate()).isFalse();
    assertThat(result.summary()).startsWith("eventcontracts: 6 events, 1 type: generated ");
    Map<String, byte[]> files = tree(dir);
    assertThat(files.keySet()).contains(
        "java/io/eventcontracts/ticketing/TicketCreatedEvent.java",
        "java/io/eventcontracts/ticketing/ExpirationCompleteEvent.java",
        "java/io/eventcontracts/ticketing/OrderCreatedTicket.java",
        "java/io/eventcontracts/ticketing/OrderCancelledTicket.java",
        "java/io/eventcontracts/ticketing/OrderStatus.java",
        "java/io/eventcontracts/ticketing/Subjects.java",
        "java/io/eventcontracts/ticketing/EventTypes.java",
        "java/io/eventcontracts/ticketing/TicketCreatedListener.java",
        "java/io/eventcontracts/ticketing/TicketCreatedPublisher.java",
        "resources/META-INF/eventcontracts/index.json",
        "resources/META-INF/eventcontracts/schemas/order-status.json");
    assertThat(files).hasSize(9 + 2 + 6 + 6 + 7 + 1);
    assertThat(result.writtenFiles()).hasSize(files.size());
    assertThat(files.get("resources/META-INF/eventcontracts/schemas/ticket-created.json"))
        .isEqualTo(Files.readAllBytes(TICKETING.resolve("ticket-created.json")));
    String index = new String(files.get("resources/META-INF/eventcontracts/index.json"), StandardCharsets.UTF_8);
    assertThat(index).contains("\"name\" : \"TicketCreated\",\n      \"kind\" : \"event\",\n"
        + "      \"subject\" : \"ticket:created\",\n      \"version\" : 1,\n"
        + "      \"id\" : \"https://eventcontracts.io/schemas/ticketing/ticket-created.json\",\n"
        + "      \"format\" : \"json-schema\",\n"
        + "      \"dialect\" : \"https://json-schema.org/draft/2020-12/schema\",\n"
        + "      \"resource\" : \"META-INF/eventcontracts/schemas/ticket-created.json\",\n"
        + "      \"javaType\" : \"io.eventcontracts.ticketing.TicketCreatedEvent\",\n"
        + "      \"sha256\" : \"" + Hashing.sha256(TICKETING.resolve("ticket-created.json")) + "\"");
    assertThat(index).contains("\"name\" : \"OrderStatus\",\n      \"kind\" : \"type\",\n      \"version\" : 1,");
  }

  @Test
  void sameInputGivesByteIdenticalOutput() throws IOException {
    Codegen.execute(request(dir.resolve("one"), null));
    Codegen.execute(request(dir.resolve("two"), null));

    Map<String, byte[]> one = tree(dir.resolve("one"));
    Map<String, byte[]> two = tree(dir.resolve("two"));
    assertThat(two.keySet()).isEqualTo(one.keySet());
    one.forEach((path, bytes) -> assertThat(two.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void incrementalRunsSkipWorkUntilAnInputOrAnOutputChanges() throws IOException {
    Path contracts = copyTicketing();
    Path state = dir.resolve("state/codegen.state");
    Path out = dir.resolve("out");

    CodegenResult first = Codegen.execute(request(out, state, contracts));
    assertThat(first.upToDate()).isFalse();
    assertThat(state).exists();

    CodegenResult second = Codegen.execute(request(out, state, contracts));
    assertThat(second.upToDate()).isTrue();
    assertThat(second.writtenFiles()).isEmpty();
    assertThat(second.eventContracts()).isEqualTo(6);
    assertThat(second.typeContracts()).isEqualTo(1);
    assertThat(second.summary()).contains("up to date");

    // touching a contract (content change) regenerates
    Path ticketCreated = contracts.resolve("ticket-created.json");
    Files.writeString(ticketCreated, Files.readString(ticketCreated) + "\n");
    assertThat(Codegen.execute(request(out, state, contracts)).upToDate()).isFalse();
    assertThat(Codegen.execute(request(out, state, contracts)).upToDate()).isTrue();

    // deleting an output regenerates
    Path subjects = out.resolve("java/io/eventcontracts/ticketing/Subjects.java");
    Files.delete(subjects);
    assertThat(Codegen.execute(request(out, state, contracts)).upToDate()).isFalse();
    assertThat(subjects).exists();

    // editing an output regenerates
    Files.writeString(subjects, "// edited\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(Codegen.execute(request(out, state, contracts)).upToDate()).isFalse();
    assertThat(Files.readString(subjects)).doesNotContain("// edited");

    // another package name regenerates
    CodegenRequest otherPackage = new CodegenRequest(List.of(contracts), "com.example.other",
        out.resolve("java"), out.resolve("resources"), state);
    assertThat(Codegen.execute(otherPackage).upToDate()).isFalse();
    assertThat(out.resolve("java/com/example/other/Subjects.java")).exists();
    assertThat(subjects).as("stale outputs of the previous run are removed").doesNotExist();
  }

  @Test
  void removingAContractRemovesItsGeneratedFiles() throws IOException {
    Path contracts = copyTicketing();
    Path state = dir.resolve("codegen.state");
    Path out = dir.resolve("out");
    Codegen.execute(request(out, state, contracts));
    Path publisher = out.resolve("java/io/eventcontracts/ticketing/OrderCancelledPublisher.java");
    assertThat(publisher).exists();

    Files.delete(contracts.resolve("order-cancelled.json"));
    CodegenResult result = Codegen.execute(request(out, state, contracts));

    assertThat(result.eventContracts()).isEqualTo(5);
    assertThat(publisher).doesNotExist();
    assertThat(out.resolve("resources/META-INF/eventcontracts/schemas/order-cancelled.json")).doesNotExist();
  }

  @Test
  void contractErrorsFailTheRunAndWriteNothing() throws IOException {
    Path contracts = Files.createDirectories(dir.resolve("contracts"));
    Files.writeString(contracts.resolve("bad.json"), "{ \"$schema\": 1 }");
    CodegenRequest request = request(dir.resolve("out"), dir.resolve("state"), contracts);

    assertThatThrownBy(() -> Codegen.execute(request)).isInstanceOf(ContractException.class)
        .hasMessageContaining("bad.json:1: \"$schema\" is 1, not a JSON Schema draft this toolkit reads");
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void manyContractsGenerateAndASecondRunWritesNothing() throws IOException {
    // Speed is measured by benchmarks/codegen/run.sh (docs/benchmarks.md), never asserted in a test.
    Path contracts = Files.createDirectories(dir.resolve("many"));
    String template = Files.readString(TICKETING.resolve("ticket-created.json"));
    for (int i = 0; i < 300; i++) {
      Files.writeString(contracts.resolve(String.format("event-%04d.json", i)), template
          .replace("ticket-created.json", "event-" + i + ".json")
          .replace("ticket:created", "event" + i + ":created")
          .replace("\"TicketCreated\"", "\"Event" + i + "Created\""));
    }
    Path state = dir.resolve("codegen.state");
    CodegenResult first = Codegen.execute(jsonOnly(dir.resolve("out"), state, contracts));
    assertThat(first.eventContracts()).isEqualTo(300);

    CodegenResult second = Codegen.execute(jsonOnly(dir.resolve("out"), state, contracts));

    assertThat(second.upToDate()).isTrue();
    assertThat(second.writtenFiles()).isEmpty();
    assertThat(second.eventContracts()).isEqualTo(300);
  }

  @Test
  void invalidPackageNameIsRefused() {
    CodegenRequest request = new CodegenRequest(List.of(TICKETING), "io.class.x", dir, dir, null);
    assertThatThrownBy(() -> Codegen.execute(request)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"io.class.x\" is not a valid Java package name");
  }

  private Path copyTicketing() throws IOException {
    Path contracts = Files.createDirectories(dir.resolve("contracts"));
    try (Stream<Path> files = Files.list(TICKETING)) {
      for (Path file : files.toList()) {
        Files.copy(file, contracts.resolve(file.getFileName()));
      }
    }
    return contracts;
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
