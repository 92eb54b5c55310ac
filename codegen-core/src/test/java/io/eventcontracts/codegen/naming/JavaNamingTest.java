package io.eventcontracts.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one naming pass: class, field and constant names, each allocated once, collisions numbered and reported. */
class JavaNamingTest {

  @TempDir
  Path root;

  // ------------------------------------------------------------------------------------------ classes

  @Test
  void anEventGetsEventListenerAndPublisherClassesAfterItsSubject() throws IOException {
    write("a.json", event("ticket:created", "\"id\": { \"description\": \"I.\", \"type\": \"string\" }"));

    ContractSet set = load();
    JavaNaming naming = JavaNaming.allocate(set);
    Contract c = set.contracts().get(0);

    assertThat(naming.eventClass(c)).isEqualTo("TicketCreatedEvent");
    assertThat(naming.listenerClass(c)).isEqualTo("TicketCreatedListener");
    assertThat(naming.publisherClass(c)).isEqualTo("TicketCreatedPublisher");
    assertThat(naming.className(c.rootType())).isEqualTo("TicketCreatedEvent");
    assertThat(naming.namedTypes()).containsExactly(c.rootType());
    assertThat(naming.findings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"Subjects, Subjects2", "EventTypes, EventTypes2"})
  void theNamesOfTheGeneratedSubjectsAndEventTypesClassesAreReserved(String title, String generated)
      throws IOException {
    write("t.json", """
        {
          "title": "%s",
          "type": "object",
          "properties": { "id": { "description": "I.", "type": "string" } }
        }
        """.formatted(title));

    ContractSet set = load();
    JavaNaming naming = JavaNaming.allocate(set);

    assertThat(naming.className(set.contracts().get(0).rootType())).isEqualTo(generated);
    assertThat(naming.findings()).singleElement().satisfies(f -> {
      assertThat(f.format()).isEqualTo(root.resolve("t.json") + ":1: type would be class " + title + ", already "
          + "used by the generated " + title + " class; it is generated as " + generated + "; give it a distinct "
          + "\"title\" if the name matters");
    });
  }

  @Test
  void aLaterTypeWantingATakenNameGetsTheNextFreeNumberAndTheFindingNamesTheOwner() throws IOException {
    for (String file : List.of("t1.json", "t2.json", "t3.json")) {
      write(file, """
          {
            "title": "User",
            "type": "object",
            "properties": { "id": { "description": "I.", "type": "string" } }
          }
          """);
    }

    ContractSet set = load();
    JavaNaming naming = JavaNaming.allocate(set);

    assertThat(set.contracts()).map(c -> naming.className(c.rootType())).containsExactly("User", "User2", "User3");
    List<ContractError> findings = naming.findings();
    assertThat(findings).extracting(ContractError::format).containsExactly(
        root.resolve("t2.json") + ":1: type would be class User, already used by " + root.resolve("t1.json")
            + ":1; it is generated as User2; give it a distinct \"title\" if the name matters",
        root.resolve("t3.json") + ":1: type would be class User, already used by " + root.resolve("t1.json")
            + ":1; it is generated as User3; give it a distinct \"title\" if the name matters");
  }

  @Test
  void aCollisionOfANestedTypeNamesItsPointer() throws IOException {
    write("a.json", event("a:b", """
        "x": { "description": "X.", "$ref": "#/$defs/Money" }
      },
      "$defs": {
        "Money": { "type": "object", "properties": { "v": { "description": "V.", "type": "number" } } },
        "money": { "type": "object", "properties": { "w": { "description": "W.", "type": "number" } } }"""));

    JavaNaming naming = JavaNaming.allocate(load());

    assertThat(naming.findings()).extracting(ContractError::format).containsExactly(root.resolve("a.json")
        + ":14: type at /$defs/money would be class Money, already used by " + root.resolve("a.json")
        + ":13 (/$defs/Money); it is generated as Money2; give it a distinct \"title\" if the name matters");
  }

  @Test
  void aTypeReachedTwiceIsOneClass() throws IOException {
    write("a.json", event("a:b", """
        "x": { "description": "X.", "$ref": "#/$defs/Money" },
        "y": { "description": "Y.", "$ref": "#/$defs/Money" }
      },
      "$defs": {
        "Money": { "type": "object", "properties": { "v": { "description": "V.", "type": "number" } } }"""));

    ContractSet set = load();
    JavaNaming naming = JavaNaming.allocate(set);

    assertThat(naming.namedTypes()).hasSize(2);
    assertThat(naming.namedTypes().stream().map(naming::className)).containsExactly("ABEvent", "Money");
    assertThat(naming.findings()).isEmpty();
  }

