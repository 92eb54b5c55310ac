package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "certainly valid" fast path: it accepts only what certainly holds, says "ask networknt" for anything else, and
 * never changes a verdict or a violation of {@link BundledSchemas#validate}.
 */
class FastAcceptTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final EventCodec CODEC = EventCodec.create();

  static final String TICKET = """
      {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:t", "title": "T", "x-subject": "t",
       "type": "object",
       "properties": {
         "id": {"type": "string", "minLength": 2, "maxLength": 4, "description": "d"},
         "version": {"type": "integer", "minimum": 0, "maximum": 10},
         "price": {"type": "number", "exclusiveMinimum": 0, "maximum": 2.5},
         "ok": {"type": "boolean"},
         "gone": {"type": "null"},
         "inner": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
       },
       "required": ["id", "version"],
       "additionalProperties": false}
      """;

  static FastAccept ticket() {
    return FastAccept.compile(JSON.readTree(TICKET));
  }

  /** The tree the receive path validates: bounded strict parse, exact decimals. */
  static JsonNode read(String json) {
    return CODEC.readTree("t", json.getBytes(StandardCharsets.UTF_8));
  }

  static boolean accepts(String json) {
    return ticket().accepts(read(json));
  }

  @Test
  void acceptsAValidDocument() {
    assertThat(accepts("{\"id\":\"ab\",\"version\":0,\"price\":2.4,\"ok\":true,\"gone\":null,\"inner\":{\"n\":1}}"))
        .isTrue();
    assertThat(accepts("{\"id\":\"abcd\",\"version\":10}")).as("inclusive integer bounds, max length").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"version\":1}",                                   // required id missing
      "{\"id\":\"a\",\"version\":1}",                      // minLength 2
      "{\"id\":\"abcde\",\"version\":1}",                  // maxLength 4
      "{\"id\":\"ab\",\"version\":-1}",                    // minimum 0
      "{\"id\":\"ab\",\"version\":11}",                    // maximum 10
      "{\"id\":\"ab\",\"version\":1.5}",                   // not an integer
      "{\"id\":\"ab\",\"version\":1.0}",                   // an integer to JSON Schema, but networknt decides
      "{\"id\":\"ab\",\"version\":1,\"price\":0}",         // exclusiveMinimum 0
      "{\"id\":\"ab\",\"version\":1,\"price\":2.5000001}", // maximum 2.5
      "{\"id\":\"ab\",\"version\":1,\"price\":2.50}",      // equal to a fractional bound: networknt decides
      "{\"id\":\"ab\",\"version\":1,\"price\":\"1\"}",     // wrong type
      "{\"id\":\"ab\",\"version\":1,\"ok\":null}",         // null is not a boolean
      "{\"id\":\"ab\",\"version\":1,\"gone\":false}",      // only null is null
      "{\"id\":\"ab\",\"version\":1,\"other\":1}",         // additionalProperties false
      "{\"id\":\"ab\",\"version\":1,\"inner\":{}}",        // nested required
      "{\"id\":\"ab\",\"version\":1,\"inner\":[]}",        // nested type
      "[]", "\"ab\"", "null"})
  void answersAskNetworkntForEveryBrokenOrDoubtfulKeyword(String json) {
    assertThat(accepts(json)).isFalse();
  }

  @Test
  void stringLengthsAreSoundWhicheverWayAValidatorCountsSurrogatePairs() {
    // "😀😀" is 2 code points but 4 UTF-16 units: minLength 2 holds either way, maxLength 4 too
    assertThat(accepts("{\"id\":\"\\ud83d\\ude00\\ud83d\\ude00\",\"version\":1}")).isTrue();
    // 3 code points, 6 units: maxLength 4 holds for code points only, so networknt decides
    assertThat(accepts("{\"id\":\"\\ud83d\\ude00\\ud83d\\ude00\\ud83d\\ude00\",\"version\":1}")).isFalse();
    // 1 code point, 2 units: minLength 2 holds for units only, so networknt decides
    assertThat(accepts("{\"id\":\"\\ud83d\\ude00\",\"version\":1}")).isFalse();
  }

  @Test
  void bigIntegersAreComparedExactly() {
    FastAccept big = FastAccept.compile(JSON.readTree(
        "{\"type\":\"integer\",\"minimum\":0,\"maximum\":99999999999999999999}"));
    assertThat(big.accepts(read("99999999999999999999"))).isTrue();
    assertThat(big.accepts(read("100000000000000000000"))).isFalse();
    assertThat(big.accepts(read("-1"))).isFalse();
    FastAccept exclusive = FastAccept.compile(JSON.readTree("{\"type\":\"integer\",\"exclusiveMaximum\":5}"));
    assertThat(exclusive.accepts(read("4"))).isTrue();
    assertThat(exclusive.accepts(read("5"))).isFalse();
    FastAccept fraction = FastAccept.compile(JSON.readTree("{\"type\":\"number\",\"minimum\":0.5}"));
    assertThat(fraction.accepts(read("1"))).isTrue();
    assertThat(fraction.accepts(read("0.5"))).as("equal to a fractional bound").isFalse();
    assertThat(fraction.accepts(read("0.49"))).isFalse();
  }

  @Test
  void additionalPropertiesTrueOrAbsentAllowsOtherKeys() {
    assertThat(FastAccept.compile(JSON.readTree("{\"type\":\"object\"}")).accepts(read("{\"a\":1}"))).isTrue();
    assertThat(FastAccept.compile(JSON.readTree("{\"type\":\"object\",\"additionalProperties\":true}"))
        .accepts(read("{\"a\":1}"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"string\",\"format\":\"date-time\"}",
      "{\"type\":\"string\",\"pattern\":\"a\"}",
      "{\"type\":\"string\",\"enum\":[\"a\"]}",
      "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}",
      "{\"type\":[\"string\",\"null\"]}",
      "{\"$ref\":\"other.json\"}",
      "{\"minLength\":1}",
      "{\"type\":\"integer\",\"minimum\":0,\"exclusiveMinimum\":0}",
      "{\"type\":\"integer\",\"exclusiveMinimum\":true}",
      "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
      "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"const\":\"x\"}}}",
      "{\"type\":\"string\",\"minLength\":-1}",
      "{\"type\":\"object\",\"required\":[1]}",
      "{\"type\":\"object\",\"required\":\"a\"}",
      "{\"type\":\"object\",\"properties\":[]}",
      "{\"type\":\"integer\",\"maximum\":5,\"exclusiveMaximum\":5}",
      "{\"type\":\"string\",\"maxLength\":1.5}",
      "true"})
  void aSchemaOutsideTheSubsetHasNoFastPath(String schema) {
    assertThat(FastAccept.compile(JSON.readTree(schema))).isNull();
  }

  @Test
  void edgesOfTheSubset() {
    assertThat(FastAccept.compile(null)).isNull();
    FastAccept anyLength = FastAccept.compile(JSON.readTree("{\"type\":\"string\",\"minLength\":0}"));
    assertThat(anyLength).isNotNull();
    assertThat(anyLength.accepts(read("\"\""))).isTrue();
    // doubles come from the publish path (an event's double field turned into a tree): only finite ones are judged
    FastAccept number = FastAccept.compile(JSON.readTree("{\"type\":\"number\"}"));
    tools.jackson.databind.node.JsonNodeFactory nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
    assertThat(number.accepts(nodes.numberNode(1.5d))).isTrue();
    assertThat(number.accepts(nodes.numberNode(Double.NaN))).isFalse();
    assertThat(number.accepts(nodes.numberNode(Double.POSITIVE_INFINITY))).isFalse();
    assertThat(number.accepts(nodes.numberNode(Float.NaN))).isFalse();
  }

  @Test
  void bundledSchemasGiveTheSameVerdictAndViolationsWithAndWithoutTheFastPath() {
    BundledSchemas schemas = new BundledSchemas(Set.of("urn:t"),
        Map.of("urn:t", TICKET.getBytes(StandardCharsets.UTF_8)));
    assertThat(schemas.hasFastPath("urn:t")).isTrue();
    for (String json : List.of("{\"id\":\"ab\",\"version\":0}", "{\"id\":\"a\",\"version\":-1,\"x\":1}",
        "{\"id\":\"ab\",\"version\":1.0}", "{\"id\":\"ab\",\"version\":1,\"price\":2.50}",
        "{\"id\":\"ab\",\"version\":1,\"price\":1.0000000000000000001}")) {
      JsonNode tree = read(json);
      List<Violation> fast = schemas.validate("urn:t", tree);
      assertThat(fast).as(json).isEqualTo(schemas.validateWithoutFastPath("urn:t", tree));
    }
    assertThat(schemas.fastAccepts("urn:t", read("{\"id\":\"ab\",\"version\":0}"))).isTrue();
    assertThat(schemas.validate("urn:t", read("{\"id\":\"a\",\"version\":-1}")))
        .extracting(Violation::pointer).containsExactly("/id", "/version");
  }

  @Test
  void aDraft04ContractHasNoFastPath() {
    String draft4 = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"id\":\"urn:d\",\"type\":\"object\"}";
    BundledSchemas schemas = new BundledSchemas(Set.of("urn:d"),
        Map.of("urn:d", draft4.getBytes(StandardCharsets.UTF_8)));
    assertThat(schemas.hasFastPath("urn:d")).isFalse();
    BundledSchemas byIndex = new BundledSchemas(Set.of("urn:t"), Map.of("urn:t",
        "{\"$id\":\"urn:t\",\"type\":\"object\"}".getBytes(StandardCharsets.UTF_8)),
        Map.of("urn:t", "http://json-schema.org/draft-04/schema"));
    assertThat(byIndex.hasFastPath("urn:t")).isFalse();
  }
}
