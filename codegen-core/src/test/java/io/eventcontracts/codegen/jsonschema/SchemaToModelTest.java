package io.eventcontracts.codegen.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.Contract;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How each JSON Schema construct becomes a model type (docs/contract-format.md), and the lint note of every
 * construct the Java type cannot express (the Lint table of docs/errors-codegen.md). One property {@code p} per
 * contract, on line 10 of {@link #write}'s file.
 */
class SchemaToModelTest {

  @TempDir
  Path root;

  private JsonSchemaContractLoader.Options options = JsonSchemaContractLoader.Options.DEFAULT;

  // ------------------------------------------------------------------------------------------ enums

  @Nested
  class Enums {

    @Test
    void stringsAreAnEnumInDeclarationOrderWithoutDuplicates() throws IOException {
      assertThat(type("{ \"enum\": [\"b\", \"a\", \"b\"] }")).isInstanceOfSatisfying(EnumType.class, e -> {
        assertThat(e.name()).isEqualTo("APP");
        assertThat(e.values()).containsExactly("b", "a");
        assertThat(e.location().pointer()).isEqualTo("/properties/p");
      });
    }

    @Test
    void oneStringIsAConstantAndNullMakesItNullable() throws IOException {
      assertThat(type("{ \"enum\": [\"only\"] }")).isEqualTo(new ConstType(PrimitiveType.STRING, "\"only\""));
      assertThat(field("{ \"enum\": [null, \"only\"] }")).satisfies(f -> {
        assertThat(f.type()).isEqualTo(new ConstType(PrimitiveType.STRING, "\"only\""));
        assertThat(f.nullable()).isTrue();
      });
      assertThat(field("{ \"enum\": [\"only\"] }").nullable()).isFalse();
    }

    @Test
    void nullAloneIsAlwaysNull() throws IOException {
      assertThat(field("{ \"enum\": [null] }")).satisfies(f -> {
        assertThat(f.type()).isEqualTo(new AnyType("always null"));
        assertThat(f.nullable()).isTrue();
      });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "[1, 2, 3]                                   | INTEGER",
        "[-2147483648, 2147483647]                   | INTEGER",
        "[-2147483649, 0]                            | LONG",
        "[0, 2147483648]                             | LONG",
        "[0, 9223372036854775807]                    | LONG",
        "[-9223372036854775808, 0]                   | LONG",
        "[0, 9223372036854775808]                    | BIG_INTEGER",
        "[-9223372036854775809, 0]                   | BIG_INTEGER",
        "[3, 1, 2, null]                             | INTEGER",
        "[true, false]                               | BOOLEAN",
        "[1, 2.5]                                    | DECIMAL",
        "[1.5]                                       | DECIMAL"})
    void valuesThatAreNotStringsGetThePrimitiveHoldingEveryValue(String values, PrimitiveType type)
        throws IOException {
      assertThat(type("{ \"enum\": " + values + " }")).isEqualTo(type);
    }

    @Test
    void numbersAreDoublesWhenAsked() throws IOException {
      options = new JsonSchemaContractLoader.Options(null, true);

      assertThat(type("{ \"enum\": [1, 2.5] }")).isEqualTo(PrimitiveType.DOUBLE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[\"a\", 1]       | [string, integer]",
        "[{\"a\": 1}, 2]  | [structure, integer]",
        "[[1], true]      | [structure, boolean]",
        "[1.5, \"x\"]     | [number, string]"})
    void mixedKindsAreAJsonNodeWithALintNote(String values, String kinds) throws IOException {
      write("{ \"description\": \"P.\", \"enum\": " + values + " }");

      JsonSchemaContractLoader.Result result = load();

      assertThat(typeOf(result)).isEqualTo(new AnyType("enum of mixed values"));
      assertThat(result.lint()).extracting(ContractError::format).containsExactly(file() + ":10: property \"p\": "
          + "\"enum\" mixes " + kinds + " values; the value is a JsonNode; use values of one type if a typed Java "
          + "enum is wanted");
    }

    @Test
    void typeWithNullAndAnEnumWithoutNullIsNotNullable() throws IOException {
      assertThat(field("{ \"type\": [\"string\", \"null\"], \"enum\": [\"a\", \"b\"] }").nullable()).isFalse();
      assertThat(field("{ \"type\": [\"string\", \"null\"], \"enum\": [\"a\", null] }").nullable()).isTrue();
      assertThat(field("{ \"type\": \"string\", \"enum\": [\"a\", \"b\"] }").nullable()).isFalse();
    }
  }

  // ------------------------------------------------------------------------------------------ const, primitives

  @Nested
  class ConstantsAndPrimitives {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"x\"                      | STRING      | \"x\"",
        "3                          | LONG        | 3",
        "9223372036854775807        | LONG        | 9223372036854775807",
        "9223372036854775808        | BIG_INTEGER | 9223372036854775808",
        "2.50                       | DECIMAL     | 2.50",
        "true                       | BOOLEAN     | true",
        "false                      | BOOLEAN     | false"})
    void aConstIsAConstantOfItsJsonKind(String value, PrimitiveType base, String json) throws IOException {
      assertThat(field("{ \"const\": " + value + " }")).satisfies(f -> {
        assertThat(f.type()).isEqualTo(new ConstType(base, json));
        assertThat(f.nullable()).isFalse();
      });
    }

    /** A bug fixed here: these made the loader fail with a NullPointerException. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "null         | always null     | true",
        "{\"a\": 1}   | constant {\"a\":1} | false",
        "[1]          | constant [1]    | false"})
    void aConstThatIsNoPrimitiveIsAJsonNode(String value, String reason, boolean nullable) throws IOException {
      assertThat(field("{ \"const\": " + value + " }")).satisfies(f -> {
        assertThat(f.type()).isEqualTo(new AnyType(reason));
        assertThat(f.nullable()).isEqualTo(nullable);
      });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{ \"type\": \"string\" }                           | STRING",
        "{ \"type\": \"string\", \"format\": \"date-time\" } | DATE_TIME",
        "{ \"type\": \"string\", \"format\": \"date\" }      | DATE",
        "{ \"type\": \"string\", \"format\": \"uuid\" }      | STRING",
        "{ \"type\": \"boolean\" }                          | BOOLEAN",
        "{ \"type\": \"number\" }                           | DECIMAL",
        "{ \"type\": [\"number\", \"integer\"] }            | DECIMAL",
        "{ \"type\": \"integer\", \"minimum\": 0, \"maximum\": 2147483647 }          | INTEGER",
        "{ \"type\": \"integer\", \"minimum\": 0, \"maximum\": 2147483648 }          | LONG",
        "{ \"type\": \"integer\", \"minimum\": -2147483648, \"maximum\": 0 }         | INTEGER",
        "{ \"type\": \"integer\", \"minimum\": -2147483649, \"maximum\": 0 }         | LONG",
        "{ \"type\": \"integer\", \"exclusiveMinimum\": 0, \"exclusiveMaximum\": 10 } | INTEGER",
        "{ \"type\": \"integer\", \"minimum\": 0, \"exclusiveMaximum\": 10 }         | INTEGER",
        "{ \"type\": \"integer\", \"minimum\": 0, \"maximum\": 9223372036854775807 } | LONG",
        "{ \"type\": \"integer\", \"minimum\": 0, \"maximum\": 9223372036854775808 } | BIG_INTEGER",
        "{ \"type\": \"integer\", \"minimum\": -9223372036854775809, \"maximum\": 0 } | BIG_INTEGER",
        "{ \"type\": \"integer\", \"minimum\": 0 }                                  | BIG_INTEGER",
        "{ \"type\": \"integer\", \"minimum\": \"0\", \"maximum\": 1 }               | BIG_INTEGER"})
    void primitives(String schema, PrimitiveType type) throws IOException {
      assertThat(type(schema)).isEqualTo(type);
    }

    @Test
    void unboundedIntegersAreLongWhenAskedButABoundBeyond64BitsStaysBig() throws IOException {
      options = new JsonSchemaContractLoader.Options(null, false, true);

      assertThat(type("{ \"type\": \"integer\", \"minimum\": 0 }")).isEqualTo(PrimitiveType.LONG);
      write("{ \"type\": \"integer\", \"maximum\": 9223372036854775808 }");
      assertThat(typeOf(load())).isEqualTo(PrimitiveType.BIG_INTEGER);
      write("{ \"type\": \"number\" }");
      assertThat(typeOf(load())).isEqualTo(PrimitiveType.DECIMAL);
    }

    @Test
    void numbersAreDoublesWhenAsked() throws IOException {
      options = new JsonSchemaContractLoader.Options(null, true);

      assertThat(type("{ \"type\": \"number\" }")).isEqualTo(PrimitiveType.DOUBLE);
      assertThat(type("{ \"oneOf\": [ { \"type\": \"integer\" }, { \"type\": \"number\" } ] }"))
          .isEqualTo(PrimitiveType.DOUBLE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "true                       | ''                              | true",
        "false                      | false schema: no value is valid | false",
        "{}                         | ''                              | true",
        "{ \"description\": \"D\" } | ''                              | true",
        "{ \"type\": \"null\" }      | always null                     | true",
        "{ \"oneOf\": [ { \"type\": \"null\" } ] } | always null     | true"})
    void schemasThatAcceptAnythingOrNothingAreJsonNode(String schema, String reason, boolean nullable)
        throws IOException {
      assertThat(field(schema)).satisfies(f -> {
        assertThat(f.type()).isEqualTo(new AnyType(reason));
        assertThat(f.nullable()).isEqualTo(nullable);
      });
    }

    @Test
    void validationKeywordsAreCarriedAsConstraints() throws IOException {
      Field f = field("""
          { "type": "string", "format": "email", "minLength": 1, "maxLength": 9, "pattern": "^a", "default": "ab" }""");

      assertThat(f.constraints()).isEqualTo(new Constraints("email", null, null, null, null, 1, 9, "^a", null, null,
          "\"ab\""));
      assertThat(field("""
          { "type": "number", "minimum": 0.5, "maximum": 2, "exclusiveMinimum": 0, "exclusiveMaximum": 3 }""")
          .constraints()).isEqualTo(new Constraints(null, new BigDecimal("0.5"), new BigDecimal("2"),
          new BigDecimal("0"), new BigDecimal("3"), null, null, null, null, null, null));
      assertThat(field("{ \"type\": \"array\", \"minItems\": 1, \"maxItems\": 2 }").constraints())
          .isEqualTo(new Constraints(null, null, null, null, null, null, null, null, 1, 2, null));
      assertThat(field("{ \"type\": \"string\", \"format\": 1, \"minLength\": \"1\", \"minimum\": \"0\" }")
          .constraints()).isEqualTo(Constraints.NONE);
    }
  }

  // ------------------------------------------------------------------------------------------ arrays and objects

  @Nested
  class ArraysAndObjects {

    @Test
    void arrays() throws IOException {
      assertThat(type("{ \"type\": \"array\", \"items\": { \"type\": \"boolean\" } }"))
          .isEqualTo(new ListType(PrimitiveType.BOOLEAN));
      assertThat(type("{ \"items\": { \"type\": \"boolean\" } }")).isEqualTo(new ListType(PrimitiveType.BOOLEAN));
      assertThat(type("{ \"type\": \"array\" }")).isEqualTo(new ListType(new AnyType("")));
      assertThat(type("{ \"type\": \"array\", \"items\": {\"type\": \"string\"}, \"prefixItems\": [] }"))
          .as("a tuple is not \"any value\": the element type says why it is untyped")
          .isEqualTo(new ListType(new AnyType("tuple (prefixItems)")));
      assertThat(type("{ \"type\": \"array\", \"items\": { \"type\": \"object\", \"properties\": "
          + "{ \"q\": { \"description\": \"Q.\", \"type\": \"string\" } } } }"))
          .isInstanceOfSatisfying(ListType.class, l -> assertThat(((ObjectType) l.element()).name())
              .isEqualTo("APPItem"));
    }

    @Test
    void tupleItemsAreJsonNodesWithALintNote() throws IOException {
      write("{ \"description\": \"P.\", \"type\": \"array\", \"items\": [ { \"type\": \"string\" } ] }");

      JsonSchemaContractLoader.Result result = load();

      assertThat(typeOf(result)).isEqualTo(new ListType(new AnyType("tuple")));
      assertThat(result.lint()).extracting(ContractError::format).containsExactly(file() + ":10: property \"p\": "
          + "tuple \"items\" (an array of schemas) has no single Java element type; elements are JsonNode; nothing "
          + "to do if that is intended");
    }

    @Test
    void nestedObjectsWithoutPropertiesAreMaps() throws IOException {
      assertThat(type("{ \"type\": \"object\" }")).isEqualTo(new MapType(new AnyType("")));
      assertThat(type("{ \"type\": \"object\", \"additionalProperties\": true }"))
          .isEqualTo(new MapType(new AnyType("")));
      assertThat(type("{ \"type\": \"object\", \"additionalProperties\": {} }")).isEqualTo(new MapType(new AnyType("")));
      assertThat(type("{ \"type\": \"object\", \"additionalProperties\": { \"description\": \"x\" } }"))
          .isEqualTo(new MapType(new AnyType("")));
      assertThat(type("{ \"additionalProperties\": { \"type\": \"integer\", \"minimum\": 0, \"maximum\": 9 } }"))
          .isEqualTo(new MapType(PrimitiveType.INTEGER));
    }

    @Test
    void nestedObjectsThatAreClosedOrRequireNamesStayObjects() throws IOException {
      assertThat(type("{ \"type\": \"object\", \"additionalProperties\": false }"))
          .isInstanceOfSatisfying(ObjectType.class, o -> {
            assertThat(o.fields()).isEmpty();
            assertThat(o.additionalProperties()).isEqualTo(AdditionalProperties.CLOSED);
          });
      assertThat(type("{ \"required\": [\"a\"] }")).isInstanceOfSatisfying(ObjectType.class,
          o -> assertThat(o.additionalProperties()).isEqualTo(AdditionalProperties.OPEN));
      assertThat(type("{ \"type\": \"object\", \"patternProperties\": { \"^a\": {} } }"))
          .isInstanceOf(ObjectType.class);
    }

    @Test
    void propertiesKeepTheirOrderRequirednessNullabilityAndDescription() throws IOException {
      ObjectType o = (ObjectType) type("""
          { "type": "object", "required": ["b", "c"], "additionalProperties": { "type": "string" },
            "properties": {
              "b": { "description": "B.", "type": ["string", "null"] },
              "a": { "description": "A.", "type": "string" },
              "c": { "description": " ", "type": "string" } } }""");

      assertThat(o.fields()).extracting(Field::name, Field::required, Field::nullable, Field::description)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("b", true, true, "B."),
              org.assertj.core.groups.Tuple.tuple("a", false, false, "A."),
              org.assertj.core.groups.Tuple.tuple("c", true, false, null));
      assertThat(o.additionalProperties()).isEqualTo(AdditionalProperties.typed(PrimitiveType.STRING));
      assertThat(o.field("a").orElseThrow().location().line()).isEqualTo(13);
    }

    @Test
    void severalPropertiesWithoutDescriptionAreOneLintNotePerObject() throws IOException {
      write("""
          { "description": "P.", "type": "object", "properties": {
              "x": { "type": "string" }, "y": { "type": "string" }, "z": { "description": "", "type": "string" } } }""");

      assertThat(load().lint()).extracting(ContractError::format).containsExactly(file() + ":11: property \"p\": 3 "
          + "properties have no \"description\": x, y, z; add \"description\": it documents the generated Java and the "
          + "contract catalogue");
    }
  }

  // ------------------------------------------------------------------------------------------ keywords without type

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not                   | \"not\"",
      "if                    | \"if\"/\"then\"/\"else\"",
      "dependentSchemas      | \"dependentSchemas\"",
      "dependencies          | \"dependencies\"",
      "patternProperties     | \"patternProperties\"",
      "unevaluatedProperties | \"unevaluatedProperties\"",
      "unevaluatedItems      | \"unevaluatedItems\"",
      "propertyNames         | \"propertyNames\"",
      "contains              | \"contains\"",
      "prefixItems           | \"prefixItems\"",
      "$dynamicRef           | \"$dynamicRef\"",
      "$recursiveRef         | \"$recursiveRef\""})
  void everyKeywordWithoutAJavaTypeIsALintNoteAtItsLine(String keyword, String named) throws IOException {
    write("""
        {
          "description": "P.",
          "%s": {}
        }""".formatted(keyword));

    assertThat(load().lint()).extracting(ContractError::format).containsExactly(file() + ":12: property \"p\": "
        + named + " is not expressed in the Java type (it is enforced at run time by validation); nothing to do if "
        + "that is intended; a oneOf with a discriminator gives typed variants");
  }

  // ------------------------------------------------------------------------------------------ composition

  @Nested
  class AllOfAndRefSiblings {

    @Test
    void objectPartsMergeIntoOneObjectWithRequiredNamesFromAnyPart() throws IOException {
      ObjectType o = (ObjectType) type("""
          { "allOf": [
              { "type": "object", "properties": { "a": { "description": "A.", "type": "string" } } },
              { "type": "object", "required": ["a", "b"], "additionalProperties": false,
                "properties": { "b": { "type": "integer", "minimum": 0, "maximum": 1 } } },
              { "properties": { "b": { "description": "B2.", "type": "integer" } } } ] }""");

      assertThat(o.name()).isEqualTo("APP");
      assertThat(o.fields()).extracting(Field::name, Field::required, Field::description).containsExactly(
          org.assertj.core.groups.Tuple.tuple("a", true, "A."),
          org.assertj.core.groups.Tuple.tuple("b", true, "B2."));
      assertThat(o.field("b").orElseThrow().type()).isEqualTo(PrimitiveType.INTEGER);
      assertThat(o.field("b").orElseThrow().constraints().maximum()).isEqualTo(BigDecimal.ONE);
      assertThat(o.additionalProperties()).isEqualTo(AdditionalProperties.CLOSED);
    }

    @Test
    void aPropertyInTwoPartsTakesTheNarrowerTypeAndIsNullableOnlyIfBothAre() throws IOException {
      ObjectType o = (ObjectType) type("""
          { "allOf": [
              { "properties": { "k": { "description": "K.", "type": ["string", "null"] },
                                "e": { "enum": ["a", "b", "c"] },
                                "any": {} } },
              { "properties": { "k": { "const": "x" },
                                "e": { "enum": ["c", "b"] },
                                "any": { "type": "boolean" } } } ] }""");

      assertThat(o.field("k").orElseThrow()).satisfies(k -> {
        assertThat(k.type()).isEqualTo(new ConstType(PrimitiveType.STRING, "\"x\""));
        assertThat(k.nullable()).isFalse();
      });
      assertThat(o.field("e").orElseThrow().type()).isInstanceOfSatisfying(EnumType.class, e -> {
        assertThat(e.name()).isEqualTo("APPE");
        assertThat(e.values()).containsExactly("b", "c");
      });
      assertThat(o.field("any").orElseThrow().type()).isEqualTo(PrimitiveType.BOOLEAN);
    }

    @Test
    void nonObjectParts() throws IOException {
      assertThat(type("{ \"allOf\": [ { \"type\": \"string\" }, { \"maxLength\": 3 } ] }"))
          .isEqualTo(PrimitiveType.STRING);
      assertThat(type("{ \"allOf\": [ { \"type\": \"string\" }, { \"type\": \"string\" } ] }"))
          .isEqualTo(PrimitiveType.STRING);
      assertThat(type("{ \"allOf\": [ { \"enum\": [\"a\", \"b\"] }, { \"enum\": [\"b\", \"c\", \"a\"] } ] }"))
          .isInstanceOfSatisfying(EnumType.class, e -> {
            assertThat(e.name()).isEqualTo("APP");
            assertThat(e.values()).containsExactly("a", "b");
          });
      assertThat(type("{ \"allOf\": [ { \"type\": \"string\" }, { \"const\": \"k\" } ] }"))
          .isEqualTo(new ConstType(PrimitiveType.STRING, "\"k\""));
      assertThat(type("{ \"allOf\": [ {}, true ] }")).isEqualTo(new AnyType(""));
      assertThat(field("{ \"allOf\": [ { \"type\": [\"string\", \"null\"] }, { \"type\": [\"string\", \"null\"] } ] }")
          .nullable()).isTrue();
      assertThat(field("{ \"allOf\": [ { \"type\": [\"string\", \"null\"] }, { \"type\": \"string\" } ] }")
          .nullable()).isFalse();
    }

    @Test
    void partsOfDifferentKindsAreAJsonNodeWithALintNote() throws IOException {
      write("{ \"description\": \"P.\", \"allOf\": [ { \"type\": \"string\" }, { \"type\": \"integer\" } ] }");

      JsonSchemaContractLoader.Result result = load();

      assertThat(typeOf(result)).isEqualTo(new AnyType("allOf of different kinds"));
      assertThat(result.lint()).extracting(ContractError::format).containsExactly(file() + ":10: property \"p\": "
          + "\"allOf\" parts of different kinds have no single Java type; the value is a JsonNode; nothing to do if "
          + "that is intended (validation enforces every part)");
    }

    @Test
    void aDescriptionBesideARefWinsOverTheTargets() throws IOException {
      write("{ \"$ref\": \"#/$defs/D\" }", """
          "D": { "description": "Target.", "type": "string" }""");
      Field plain = fieldOf(load());
      write("{ \"description\": \"Own.\", \"$ref\": \"#/$defs/D\" }", """
          "D": { "description": "Target.", "type": "string" }""");
      Field own = fieldOf(load());

      assertThat(plain.description()).isEqualTo("Target.");
      assertThat(own.description()).isEqualTo("Own.");
      assertThat(own.type()).isEqualTo(new TypeRef("https://example.com/a.json", "/$defs/D"));
    }

    @Test
    void refSiblingsAreMergedFrom2019On() throws IOException {
      String schema = "{ \"$ref\": \"#/$defs/D\", \"properties\": { \"extra\": { \"description\": \"E.\", "
          + "\"type\": \"string\" } } }";
      String defs = """
          "D": { "type": "object", "properties": { "d": { "description": "D.", "type": "string" } } }""";
      write(schema, defs);
      DataType draft2020 = typeOf(load());
      write(schema, defs, Dialect.DRAFT_07);
      DataType draft07 = typeOf(load());

      assertThat(draft2020).isInstanceOfSatisfying(ObjectType.class,
          o -> assertThat(o.fields()).extracting(Field::name).containsExactly("d", "extra"));
      assertThat(draft07).as("draft-07 ignores $ref siblings").isEqualTo(new TypeRef("https://example.com/a.json",
          "/$defs/D"));
    }

    @Test
    void aRecursiveDefinitionIsAReference() throws IOException {
      write("{ \"$ref\": \"#/$defs/Node\" }", """
          "Node": { "type": "object", "properties": {
              "next": { "description": "N.", "$ref": "#/$defs/Node" },
              "all": { "description": "A.", "allOf": [ { "$ref": "#/$defs/Node" } ] } } }""");

      Contract c = load().contracts().contracts().get(0);
      ObjectType node = (ObjectType) c.definitions().get("/$defs/Node");

      assertThat(node.field("next").orElseThrow().type()).isEqualTo(new TypeRef("https://example.com/a.json",
          "/$defs/Node"));
      assertThat(node.field("all").orElseThrow().type()).isEqualTo(new TypeRef("https://example.com/a.json",
          "/$defs/Node"));
    }
  }

  @Nested
  class Unions {

    private static final String CARD = """
        { "type": "object", "required": ["kind"], "properties": {
            "kind": { "description": "K.", "const": "card" }, "number": { "description": "N.", "type": "string" } } }""";
    private static final String BANK = """
        { "type": "object", "required": ["kind"], "properties": {
            "kind": { "description": "K.", "enum": ["bank"] }, "iban": { "description": "I.", "type": "string" } } }""";

    @Test
    void objectsWithAConstantPerBranchAreADiscriminatedUnion() throws IOException {
      UnionType u = (UnionType) type("{ \"oneOf\": [" + CARD + ", " + BANK + "] }");

      assertThat(u.discriminator()).isEqualTo("kind");
      assertThat(u.exclusive()).isTrue();
      assertThat(u.branches()).extracting(UnionType.Branch::discriminatorValue).containsExactly("card", "bank");
      assertThat(u.branches()).extracting(b -> ((ObjectType) b.type()).name())
          .containsExactly("APPOption1", "APPOption2");
      assertThat(((UnionType) type("{ \"anyOf\": [" + CARD + ", " + BANK + "] }")).exclusive()).isFalse();
    }

    @Test
    void objectsToldApartByARequiredPropertyAreADeducedUnion() throws IOException {
      UnionType u = (UnionType) type("""
          { "oneOf": [
              { "title": "Card", "type": "object", "required": ["number"],
                "properties": { "number": { "description": "N.", "type": "string" } } },
              { "title": "Bank", "type": "object", "required": ["iban"],
                "properties": { "iban": { "description": "I.", "type": "string" },
                                "owner": { "description": "O.", "type": "string" } } } ] }""");

      assertThat(u.discriminator()).isNull();
      assertThat(u.branches()).extracting(b -> ((ObjectType) b.type()).name()).containsExactly("Card", "Bank");
      assertThat(u.branches()).extracting(UnionType.Branch::discriminatorValue).containsOnlyNulls();
      assertThat(type(SHARED_REQUIRED)).as("a required property another branch declares tells nothing apart")
          .isEqualTo(new AnyType("oneOf of objects without discriminator"));
    }

    private static final String SHARED_REQUIRED = """
        { "description": "P.", "oneOf": [
            { "type": "object", "required": ["number"],
              "properties": { "number": { "description": "N.", "type": "string" } } },
            { "type": "object", "required": ["iban"],
              "properties": { "iban": { "description": "I.", "type": "string" },
                              "number": { "description": "N.", "type": "string" } } } ] }""";

    @Test
    void objectsThatCannotBeToldApartAreAJsonNodeWithALintNote() throws IOException {
      write("""
          { "description": "P.", "oneOf": [
              { "type": "object", "properties": { "a": { "description": "A.", "type": "string" } } },
              { "type": "object", "required": ["a"], "properties": { "a": { "description": "A.", "const": "x" } } } ] }""");

      JsonSchemaContractLoader.Result result = load();

      assertThat(typeOf(result)).isEqualTo(new AnyType("oneOf of objects without discriminator"));
      assertThat(result.lint()).extracting(ContractError::format).containsExactly(file() + ":10: property \"p\": "
          + "\"oneOf\" branches share no discriminator (a property with a different const in each) and cannot be "
          + "told apart by their required properties; the value is a JsonNode; give every branch a property with a "
          + "\"const\" value, e.g. \"kind\": {\"const\": \"card\"}");
    }

    @Test
    void twoBranchesWithTheSameConstantAreNoDiscriminator() throws IOException {
      assertThat(type("{ \"oneOf\": [" + CARD + ", " + CARD.replace("number", "cvc") + "] }"))
          .isEqualTo(new AnyType("oneOf of objects without discriminator"));
    }

    @Test
    void aCommonPartIsMergedIntoEveryBranch() throws IOException {
      UnionType u = (UnionType) type("""
          { "type": "object", "properties": { "id": { "description": "Id.", "type": "string" } },
            "oneOf": [%s, %s] }""".formatted(CARD, BANK));

      assertThat(u.branches()).extracting(b -> ((ObjectType) b.type()).fields().stream().map(Field::name).toList())
          .containsExactly(List.of("id", "kind", "number"), List.of("id", "kind", "iban"));
    }

    @Test
    void nullBranchesMakeTheUnionNullableAndOneBranchLeftIsThatBranch() throws IOException {
      assertThat(field("{ \"oneOf\": [ { \"type\": \"null\" }, { \"type\": \"string\" } ] }")).satisfies(f -> {
        assertThat(f.type()).isEqualTo(PrimitiveType.STRING);
        assertThat(f.nullable()).isTrue();
      });
      assertThat(field("{ \"anyOf\": [ { \"const\": null }, { \"enum\": [null] }, " + CARD + ", " + BANK + "] }")
          .nullable()).isTrue();
      assertThat(field("{ \"anyOf\": [" + CARD + ", " + BANK + "] }").nullable()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{ \"type\": \"integer\", \"minimum\": 0, \"maximum\": 1 }, { \"type\": \"integer\", \"minimum\": 0, "
            + "\"maximum\": 5000000000 } | LONG",
        "{ \"type\": \"integer\" }, { \"type\": \"integer\", \"minimum\": 0, \"maximum\": 1 } | BIG_INTEGER",
        "{ \"type\": \"integer\", \"minimum\": 0, \"maximum\": 1 }, { \"type\": \"number\" } | DECIMAL",
        "{ \"type\": \"string\" }, { \"type\": \"string\", \"maxLength\": 2 } | STRING"})
    void numbersWidenAndEqualBranchesAreOneType(String branches, PrimitiveType type) throws IOException {
      assertThat(type("{ \"oneOf\": [" + branches + "] }")).isEqualTo(type);
    }

    @Test
    void constantsAndEnumsAreOneEnum() throws IOException {
      assertThat(type("{ \"oneOf\": [ { \"const\": \"a\" }, { \"enum\": [\"b\", \"a\"] } ] }"))
          .isInstanceOfSatisfying(EnumType.class, e -> assertThat(e.values()).containsExactly("a", "b"));
    }

    @Test
    void primitivesOfDifferentJsonTokensAreAValueUnion() throws IOException {
      assertThat(type("{ \"anyOf\": [ { \"type\": \"string\", \"format\": \"date-time\" }, { \"type\": \"boolean\" } ] }"))
          .isInstanceOfSatisfying(UnionType.class, u -> {
            assertThat(u.branches()).extracting(UnionType.Branch::type)
                .containsExactly(PrimitiveType.DATE_TIME, PrimitiveType.BOOLEAN);
            assertThat(u.exclusive()).isFalse();
          });
    }

    @Test
    void primitivesSharingAJsonTokenAreAJsonNodeWithALintNote() throws IOException {
      write("{ \"description\": \"P.\", \"oneOf\": [ { \"type\": \"string\", \"format\": \"date\" }, { \"type\": \"string\" }, "
          + "{ \"type\": \"array\" } ] }");

      JsonSchemaContractLoader.Result result = load();

      assertThat(typeOf(result)).isEqualTo(new AnyType("oneOf of different kinds"));
      assertThat(result.lint()).extracting(ContractError::format).containsExactly(file() + ":10: property \"p\": "
          + "\"oneOf\" of [date, string, list] has no single Java type; the value is a JsonNode; nothing to do if "
          + "that is intended (validation enforces the schema)");
    }

    @Test
    void aTypeArrayOfPrimitivesSharingATokenHasALintNote() throws IOException {
      write("{ \"description\": \"P.\", \"type\": [\"string\", \"array\"] }");

      JsonSchemaContractLoader.Result result = load();

      assertThat(typeOf(result)).isEqualTo(new AnyType("one of [string, array]"));
      assertThat(result.lint()).extracting(ContractError::format).containsExactly(file() + ":10: property \"p\": "
          + "\"type\": [\"string\",\"array\"] has no single Java type; the value is a JsonNode; split the "
          + "alternatives into a oneOf of objects if they need types");
    }
  }

  @Test
  void titleLintNamesTheFileBasedClass() throws IOException {
    Files.writeString(root.resolve("9-lives.schema.json"), """
        { "title": "", "type": "object", "properties": { "a": { "description": "A.", "type": "string" } } }""");

    JsonSchemaContractLoader.Result result = load();

    assertThat(result.contracts().contracts().get(0).name()).isEqualTo("Contract9Lives");
    assertThat(result.lint()).extracting(ContractError::format).containsExactly(root.resolve("9-lives.schema.json")
        + ":1: title \"\" does not give a valid Java class name; the class is named Contract9Lives after the file; "
        + "use a PascalCase title that starts with a letter");
  }

  @Test
  void definitionsAreNamedByTitleThenKeyThenOwner() throws IOException {
    write("{ \"$ref\": \"#/$defs/first\" }", """
        "first": { "title": "Named", "type": "object", "properties": { "a": { "description": "A.", "type": "string" } } },
        "second-one": { "type": "object", "properties": { "a": { "description": "A.", "type": "string" } } },
        "3": { "type": "object", "properties": { "a": { "description": "A.", "type": "string" } } },
        "-": { "type": "object", "properties": { "a": { "description": "A.", "type": "string" } } }""");

    Contract c = load().contracts().contracts().get(0);

    assertThat(c.definitions().keySet()).containsExactly("/$defs/-", "/$defs/3", "/$defs/first", "/$defs/second-one");
    assertThat(c.definitions().values()).extracting(t -> ((ObjectType) t).name())
        .containsExactly("APDefinition", "AP3", "Named", "SecondOne");
  }

  // ------------------------------------------------------------------------------------------ helpers

  private void write(String propertySchema) throws IOException {
    write(propertySchema, null);
  }

  private void write(String propertySchema, String defs) throws IOException {
    write(propertySchema, defs, Dialect.DRAFT_2020_12);
  }

  /** An event with one property {@code p} on line 10 (and {@code $defs} after it). */
  private void write(String propertySchema, String defs, Dialect dialect) throws IOException {
    Files.writeString(file(), """
        {
          "$schema": "%s",
          "$id": "https://example.com/a.json",
          "title": "A",
          "description": "D.",
          "x-subject": "a:p",
          "x-version": 1,
          "type": "object",
          "properties": {
            "p": %s
          }%s
        }
        """.formatted(dialect.uri(), propertySchema, defs == null ? "" : ",\n  \"$defs\": {\n" + defs + "\n  }"));
  }

  private Path file() {
    return root.resolve("a.json");
  }

  private JsonSchemaContractLoader.Result load() {
    return JsonSchemaContractLoader.load(List.of(root), options);
  }

  private static Field fieldOf(JsonSchemaContractLoader.Result result) {
    return ((ObjectType) result.contracts().contracts().get(0).rootType()).field("p").orElseThrow();
  }

  private static DataType typeOf(JsonSchemaContractLoader.Result result) {
    return fieldOf(result).type();
  }

  private Field field(String propertySchema) throws IOException {
    write(propertySchema);
    return fieldOf(load());
  }

  private DataType type(String propertySchema) throws IOException {
    return field(propertySchema).type();
  }
}