  @Test
  void twoEventsWhoseSubjectsGiveOneNameShareTheSuffixOverAllThreeClasses() throws IOException {
    write("a.json", event("ticket:created", "\"id\": { \"description\": \"I.\", \"type\": \"string\" }"));
    write("b.json", event("ticket.created", "\"id\": { \"description\": \"I.\", \"type\": \"string\" }"));

    ContractSet set = load();
    JavaNaming naming = JavaNaming.allocate(set);
    Contract second = set.bySubject("ticket.created").orElseThrow();

    assertThat(naming.eventClass(second)).isEqualTo("TicketCreatedEvent2");
    assertThat(naming.listenerClass(second)).isEqualTo("TicketCreated2Listener");
    assertThat(naming.publisherClass(second)).isEqualTo("TicketCreated2Publisher");
    assertThat(naming.findings()).singleElement().satisfies(f -> assertThat(f.message())
        .isEqualTo("event \"ticket.created\" would be class TicketCreatedEvent, already used by "
            + root.resolve("a.json") + ":1; it is generated as TicketCreatedEvent2"));
  }

  @Test
  void nestedObjectsEnumsAndUnionsAreNamedArraysMapsAndPrimitivesAreNot() throws IOException {
    write("a.json", event("a:b", """
        "list": { "description": "L.", "type": "array", "items": { "type": "object",
          "properties": { "v": { "description": "V.", "type": "string" } } } },
        "map": { "description": "M.", "type": "object", "additionalProperties": { "enum": ["x", "y"] } },
        "either": { "description": "E.", "type": ["string", "boolean"] },
        "plain": { "description": "P.", "type": "string" }"""));

    ContractSet set = load();
    JavaNaming naming = JavaNaming.allocate(set);

    assertThat(naming.namedTypes().stream().map(naming::className))
        .containsExactly("ABEvent", "ABListItem", "ABMapValue", "ABEither");
    assertThatThrownBy(() -> naming.className(PrimitiveType.STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a named type of this contract set: STRING");
  }

  // ------------------------------------------------------------------------------------------ fields

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "user_id   | userId",
      "userId    | userId",
      "UserId    | userId",
      "class     | class_",
      "default   | default_",
      "getClass  | getClass_",
      "+1        | plus1",
      "-1        | minus1",
      "1st       | _1st",
      "$         | value",
      "''        | value",
      "a-b-c     | aBC"})
  void fieldNamesAreCamelCaseJavaIdentifiers(String wire, String field) {
    assertThat(JavaNaming.fieldName(wire)).isEqualTo(field);
  }

  @Test
  void fieldNamesThatCollideIgnoringCaseAreNumberedAndAdditionalPropertiesIsTaken() throws IOException {
    write("a.json", event("a:b", """
        "user_id": { "description": "1.", "type": "string" },
        "userId": { "description": "2.", "type": "string" },
        "userid": { "description": "3.", "type": "string" },
        "additionalProperties": { "description": "4.", "type": "string" },
        "+1": { "description": "5.", "type": "string" },
        "plus1": { "description": "6.", "type": "string" }"""));

    ContractSet set = load();
    JavaNaming naming = JavaNaming.allocate(set);
    ObjectType root = (ObjectType) set.contracts().get(0).rootType();

    assertThat(root.fields()).extracting(f -> naming.fieldName(root, f)).containsExactly(
        "userId", "userId2", "userid3", "additionalProperties2", "plus1", "plus12");
  }

  // ------------------------------------------------------------------------------------------ enum constants

  @Test
  void enumConstantsAreUpperSnakeCaseAndCollisionsAreNumbered() throws IOException {
    write("a.json", event("a:b", """
        "state": { "description": "S.", "enum": ["in-progress", "IN_PROGRESS", "inProgress", "done", "", "1st",
          "+1", "-1", "_", "class"] }"""));

    ContractSet set = load();
    JavaNaming naming = JavaNaming.allocate(set);
    EnumType state = (EnumType) ((ObjectType) set.contracts().get(0).rootType()).field("state").orElseThrow().type();

    assertThat(state.values()).map(v -> naming.constant(state, v)).containsExactly(
        "IN_PROGRESS", "IN_PROGRESS_2", "IN_PROGRESS_3", "DONE", "EMPTY", "_1ST", "PLUS_1", "MINUS_1", "EMPTY_2",
        "CLASS");
    assertThat(naming.className(state)).isEqualTo("ABState");
    assertThat(naming.findings()).as("constant names are not class names: nothing to report").isEmpty();
  }

  @Test
  void aMergedEnumIsNamedAfterItsOwner() throws IOException {
    write("a.json", event("a:b", """
        "state": { "description": "S.", "allOf": [ { "enum": ["a", "b", "c"] }, { "enum": ["b", "c", "d"] } ] }"""));

    ContractSet set = load();
    DataType state = ((ObjectType) set.contracts().get(0).rootType()).field("state").map(Field::type).orElseThrow();

    assertThat(state).isEqualTo(new EnumType("ABState", List.of("b", "c"), "S.",
        ((EnumType) state).location()));
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** An event contract of the given subject; its properties start on line 10. */
  private static String event(String subject, String properties) {
    return """
        {
          "$id": "https://example.com/%s.json",
          "title": "AB",
          "x-subject": "%s",
          "x-version": 1,
          "type": "object",
          "description": "D.",
          "additionalProperties": true,
          "properties": {
        %s
          }
        }
        """.formatted(subject.replace(':', '-').replace('.', '_'), subject, properties);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(root.resolve(name), content);
  }

  private ContractSet load() {
    return JsonSchemaContractLoader.load(List.of(root));
  }
}
