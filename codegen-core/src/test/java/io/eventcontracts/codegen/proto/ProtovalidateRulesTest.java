package io.eventcontracts.codegen.proto;

import static io.eventcontracts.codegen.proto.ProtoTestSupport.load;
import static io.eventcontracts.codegen.proto.ProtoTestSupport.only;
import static io.eventcontracts.codegen.proto.ProtoTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * protovalidate rules ({@code (buf.validate.field)}) load into the same model constraints, optionality and types as
 * the JSON Schema keywords they mean; rules the model cannot carry are located contract errors.
 */
class ProtovalidateRulesTest {

  @TempDir Path work;
  Path root;

  @BeforeEach
  void setUp() {
    root = work.resolve("contracts");
  }

  private static final String HEADER = """
      syntax = "proto3";
      package r.v1;
      import "buf/validate/validate.proto";
      import "eventcontracts/options.proto";
      import "google/protobuf/wrappers.proto";
      enum Colour { COLOUR_UNSPECIFIED = 0; RED = 1; }
      message Ruled {
        option (eventcontracts.subject) = "r.ruled";
      """;

  /** Loads one field declaration (line 9 of the file) and returns it. */
  private Field field(String declaration) throws IOException {
    write(root, "r.proto", HEADER + "  " + declaration + "\n}\n");
    ProtobufContractLoader.Result result = load(root, work.resolve("w"));
    assertThat(result.errors()).extracting(ContractError::format).isEmpty();
    return ((ObjectType) only(result, "r.ruled").rootType()).fields().get(0);
  }

  /** The errors of one field declaration (line 9), formatted. */
  private List<String> errors(String declaration) throws IOException {
    write(root, "r.proto", HEADER + "  " + declaration + "\n}\n");
    return load(root, work.resolve("w")).errors().stream().map(ContractError::format).toList();
  }

  private String at() {
    return root.resolve("r.proto") + ":9: ";
  }

  private static Constraints lengths(Integer min, Integer max) {
    return new Constraints(null, null, null, null, null, min, max, null, null, null, null);
  }

  @Test
  void stringLengthsBecomeMinLengthAndMaxLength() throws IOException {
    assertThat(field("optional string s = 1 [(buf.validate.field).string = {min_len: 2, max_len: 10}];")
        .constraints()).isEqualTo(lengths(2, 10));
    assertThat(field("optional string s = 1 [(buf.validate.field).string.len = 4];").constraints())
        .isEqualTo(lengths(4, 4));
  }

  @Test
  void requiredWithAMaxLengthKeepsBothTheImpliedMinLengthAndTheMaxLength() throws IOException {
    Field f = field("string s = 1 [(buf.validate.field).required = true, (buf.validate.field).string.max_len = 8];");
    assertThat(f.required()).as("required = true is the model's required").isTrue();
    assertThat(f.constraints()).isEqualTo(lengths(1, 8));
  }

  @Test
  void patternAndWellKnownFormats() throws IOException {
    assertThat(field("optional string s = 1 [(buf.validate.field).string.pattern = \"^[a-z]+$\"];")
        .constraints().pattern()).isEqualTo("^[a-z]+$");
    for (String[] pair : new String[][] {{"uuid", "uuid"}, {"email", "email"}, {"hostname", "hostname"},
        {"ipv4", "ipv4"}, {"ipv6", "ipv6"}, {"uri", "uri"}, {"uri_ref", "uri-reference"}}) {
      assertThat(field("optional string s = 1 [(buf.validate.field).string." + pair[0] + " = true];")
          .constraints().format()).as(pair[0]).isEqualTo(pair[1]);
    }
  }

