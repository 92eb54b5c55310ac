package io.eventcontracts.codegen.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived JSON Schema of a model, exactly (no protoc needed). */
class JsonSchemaDeriverTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Field field(String name, DataType type, boolean required, boolean nullable, Constraints c) {
    return new Field(name, type, required, nullable, null, c, null);
  }

  @Test
  void everyModelShapeBecomesTheSchemaOfItsJsonForm() throws Exception {
    EnumType colour = new EnumType("Colour", List.of("COLOUR_UNSPECIFIED", "RED"), "A colour.", null);
    ObjectType line = new ObjectType("Line", List.of(field("sku", PrimitiveType.STRING, true, false,
        new Constraints(null, null, null, null, null, 1, 9, null, null, null, null))),
        AdditionalProperties.CLOSED, "One line.", null);
    ObjectType open = new ObjectType("Open", List.of(), AdditionalProperties.OPEN, null, null);
    ObjectType typed = new ObjectType("Typed", List.of(), AdditionalProperties.typed(PrimitiveType.BOOLEAN), null,
        null);
    UnionType pay = new UnionType("Pay", List.of(new UnionType.Branch(line, null)), null, true, null, null);
    UnionType anyPay = new UnionType("AnyPay", List.of(new UnionType.Branch(open, null)), null, false, null, null);
    ObjectType root = new ObjectType("Root", List.of(
        new Field("note", PrimitiveType.STRING, false, true, "A note.",
            new Constraints("int64", null, null, null, null, null, null, "^[0-9]+$", null, null, null), null),
        field("n", PrimitiveType.INTEGER, true, false,
            new Constraints(null, BigDecimal.ONE, BigDecimal.TEN, null, null, null, null, null, null, null, null)),
        field("l", PrimitiveType.LONG, false, false, null),
        field("b", PrimitiveType.BIG_INTEGER, false, false, null),
        field("d", PrimitiveType.DECIMAL, false, false, null),
        field("x", PrimitiveType.DOUBLE, false, false, null),
        field("ok", PrimitiveType.BOOLEAN, false, false, null),
        field("at", PrimitiveType.DATE_TIME, false, false, null),
        field("on", PrimitiveType.DATE, false, false, null),
        field("raw", PrimitiveType.BYTES, false, false, null),
        field("k", new ConstType(PrimitiveType.STRING, "\"push\""), false, false, null),
        field("any", new AnyType("free"), false, true, null),
        field("lines", new ListType(line), false, false, null),
        field("first", line, false, true, null),
        field("again", line, false, false, null),
        field("counts", new MapType(PrimitiveType.INTEGER), false, false, null),
        field("colour", colour, false, false, null),
        field("pay", pay, false, false, null),
        field("anyPay", anyPay, false, false, null),
        field("typed", typed, false, false, null)),
        AdditionalProperties.CLOSED, "Root.", null);

    byte[] bytes = JsonSchemaDeriver.derive("https://x.invalid/root.json", "Root", "Root doc.", "r.s", 2, root);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).endsWith("}\n").startsWith("{\n  \"$schema\" : ");
    assertThat(JSON.readTree(text)).isEqualTo(JSON.readTree("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://x.invalid/root.json",
         "title": "Root", "description": "Root doc.",
         "$comment": "Derived from a .proto contract by eventcontracts: the proto3 JSON form. Do not edit.",
         "x-subject": "r.s", "x-version": 2, "type": "object",
         "properties": {
           "note": {"description": "A note.", "type": ["string", "null"], "format": "int64", "pattern": "^[0-9]+$"},
           "n": {"type": "integer", "minimum": 1, "maximum": 10},
           "l": {"type": "integer"}, "b": {"type": "integer"}, "d": {"type": "number"}, "x": {"type": "number"},
           "ok": {"type": "boolean"}, "at": {"type": "string", "format": "date-time"},
           "on": {"type": "string", "format": "date"}, "raw": {"type": "string", "contentEncoding": "base64"},
           "k": {"const": "push"}, "any": {},
           "lines": {"type": "array", "items": {"$ref": "#/$defs/Line"}},
           "first": {"anyOf": [{"$ref": "#/$defs/Line"}, {"type": "null"}]},
           "again": {"$ref": "#/$defs/Line"},
           "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
           "colour": {"$ref": "#/$defs/Colour"}, "pay": {"$ref": "#/$defs/Pay"},
           "anyPay": {"$ref": "#/$defs/AnyPay"}, "typed": {"$ref": "#/$defs/Typed"}
         },
         "required": ["n"], "additionalProperties": false,
         "$defs": {
           "AnyPay": {"anyOf": [{"$ref": "#/$defs/Open"}]},
           "Colour": {"type": "string", "description": "A colour.", "enum": ["COLOUR_UNSPECIFIED", "RED"]},
           "Line": {"type": "object", "description": "One line.",
                    "properties": {"sku": {"type": "string", "minLength": 1, "maxLength": 9}},
                    "required": ["sku"], "additionalProperties": false},
           "Open": {"type": "object", "properties": {}},
           "Pay": {"oneOf": [{"$ref": "#/$defs/Line"}]},
           "Typed": {"type": "object", "properties": {}, "additionalProperties": {"type": "boolean"}}
         }}
        """));
  }

  @Test
  void twoTypesWithOneNameGetNumberedDefinitionsAndNoDescriptionMeansNone() throws Exception {
    ObjectType a = new ObjectType("Same", List.of(), AdditionalProperties.CLOSED, null, null);
    ObjectType b = new ObjectType("Same", List.of(field("v", PrimitiveType.STRING, false, false, null)),
        AdditionalProperties.CLOSED, null, null);
    ObjectType root = new ObjectType("R", List.of(field("a", a, false, false, null), field("b", b, false, false,
        null)), AdditionalProperties.CLOSED, null, null);
    var tree = JSON.readTree(JsonSchemaDeriver.derive("urn:r", "R", null, "r", 1, root));
    assertThat(tree.has("description")).isFalse();
    assertThat(tree.has("required")).isFalse();
    assertThat(tree.at("/properties/a/$ref").asText()).isEqualTo("#/$defs/Same");
    assertThat(tree.at("/properties/b/$ref").asText()).isEqualTo("#/$defs/Same2");
    assertThat(tree.at("/$defs/Same2/properties/v/type").asText()).isEqualTo("string");
  }

  @Test
  void aReferenceToAnotherContractHasNoDerivedForm() {
    ObjectType root = new ObjectType("R", List.of(field("a", new TypeRef("urn:x", ""), false, false, null)),
        AdditionalProperties.CLOSED, null, null);
    assertThatThrownBy(() -> JsonSchemaDeriver.derive("urn:r", "R", null, "r", 1, root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a derived schema has no references to other contracts: TypeRef[contractId=urn:x, definition=]");
  }

  @Test
  void describeNamesEveryKindOfType() {
    assertThat(ConsistencyChecker.describe(PrimitiveType.STRING)).isEqualTo("string");
    assertThat(ConsistencyChecker.describe(PrimitiveType.INTEGER)).isEqualTo("integer");
    assertThat(ConsistencyChecker.describe(PrimitiveType.LONG)).isEqualTo("integer");
    assertThat(ConsistencyChecker.describe(PrimitiveType.BIG_INTEGER)).isEqualTo("integer");
    assertThat(ConsistencyChecker.describe(PrimitiveType.DECIMAL)).isEqualTo("number");
    assertThat(ConsistencyChecker.describe(PrimitiveType.DOUBLE)).isEqualTo("number");
    assertThat(ConsistencyChecker.describe(PrimitiveType.BOOLEAN)).isEqualTo("boolean");
    assertThat(ConsistencyChecker.describe(PrimitiveType.DATE_TIME)).isEqualTo("date-time");
    assertThat(ConsistencyChecker.describe(PrimitiveType.DATE)).isEqualTo("date");
    assertThat(ConsistencyChecker.describe(PrimitiveType.BYTES)).isEqualTo("bytes");
    assertThat(ConsistencyChecker.describe(new ObjectType("O", List.of(), null, null, null))).isEqualTo("object O");
    assertThat(ConsistencyChecker.describe(new EnumType("E", List.of(), null, null))).isEqualTo("enum E");
    assertThat(ConsistencyChecker.describe(new UnionType("U", List.of(), null, true, null, null)))
        .isEqualTo("union U");
    assertThat(ConsistencyChecker.describe(new ListType(PrimitiveType.STRING))).isEqualTo("array of string");
    assertThat(ConsistencyChecker.describe(new MapType(PrimitiveType.BOOLEAN))).isEqualTo("map of boolean");
    assertThat(ConsistencyChecker.describe(new ConstType(PrimitiveType.STRING, "\"a\""))).isEqualTo("constant \"a\"");
    assertThat(ConsistencyChecker.describe(new TypeRef("urn:x", "/$defs/M"))).isEqualTo("reference urn:x/$defs/M");
    assertThat(ConsistencyChecker.describe(new AnyType("why"))).isEqualTo("any value");
  }
}
