package io.eventcontracts.codegen.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.CodegenRequest;
import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cross-format consistency check: the ticketing twins agree, and each hand-made mismatch is reported once, at
 * the right field, with both locations.
 */
class ConsistencyCheckerTest {

  @TempDir Path work;

  static Codegen.Loaded loadTwins(List<Path> jsonRoots, List<Path> protoRoots, Path work) {
    return Codegen.load(new CodegenRequest(jsonRoots, "com.example", work.resolve("java"), work.resolve("res"),
        null, Dialect.DRAFT_2020_12, false, false, false,
        new ProtobufOptions(protoRoots, ProtoTestSupport.protoc(), work.resolve("protoc"), false)));
  }

  @Test
  void theTicketingTwinsAgreeAndPaymentCreatedComesFromProtobuf() {
    Codegen.Loaded loaded = loadTwins(List.of(ProtoTestSupport.TICKETING_JSON),
        List.of(ProtoTestSupport.TICKETING_PROTO), work);
    assertThat(loaded.contracts().bySubject("ticket:created").orElseThrow().format())
        .isEqualTo(ContractFormat.JSON_SCHEMA);
    assertThat(loaded.contracts().bySubject("ticket:updated").orElseThrow().format())
        .isEqualTo(ContractFormat.JSON_SCHEMA);
    Contract payment = loaded.contracts().bySubject("payment:created").orElseThrow();
    assertThat(payment.format()).isEqualTo(ContractFormat.PROTOBUF);
    assertThat(loaded.contracts().events()).hasSize(6);
    assertThat(loaded.protoOrigins().keySet())
        .containsExactly("order:created", "payment:created", "ticket:created", "ticket:updated");
    assertThat(loaded.protoOrigins().get("ticket:created").javaClass())
        .isEqualTo("io.eventcontracts.ticketing.proto.TicketCreated");
  }