  @Test
  void stringInIsAnEnumAndStringConstAConstant() throws IOException {
    Field in = field("string status = 1 [(buf.validate.field).required = true, "
        + "(buf.validate.field).string = {in: [\"awaiting:payment\", \"complete\", \"complete\"]}];");
    assertThat(in.type()).isInstanceOf(EnumType.class);
    EnumType e = (EnumType) in.type();
    assertThat(e.name()).isEqualTo("RuledStatus");
    assertThat(e.values()).containsExactly("awaiting:payment", "complete");
    assertThat(e.location().pointer()).as("located at the field").isEqualTo("r.v1.Ruled.status");
    assertThat(in.constraints()).as("no minLength for an enum").isEqualTo(Constraints.NONE);

    assertThat(field("optional string kind = 1 [(buf.validate.field).string.in = \"push\"];").type())
        .isEqualTo(new ConstType(PrimitiveType.STRING, "\"push\""));
    assertThat(field("optional string kind = 1 [(buf.validate.field).string.const = \"a\\\"b\"];").type())
        .isEqualTo(new ConstType(PrimitiveType.STRING, "\"a\\\"b\""));
  }

  @Test
  void integerBoundsNarrowTheTypeRangeAsInclusiveBounds() throws IOException {
    Constraints c = field("optional int32 n = 1 [(buf.validate.field).int32 = {gt: -1, lt: 100}];").constraints();
    assertThat(c.minimum()).isEqualByComparingTo("0");
    assertThat(c.maximum()).isEqualByComparingTo("99");
    assertThat(c.exclusiveMinimum()).isNull();
    c = field("optional uint32 n = 1 [(buf.validate.field).uint32 = {gte: 3000000000}];").constraints();
    assertThat(c.minimum()).as("uint32 values above 2^31 read unsigned").isEqualByComparingTo("3000000000");
    assertThat(c.maximum()).as("the type's own bound stays").isEqualByComparingTo("4294967295");
    c = field("optional sint32 n = 1 [(buf.validate.field).sint32.lte = 5];").constraints();
    assertThat(c.minimum()).isEqualByComparingTo(BigDecimal.valueOf(Integer.MIN_VALUE));
    assertThat(c.maximum()).isEqualByComparingTo("5");
    c = field("optional int32 n = 1 [(buf.validate.field).int32 = {gte: -7, lte: 2147483647}];").constraints();
    assertThat(c.minimum()).isEqualByComparingTo("-7");
    assertThat(c.maximum()).isEqualByComparingTo("2147483647");
  }

  @Test
  void numberBoundsKeepTheirExclusiveness() throws IOException {
    Constraints c = field("optional double d = 1 [(buf.validate.field).double = {gt: 0, lte: 99.5, finite: true}];")
        .constraints();
    assertThat(c).isEqualTo(new Constraints(null, null, new BigDecimal("99.5"), BigDecimal.ZERO, null, null, null,
        null, null, null, null));
    c = field("optional float f = 1 [(buf.validate.field).float = {gte: 0.1, lt: 1}];").constraints();
    assertThat(c.minimum()).as("a float bound as written, not its binary expansion").isEqualTo(new BigDecimal("0.1"));
    assertThat(c.exclusiveMaximum()).isEqualTo(BigDecimal.ONE);
  }

  @Test
  void repeatedSizesBecomeMinItemsAndMaxItems() throws IOException {
    Field f = field("repeated string tags = 1 [(buf.validate.field).required = true, "
        + "(buf.validate.field).repeated = {min_items: 1, max_items: 5}];");
    assertThat(f.required()).isTrue();
    assertThat(f.constraints()).isEqualTo(new Constraints(null, null, null, null, null, null, null, null, 1, 5,
        null));
  }

  @Test
  void wrapperRulesApplyToTheWrappedValueAndEnumDefinedOnlyIsWhatTheModelSaysAlready() throws IOException {
    Field f = field("google.protobuf.StringValue s = 1 [(buf.validate.field).string.max_len = 3];");
    assertThat(f.nullable()).isTrue();
    assertThat(f.constraints()).isEqualTo(lengths(null, 3));
    Field e = field("Colour c = 1 [(buf.validate.field).enum.defined_only = true];");
    assertThat(e.type()).isInstanceOf(EnumType.class);
    assertThat(e.constraints()).isEqualTo(Constraints.NONE);
  }

  @Test
  void examplesAreDocumentationNotRules() throws IOException {
    assertThat(field("optional string s = 1 [(buf.validate.field).string.example = \"x\"];").constraints())
        .isEqualTo(Constraints.NONE);
  }

