package io.eventcontracts.codegen.jsonschema;

import static io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoaderTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractKind;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error of docs/errors-codegen.md, in the order of its tables, each with the whole line a user sees
 * ({@code file:line: what is wrong; what to do}). Property schemas of {@link JsonSchemaContractLoaderTest#event}
 * start on line 10.
 */
class ContractErrorCatalogueTest {

  @TempDir
  Path root;

  private static final String PROPS = """
          "id": { "description": "Id.", "type": "string" }
      """;

  // ------------------------------------------------------------------------------------------ files and syntax

  @Nested
  class FilesAndSyntax {

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"text\"", "42"})
    void aContractThatIsNotAJsonObject(String json) throws IOException {
      write("a.json", json);

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":1: a contract must be a JSON object; write the schema "
          + "as { ... }");
    }

    @Test
    void anEmptyFileIsMalformedJson() throws IOException {
      write("a.json", "");

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":1: malformed JSON at column 1: empty file: no JSON "
          + "value; fix the JSON syntax");
    }

    @Test
    void oneBundlePathInTwoRoots() throws IOException {
      Path first = Files.createDirectories(root.resolve("one"));
      Path second = Files.createDirectories(root.resolve("two"));
      Files.writeString(first.resolve("a.json"), event("a.json", "a:one", PROPS));
      Files.writeString(second.resolve("a.json"), event("a.json", "a:two", PROPS));

      List<String> errors = errors(List.of(first, second));

      assertThat(errors).containsExactly(second.resolve("a.json") + ": bundle path \"a.json\" is already used by "
          + first.resolve("a.json") + " in another contract root; rename one of the files; both would be bundled "
          + "at the same path");
    }

    @Test
    void contractFilesAreEveryJsonFileButTheMappingFileSortedByBundlePath() throws IOException {
      Files.createDirectories(root.resolve("b/c"));
      write("b/c/z.json", "{}");
      write("b/a.json", "{}");
      write("a.json", "{}");
      write("notes.txt", "x");
      write(JsonSchemaContractLoader.MAPPING_FILE, "{}");
      write("b/" + JsonSchemaContractLoader.MAPPING_FILE, "{}");

      assertThat(JsonSchemaContractLoader.contractFiles(root)).containsExactly(root.resolve("a.json"),
          root.resolve("b/a.json"), root.resolve("b/c/z.json"),
          root.resolve("b/" + JsonSchemaContractLoader.MAPPING_FILE));
      assertThat(JsonSchemaContractLoader.contractFiles(root.resolve("missing"))).isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------ mapping file

  @Nested
  class MappingFile {

    @Test
    void theMappingGivesSubjectVersionKindAndNameToAnUntouchedSchema() throws IOException {
      write("push.json", """
          { "type": "object", "properties": { "ref": { "description": "R.", "type": "string" } } }
          """);
      write("user.json", """
          { "title": "Ignored", "type": "object", "properties": { "id": { "description": "I.", "type": "string" } } }
          """);
      write(JsonSchemaContractLoader.MAPPING_FILE, """
          { "contracts": {
              "push.json": { "subject": "github.push", "version": 3 },
              "user.json": { "kind": "type", "name": "git user" }
          } }
          """);

      JsonSchemaContractLoader.Result result = load();

      Contract push = result.contracts().bySubject("github.push").orElseThrow();
      assertThat(push.version()).isEqualTo(3);
      assertThat(push.kind()).isEqualTo(ContractKind.EVENT);
      assertThat(push.name()).isEqualTo("Push");
      Contract user = result.contracts().contracts().get(1);
      assertThat(user.kind()).isEqualTo(ContractKind.TYPE);
      assertThat(user.name()).isEqualTo("GitUser");
      assertThat(result.lint()).isEmpty();
    }

    @Test
    void theMappingWinsOverTheSchemasOwnKeywords() throws IOException {
      write("a.json", event("a.json", "a:inline", PROPS));
      write(JsonSchemaContractLoader.MAPPING_FILE, """
          { "contracts": { "a.json": { "subject": "a:mapped", "version": 7, "kind": "event", "name": "Mapped" } } }
          """);

      Contract a = load().contracts().contracts().get(0);

      assertThat(a.subject()).isEqualTo("a:mapped");
      assertThat(a.version()).isEqualTo(7);
      assertThat(a.name()).isEqualTo("Mapped");
    }

    @Test
    void malformedMappingFile() throws IOException {
      write("a.json", event("a.json", "a:b", PROPS));
      write(JsonSchemaContractLoader.MAPPING_FILE, "{\n  \"contracts\": {\n}");

      assertThat(only()).startsWith(mapping() + ":3: malformed JSON: Unexpected end-of-input")
          .endsWith("; fix the JSON syntax");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{ \"contracts\": [] }", "[]"})
    void mappingFileWithoutContractsObject(String json) throws IOException {
      write(JsonSchemaContractLoader.MAPPING_FILE, json);

      assertThat(only()).isEqualTo(mapping() + ":1: mapping file has no \"contracts\" object; write { \"contracts\": "
          + "{ \"push.json\": { \"subject\": \"github.push\", \"version\": 1 } } }");
    }

    @Test
    void mappingForAMissingFile() throws IOException {
      write(JsonSchemaContractLoader.MAPPING_FILE, """
          {
            "contracts": {
              "nope.json": { "subject": "a.b" }
            }
          }
          """);

      assertThat(only()).isEqualTo(mapping() + ":3: mapping for \"nope.json\": no such schema file below " + root
          + "; give the path relative to the mapping file, with / separators");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "\"1\"", "1.5"})
    void mappingWithAVersionThatIsNotAnIntegerFromOne(String version) throws IOException {
      write("a.json", event("a.json", "a:b", PROPS));
      write(JsonSchemaContractLoader.MAPPING_FILE, """
          {
            "contracts": {
              "a.json": {
                "version": %s
              }
            }
          }
          """.formatted(version));

      assertThat(only()).isEqualTo(mapping() + ":4: mapping for \"a.json\": \"version\" is " + version
          + ", not an integer >= 1; write it as a number, e.g. \"version\": 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"events\"", "1", "null"})
    void mappingWithAnUnknownKind(String kind) throws IOException {
      write("a.json", event("a.json", "a:b", PROPS));
      write(JsonSchemaContractLoader.MAPPING_FILE, """
          {
            "contracts": {
              "a.json": {
                "kind": %s
              }
            }
          }
          """.formatted(kind));

      assertThat(only()).isEqualTo(mapping() + ":4: mapping for \"a.json\": \"kind\" is " + kind
          + ", expected \"event\" or \"type\"; use \"event\" or \"type\"");
    }

    @Test
    void anInvalidMappedSubjectIsReportedAtTheMappingLine() throws IOException {
      write("a.json", event("a.json", null, PROPS));
      write(JsonSchemaContractLoader.MAPPING_FILE, """
          {
            "contracts": {
              "a.json": { "subject": "orders.*" }
            }
          }
          """);

      assertThat(only()).isEqualTo(mapping() + ":3: mapping subject \"orders.*\" is not a valid NATS subject; use "
          + "tokens without spaces or wildcards (*, >), separated by single dots, e.g. \"ticket:created\"");
    }

    @Test
    void aMappedVersionCountsAsAVersion() throws IOException {
      write("a.json", event("a.json", "a:b", PROPS).replace("  \"x-version\": 1,\n", ""));
      write(JsonSchemaContractLoader.MAPPING_FILE, "{ \"contracts\": { \"a.json\": { \"version\": 2 } } }");

      JsonSchemaContractLoader.Result result = load();

      assertThat(result.contracts().contracts().get(0).version()).isEqualTo(2);
      assertThat(result.lint()).isEmpty();
    }

    private Path mapping() {
      return root.resolve(JsonSchemaContractLoader.MAPPING_FILE);
    }
  }

  // ------------------------------------------------------------------------------------------ header

  @Nested
  class HeaderAndMetadata {

    @ParameterizedTest
    @ValueSource(strings = {"7", "\"http://example.com/my-meta-schema\""})
    void aSchemaUriThatIsNoDraftListsTheDraftsAndTheDefault(String schema) throws IOException {
      write("a.json", event("a.json", "a:b", PROPS)
          .replace("\"https://json-schema.org/draft/2020-12/schema\"", schema));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":2: \"$schema\" is " + schema + ", not a JSON Schema "
          + "draft this toolkit reads; use one of http://json-schema.org/draft-04/schema, "
          + "http://json-schema.org/draft-06/schema, http://json-schema.org/draft-07/schema, "
          + "https://json-schema.org/draft/2019-09/schema, https://json-schema.org/draft/2020-12/schema, or remove it "
          + "to use the default (2020-12)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"https://example.com/a.json#/x\"", "\"a b\"", "12"})
    void anIdThatIsNotAUriWithoutFragment(String id) throws IOException {
      write("a.json", event("a.json", "a:b", PROPS).replace("\"https://example.com/schemas/a.json\"", id));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":3: \"$id\" " + id + " is not a URI without fragment; "
          + "use e.g. \"https://example.com/schemas/a.json\", a relative name such as \"a.json\", or leave it out");
    }

    @Test
    void draft04NamesItsIdKeywordInTheMessage() throws IOException {
      write("a.json", event("a.json", "a:b", PROPS)
          .replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-04/schema#")
          .replace("\"$id\": \"https://example.com/schemas/a.json\"", "\"id\": \"x#/y\""));

      assertThat(only()).startsWith(root.resolve("a.json") + ":3: \"id\" \"x#/y\" is not a URI without fragment");
    }

    @Test
    void ids() throws IOException {
      write("empty-fragment.json", event("x.json", null, PROPS)
          .replace("\"https://example.com/schemas/x.json\"", "\"https://example.com/e.json#\""));
      write("relative.json", event("x.json", null, PROPS)
          .replace("\"https://example.com/schemas/x.json\"", "\"shared/relative.json\""));
      write("none.json", event("x.json", null, PROPS).replace("\"$id\": \"https://example.com/schemas/x.json\",", ""));
      Files.createDirectories(root.resolve("dir with space"));
      write("dir with space/n.json", event("x.json", null, PROPS)
          .replace("\"$id\": \"https://example.com/schemas/x.json\",", ""));

      ContractSet set = load().contracts();

      assertThat(set.contracts()).extracting(Contract::bundlePath, Contract::id).containsExactly(
          org.assertj.core.groups.Tuple.tuple("dir with space/n.json",
              Contract.BUNDLE_BASE + "dir%20with%20space/n.json"),
          org.assertj.core.groups.Tuple.tuple("empty-fragment.json", "https://example.com/e.json"),
          org.assertj.core.groups.Tuple.tuple("none.json", Contract.BUNDLE_BASE + "none.json"),
          org.assertj.core.groups.Tuple.tuple("relative.json", Contract.BUNDLE_BASE + "shared/relative.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"message\"", "true"})
    void anUnknownKind(String kind) throws IOException {
      write("a.json", event("a.json", "a:b", PROPS).replace("\"x-version\": 1,", "\"x-version\": 1, \"x-kind\": "
          + kind + ","));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":7: \"x-kind\" is " + kind + ", expected \"event\" or "
          + "\"type\"; use \"event\" for messages on a subject, \"type\" for shared definitions");
    }

    @Test
    void aVersionBeyondThe32BitRangeIsRefused() throws IOException {
      write("a.json", event("a.json", "a:b", PROPS).replace("\"x-version\": 1", "\"x-version\": 4294967297"));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":7: \"x-version\" is 4294967297, not an integer >= 1; "
          + "write it as a number, e.g. \"x-version\": 1");
    }

    @Test
    void versionOneIsTheLowestAccepted() throws IOException {
      write("a.json", event("a.json", "a:b", PROPS));
      write("b.json", event("b.json", "b:c", PROPS).replace("\"x-version\": 1", "\"x-version\": 2"));

      assertThat(load().contracts().contracts()).extracting(Contract::version).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "{ \"a\": 1 }"})
    void aSubjectThatIsNotAString(String subject) throws IOException {
      write("a.json", event("a.json", "REPLACE", PROPS).replace("\"REPLACE\"", subject));

      List<String> errors = errors(List.of(root));

      assertThat(errors).containsExactly(root.resolve("a.json") + ":6: \"x-subject\" " + subject.replace(" ", "")
          + " is not a string; write the NATS subject as a string, e.g. \"x-subject\": \"ticket:created\"");
    }

    @Test
    void anEventWithoutSubjectHasTheWholeHint() throws IOException {
      write("a.json", event("a.json", null, PROPS).replace("\"x-version\": 1,", "\"x-version\": 1, \"x-kind\": "
          + "\"event\","));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":1: event contract has no subject; add \"x-subject\": "
          + "\"ticket:created\" (or map the file in eventcontracts-mapping.json), or make it a shared type "
          + "(\"x-kind\": \"type\")");
    }

    @Test
    void aSubjectThatGivesNoJavaClassName() throws IOException {
      write("a.json", event("a.json", "1ticket:created", PROPS));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":6: subject \"1ticket:created\" gives class name "
          + "\"1ticketCreatedEvent\", which is not a valid Java identifier; start the subject with a letter");
    }

    @Test
    void aSharedTypeWithASubject() throws IOException {
      write("a.json", event("a.json", "a:b", PROPS).replace("\"x-version\": 1,", "\"x-version\": 1, \"x-kind\": "
          + "\"type\","));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":6: a shared type contract has a subject; remove the "
          + "subject, or make it an event (\"x-kind\": \"event\")");
    }

    @Test
    void aSharedTypeWithAMappedSubjectIsReportedAtTheMapping() throws IOException {
      write("a.json", event("a.json", null, PROPS).replace("\"x-version\": 1,", "\"x-version\": 1, \"x-kind\": "
          + "\"type\","));
      write(JsonSchemaContractLoader.MAPPING_FILE, "{\n\"contracts\": {\n\"a.json\": { \"subject\": \"a.b\" } } }");

      assertThat(only()).isEqualTo(root.resolve(JsonSchemaContractLoader.MAPPING_FILE) + ":3: a shared type "
          + "contract has a subject; remove the subject, or make it an event (\"x-kind\": \"event\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"type\": \"string\"", "\"type\": \"array\", \"items\": { \"type\": \"string\" }",
        "\"enum\": [\"a\", \"b\"]", "\"type\": [\"object\", \"string\"]"})
    void anEventRootThatIsNotAnObject(String root) throws IOException {
      write("a.json", """
          {
            "x-subject": "a:b",
            "x-version": 1,
            %s
          }
          """.formatted(root));

      assertThat(only()).isEqualTo(this.root().resolve("a.json") + ":1: an event contract's schema must describe an "
          + "object (or a oneOf/anyOf of objects); describe the event payload as \"type\": \"object\" with properties");
    }

    @Test
    void anEventRootMayBeAUnionOfObjects() throws IOException {
      write("a.json", """
          {
            "x-subject": "a:b",
            "x-version": 1,
            "oneOf": [
              { "title": "Card", "type": "object", "required": ["card"],
                "properties": { "card": { "description": "C.", "type": "string" } } },
              { "title": "Bank", "type": "object", "required": ["iban"],
                "properties": { "iban": { "description": "I.", "type": "string" } } }
            ]
          }
          """);

      assertThat(load().contracts().contracts().get(0).rootType())
          .isInstanceOf(io.eventcontracts.codegen.model.UnionType.class);
    }

    private Path root() {
      return root;
    }
  }

  // ------------------------------------------------------------------------------------------ references

  @Nested
  class References {

    private static final String STATUS = """
        {
          "$id": "%s",
          "x-kind": "type",
          "type": "string",
          "enum": ["on", "off"]
        }
        """;

    @Test
    void aRelativeRefResolvesAgainstTheReferringFilesIdNotItsDirectory() throws IOException {
      // the file layout (common/status.json beside events/a.json) differs from the id layout (a flat base)
      Files.createDirectories(root.resolve("common"));
      Files.createDirectories(root.resolve("events"));
      write("common/status.json", STATUS.formatted("https://example.com/schemas/status.json"));
      write("events/a.json", event("a.json", "a:b", """
              "status": { "description": "S.", "$ref": "status.json" }
          """));

      ObjectType a = (ObjectType) load().contracts().bySubject("a:b").orElseThrow().rootType();

      assertThat(a.field("status").orElseThrow().type())
          .isEqualTo(new TypeRef("https://example.com/schemas/status.json", ""));
    }

    @Test
    void aRefThatNamesAFileWhoseIdDisagreesIsRefusedWithBothIds() throws IOException {
      write("status.json", STATUS.formatted("urn:example:status"));
      write("a.json", event("a.json", "a:b", """
              "status": { "description": "S.", "$ref": "status.json#/enum" }
          """));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":10: property \"status\": \"$ref\" "
          + "\"status.json#/enum\" names the file " + root.resolve("status.json") + ", but resolved against this "
          + "contract's id it is https://example.com/schemas/status.json, while that file's id is urn:example:status; "
          + "validators resolve by id and would not find it; make the ids agree (e.g. give both files ids under the "
          + "same base, or none)");
    }

    @Test
    void filesWithoutIdsResoleByTheirBundlePath() throws IOException {
      Files.createDirectories(root.resolve("common"));
      write("common/status.json", """
          { "x-kind": "type", "type": "string", "enum": ["on", "off"] }
          """);
      write("a.json", """
          { "x-subject": "a:b", "x-version": 1, "type": "object",
            "properties": { "s": { "description": "S.", "$ref": "common/status.json" } } }
          """);

      ObjectType a = (ObjectType) load().contracts().bySubject("a:b").orElseThrow().rootType();

      assertThat(a.field("s").orElseThrow().type())
          .isEqualTo(new TypeRef(Contract.BUNDLE_BASE + "common/status.json", ""));
    }

    @Test
    void anAnchorIsNotAJsonPointer() throws IOException {
      write("a.json", event("a.json", "a:b", """
              "m": { "description": "M.", "$ref": "#money" }
          """));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":10: property \"m\": \"$ref\" \"#money\" uses an "
          + "anchor, not a JSON pointer; point at a definition, e.g. \"#/$defs/Money\"");
    }

    @Test
    void aRefMustBeAString() throws IOException {
      write("a.json", event("a.json", "a:b", """
              "m": { "description": "M.", "$ref": 5 }
          """));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":10: property \"m\": \"$ref\" must be a string; write "
          + "e.g. \"$ref\": \"order-status.json\"");
    }

    @Test
    void aRefThatIsNoUriReference() throws IOException {
      write("a.json", event("a.json", "a:b", """
              "m": { "description": "M.", "$ref": "a b.json" }
          """));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":10: property \"m\": \"$ref\" \"a b.json\" is not a "
          + "valid URI reference; use a relative file name such as \"order-status.json\"");
    }

    @Test
    void aPointerIntoAnotherFileThatIsNotThere() throws IOException {
      write("status.json", STATUS.formatted("https://example.com/schemas/status.json"));
      write("a.json", event("a.json", "a:b", """
              "s": { "description": "S.", "$ref": "status.json#/$defs/Nope" }
          """));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":10: property \"s\": \"$ref\" "
          + "\"status.json#/$defs/Nope\" does not resolve: JSON pointer \"/$defs/Nope\" not found in "
          + root.resolve("status.json") + "; check the pointer, e.g. \"#/$defs/Money\"");
    }

    @Test
    void aPercentEncodedPointerIsDecoded() throws IOException {
      write("a.json", event("a.json", "a:b", """
              "m": { "description": "M.", "$ref": "#/$defs/Big%20Money" }
            },
            "$defs": {
              "Big Money": { "type": "object", "properties": { "x": { "description": "X.", "type": "string" } } }
          """));

      ObjectType a = (ObjectType) load().contracts().contracts().get(0).rootType();

      assertThat(a.field("m").orElseThrow().type())
          .isEqualTo(new TypeRef("https://example.com/schemas/a.json", "/$defs/Big Money"));
    }

    /** A bug fixed here: the ref also got "names the file ..., while that file's id is null". */
    @Test
    void aRefIntoABrokenFileReportsOnlyTheBrokenFile() throws IOException {
      write("status.json", "{ nope");
      write("a.json", event("a.json", "a:b", """
              "s": { "description": "S.", "$ref": "status.json" }
          """).replace("https://example.com/schemas/a.json", "a.json"));

      assertThat(errors(List.of(root))).singleElement().asString()
          .startsWith(root.resolve("status.json") + ":1: malformed JSON");
    }

    @Test
    void aRefIsResolvedAndCountedOnceForAllFieldsUsingIt() throws IOException {
      write("a.json", event("a.json", "a:b", """
              "x": { "description": "X.", "$ref": "#/$defs/Money" },
              "y": { "description": "Y.", "$ref": "#/$defs/Money" }
            },
            "$defs": {
              "Money": { "type": "object", "properties": { "v": { "description": "V.", "type": "number" } } }
          """));

      Contract a = load().contracts().contracts().get(0);

      assertThat(a.definitions()).containsOnlyKeys("/$defs/Money");
      assertThat(((ObjectType) a.rootType()).fields()).extracting(f -> f.type())
          .containsOnly(new TypeRef("https://example.com/schemas/a.json", "/$defs/Money"));
    }
  }

  // ------------------------------------------------------------------------------------------ schemas

  @Nested
  class Schemas {

    @ParameterizedTest
    @ValueSource(strings = {"\"string\"", "12", "[]", "null"})
    void aSchemaThatIsNeitherObjectNorBoolean(String schema) throws IOException {
      write("a.json", event("a.json", "a:b", """
              "p": %s
          """.formatted(schema)));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":10: property \"p\": schema must be a JSON object or "
          + "boolean, found " + schema + "; write the schema as { \"type\": ... }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a\"", "{}"})
    void anEnumMustBeANonEmptyArray(String values) throws IOException {
      write("a.json", event("a.json", "a:b", """
              "p": {
                "description": "P.",
                "enum": %s
              }
          """.formatted(values)));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":12: property \"p\": \"enum\" must be a non-empty "
          + "array; list the allowed values, e.g. \"enum\": [\"created\", \"cancelled\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"allOf", "oneOf", "anyOf"})
    void compositionMustBeANonEmptyArrayOfSchemas(String keyword) throws IOException {
      write("a.json", event("a.json", "a:b", """
              "p": {
                "description": "P.",
                "%s": []
              },
              "q": {
                "description": "Q.",
                "%s": { "type": "string" }
              }
          """.formatted(keyword, keyword)));

      assertThat(errors(List.of(root))).containsExactly(
          root.resolve("a.json") + ":12: property \"p\": \"" + keyword + "\" must be a non-empty array of schemas; "
              + "write \"" + keyword + "\": [ { ... }, { ... } ]",
          root.resolve("a.json") + ":16: property \"q\": \"" + keyword + "\" must be a non-empty array of schemas; "
              + "write \"" + keyword + "\": [ { ... }, { ... } ]");
    }

    @Test
    void wrongShapesOfPropertiesRequiredAndDefinitions() throws IOException {
      write("a.json", """
          {
            "x-subject": "a:b",
            "x-version": 1,
            "type": "object",
            "required": "id",
            "properties": [],
            "$defs": [],
            "definitions": 5
          }
          """);

      assertThat(errors(List.of(root))).containsExactly(
          root.resolve("a.json") + ":5: \"required\" must be an array of property names; write \"required\": "
              + "[\"id\", ...]",
          root.resolve("a.json") + ":6: \"properties\" must be an object; write \"properties\": { \"name\": "
              + "{ ... } }",
          root.resolve("a.json") + ":7: \"$defs\" must be an object of schemas; write \"$defs\": { \"Name\": "
              + "{ ... } }",
          root.resolve("a.json") + ":8: \"definitions\" must be an object of schemas; write \"definitions\": "
              + "{ \"Name\": { ... } }");
    }

    @Test
    void anUnknownTypeInsideATypeArrayNamesItsPosition() throws IOException {
      write("a.json", event("a.json", "a:b", """
              "p": {
                "description": "P.",
                "type": [
                  "string",
                  "text"
                ]
              }
          """));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":14: property \"p\": type \"text\" is not a JSON "
          + "Schema type; use one of \"string\", \"integer\", \"number\", \"boolean\", \"object\", \"array\", \"null\"");
    }

    @Test
    void aDefinitionIsNamedByItsPointerInMessages() throws IOException {
      write("a.json", event("a.json", "a:b", PROPS + """
            },
            "$defs": {
              "Money": {
                "type": "money"
              }
          """));

      assertThat(only()).isEqualTo(root.resolve("a.json") + ":14: \"/$defs/Money\": type \"money\" is not a JSON "
          + "Schema type; use one of \"string\", \"integer\", \"number\", \"boolean\", \"object\", \"array\", \"null\"");
    }

    @Test
    void aNestedPropertyIsNamedByItsOwnName() throws IOException {
      write("a.json", event("a.json", "a:b", """
              "outer": {
                "description": "O.",
                "type": "object",
                "properties": { "a/b": { "description": "I.", "type": "int" } }
              }
          """));

      assertThat(only()).startsWith(root.resolve("a.json") + ":13: property \"a/b\": type \"int\" is not");
    }

    @Test
    void everyErrorOfARunIsReportedSortedByFileAndLine() throws IOException {
      write("b.json", event("b.json", "b:c", """
              "p": { "description": "P.", "type": "money" },
              "q": { "description": "Q.", "$ref": "#nope" }
          """));
      write("a.json", "[]");

      ContractException e = catchThrowableOfType(ContractException.class,
          () -> JsonSchemaContractLoader.load(List.of(root)));

      assertThat(e.errors()).extracting(ContractError::file, ContractError::line).containsExactly(
          org.assertj.core.groups.Tuple.tuple(root.resolve("a.json"), 1),
          org.assertj.core.groups.Tuple.tuple(root.resolve("b.json"), 10),
          org.assertj.core.groups.Tuple.tuple(root.resolve("b.json"), 11));
    }
  }

  // ------------------------------------------------------------------------------------------ helpers

  private void write(String name, String content) throws IOException {
    Files.writeString(root.resolve(name), content);
  }

  private JsonSchemaContractLoader.Result load() {
    return JsonSchemaContractLoader.load(List.of(root), JsonSchemaContractLoader.Options.DEFAULT);
  }

  private List<String> errors(List<Path> roots) {
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> JsonSchemaContractLoader.load(roots, JsonSchemaContractLoader.Options.DEFAULT));
    assertThat(e).as("expected a ContractException").isNotNull();
    return e.errors().stream().map(ContractError::format).toList();
  }

  /** The one error of loading {@link #root}, as the user reads it. */
  private String only() {
    List<String> errors = errors(List.of(root));
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }
}