  /** One hand-made mismatch: JSON properties and proto fields of subject {@code t.s}, and what must be reported. */
  record Case(String name, String jsonProperties, String jsonRequired, String protoFields, String field,
      String jsonNeedle, String protoNeedle, String what) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> mismatches() {
    return Stream.of(
        new Case("field missing in proto (optional in JSON)",
            "\"id\": {\"type\": \"string\", \"minLength\": 1},\n\"orderId\": {\"type\": \"string\", \"minLength\": 1}",
            "\"id\"", "string id = 1 [(eventcontracts.required) = true];", "orderId", "\"orderId\"", null,
            "optional in %J, missing in %P"),
        new Case("field missing in JSON",
            "\"id\": {\"type\": \"string\", \"minLength\": 1}", "\"id\"",
            "string id = 1 [(eventcontracts.required) = true];\n  string extra = 2;", "extra", "{",
            "string extra", "missing in %J, optional in %P"),
        new Case("required in JSON, optional in proto",
            "\"id\": {\"type\": \"string\", \"minLength\": 1}", "\"id\"", "string id = 1;", "id", "\"id\"",
            "string id", "required in %J, optional in %P"),
        new Case("optional in JSON, required in proto",
            "\"id\": {\"type\": \"string\", \"minLength\": 1}", "", "optional string id = 1 [(eventcontracts.required) = true, (buf.validate.field).string.min_len = 1];",
            "id", "\"id\"", "string id", "optional in %J, required in %P"),
        new Case("nullable in JSON, plain string in proto",
            "\"note\": {\"type\": [\"string\", \"null\"], \"minLength\": 1}", "", "optional string note = 1 [(buf.validate.field).string.min_len = 1];",
            "note", "\"note\"", "string note", "nullable in %J, not nullable in %P"),
        new Case("wrapper in proto, not nullable in JSON",
            "\"note\": {\"type\": \"string\"}", "", "google.protobuf.StringValue note = 1;", "note", "\"note\"",
            "StringValue note", "not nullable in %J, nullable in %P"),
        new Case("string in JSON, int32 in proto",
            "\"count\": {\"type\": \"string\"}", "", "optional int32 count = 1;", "count", "\"count\"",
            "int32 count", "type string in %J, integer in %P"),
        new Case("integer in JSON, int64 (a string) in proto",
            "\"big\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 10}", "", "int64 big = 1;", "big",
            "\"big\"", "int64 big", "type integer in %J, string in %P"),
        new Case("any string in JSON, int64 in proto",
            "\"big\": {\"type\": \"string\", \"minLength\": 1}", "", "optional int64 big = 1;", "big", "\"big\"",
            "int64 big", "any string in %J, int64 (a string of digits) in %P"),
        new Case("unbounded integer in JSON, int32 in proto",
            "\"count\": {\"type\": \"integer\", \"minimum\": 1}", "", "optional int32 count = 1;", "count", "\"count\"",
            "int32 count", "range [1, +inf] in %J exceeds [-2147483648, 2147483647] of int32 in %P"),
        new Case("2^53 range in JSON, uint32 in proto",
            "\"v\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 9007199254740991}", "", "optional uint32 v = 1;",
            "v", "\"v\"", "uint32 v", "range [1, 9007199254740991] in %J exceeds [0, 4294967295] of uint32 in %P"),
        new Case("date-time in JSON, plain string in proto",
            "\"at\": {\"type\": \"string\", \"format\": \"date-time\"}", "", "string at = 1;", "at", "\"at\"",
            "string at", "type date-time in %J, string in %P"),
        new Case("plain string in JSON, Timestamp in proto",
            "\"at\": {\"type\": \"string\", \"minLength\": 1}", "", "google.protobuf.Timestamp at = 1;", "at",
            "\"at\"", "Timestamp at", "type string in %J, date-time in %P"),
        new Case("enum values differ",
            "\"colour\": {\"enum\": [\"RED\", \"BLUE\"]}", "", "Colour colour = 1;", "colour", "\"colour\"", "Colour colour",
            "enum values differ: only in %J: [BLUE], only in %P: [GREEN]"),
        new Case("open object in JSON, message in proto",
            "\"box\": {\"type\": \"object\", \"properties\": {\"w\": {\"type\": \"boolean\"}}}", "", "Box box = 1;",
            "box", "\"box\"", "Box box", "open object in %J (additionalProperties allowed), closed in"),
        new Case("required string without minLength, proto string without presence",
            "\"label\": {\"type\": \"string\"}", "\"label\"", "string label = 1 [(eventcontracts.required) = true];",
            "label", "\"label\"", "string label", "allows \"\" in %J, which %P leaves out of the JSON form"),
        new Case("integer allowing 0, proto int32 without presence",
            "\"n\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 5}", "",
            "int32 n = 1 [(buf.validate.field).int32 = {gte: 0, lte: 5}];", "n", "\"n\"",
            "int32 n", "allows 0 in %J, which %P leaves out of the JSON form"),
        new Case("protovalidate: maxLength differs",
            "\"title\": {\"type\": \"string\", \"maxLength\": 10}", "",
            "optional string title = 1 [(buf.validate.field).string.max_len = 20];", "title", "\"title\": {",
            "string title", "maxLength 10 in %J, 20 in %P"),
        new Case("protovalidate: minLength only in JSON (field with presence)",
            "\"title\": {\"type\": \"string\", \"minLength\": 3}", "", "optional string title = 1;", "title",
            "\"title\": {", "string title", "minLength 3 in %J, none in %P"),
        new Case("protovalidate: pattern differs",
            "\"code\": {\"type\": \"string\", \"pattern\": \"^[A-Z]+$\"}", "",
            "optional string code = 1 [(buf.validate.field).string.pattern = \"^[A-Z]*$\"];", "code", "\"code\"",
            "string code", "pattern ^[A-Z]+$ in %J, ^[A-Z]*$ in %P"),
        new Case("protovalidate: format only in proto",
            "\"ref\": {\"type\": \"string\"}", "",
            "optional string ref = 1 [(buf.validate.field).string.uuid = true];", "ref", "\"ref\"", "string ref",
            "format none in %J, uuid in %P"),
        new Case("protovalidate: minItems differs",
            "\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"minItems\": 1}", "\"tags\"",
            "repeated string tags = 1 [(buf.validate.field).required = true, "
                + "(buf.validate.field).repeated.min_items = 2];", "tags", "\"tags\"", "repeated string tags",
            "minItems 1 in %J, 2 in %P"),
        new Case("protovalidate: maxItems only in JSON",
            "\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"maxItems\": 3}", "",
            "repeated string tags = 1;", "tags", "\"tags\"", "repeated string tags", "maxItems 3 in %J, none in %P"),
        new Case("protovalidate: double bound differs",
            "\"price\": {\"type\": \"number\", \"minimum\": 0}", "\"price\"",
            "optional double price = 1 [(eventcontracts.required) = true, (buf.validate.field).double.gte = 1];",
            "price", "\"price\"", "double price", "minimum 0 in %J, 1 in %P"),
        new Case("protovalidate: double bound only in JSON",
            "\"price\": {\"type\": \"number\", \"exclusiveMaximum\": 100}", "", "optional double price = 1;",
            "price", "\"price\"", "double price", "exclusiveMaximum 100 in %J, none in %P"),
        new Case("protovalidate: exclusiveMinimum differs",
            "\"price\": {\"type\": \"number\", \"exclusiveMinimum\": 0}", "",
            "optional double price = 1 [(buf.validate.field).double.gt = 1];", "price", "\"price\"",
            "double price", "exclusiveMinimum 0 in %J, 1 in %P"),
        new Case("protovalidate: maximum only in JSON (float)",
            "\"ratio\": {\"type\": \"number\", \"maximum\": 1}", "", "optional float ratio = 1;", "ratio",
            "\"ratio\"", "float ratio", "maximum 1 in %J, none in %P"),
        new Case("protovalidate: integer range differs",
            "\"n\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 10}", "\"n\"",
            "int32 n = 1 [(buf.validate.field).required = true, (buf.validate.field).int32 = {gt: 0, lte: 20}];",
            "n", "\"n\"", "int32 n", "range [1, 10] in %J, [1, 20] in %P"),
        new Case("protovalidate: string.in values differ from the JSON enum",
            "\"status\": {\"type\": \"string\", \"enum\": [\"a:b\", \"c:d\"]}", "\"status\"",
            "string status = 1 [(buf.validate.field).required = true, "
                + "(buf.validate.field).string = {in: [\"a:b\", \"e:f\"]}];", "status", "\"status\"",
            "string status", "enum values differ: only in %J: [c:d], only in %P: [e:f]"),
        new Case("protovalidate: string.const differs from the JSON const",
            "\"kind\": {\"const\": \"push\"}", "\"kind\"",
            "string kind = 1 [(buf.validate.field).required = true, (buf.validate.field).string.const = \"pull\"];",
            "kind", "\"kind\"", "string kind", "type constant \"push\" in %J, constant \"pull\" in %P"),
        new Case("boolean, proto bool without presence",
            "\"flag\": {\"type\": \"boolean\"}", "", "bool flag = 1;", "flag", "\"flag\"", "bool flag",
            "allows false in %J, which %P leaves out of the JSON form"),
        new Case("nested message field type",
            "\"box\": {\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\n"
                + "\"w\": {\"type\": \"number\"}}}", "", "Box box = 1;", "box.w", "\"w\"", "bool w",
            "type number in %J, boolean in %P"),
        new Case("list element type",
            "\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 9}}", "",
            "repeated string tags = 1;", "tags[]", "\"tags\"", "string tags", "type integer in %J, string in %P"),
        new Case("map value type",
            "\"counts\": {\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}", "",
            "map<string, bool> counts = 1;", "counts{}", "\"counts\"", "counts = 1", "type string in %J, boolean in %P"),
        new Case("number in JSON, bool in proto",
            "\"price\": {\"type\": \"number\", \"minimum\": 1}", "", "bool price = 1;", "price", "\"price\"",
            "bool price", "type number in %J, boolean in %P"),
        new Case("json_name spelling differs",
            "\"order_ref\": {\"type\": \"string\", \"minLength\": 1}", "", "string order_ref = 1;", "order_ref",
            "\"order_ref\"", null, "optional in %J, missing in %P"),
        new Case("optional non-empty string in JSON, proto string without presence",
            "\"ref\": {\"type\": \"string\", \"minLength\": 1}", "", "string ref = 1;", "ref", "\"ref\"",
            "string ref", "rejects \"\" in %J, but %P turns \"\" into an absent field, which is valid"),
        new Case("array in JSON, single value in proto",
            "\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}", "", "string tags = 1;", "tags",
            "\"tags\"", "string tags", "type array of string in %J, string in %P"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mismatches")
  void eachMismatchIsReportedAtItsFieldWithBothLocations(Case c) throws IOException {
    Path jsonRoot = work.resolve("json");
    Path protoRoot = work.resolve("proto");
    String json = "{\n\"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n\"title\": \"T\",\n"
        + "\"x-subject\": \"t.s\",\n\"x-version\": 1,\n\"type\": \"object\",\n\"properties\": {\n"
        + c.jsonProperties() + "\n},\n\"required\": [" + c.jsonRequired() + "],\n\"additionalProperties\": false\n}\n";
    String proto = "syntax = \"proto3\";\npackage t;\nimport \"eventcontracts/options.proto\";\n"
        + "import \"google/protobuf/wrappers.proto\"; import \"buf/validate/validate.proto\";\nimport \"google/protobuf/timestamp.proto\";\n"
        + "enum Colour { COLOUR_UNSPECIFIED = 0; RED = 1; GREEN = 2; }\nmessage Box { bool w = 1; }\n"
        + "message T {\n  option (eventcontracts.subject) = \"t.s\";\n  " + c.protoFields() + "\n}\n";
    Files.createDirectories(jsonRoot);
    Files.createDirectories(protoRoot);
    Path jsonFile = jsonRoot.resolve("t.json");
    Path protoFile = protoRoot.resolve("t.proto");
    Files.writeString(jsonFile, json);
    Files.writeString(protoFile, proto);

    ContractException e = catchThrowableOfType(ContractException.class,
        () -> loadTwins(List.of(jsonRoot), List.of(protoRoot), work.resolve("w")));
    assertThat(e).as("a mismatch must fail the run").isNotNull();
    List<ContractError> about = e.errors().stream()
        .filter(err -> err.message().startsWith("t.s: field " + c.field() + ": ")).toList();
    assertThat(about).as(e.errors().toString()).hasSize(1);
    ContractError error = about.get(0);
    String jsonAt = c.jsonNeedle() == null ? jsonFile.toString() : jsonFile + ":" + lineOf(json, c.jsonNeedle());
    String protoAt = c.protoNeedle() == null ? protoFile + ":8" : protoFile + ":" + lineOf(proto, c.protoNeedle());
    String what = c.what().replace("%J", jsonAt).replace("%P", protoAt);
    assertThat(error.message()).startsWith("t.s: field " + c.field() + ": " + what);
    assertThat(error.hint()).isNotBlank();
    if (!c.what().startsWith("missing in")) {
      assertThat(error.file()).isEqualTo(jsonFile);
      assertThat(error.line()).isEqualTo(lineOf(json, c.jsonNeedle()));
    } else {
      assertThat(error.file()).isEqualTo(protoFile);
    }
  }

  @Test
  void rulesAreComparedByValueAndTheHintNamesBothSpellings() throws IOException {
    Path jsonRoot = work.resolve("json");
    Path protoRoot = work.resolve("proto");
    Files.createDirectories(jsonRoot);
    Files.createDirectories(protoRoot);
    Files.writeString(jsonRoot.resolve("t.json"), "{\"x-subject\": \"t.s\", \"type\": \"object\",\n"
        + "\"additionalProperties\": false, \"properties\": {\n"
        + "\"price\": {\"type\": \"number\", \"minimum\": 1.50, \"maximum\": 1e2},\n"
        + "\"ratio\": {\"type\": \"number\", \"exclusiveMaximum\": 1}}}");
    Files.writeString(protoRoot.resolve("t.proto"), "syntax = \"proto3\";\nimport \"eventcontracts/options.proto\";\n"
        + "import \"buf/validate/validate.proto\";\nmessage T { option (eventcontracts.subject) = \"t.s\";\n"
        + "  optional double price = 1 [(buf.validate.field).double = {gte: 1.5, lte: 100}];\n"
        + "  optional float ratio = 2 [(buf.validate.field).float.lt = 2];\n}\n");
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> loadTwins(List.of(jsonRoot), List.of(protoRoot), work.resolve("w")));
    assertThat(e.errors()).as("1.50 = 1.5 and 1e2 = 100: only ratio differs").extracting(ContractError::format)
        .containsExactly(jsonRoot.resolve("t.json") + ":4: t.s: field ratio: exclusiveMaximum 1 in "
            + jsonRoot.resolve("t.json") + ":4, 2 in " + protoRoot.resolve("t.proto") + ":6; declare the same rule "
            + "in both: \"exclusiveMaximum\" in the JSON Schema, (buf.validate.field).float.lt in the .proto "
            + "(docs/contract-format.md)");
  }

  @Test
  void aVersionMismatchIsReportedWithBothLocations() throws IOException {
    Path jsonRoot = work.resolve("json");
    Path protoRoot = work.resolve("proto");
    Files.createDirectories(jsonRoot);
    Files.createDirectories(protoRoot);
    Files.writeString(jsonRoot.resolve("t.json"), "{\"x-subject\": \"t.s\", \"x-version\": 2, \"type\": \"object\","
        + " \"description\": \"T.\", \"additionalProperties\": false}");
    Files.writeString(protoRoot.resolve("t.proto"), "syntax = \"proto3\";\nimport \"eventcontracts/options.proto\";\n"
        + "message T { option (eventcontracts.subject) = \"t.s\"; }\n");
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> loadTwins(List.of(jsonRoot), List.of(protoRoot), work.resolve("w")));
    assertThat(e.errors()).extracting(ContractError::format).containsExactly(jsonRoot.resolve("t.json")
        + ":1: t.s: version 2 in " + jsonRoot.resolve("t.json") + ":1, 1 in " + protoRoot.resolve("t.proto")
        + ":3; give both twins the same version");
  }

  @Test
  void jsonSchemaAndProtobufErrorsOfOneRunAreReportedTogether() throws IOException {
    Path jsonRoot = work.resolve("json");
    Path protoRoot = work.resolve("proto");
    Files.createDirectories(jsonRoot);
    Files.createDirectories(protoRoot);
    Files.writeString(jsonRoot.resolve("broken.json"), "{ \"x-subject\": ");
    Files.writeString(protoRoot.resolve("t.proto"), "syntax = \"proto3\";\nimport \"eventcontracts/options.proto\";\n"
        + "message T { option (eventcontracts.subject) = \"bad subject\"; }\n");
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> loadTwins(List.of(jsonRoot), List.of(protoRoot), work.resolve("w")));
    assertThat(e.errors()).extracting(ContractError::file)
        .containsExactly(jsonRoot.resolve("broken.json"), protoRoot.resolve("t.proto"));
    assertThat(e.errors().get(1).message()).isEqualTo("message T: subject \"bad subject\" is not a valid NATS subject");
  }