  @Test
  void theDerivedJsonSchemaCarriesTheRulesAndLoadsBackToTheSameConstraints() throws IOException {
    write(root, "r.proto", HEADER + """
          string id = 1 [(buf.validate.field).required = true, (buf.validate.field).string.uuid = true];
          optional string code = 2 [(buf.validate.field).string = {pattern: "^[A-Z]{3}$", max_len: 3}];
          optional double price = 3 [(buf.validate.field).double = {gt: 0, lt: 1000}];
          optional int32 count = 4 [(buf.validate.field).int32 = {gte: 1, lte: 9}];
          repeated string tags = 5 [(buf.validate.field).repeated.max_items = 4];
          string status = 6 [(buf.validate.field).required = true, (buf.validate.field).string = {in: ["a:b", "c"]}];
        }
        """);
    ProtobufContractLoader.Result result = load(root, work.resolve("w"));
    assertThat(result.errors()).isEmpty();
    Contract proto = only(result, "r.ruled");
    String derived = new String(proto.document().content(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(derived).contains("\"format\" : \"uuid\"", "\"pattern\" : \"^[A-Z]{3}$\"", "\"maxLength\" : 3",
        "\"exclusiveMinimum\" : 0", "\"exclusiveMaximum\" : 1000", "\"minimum\" : 1", "\"maximum\" : 9",
        "\"maxItems\" : 4", "\"$ref\" : \"#/$defs/RuledStatus\"", "\"enum\" : [\n        \"a:b\",\n        \"c\"\n      ]");
    Path back = work.resolve("derived");
    Files.createDirectories(back);
    Files.write(back.resolve("ruled.json"), proto.document().content());
    ContractSet reloaded = JsonSchemaContractLoader.load(List.of(back));
    Contract json = reloaded.bySubject("r.ruled").orElseThrow();
    ObjectType jsonRoot = (ObjectType) json.rootType();
    for (Field f : ((ObjectType) proto.rootType()).fields()) {
      Field j = jsonRoot.field(f.name()).orElseThrow();
      assertThat(j.required()).as(f.name()).isEqualTo(f.required());
      if (!(f.type() instanceof EnumType)) {
        assertThat(j.constraints()).as(f.name()).usingRecursiveComparison()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(f.constraints());
      }
    }
    assertThat(ConsistencyChecker.check(json, proto, reloaded)).as("a proto and its derived schema agree").isEmpty();
  }

  // ---- rules the model cannot carry: located errors, each with what to do

  @Test
  void celAndMessageRulesAreRefused() throws IOException {
    assertThat(errors("optional string s = 1 [(buf.validate.field).cel = {id: \"x\", expression: \"this != 'a'\"}];"))
        .containsExactly(at() + "field s: protovalidate rule a CEL rule is not supported (the contract model and "
            + "its JSON Schema cannot carry it); CEL expressions have no JSON Schema equivalent; express the rule "
            + "with the supported rules (docs/contract-format.md), or drop it");
    write(root, "r.proto", HEADER.replace("message Ruled {\n", "message Ruled {\n  option (buf.validate.message)"
        + ".cel = {id: \"m\", expression: \"true\"};\n") + "}\n");
    assertThat(load(root, work.resolve("w")).errors()).extracting(ContractError::format).containsExactly(
        root.resolve("r.proto") + ":7: message r.v1.Ruled: message-level protovalidate rules (buf.validate.message) "
            + "are not supported (CEL and oneof rules have no JSON Schema equivalent); put the rules on the fields "
            + "((buf.validate.field), docs/contract-format.md), or drop them");
  }

  @Test
  void unsupportedRulesOfEachFamilyAreRefusedWithWhatToDo() throws IOException {
    String unsupported = "is not supported (the contract model and its JSON Schema cannot carry it); ";
    assertThat(errors("optional string s = 1 [(buf.validate.field).string.prefix = \"ord_\"];")).containsExactly(
        at() + "field s: protovalidate rule string.prefix " + unsupported + "use min_len, max_len, len, pattern, "
            + "in, const or one of the formats [email, hostname, ipv4, ipv6, uri, uri_ref, uuid]; a prefix or "
            + "suffix is a pattern (\"^ord_\")");
    assertThat(errors("optional int32 n = 1 [(buf.validate.field).int32 = {in: [1, 2]}];")).containsExactly(
        at() + "field n: protovalidate rule int32.in " + unsupported + "use gt, gte, lt or lte (a JSON Schema enum "
            + "of numbers is not in the contract model)");
    assertThat(errors("optional int64 n = 1 [(buf.validate.field).int64.gte = 1];")).containsExactly(
        at() + "field n: protovalidate rule int64.gte " + unsupported + "64-bit integers are digit strings in the "
            + "proto3 JSON form, which JSON Schema cannot bound; use int32/uint32 for a bounded number, or drop the "
            + "rule");
    assertThat(errors("repeated string t = 1 [(buf.validate.field).repeated.unique = true];")).containsExactly(
        at() + "field t: protovalidate rule repeated.unique " + unsupported + "use min_items or max_items "
            + "(uniqueItems and rules on the items are not in the contract model)");
    assertThat(errors("optional double d = 1 [(buf.validate.field).double.const = 1];")).containsExactly(
        at() + "field d: protovalidate rule double.const " + unsupported + "use gt, gte, lt, lte or finite");
    assertThat(errors("Colour c = 1 [(buf.validate.field).enum.in = 1];")).containsExactly(
        at() + "field c: protovalidate rule enum.in " + unsupported + "use defined_only, or a narrower enum type");
    assertThat(errors("optional bool b = 1 [(buf.validate.field).bool.const = true];")).containsExactly(
        at() + "field b: protovalidate rule bool.const " + unsupported + "the contract model has no equivalent; "
            + "drop the rule (docs/contract-format.md lists the supported ones)");
    assertThat(errors("optional string s = 1 [(buf.validate.field).ignore = IGNORE_ALWAYS];")).containsExactly(
        at() + "field s: protovalidate rule ignore = IGNORE_ALWAYS " + unsupported + "drop it: the rules apply as "
            + "the JSON Schema applies them (to present values)");
    assertThat(errors("optional string s = 1 [(buf.validate.field).string = {in: [\"a\"], const: \"a\"}];"))
        .containsExactly(at() + "field s: protovalidate rule string.const together with string.in " + unsupported
            + "keep one of them");
  }

  @Test
  void rulesOfTheWrongFamilyAreRefused() throws IOException {
    assertThat(errors("optional int32 n = 1 [(buf.validate.field).string.min_len = 1];")).containsExactly(
        at() + "field n: string rules on a field of proto type int32; use (buf.validate.field).int32 rules");
    assertThat(errors("repeated string t = 1 [(buf.validate.field).string.min_len = 1];")).containsExactly(
        at() + "field t: string rules on a field of proto type string; use (buf.validate.field).repeated rules");
  }

  @Test
  void aRuleRejectingTheZeroValueOfAFieldWithoutPresenceIsRefused() throws IOException {
    String trap = ", which proto3 leaves out of the JSON form of a field without presence (the JSON Schema would "
        + "accept the absent field, protovalidate rejects the zero value); add (buf.validate.field).required = true "
        + "(or (eventcontracts.required) = true)";
    String orOptional = trap + ", or declare the field `optional` so the rule applies to present values only";
    assertThat(errors("string s = 1 [(buf.validate.field).string.min_len = 2];"))
        .containsExactly(at() + "field s: min_len 2 rejects \"\"" + orOptional);
    assertThat(errors("string s = 1 [(buf.validate.field).string.uuid = true];"))
        .containsExactly(at() + "field s: the uuid format rejects \"\"" + orOptional);
    assertThat(errors("string s = 1 [(buf.validate.field).string.pattern = \"^a\"];"))
        .containsExactly(at() + "field s: pattern ^a rejects \"\"" + orOptional);
    assertThat(errors("string s = 1 [(buf.validate.field).string = {in: [\"a\", \"b\"]}];"))
        .containsExactly(at() + "field s: in rejects \"\"" + orOptional);
    assertThat(errors("string s = 1 [(buf.validate.field).string.const = \"a\"];"))
        .containsExactly(at() + "field s: const rejects \"\"" + orOptional);
    assertThat(errors("int32 n = 1 [(buf.validate.field).int32.gt = 0];"))
        .containsExactly(at() + "field n: the range minimum 1, maximum 2147483647 rejects 0" + orOptional);
    assertThat(errors("double d = 1 [(buf.validate.field).double.lt = 0];"))
        .containsExactly(at() + "field d: the range exclusiveMaximum 0 rejects 0" + orOptional);
    assertThat(errors("repeated string t = 1 [(buf.validate.field).repeated.min_items = 1];"))
        .containsExactly(at() + "field t: min_items 1 rejects []" + trap);
    // allowed: the zero value passes, or the field keeps presence, or it is required
    assertThat(errors("string s = 1 [(buf.validate.field).string = {max_len: 3, pattern: \"^[a-z]*$\"}];")).isEmpty();
    assertThat(errors("int32 n = 1 [(buf.validate.field).int32 = {gte: 0, lte: 3}];")).isEmpty();
    assertThat(errors("double d = 1 [(buf.validate.field).double = {gt: -1, lt: 1}];")).isEmpty();
    assertThat(errors("optional string s = 1 [(buf.validate.field).string.min_len = 2];")).isEmpty();
    assertThat(errors("string s = 1 [(eventcontracts.required) = true, (buf.validate.field).string.min_len = 2];"))
        .isEmpty();
  }

  @Test
  void boundariesOfTheRuleValues() throws IOException {
    String unsupported = "is not supported (the contract model and its JSON Schema cannot carry it); ";
    assertThat(errors("optional string s = 1 [(buf.validate.field).string.max_len = 3000000000];")).containsExactly(
        at() + "field s: protovalidate rule max_len 3000000000 " + unsupported + "use a length up to 2147483647");
    assertThat(field("optional string s = 1 [(buf.validate.field).string.max_len = 2147483647];").constraints()
        .maxLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(errors("optional double d = 1 [(buf.validate.field).double.lt = inf];")).containsExactly(
        at() + "field d: protovalidate rule double.lt Infinity " + unsupported + "use a finite bound");
    assertThat(field("optional string s = 1 [(buf.validate.field).string.uuid = false];").constraints())
        .as("a well-known format set to false is no rule").isEqualTo(Constraints.NONE);
    Constraints fixed = field("optional fixed32 n = 1 [(buf.validate.field).fixed32 = {gt: 4294967290}];")
        .constraints();
    assertThat(fixed.minimum()).isEqualByComparingTo("4294967291");
    assertThat(field("optional double d = 1 [(buf.validate.field).double = {gte: 5, lte: 5}];").constraints()
        .minimum()).as("a one-value range is a range").isEqualByComparingTo("5");
    assertThat(errors("optional double d = 1 [(buf.validate.field).double = {gt: 10, lt: 5}];")).hasSize(1);
    assertThat(errors("optional int32 n = 1 [(buf.validate.field).int32 = {gte: 5, lte: 5}];")).isEmpty();
  }

  @Test
  void boundsMeaningOutsideTheRangeAndBadPatternsAreRefused() throws IOException {
    String outside = "the lower bound is above the upper one, which protovalidate reads as \"outside the range\"; "
        + "JSON Schema's minimum/maximum cannot say that; bound the field from one side, or use a range with the "
        + "lower bound below the upper one";
    assertThat(errors("optional int32 n = 1 [(buf.validate.field).int32 = {gt: 10, lt: 5}];"))
        .containsExactly(at() + "field n: " + outside);
    assertThat(errors("optional double d = 1 [(buf.validate.field).double = {gte: 10, lte: 5}];"))
        .containsExactly(at() + "field d: " + outside);
    assertThat(errors("optional string s = 1 [(buf.validate.field).string.pattern = \"[a-\"];")).hasSize(1)
        .allMatch(m -> m.startsWith(at() + "field s: pattern [a- is not a regular expression: ")
            && m.endsWith("; fix the pattern"));
  }
}
