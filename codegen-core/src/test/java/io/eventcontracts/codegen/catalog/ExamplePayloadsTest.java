package io.eventcontracts.codegen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.ContractKind;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Example values chosen from the model: exact values at every bound, format, length and container rule. */
class ExamplePayloadsTest {

  static Constraints c(String format, String min, String max, String exMin, String exMax, Integer minLength,
      Integer maxLength, String pattern, Integer minItems, Integer maxItems, String defaultJson) {
    return new Constraints(format, dec(min), dec(max), dec(exMin), dec(exMax), minLength, maxLength, pattern,
        minItems, maxItems, defaultJson);
  }

  static BigDecimal dec(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  static Constraints bounds(String min, String max, String exMin, String exMax) {
    return c(null, min, max, exMin, exMax, null, null, null, null, null, null);
  }

  static Contract contract(String id, DataType root, Map<String, DataType> defs) {
    return new Contract("C", ContractKind.EVENT, "c:happened", 1, id, null, ContractFormat.JSON_SCHEMA,
        Dialect.DRAFT_2020_12, null, "c.json", root, defs, "0", () -> new byte[0]);
  }

  static JsonNode example(DataType root) {
    Contract c = contract("urn:c", root, Map.of());
    return new ExamplePayloads(new ContractSet(List.of(c))).example(c);
  }

  static ObjectType object(Field... fields) {
    return new ObjectType("O", List.of(fields), AdditionalProperties.CLOSED, null, null);
  }

  static Field field(String name, DataType type, boolean required, Constraints constraints) {
    return new Field(name, type, required, false, null, constraints, null);
  }

  @Test
  void integersTakeTheLeastValueInsideTheBounds() {
    assertThat(ExamplePayloads.integer(Constraints.NONE)).isEqualTo(BigInteger.ONE);
    assertThat(ExamplePayloads.integer(bounds("5", null, null, null))).isEqualTo(BigInteger.valueOf(5));
    assertThat(ExamplePayloads.integer(bounds("2.5", null, null, null))).isEqualTo(BigInteger.valueOf(3));
    assertThat(ExamplePayloads.integer(bounds(null, null, "5", null))).isEqualTo(BigInteger.valueOf(6));
    assertThat(ExamplePayloads.integer(bounds(null, null, "5.5", null))).isEqualTo(BigInteger.valueOf(6));
    assertThat(ExamplePayloads.integer(bounds("3", null, "5", null))).as("the tighter lower bound")
        .isEqualTo(BigInteger.valueOf(6));
    assertThat(ExamplePayloads.integer(bounds("7", null, "5", null))).isEqualTo(BigInteger.valueOf(7));
    assertThat(ExamplePayloads.integer(bounds(null, "-3", null, null))).isEqualTo(BigInteger.valueOf(-3));
    assertThat(ExamplePayloads.integer(bounds(null, "-2.5", null, null))).isEqualTo(BigInteger.valueOf(-3));
    assertThat(ExamplePayloads.integer(bounds(null, null, null, "0"))).isEqualTo(BigInteger.valueOf(-1));
    assertThat(ExamplePayloads.integer(bounds(null, null, null, "0.5"))).isEqualTo(BigInteger.ZERO);
    assertThat(ExamplePayloads.integer(bounds(null, "0", null, "-4"))).as("the tighter upper bound")
        .isEqualTo(BigInteger.valueOf(-5));
    assertThat(ExamplePayloads.integer(bounds(null, "-9", null, "-4"))).isEqualTo(BigInteger.valueOf(-9));
    assertThat(ExamplePayloads.integer(bounds(null, "1", null, null))).as("1 is allowed").isEqualTo(BigInteger.ONE);
    assertThat(ExamplePayloads.integer(bounds(null, "100", null, null))).isEqualTo(BigInteger.ONE);
  }

  @Test
  void decimalsTakeTheMidpointOrTheBoundOrTen() {
    assertThat(ExamplePayloads.decimal(Constraints.NONE)).isEqualByComparingTo("10");
    assertThat(ExamplePayloads.decimal(bounds("0", "1", null, null))).isEqualByComparingTo("0.5");
    assertThat(ExamplePayloads.decimal(bounds(null, null, "0", "1"))).isEqualByComparingTo("0.5");
    assertThat(ExamplePayloads.decimal(bounds("2", null, null, null))).isEqualByComparingTo("2");
    assertThat(ExamplePayloads.decimal(bounds(null, null, "2", null))).isEqualByComparingTo("3");
    assertThat(ExamplePayloads.decimal(bounds("1", null, "2", null))).as("the tighter lower bound")
        .isEqualByComparingTo("3");
    assertThat(ExamplePayloads.decimal(bounds("3", null, "2", null))).isEqualByComparingTo("3");
    assertThat(ExamplePayloads.decimal(bounds("2", null, "2", null))).as("equal: exclusive wins")
        .isEqualByComparingTo("3");
    assertThat(ExamplePayloads.decimal(bounds(null, "4", null, null))).isEqualByComparingTo("4");
    assertThat(ExamplePayloads.decimal(bounds(null, "40", null, null))).isEqualByComparingTo("10");
    assertThat(ExamplePayloads.decimal(bounds(null, null, null, "4"))).isEqualByComparingTo("3");
    assertThat(ExamplePayloads.decimal(bounds(null, "5", null, "4"))).isEqualByComparingTo("3");
    assertThat(ExamplePayloads.decimal(bounds(null, "4", null, "4"))).isEqualByComparingTo("3");
    assertThat(ExamplePayloads.decimal(bounds(null, "3", null, "4"))).isEqualByComparingTo("3");
    assertThat(ExamplePayloads.decimal(bounds("1", "2", null, null)).toPlainString()).isEqualTo("1.5");
    assertThat(ExamplePayloads.decimal(bounds("1", "3", null, null)).toPlainString()).isEqualTo("2");
  }

  @Test
  void stringsFollowTheFormatOrTheNameAndTheLengthBounds() {
    assertThat(ExamplePayloads.string(Constraints.NONE, "title")).isEqualTo("title-example");
    assertThat(ExamplePayloads.string(Constraints.NONE, " ")).isEqualTo("example");
    assertThat(ExamplePayloads.string(c(null, null, null, null, null, 16, null, null, null, null, null), "id"))
        .isEqualTo("id-examplexxxxxx");
    assertThat(ExamplePayloads.string(c(null, null, null, null, null, null, 3, null, null, null, null), "title"))
        .isEqualTo("tit");
    assertThat(ExamplePayloads.string(c(null, null, null, null, null, 10, 10, null, null, null, null), "id"))
        .isEqualTo("id-example");
    Map<String, String> formats = Map.ofEntries(Map.entry("date-time", "2026-01-01T12:00:00Z"),
        Map.entry("date", "2026-01-01"), Map.entry("time", "12:00:00Z"), Map.entry("duration", "PT1H"),
        Map.entry("email", "user@example.com"), Map.entry("idn-email", "user@example.com"),
        Map.entry("uuid", "123e4567-e89b-42d3-a456-426614174000"), Map.entry("uri", "https://example.com/"),
        Map.entry("iri", "https://example.com/"), Map.entry("uri-reference", "/example"),
        Map.entry("iri-reference", "/example"), Map.entry("uri-template", "/example"),
        Map.entry("hostname", "example.com"), Map.entry("idn-hostname", "example.com"),
        Map.entry("ipv4", "192.0.2.1"), Map.entry("ipv6", "2001:db8::1"), Map.entry("json-pointer", "/example"),
        Map.entry("relative-json-pointer", "0"), Map.entry("regex", "^example$"),
        Map.entry("something-else", "x-example"));
    formats.forEach((format, value) -> assertThat(ExamplePayloads.string(
        c(format, null, null, null, null, null, null, null, null, null, null), "x")).as(format).isEqualTo(value));
  }

  @Test
  void patternsGiveAMatchingStringWithinTheLengthBoundsOrNone() {
    String code = ExamplePayloads.matching(c(null, null, null, null, null, null, null, "^[A-Z]{3}$", null, null,
        null));
    assertThat(code).matches("[A-Z]{3}");
    assertThat(ExamplePayloads.matching(c(null, null, null, null, null, null, null, "^[A-Z]{3}$", null, null, null)))
        .as("fixed seeds: the same string every time").isEqualTo(code);
    assertThat(ExamplePayloads.matching(c(null, null, null, null, null, 4, null, "^[a-z]{2,6}$", null, null, null)))
        .matches("[a-z]{4,6}");
    assertThat(ExamplePayloads.matching(c(null, null, null, null, null, 5, null, "^[a-z]{2}$", null, null, null)))
        .as("no string of the pattern is long enough").isNull();
    assertThat(ExamplePayloads.matching(c(null, null, null, null, null, null, 1, "^[a-z]{2}$", null, null, null)))
        .isNull();
    assertThat(ExamplePayloads.matching(c(null, null, null, null, null, null, null, "([", null, null, null)))
        .as("not a regular expression").isNull();
  }

  @Test
  void anOptionalPropertyWithoutExampleIsLeftOutARequiredNullableOneIsNull() {
    Constraints impossible = c(null, null, null, null, null, 5, null, "^[a-z]{2}$", null, null, null);
    JsonNode node = example(object(
        field("opt", PrimitiveType.STRING, false, impossible),
        new Field("req", PrimitiveType.STRING, true, true, null, impossible, null),
        field("fine", PrimitiveType.BOOLEAN, false, Constraints.NONE)));
    assertThat(node.toString()).isEqualTo("{\"req\":null,\"fine\":true}");
  }

  @Test
  void scalarsEnumsConstantsAndDefaults() {
    JsonNode node = example(object(
        field("i", PrimitiveType.INTEGER, true, Constraints.NONE),
        field("l", PrimitiveType.LONG, true, bounds("0", null, null, null)),
        field("b", PrimitiveType.BIG_INTEGER, true, Constraints.NONE),
        field("d", PrimitiveType.DECIMAL, true, Constraints.NONE),
        field("x", PrimitiveType.DOUBLE, true, bounds("0", "1", null, null)),
        field("t", PrimitiveType.DATE_TIME, true, Constraints.NONE),
        field("day", PrimitiveType.DATE, true, Constraints.NONE),
        field("raw", PrimitiveType.BYTES, true, Constraints.NONE),
        field("k", new ConstType(PrimitiveType.STRING, "\"push\""), true, Constraints.NONE),
        field("e", new EnumType("E", List.of("b", "a"), null, null), true, Constraints.NONE),
        field("empty", new EnumType("N", List.of(), null, null), true, Constraints.NONE),
        field("def", PrimitiveType.STRING, true, c(null, null, null, null, null, null, null, null, null, null,
            "\"chosen\"")),
        field("any", new AnyType(""), true, Constraints.NONE)));
    assertThat(node.toString()).isEqualTo("{\"i\":1,\"l\":0,\"b\":1,\"d\":10,\"x\":0.5,"
        + "\"t\":\"2026-01-01T12:00:00Z\",\"day\":\"2026-01-01\",\"raw\":\"ZXhhbXBsZQ==\",\"k\":\"push\","
        + "\"e\":\"b\",\"empty\":null,\"def\":\"chosen\",\"any\":{}}");
  }

  @Test
  void listsHaveMinItemsElementsCappedByMaxItemsMapsOneEntry() {
    JsonNode node = example(object(
        field("one", new ListType(PrimitiveType.BOOLEAN), true, Constraints.NONE),
        field("three", new ListType(PrimitiveType.BOOLEAN), true, c(null, null, null, null, null, null, null, null,
            3, null, null)),
        field("capped", new ListType(PrimitiveType.BOOLEAN), true, c(null, null, null, null, null, null, null,
            null, 3, 2, null)),
        field("none", new ListType(PrimitiveType.BOOLEAN), true, c(null, null, null, null, null, null, null,
            null, null, 0, null)),
        field("zero", new ListType(PrimitiveType.BOOLEAN), true, c(null, null, null, null, null, null, null,
            null, 0, null, null)),
        field("map", new MapType(PrimitiveType.BOOLEAN), true, Constraints.NONE)));
    assertThat(node.toString()).isEqualTo("{\"one\":[true],\"three\":[true,true,true],\"capped\":[true,true],"
        + "\"none\":[],\"zero\":[true],\"map\":{\"key\":true}}");
  }

  @Test
  void unionsTakeTheFirstBranchReferencesResolveAndRecursionEnds() {
    ObjectType courier = object(field("kind", new ConstType(PrimitiveType.STRING, "\"courier\""), true,
        Constraints.NONE));
    UnionType union = new UnionType("U", List.of(new UnionType.Branch(courier, "courier"),
        new UnionType.Branch(PrimitiveType.STRING, null)), "kind", true, null, null);
    UnionType empty = new UnionType("V", List.of(), null, false, null, null);
    TypeRef self = new TypeRef("urn:c", "/$defs/Node");
    ObjectType nodeType = new ObjectType("Node", List.of(field("next", self, true, Constraints.NONE),
        field("label", PrimitiveType.BOOLEAN, false, Constraints.NONE)), AdditionalProperties.OPEN, null, null);
    Contract c = contract("urn:c", object(field("u", union, true, Constraints.NONE),
        field("v", empty, false, Constraints.NONE), field("tree", self, true, Constraints.NONE)),
        Map.of("/$defs/Node", nodeType));
    JsonNode node = new ExamplePayloads(new ContractSet(List.of(c))).example(c);
    assertThat(node.path("u").toString()).isEqualTo("{\"kind\":\"courier\"}");
    assertThat(node.has("v")).isFalse();
    // follows the reference until the depth limit, then stops; optional properties only in the upper half
    int depth = 0;
    JsonNode at = node.path("tree");
    while (at.has("next")) {
      assertThat(at.has("label")).isEqualTo(depth < 1);
      at = at.path("next");
      depth++;
    }
    assertThat(depth).isEqualTo(3);
  }

  @Test
  void untypedValuesWithAReasonAreReported() {
    Contract c = contract("urn:c", object(field("pair", new ListType(new AnyType("tuple (prefixItems)")), true,
        Constraints.NONE), field("free", new AnyType(""), true, Constraints.NONE)), Map.of());
    ExamplePayloads.Example example = new ExamplePayloads(new ContractSet(List.of(c))).exampleOf(c);
    assertThat(example.untyped()).containsExactly("pair: tuple (prefixItems)");
    assertThat(example.payload().toString()).isEqualTo("{\"pair\":[{}],\"free\":{}}");
    assertThat(ExamplePayloads.pretty(example.payload())).isEqualTo("""
        {
          "pair" : [
            { }
          ],
          "free" : { }
        }""");
  }
}