  static final String UNION_JSON = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
      + "\"title\": \"U\", \"x-subject\": \"t.u\", \"x-version\": 1, \"type\": \"object\",\n"
      + "\"properties\": {\"id\": {\"type\": \"string\", \"minLength\": 1}},\n"
      + "\"required\": [\"id\"], \"additionalProperties\": false,\n"
      + "\"oneOf\": [\n"
      + "  {\"properties\": {\"card\": {\"type\": \"string\"}}, \"required\": [\"card\"]},\n"
      + "  {\"properties\": {\"cash\": {\"type\": \"boolean\"}}, \"required\": [\"cash\"]}]}\n";

  Codegen.Loaded loadUnion(String oneof) throws IOException {
    Path jsonRoot = work.resolve("json");
    Path protoRoot = work.resolve("proto");
    Files.createDirectories(jsonRoot);
    Files.createDirectories(protoRoot);
    Files.writeString(jsonRoot.resolve("u.json"), UNION_JSON);
    Files.writeString(protoRoot.resolve("u.proto"), "syntax = \"proto3\";\nimport \"eventcontracts/options.proto\";\n"
        + "message U {\n  option (eventcontracts.subject) = \"t.u\";\n"
        + "  string id = 1 [(eventcontracts.required) = true];\n  oneof pay {\n" + oneof + "  }\n}\n");
    return loadTwins(List.of(jsonRoot), List.of(protoRoot), work.resolve("w"));
  }

  @Test
  void aOneofAgreesWithAOneOfWhoseBranchesRequireOneMemberEach() throws IOException {
    Codegen.Loaded loaded = loadUnion("    string card = 2;\n    bool cash = 3;\n");
    assertThat(loaded.protoOrigins()).containsKey("t.u");
  }

  @Test
  void aOneofWithAnotherMemberCountIsAMismatch() throws IOException {
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> loadUnion("    string card = 2;\n    bool cash = 3;\n    string voucher = 4;\n"));
    assertThat(e.errors()).extracting(ContractError::message)
        .anySatisfy(m -> assertThat(m).startsWith("t.u: union of 2 branches in ").contains(", oneof of 3 members in "));
  }

  @Test
  void aOneofMemberNoBranchRequiresIsAMismatch() throws IOException {
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> loadUnion("    string card = 2;\n    bool coupon = 3;\n"));
    assertThat(e.errors()).extracting(ContractError::message)
        .anySatisfy(m -> assertThat(m).startsWith("t.u: oneOf branch object ").contains(" matches no oneof member in "));
  }

  static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(needle + " not in " + text);
  }
}
