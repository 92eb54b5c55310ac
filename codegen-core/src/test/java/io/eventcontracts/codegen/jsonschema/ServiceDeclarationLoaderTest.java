package io.eventcontracts.codegen.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.ServiceDeclaration;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which services publish and consume an event: {@code x-publishers} / {@code x-consumers} in the contract, or
 * {@code publishers} / {@code consumers} in the mapping file (which wins), and the error for each malformed
 * declaration.
 */
class ServiceDeclarationLoaderTest {

  @TempDir
  Path root;

  static String event(String subject, String extra) {
    return """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Thing",
          "x-subject": "%s",
          "x-version": 1,
        %s
          "type": "object",
          "properties": { "id": { "description": "Id.", "type": "string" } }
        }
        """.formatted(subject, extra);
  }

  @Test
  void theTicketingContractsDeclareTheSeedsPublishersAndConsumers() {
    ContractSet set = JsonSchemaContractLoader.load(List.of(Path.of("../schemas/json")));
    assertThat(set.bySubject("ticket:created").orElseThrow().services())
        .isEqualTo(new ServiceDeclaration(List.of("tickets"), List.of("orders")));
    assertThat(set.bySubject("order:created").orElseThrow().services())
        .isEqualTo(new ServiceDeclaration(List.of("orders"), List.of("tickets", "expiration", "payments")));
    assertThat(set.bySubject("order:cancelled").orElseThrow().services().consumers())
        .containsExactly("tickets", "payments");
    assertThat(set.bySubject("expiration:complete").orElseThrow().services().publishers())
        .containsExactly("expiration");
    assertThat(set.bySubject("payment:created")).as("Protobuf-authored: declared by options, ProtobufContractLoaderTest")
        .isEmpty();
    assertThat(set.types().get(0).services()).isEqualTo(ServiceDeclaration.NONE);
  }

  @Test
  void keywordsDeclareInOrder() throws IOException {
    Files.writeString(root.resolve("a.json"), event("a:done",
        "  \"x-publishers\": [\"b-svc\", \"a.svc\"],\n  \"x-consumers\": [\"c_svc\"],"));
    ServiceDeclaration services = JsonSchemaContractLoader.load(List.of(root)).contracts().get(0).services();
    assertThat(services.publishers()).containsExactly("b-svc", "a.svc");
    assertThat(services.consumers()).containsExactly("c_svc");
    assertThat(services.isEmpty()).isFalse();
  }

  @Test
  void withoutDeclarationNothingIsDeclared() throws IOException {
    Files.writeString(root.resolve("a.json"), event("a:done", ""));
    ServiceDeclaration services = JsonSchemaContractLoader.load(List.of(root)).contracts().get(0).services();
    assertThat(services).isEqualTo(ServiceDeclaration.NONE);
    assertThat(services.isEmpty()).isTrue();
  }

  @Test
  void theMappingFileWinsOverTheKeywords() throws IOException {
    Files.writeString(root.resolve("a.json"), event("a:done", "  \"x-publishers\": [\"from-schema\"],"));
    Files.writeString(root.resolve("eventcontracts-mapping.json"), """
        { "contracts": { "a.json": { "publishers": ["from-mapping"], "consumers": ["reader"] } } }
        """);
    ServiceDeclaration services = JsonSchemaContractLoader.load(List.of(root)).contracts().get(0).services();
    assertThat(services).isEqualTo(new ServiceDeclaration(List.of("from-mapping"), List.of("reader")));
  }

  @Test
  void aListThatIsNotAnArrayIsAnError() throws IOException {
    Files.writeString(root.resolve("a.json"), event("a:done", "  \"x-publishers\": \"orders\","));
    ContractError e = single();
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.message()).isEqualTo("\"x-publishers\" is \"orders\", not an array of service names");
    assertThat(e.hint()).isEqualTo("write e.g. \"x-publishers\": [\"orders\", \"payments\"]");
  }

  @Test
  void aBadOrRepeatedNameIsAnErrorEach() throws IOException {
    Files.writeString(root.resolve("a.json"), event("a:done",
        "  \"x-consumers\": [\n    \"ok\",\n    \"two words\",\n    3,\n    \"ok\"\n  ],"));
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> JsonSchemaContractLoader.load(List.of(root)));
    assertThat(e.errors()).extracting(ContractError::line, ContractError::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(8, "\"x-consumers\" entry \"two words\" is not a service name"),
        org.assertj.core.groups.Tuple.tuple(9, "\"x-consumers\" entry 3 is not a service name"),
        org.assertj.core.groups.Tuple.tuple(10, "\"x-consumers\" lists \"ok\" twice"));
  }

  @Test
  void aMappingEntryWithABadListNamesTheMappingFile() throws IOException {
    Files.writeString(root.resolve("a.json"), event("a:done", ""));
    Files.writeString(root.resolve("eventcontracts-mapping.json"), """
        { "contracts": { "a.json": { "consumers": {} } } }
        """);
    ContractError e = single();
    assertThat(e.file().getFileName().toString()).isEqualTo("eventcontracts-mapping.json");
    assertThat(e.message()).isEqualTo("mapping for \"a.json\": \"consumers\" is {}, not an array of service names");
  }

  @Test
  void aSharedTypeCannotDeclareServices() throws IOException {
    Files.writeString(root.resolve("t.json"), """
        { "x-kind": "type", "x-consumers": ["orders"], "type": "string" }
        """);
    ContractError e = single();
    assertThat(e.message()).isEqualTo("a shared type contract declares \"x-consumers\"");
    assertThat(e.hint()).isEqualTo("declare publishers and consumers on the events that use the type");
  }

  @Test
  void draft04BooleanExclusiveBoundsBecomeExclusiveBoundsInTheModel() throws IOException {
    Files.writeString(root.resolve("a.json"), """
        { "$schema": "http://json-schema.org/draft-04/schema#", "x-subject": "a:b", "x-version": 1,
          "type": "object", "properties": {
            "n": { "type": "integer", "minimum": 0, "exclusiveMinimum": true, "maximum": 9, "exclusiveMaximum": true },
            "m": { "type": "integer", "minimum": 0, "exclusiveMinimum": false, "maximum": 9 } } }
        """);
    ObjectType type = (ObjectType) JsonSchemaContractLoader.load(List.of(root)).contracts().get(0).rootType();
    Constraints n = type.field("n").orElseThrow().constraints();
    assertThat(n.minimum()).isNull();
    assertThat(n.exclusiveMinimum()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(n.maximum()).isNull();
    assertThat(n.exclusiveMaximum()).isEqualByComparingTo(BigDecimal.valueOf(9));
    Constraints m = type.field("m").orElseThrow().constraints();
    assertThat(m.minimum()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(m.exclusiveMinimum()).isNull();
    assertThat(m.maximum()).isEqualByComparingTo(BigDecimal.valueOf(9));
  }

  private ContractError single() {
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> JsonSchemaContractLoader.load(List.of(root)));
    assertThat(e).as("expected a ContractException").isNotNull();
    assertThat(e.errors()).as(e.getMessage()).hasSize(1);
    return e.errors().get(0);
  }
}
