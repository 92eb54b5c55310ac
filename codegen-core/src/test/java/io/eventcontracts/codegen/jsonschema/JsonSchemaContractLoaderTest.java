package io.eventcontracts.codegen.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractKind;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per contract error: each asserts the file, the line and the message text, because the message is the
 * product here. Schemas are written inline to a temp dir; property schemas start on line 10 (see {@link #event}).
 */
class JsonSchemaContractLoaderTest {

  @TempDir
  Path root;

  // ------------------------------------------------------------------------------------------ the real contracts

  @Test
  void loadsTheTicketingContractsIntoTheModel() {
    ContractSet set = JsonSchemaContractLoader.load(List.of(Path.of("../schemas/json")));

    assertThat(set.contracts()).extracting(Contract::bundlePath).containsExactly(
        "expiration-complete.json", "order-cancelled.json", "order-created.json", "order-status.json",
        "ticket-created.json", "ticket-updated.json");
    assertThat(set.events()).as("payment:created is authored in ../schemas/proto only").hasSize(5);
    assertThat(set.types()).hasSize(1);

    Contract orderCreated = set.bySubject("order:created").orElseThrow();
    assertThat(orderCreated.name()).isEqualTo("OrderCreated");
    assertThat(orderCreated.kind()).isEqualTo(ContractKind.EVENT);
    assertThat(orderCreated.version()).isEqualTo(1);
    assertThat(orderCreated.id()).isEqualTo("https://eventcontracts.io/schemas/ticketing/order-created.json");
    assertThat(orderCreated.sha256()).hasSize(64);
    ObjectType root = (ObjectType) orderCreated.rootType();
    assertThat(root.closed()).isTrue();
    assertThat(root.fields()).extracting(Field::name)
        .containsExactly("id", "version", "status", "userId", "expiresAt", "ticket");
    assertThat(root.field("expiresAt").orElseThrow().type()).isEqualTo(PrimitiveType.DATE_TIME);
    assertThat(root.field("version").orElseThrow().type()).isEqualTo(PrimitiveType.LONG);
    Field status = root.field("status").orElseThrow();
    assertThat(status.type()).isEqualTo(
        new TypeRef("https://eventcontracts.io/schemas/ticketing/order-status.json", ""));
    assertThat(status.location().line()).isEqualTo(23);
    assertThat(set.resolve((TypeRef) status.type())).isInstanceOfSatisfying(EnumType.class, e -> {
      assertThat(e.name()).isEqualTo("OrderStatus");
      assertThat(e.values()).containsExactly("created", "cancelled", "awaiting:payment", "complete");
    });
    ObjectType ticket = (ObjectType) root.field("ticket").orElseThrow().type();
    assertThat(ticket.name()).isEqualTo("OrderCreatedTicket");
    assertThat(ticket.location().pointer()).isEqualTo("/properties/ticket");
    assertThat(ticket.field("price").orElseThrow().type()).isEqualTo(PrimitiveType.DECIMAL);

    ObjectType ticketUpdated = (ObjectType) set.bySubject("ticket:updated").orElseThrow().rootType();
    assertThat(ticketUpdated.field("orderId").orElseThrow().required()).isFalse();
    assertThat(ticketUpdated.field("id").orElseThrow().required()).isTrue();
  }

  @Test
  void nullableListsAndDefinitionsAreModelled() throws IOException {
    write("a.json", event("a.json", "a:happened", """
            "tags": { "description": "Tags.", "type": "array", "items": { "type": "string" } },
            "note": { "description": "Note.", "type": ["string", "null"] },
            "count": { "description": "Count.", "type": "integer", "format": "int64", "minimum": 0 },
            "money": { "description": "Money.", "$ref": "#/$defs/Money" }
          },
          "$defs": {
            "Money": { "type": "object", "properties": { "amount": { "description": "Amount.", "type": "number" } } }
        """));

    ContractSet set = JsonSchemaContractLoader.load(List.of(root));

    ObjectType type = (ObjectType) set.contracts().get(0).rootType();
    assertThat(type.field("tags").orElseThrow().type()).isEqualTo(new ListType(PrimitiveType.STRING));
    assertThat(type.field("note").orElseThrow().nullable()).isTrue();
    assertThat(type.field("count").orElseThrow().type()).as("unbounded above; format int64 is no bound")
        .isEqualTo(PrimitiveType.BIG_INTEGER);
    TypeRef money = (TypeRef) type.field("money").orElseThrow().type();
    assertThat(money.definition()).isEqualTo("/$defs/Money");
    assertThat(set.resolve(money)).isInstanceOfSatisfying(ObjectType.class,
        o -> assertThat(o.name()).isEqualTo("Money"));
  }

  @Test
  void javaKeywordPropertyNamesAndValidationKeywordsAreNotErrors() throws IOException {
    write("k.json", event("k.json", "k:happened", """
            "class": { "description": "A keyword.", "type": "string", "maxLength": 10, "pattern": "^[a-z]+$" },
            "default": { "description": "Another.", "type": "integer", "minimum": 1, "maximum": 5 },
            "when": { "description": "Time.", "type": "string", "format": "date-time" }
        """));

    ContractSet set = JsonSchemaContractLoader.load(List.of(root));

    assertThat(((ObjectType) set.contracts().get(0).rootType()).fields()).extracting(Field::name)
        .containsExactly("class", "default", "when");
  }

  @Test
  void remoteRefToTheIdOfALoadedContractResolvesWithoutFetching() throws IOException {
    write("status.json", """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://example.com/schemas/status.json",
          "title": "Status",
          "x-kind": "type",
          "x-version": 1,
          "type": "string",
          "enum": ["on", "off"]
        }
        """);
    write("a.json", event("a.json", "a:happened", """
            "status": { "description": "S.", "$ref": "https://example.com/schemas/status.json" }
        """));

    ContractSet set = JsonSchemaContractLoader.load(List.of(root));

    ObjectType type = (ObjectType) set.bySubject("a:happened").orElseThrow().rootType();
    assertThat(type.field("status").orElseThrow().type())
        .isEqualTo(new TypeRef("https://example.com/schemas/status.json", ""));
  }

  // ------------------------------------------------------------------------------------------ errors

  @Test
  void malformedJsonReportsTheParserLine() throws IOException {
    write("bad.json", """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Bad"
          "x-version": 1
        }
        """);

    ContractError error = single();

    assertThat(error.file()).isEqualTo(root.resolve("bad.json"));
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.message()).startsWith("malformed JSON at column 3: Unexpected character ('\"'");
    assertThat(error.hint()).isEqualTo("fix the JSON syntax");
  }

  @Test
  void withoutSubjectAFileIsASharedType() throws IOException {
    write("a.json", event("a.json", null, PROPS));

    ContractSet set = JsonSchemaContractLoader.load(List.of(root));

    assertThat(set.contracts()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ContractKind.TYPE));
  }

  @Test
  void declaredEventWithoutSubject() throws IOException {
    write("a.json", event("a.json", null, PROPS).replace("\"x-version\": 1,", "\"x-version\": 1, \"x-kind\": \"event\","));

    ContractError error = single();

    assertThat(error.format()).startsWith(root.resolve("a.json") + ":1: event contract has no subject; add "
        + "\"x-subject\": \"ticket:created\"");
  }


  @ParameterizedTest
  @ValueSource(strings = {"ticket created", "ticket.*", "orders.>", "a..b", ".a"})
  void invalidSubject(String subject) throws IOException {
    write("a.json", event("a.json", subject, PROPS));

    ContractError error = single();

    assertThat(error.line()).isEqualTo(6);
    assertThat(error.message()).isEqualTo("\"x-subject\" \"" + subject + "\" is not a valid NATS subject");
  }

  @Test
  void missingVersionIsLintAndDefaultsToOne() throws IOException {
    write("a.json", event("a.json", "a:b", PROPS).replace("  \"x-version\": 1,\n", ""));

    JsonSchemaContractLoader.Result result = load();

    assertThat(result.contracts().contracts().get(0).version()).isEqualTo(1);
    assertThat(result.lint()).singleElement().satisfies(l -> assertThat(l.format())
        .endsWith("a.json:1: event contract has no version; version 1 is assumed; add \"x-version\": 1 (or "
            + "\"version\" in eventcontracts-mapping.json)"));
  }


  @ParameterizedTest
  @ValueSource(strings = {"\"1\"", "0", "1.5", "-2"})
  void invalidVersion(String version) throws IOException {
    write("a.json", event("a.json", "a:b", PROPS).replace("\"x-version\": 1", "\"x-version\": " + version));

    ContractError error = single();

    assertThat(error.line()).isEqualTo(7);
    assertThat(error.message()).isEqualTo("\"x-version\" is " + version + ", not an integer >= 1");
  }

  @Test
  void unknownSchemaDialectIsAnError() throws IOException {
    write("a.json", event("a.json", "a:b", PROPS)
        .replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-03/schema#"));

    ContractError error = single();

    assertThat(error.line()).isEqualTo(2);
    assertThat(error.format()).contains("a.json:2: \"$schema\" is \"http://json-schema.org/draft-03/schema#\", not "
        + "a JSON Schema draft this toolkit reads; use one of http://json-schema.org/draft-04/schema");
  }

  @Test
  void withoutSchemaTheDefaultDraftIsUsedWithoutAnyFinding() throws IOException {
    write("a.json", event("a.json", "a:b", PROPS).replace("  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n", ""));

    JsonSchemaContractLoader.Result draft07 = JsonSchemaContractLoader.load(List.of(root),
        new JsonSchemaContractLoader.Options(io.eventcontracts.codegen.model.Dialect.DRAFT_07, false));
    JsonSchemaContractLoader.Result draft2020 = load();

    assertThat(draft07.contracts().contracts().get(0).dialect())
        .isEqualTo(io.eventcontracts.codegen.model.Dialect.DRAFT_07);
    assertThat(draft07.lint()).as("the runtime validates it as draft-07 too (index \"dialect\")").isEmpty();
    assertThat(draft2020.lint()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-06/schema#",
      "http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft/2019-09/schema",
      "https://json-schema.org/draft/2020-12/schema"})
  void everyDraftInUseIsRead(String schema) throws IOException {
    write("a.json", event("a.json", "a:b", PROPS).replace("https://json-schema.org/draft/2020-12/schema", schema)
        .replace("\"$id\"", schema.contains("draft-04") ? "\"id\"" : "\"$id\""));

    Contract contract = load().contracts().contracts().get(0);

    assertThat(contract.dialect().uri() + "#").startsWith(schema.replace("#", ""));
    assertThat(contract.id()).isEqualTo("https://example.com/schemas/a.json");
  }


  @Test
  void twoContractsWithOneSubjectNameBothFiles() throws IOException {
    write("a.json", event("a.json", "ticket:created", PROPS));
    write("b.json", event("b.json", "ticket:created", PROPS));

    ContractError error = single();

    assertThat(error.file()).isEqualTo(root.resolve("b.json"));
    assertThat(error.line()).isEqualTo(6);
    assertThat(error.message()).isEqualTo("subject \"ticket:created\" is also the subject of "
        + root.resolve("a.json") + ":6");
  }

  @Test
  void twoFilesWithOneId() throws IOException {
    write("a.json", event("a.json", "a:one", PROPS));
    write("b.json", event("b.json", "b:two", PROPS).replace("schemas/b.json", "schemas/a.json"));

    ContractError error = single();

    assertThat(error.file()).isEqualTo(root.resolve("b.json"));
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.message()).isEqualTo("\"$id\" \"https://example.com/schemas/a.json\" is also the $id of "
        + root.resolve("a.json") + ":3");
    assertThat(error.hint()).isEqualTo("give each contract file its own $id");
  }

  @Test
  void refToMissingFile() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "status": { "description": "S.", "$ref": "order-status.json" }
        """));

    ContractError error = single();

    assertThat(error.line()).isEqualTo(10);
    assertThat(error.message()).isEqualTo("property \"status\": \"$ref\" \"order-status.json\" does not resolve: no "
        + "contract file " + root.resolve("order-status.json"));
  }

  @Test
  void refToMissingPointer() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "money": { "description": "M.", "$ref": "#/$defs/Money" }
        """));

    ContractError error = single();

    assertThat(error.line()).isEqualTo(10);
    assertThat(error.message()).isEqualTo("property \"money\": \"$ref\" \"#/$defs/Money\" does not resolve: JSON "
        + "pointer \"/$defs/Money\" not found in " + root.resolve("a.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.org/schemas/money.json", "http://localhost:1/x.json#/a",
      "urn:example:money"})
  void remoteRefIsRefusedAndNeverFetched(String ref) throws IOException {
    write("a.json", event("a.json", "a:b", """
            "money": {
              "description": "M.",
              "$ref": "%s"
            }
        """.formatted(ref)));

    ContractError error = single();

    assertThat(error.line()).isEqualTo(12);
    assertThat(error.message()).isEqualTo("property \"money\": \"$ref\" \"" + ref + "\" is a remote reference that "
        + "is not the $id of any loaded contract; remote schemas are never fetched");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not", "if", "dependentSchemas", "patternProperties", "unevaluatedProperties",
      "prefixItems", "$dynamicRef"})
  void keywordsWithoutJavaTypeAreLintNotErrors(String keyword) throws IOException {
    write("a.json", event("a.json", "a:b", """
            "p": {
              "description": "P.",
              "type": "object",
              "%s": {}
            }
        """.formatted(keyword)));

    JsonSchemaContractLoader.Result result = load();

    assertThat(result.lint()).singleElement().satisfies(l -> {
      assertThat(l.line()).isEqualTo(13);
      assertThat(l.message()).startsWith("property \"p\": \"" + keyword).contains("is not expressed in the Java type");
    });
  }










  @Test
  void constIsAConstType() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "kind": { "description": "K.", "const": "fixed" }
        """));

    ObjectType root = (ObjectType) load().contracts().contracts().get(0).rootType();

    assertThat(root.field("kind").orElseThrow().type()).isEqualTo(
        new io.eventcontracts.codegen.model.ConstType(PrimitiveType.STRING, "\"fixed\""));
  }



  @Test
  void additionalPropertiesAsSchemaIsAMap() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "labels": {
              "description": "L.",
              "type": "object",
              "additionalProperties": { "type": "string" }
            }
        """));

    ObjectType root = (ObjectType) load().contracts().contracts().get(0).rootType();

    assertThat(root.field("labels").orElseThrow().type())
        .isEqualTo(new io.eventcontracts.codegen.model.MapType(PrimitiveType.STRING));
  }


  @Test
  void integersGetTheNarrowestTypeOfTheirDeclaredRangeAndUnboundedLongIsOptIn() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "open": { "description": "Open.", "type": "integer" },
            "below": { "description": "Below.", "type": "integer", "maximum": 0 },
            "byte": { "description": "Byte.", "type": "integer", "minimum": 0, "maximum": 255 },
            "safe": { "description": "Safe.", "type": "integer", "minimum": 0, "maximum": 9007199254740991 },
            "huge": { "description": "Huge.", "type": "integer", "minimum": 0, "maximum": 1e30 }
        """));

    ObjectType byDefault = (ObjectType) load().contracts().contracts().get(0).rootType();
    ObjectType optIn = (ObjectType) JsonSchemaContractLoader.load(List.of(root),
        new JsonSchemaContractLoader.Options(null, false, true)).contracts().contracts().get(0).rootType();

    assertThat(List.of("open", "below", "byte", "safe", "huge")).map(n -> byDefault.field(n).orElseThrow().type())
        .containsExactly(PrimitiveType.BIG_INTEGER, PrimitiveType.BIG_INTEGER, PrimitiveType.INTEGER,
            PrimitiveType.LONG, PrimitiveType.BIG_INTEGER);
    assertThat(List.of("open", "below", "byte", "safe", "huge")).map(n -> optIn.field(n).orElseThrow().type())
        .containsExactly(PrimitiveType.LONG, PrimitiveType.LONG, PrimitiveType.INTEGER, PrimitiveType.LONG,
            PrimitiveType.BIG_INTEGER);
  }

  @Test
  void typeArraysOfPrimitivesOfDifferentKindsAreAValueUnion() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "v": { "description": "V.", "type": ["string", "integer", "null"] }
        """));

    JsonSchemaContractLoader.Result result = load();

    Field v = ((ObjectType) result.contracts().contracts().get(0).rootType()).field("v").orElseThrow();
    assertThat(v.type()).isInstanceOfSatisfying(io.eventcontracts.codegen.model.UnionType.class,
        u -> assertThat(u.branches()).extracting(io.eventcontracts.codegen.model.UnionType.Branch::type)
            .containsExactly(PrimitiveType.STRING, PrimitiveType.BIG_INTEGER));
    assertThat(v.nullable()).isTrue();
    assertThat(result.lint()).isEmpty();
  }

  @Test
  void typeArraysOfSeveralTypesSharingAJsonTokenAreJsonNodeWithALintNote() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "v": { "description": "V.", "type": ["number", "integer", "null"] , "format": "x" },
            "w": { "description": "W.", "type": ["string", "object"] }
        """));

    JsonSchemaContractLoader.Result result = load();

    Field w = ((ObjectType) result.contracts().contracts().get(0).rootType()).field("w").orElseThrow();
    assertThat(w.type()).isInstanceOf(io.eventcontracts.codegen.model.AnyType.class);
    assertThat(result.lint()).anySatisfy(l -> assertThat(l.message())
        .isEqualTo("property \"w\": \"type\": [\"string\",\"object\"] has no single Java type; the value is a JsonNode"));
  }


  @Test
  void unknownTypeListsTheValidOnes() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "price": {
              "description": "P.",
              "type": "money"
            }
        """));

    ContractError error = single();

    assertThat(error.format()).isEqualTo(root.resolve("a.json") + ":12: property \"price\": type \"money\" is not a "
        + "JSON Schema type; use one of \"string\", \"integer\", \"number\", \"boolean\", \"object\", \"array\", \"null\"");
  }

  @Test
  void propertyWithoutDescriptionIsLint() throws IOException {
    write("a.json", event("a.json", "a:b", """
            "id": { "type": "string" },
            "ok": { "description": "Fine.", "type": "string" }
        """));

    JsonSchemaContractLoader.Result result = load();

    assertThat(result.lint()).singleElement().satisfies(l -> {
      assertThat(l.line()).isEqualTo(10);
      assertThat(l.message()).isEqualTo("property \"id\" has no \"description\"");
      assertThat(l.hint()).startsWith("add \"description\"");
    });
  }


  @Test
  void titleThatIsNotAJavaIdentifierFallsBackToTheFileName() throws IOException {
    write("a.json", event("a.json", "a:b", PROPS).replace("\"title\": \"A\"", "\"title\": \"1 Ticket\""));

    JsonSchemaContractLoader.Result result = load();

    assertThat(result.contracts().contracts().get(0).name()).isEqualTo("A");
    assertThat(result.lint()).singleElement().satisfies(l -> assertThat(l.line()).isEqualTo(4));
  }


  @Test
  void subjectThatYieldsAnAlreadyUsedClassNameGetsASuffixReportedOnce() throws IOException {
    write("a.json", event("a.json", "ticket:created", PROPS));
    write("b.json", event("b.json", "ticket.created", PROPS));

    ContractSet set = JsonSchemaContractLoader.load(List.of(root));
    io.eventcontracts.codegen.naming.JavaNaming naming = io.eventcontracts.codegen.naming.JavaNaming.allocate(set);

    assertThat(naming.eventClass(set.bySubject("ticket:created").orElseThrow())).isEqualTo("TicketCreatedEvent");
    assertThat(naming.eventClass(set.bySubject("ticket.created").orElseThrow())).isEqualTo("TicketCreatedEvent2");
    assertThat(naming.findings()).hasSize(1).allSatisfy(l -> assertThat(l.file()).isEqualTo(root.resolve("b.json")));
  }




  @Test
  void errorsAreCollected() throws IOException {
    write("a.json", "{ \"x\": ");
    write("b.json", event("b.json", "b:one", """
            "id": { "$ref": "missing.json" }
        """));
    write("c.json", event("c.json", "c:one", PROPS).replace("\"x-version\": 1", "\"x-version\": 0"));

    ContractException e = catchThrowableOfType(ContractException.class,
        () -> JsonSchemaContractLoader.load(List.of(root)));

    assertThat(e.errors()).hasSize(3);
    assertThat(e.errors()).extracting(ContractError::file)
        .containsExactly(root.resolve("a.json"), root.resolve("b.json"), root.resolve("c.json"));
    assertThat(e.getMessage()).startsWith("3 contract errors:\n" + root.resolve("a.json") + ":1: malformed JSON");
  }

  @Test
  void missingRootIsAnError() {
    Path missing = root.resolve("nope");
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> JsonSchemaContractLoader.load(List.of(missing)));
    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.file()).isEqualTo(missing);
      assertThat(error.message()).isEqualTo("contract root does not exist or is not a directory");
    });
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static final String PROPS = """
          "id": { "description": "Id.", "type": "string" }
      """;

  /** A valid event contract (subject omitted when null); {@code properties} starts on line 10. */
  static String event(String file, String subject, String properties) {
    return """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://example.com/schemas/%s",
          "title": "%s",
          "description": "Test contract.",
        %s  "x-version": 1,
          "type": "object",
          "properties": {
        %s  }
        }
        """.formatted(file, file.substring(0, 1).toUpperCase() + file.substring(1, file.indexOf('.')),
        subject == null ? "  \"description2\": \"placeholder keeps line numbers\",\n"
            : "  \"x-subject\": \"" + subject + "\",\n", properties);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(root.resolve(name), content);
  }

  private JsonSchemaContractLoader.Result load() {
    return JsonSchemaContractLoader.load(List.of(root), JsonSchemaContractLoader.Options.DEFAULT);
  }

  private ContractError single() {
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> JsonSchemaContractLoader.load(List.of(root)));
    assertThat(e).as("expected a ContractException").isNotNull();
    assertThat(e.errors()).as(e.getMessage()).hasSize(1);
    return e.errors().get(0);
  }
}
