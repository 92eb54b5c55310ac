package io.eventcontracts.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The invariants and small behaviours of the format-neutral model every loader builds and every generator reads. */
class ContractModelTest {

  private static final ObjectType PAYLOAD = new ObjectType("Payload",
      List.of(new Field("id", PrimitiveType.STRING, true, false, "Id.", null)), null, null, null);

  // ------------------------------------------------------------------------------------------ dialects

  @ParameterizedTest
  @CsvSource({
      "http://json-schema.org/draft-04/schema#, DRAFT_04",
      "https://json-schema.org/draft-04/schema, DRAFT_04",
      "' http://json-schema.org/draft-06/schema# ', DRAFT_06",
      "http://json-schema.org/draft-07/schema, DRAFT_07",
      "https://json-schema.org/draft/2019-09/schema, DRAFT_2019_09",
      "http://json-schema.org/draft/2020-12/schema#, DRAFT_2020_12"})
  void aDraftIsKnownByItsUriWithOrWithoutTrailingHashOrHttps(String uri, Dialect dialect) {
    assertThat(Dialect.ofSchemaUri(uri)).contains(dialect);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://json-schema.org/draft-03/schema#", "https://example.com/schema", "",
      "json-schema.org/draft-07/schema/x"})
  void otherUrisAreNoDraft(String uri) {
    assertThat(Dialect.ofSchemaUri(uri)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"draft-07, DRAFT_07", "07, DRAFT_07", "' 2020-12 ', DRAFT_2020_12", "draft_2019_09, DRAFT_2019_09",
      "DRAFT-04, DRAFT_04", "https://json-schema.org/draft/2019-09/schema, DRAFT_2019_09"})
  void aDraftIsKnownByItsShortNameItsEnumNameOrItsUri(String name, Dialect dialect) {
    assertThat(Dialect.ofShortName(name)).contains(dialect);
  }

  @Test
  void unknownShortNames() {
    assertThat(Dialect.ofShortName(null)).isEmpty();
    assertThat(Dialect.ofShortName("draft-03")).isEmpty();
  }

  @Test
  void onlyDraft04CallsItsIdIdAndOnly2019OnApplyRefSiblings() {
    assertThat(Dialect.values()).extracting(Dialect::idKeyword)
        .containsExactly("id", "$id", "$id", "$id", "$id");
    assertThat(Dialect.values()).extracting(Dialect::refSiblingsApply)
        .containsExactly(false, false, false, true, true);
    assertThat(Dialect.values()).extracting(Dialect::shortName)
        .containsExactly("draft-04", "draft-06", "draft-07", "2019-09", "2020-12");
    assertThat(ContractFormat.JSON_SCHEMA.wireName()).isEqualTo("json-schema");
    assertThat(ContractFormat.PROTOBUF.wireName()).isEqualTo("protobuf");
  }

  // ------------------------------------------------------------------------------------------ types

  @Test
  void onlyIntegerKindsAreIntegers() {
    assertThat(List.of(PrimitiveType.values())).filteredOn(PrimitiveType::isInteger)
        .containsExactly(PrimitiveType.INTEGER, PrimitiveType.LONG, PrimitiveType.BIG_INTEGER);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "STRING  | \"push\"         | push",
      "STRING  | \"a\\\"b\\\\c\"   | a\"b\\c",
      "STRING  | \"\"             | ''",
      "LONG    | 3                |",
      "BOOLEAN | true             |"})
  void aConstantsStringValueIsTheUnquotedStringOrNull(PrimitiveType base, String json, String value) {
    assertThat(new ConstType(base, json).stringValue()).isEqualTo(value);
  }

  @Test
  void aStringConstantTooShortToBeQuotedHasNoStringValue() {
    assertThat(new ConstType(PrimitiveType.STRING, "x").stringValue()).isNull();
  }

  @Test
  void constraintsDescribeEverySetKeywordInOrderAndNumbersPlainly() {
    Constraints all = new Constraints("uuid", new BigDecimal("1E+3"), new BigDecimal("2"), new BigDecimal("0"),
        new BigDecimal("9.50"), 1, 64, "^a", 0, 10, "\"x\"");

    assertThat(all.describe()).isEqualTo("format uuid, minimum 1000, maximum 2, exclusiveMinimum 0, "
        + "exclusiveMaximum 9.50, minLength 1, maxLength 64, pattern ^a, minItems 0, maxItems 10, default \"x\"");
    assertThat(all.isEmpty()).isFalse();
    assertThat(new Constraints(null, null, null, null, null, null, 5, null, null, null, null).describe())
        .isEqualTo("maxLength 5");
    assertThat(Constraints.NONE.describe()).isEmpty();
    assertThat(Constraints.NONE.isEmpty()).isTrue();
  }

  @Test
  void defaultsAndRequiredParts() {
    assertThat(new AnyType(null).reason()).isEmpty();
    assertThat(new TypeRef("urn:x", null).definition()).isEmpty();
    assertThat(new TypeRef("urn:x", null).isRoot()).isTrue();
    assertThat(new TypeRef("urn:x", "/$defs/A").isRoot()).isFalse();
    assertThat(new Field("a", PrimitiveType.STRING, false, false, null, null).constraints())
        .isEqualTo(Constraints.NONE);
    assertThat(new SourceLocation(Path.of("a.json"), 3, null).pointer()).isEmpty();
    assertThat(PAYLOAD.additionalProperties()).isEqualTo(AdditionalProperties.OPEN);
    assertThat(PAYLOAD.closed()).isFalse();
    assertThat(new ObjectType("C", List.of(), AdditionalProperties.CLOSED, null, null).closed()).isTrue();
    assertThat(new ObjectType("T", List.of(), AdditionalProperties.typed(PrimitiveType.STRING), null, null).closed())
        .isFalse();
    assertThatThrownBy(() -> new ListType(null)).hasMessage("element");
    assertThatThrownBy(() -> new MapType(null)).hasMessage("value");
    assertThatThrownBy(() -> new ObjectType(null, List.of(), null, null, null)).hasMessage("name");
    assertThatThrownBy(() -> new EnumType(null, List.of(), null, null)).hasMessage("name");
    assertThatThrownBy(() -> new UnionType(null, List.of(), null, true, null, null)).hasMessage("name");
    assertThatThrownBy(() -> new UnionType.Branch(null, "x")).hasMessage("type");
    assertThatThrownBy(() -> new Field(null, PrimitiveType.STRING, false, false, null, null)).hasMessage("name");
    assertThatThrownBy(() -> new Field("a", null, false, false, null, null)).hasMessage("type");
    assertThatThrownBy(() -> new ConstType(null, "1")).hasMessage("base");
    assertThatThrownBy(() -> new ConstType(PrimitiveType.LONG, null)).hasMessage("json");
    assertThatThrownBy(() -> new TypeRef(null, "")).hasMessage("contractId");
  }

  @Test
  void aValueTypeIsGivenExactlyForTypedAdditionalProperties() {
    assertThat(AdditionalProperties.typed(PrimitiveType.LONG).valueType()).isEqualTo(PrimitiveType.LONG);
    assertThatThrownBy(() -> AdditionalProperties.typed(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a value type is given exactly for TYPED");
    assertThatThrownBy(() -> new AdditionalProperties(AdditionalProperties.Kind.OPEN, PrimitiveType.LONG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AdditionalProperties(null, null)).hasMessage("kind");
  }

  @Test
  void listsInTheModelAreCopies() {
    List<String> values = new ArrayList<>(List.of("a"));
    List<Field> fields = new ArrayList<>(PAYLOAD.fields());
    EnumType e = new EnumType("E", values, null, null);
    ObjectType o = new ObjectType("O", fields, null, null, null);
    values.add("b");
    fields.clear();

    assertThat(e.values()).containsExactly("a");
    assertThat(o.fields()).hasSize(1);
    assertThat(o.field("id")).isPresent();
    assertThat(o.field("nope")).isEmpty();
  }

  @Test
  void aSourceLocationReadsFileColonLine() {
    assertThat(new SourceLocation(Path.of("a", "b.json"), 14, "/x")).hasToString("a/b.json:14");
    assertThat(SourceLocation.of(Path.of("b.json"), 0)).hasToString("b.json");
    assertThat(SourceLocation.of(null, 2)).hasToString("<no file>:2");
    assertThat(SourceLocation.of(Path.of("b.json"), 2).pointer()).isEmpty();
  }

  // ------------------------------------------------------------------------------------------ contracts

  @Test
  void aContractSetIsSortedByBundlePathAndFindsByIdSubjectAndReference() {
    Contract type = contract("b/type.json", ContractKind.TYPE, null, Map.of("/$defs/X", PrimitiveType.LONG));
    Contract event = contract("a.json", ContractKind.EVENT, "a:b", Map.of());
    ContractSet set = new ContractSet(List.of(type, event));

    assertThat(set.contracts()).containsExactly(event, type);
    assertThat(set.events()).containsExactly(event);
    assertThat(set.types()).containsExactly(type);
    assertThat(set.byId("urn:b/type.json")).contains(type);
    assertThat(set.byId("urn:nope")).isEmpty();
    assertThat(set.bySubject("a:b")).contains(event);
    assertThat(set.bySubject("x")).isEmpty();
    assertThat(set.byIdMap()).containsExactly(Map.entry("urn:a.json", event), Map.entry("urn:b/type.json", type));
    assertThat(set.resolve(new TypeRef("urn:a.json", ""))).isEqualTo(PAYLOAD);
    assertThat(set.resolve(new TypeRef("urn:b/type.json", "/$defs/X"))).isEqualTo(PrimitiveType.LONG);
    assertThatThrownBy(() -> set.resolve(new TypeRef("urn:nope", ""))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no contract with id urn:nope");
    assertThatThrownBy(() -> set.resolve(new TypeRef("urn:a.json", "/$defs/Y")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("contract urn:a.json defines no /$defs/Y");
  }

  @Test
  void aContractsDefinitionsAreSortedAndAnEventNeedsASubject() {
    Contract c = contract("t.json", ContractKind.TYPE, null,
        Map.of("/$defs/B", PrimitiveType.LONG, "/$defs/A", PrimitiveType.STRING));

    assertThat(c.definitions().keySet()).containsExactly("/$defs/A", "/$defs/B");
    assertThat(c.isEvent()).isFalse();
    assertThat(contract("e.json", ContractKind.EVENT, "e", Map.of()).isEvent()).isTrue();
    assertThatThrownBy(() -> contract("e.json", ContractKind.EVENT, null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("event contract E has no subject");
  }

  private static Contract contract(String bundlePath, ContractKind kind, String subject, Map<String, DataType> defs) {
    return new Contract(bundlePath.substring(0, 1).toUpperCase(), kind, subject, 1, "urn:" + bundlePath, null,
        ContractFormat.JSON_SCHEMA, Dialect.DRAFT_2020_12, SourceLocation.of(Path.of(bundlePath), 1), bundlePath,
        PAYLOAD, defs, "0".repeat(64), () -> new byte[0]);
  }
}
