package io.eventcontracts.codegen.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.proto.ProtoOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Protobuf rules' details the corpus does not pin: which changes of the model rules a Protobuf change replaces,
 * the wire families, and the exact old/new values of reservations, enum values and packages.
 */
class ProtobufWireRulesTest {

  @TempDir
  Path temp;

  private static final String HEAD = "syntax = \"proto3\";\n\n%simport \"eventcontracts/options.proto\";\n\n";
  private static final String EVENT = "// A thing happened.\nmessage ThingHappened {\n"
      + "  option (eventcontracts.subject) = \"thing:happened\";\n\n  // Id.\n  string id = 1;\n%s}\n";

  private List<Change> changes(String oldProto, String newProto) throws IOException {
    return changes(oldProto, newProto, null);
  }

  /** With {@code earlier}: {@link ProtobufWireRules#join} of those changes instead of {@code compare}. */
  private List<Change> changes(String oldProto, String newProto, List<Change> earlier) throws IOException {
    Path dir = temp.resolve("case" + Files.list(temp).count());
    Files.createDirectories(dir.resolve("old"));
    Files.createDirectories(dir.resolve("new"));
    Files.writeString(dir.resolve("old.proto"), oldProto);
    Files.writeString(dir.resolve("new.proto"), newProto);
    ContractSet old = CompatibilityCorpusTest.load(dir, dir.resolve("work"), "old");
    ContractSet neu = CompatibilityCorpusTest.load(dir, dir.resolve("work"), "new");
    Contract o = old.contracts().get(0);
    Contract n = neu.contracts().get(0);
    ProtobufWireRules rules = new ProtobufWireRules();
    assertThat(rules.appliesTo(o, n)).isTrue();
    return earlier == null ? rules.compare(o, old, n, neu) : rules.join(earlier, o, old, n, neu);
  }

  private static String proto(String pkg, String fields) {
    return String.format(HEAD, pkg.isEmpty() ? "" : "package " + pkg + ";\n\n") + String.format(EVENT, fields);
  }

  private static List<String> summaries(List<Change> changes) {
    return changes.stream().map(c -> c.summary() + " " + c.effect() + " @" + c.location().line()).toList();
  }

  @Test
  void aPackageAddedOrDroppedIsNamedAndTheTypesAreComparedWithoutIt() throws IOException {
    assertThat(summaries(changes(proto("", "  // N.\n  Kind kind = 2;\n}\n// K.\nenum Kind {\n  KIND_UNSPECIFIED = 0;\n"),
        proto("a.b", "  // N.\n  Kind kind = 2;\n}\n// K.\nenum Kind {\n  KIND_UNSPECIFIED = 0;\n"))))
        .containsExactly("PROTO_PACKAGE_CHANGED ((no package) -> package a.b) BREAKS @8");
  }

  @Test
  void reservedRangesAreShownAsWrittenAndAWiderRangeKeepsThem() throws IOException {
    String old = proto("p", "  reserved 4 to 6, 9;\n  reserved \"gone\";\n");
    assertThat(summaries(changes(old, proto("p", "  reserved 3 to 7, 9;\n  reserved \"gone\";\n")))).isEmpty();
    assertThat(summaries(changes(old, proto("p", "  reserved 4, 9;\n")))).containsExactly(
        "ThingHappened: PROTO_RESERVED_REMOVED (reserved 4 to 6 -> not reserved) BREAKS @8",
        "ThingHappened: PROTO_RESERVED_REMOVED (reserved \"gone\" -> not reserved) BREAKS @8");
  }

  @Test
  void aRemovedEnumValueNamesWhatIsNotReserved() throws IOException {
    String field = "  // S.\n  State state = 2;\n}\n// S.\nenum State {\n  STATE_UNSPECIFIED = 0;\n  OPEN = 1;\n";
    String without = "  // S.\n  State state = 2;\n}\n// S.\nenum State {\n  STATE_UNSPECIFIED = 0;\n%s";
    assertThat(summaries(changes(proto("p", field), proto("p", String.format(without, "  reserved 1;\n")))))
        .containsExactly("State.OPEN: PROTO_ENUM_VALUE_REMOVED_NOT_RESERVED (OPEN = 1 (thing.proto:19) -> removed, "
            + "name \"OPEN\" not reserved) BREAKS @17");
    assertThat(summaries(changes(proto("p", field), proto("p", String.format(without, "  reserved \"OPEN\";\n")))))
        .containsExactly("State.OPEN: PROTO_ENUM_VALUE_REMOVED_NOT_RESERVED (OPEN = 1 (thing.proto:19) -> removed, "
            + "number 1 not reserved) BREAKS @17");
    assertThat(summaries(changes(proto("p", field),
        proto("p", String.format(without, "  reserved 1;\n  reserved \"OPEN\";\n"))))).isEmpty();
  }

  @Test
  void fieldsAreDescribedWithLabelJsonNameAndOneof() throws IOException {
    List<Change> changes = changes(proto("p", "  // N.\n  optional int32 n = 2;\n  // M.\n  repeated string m = 3;\n"),
        proto("p", "  // N.\n  optional sint32 n = 2 [json_name = \"num\"];\n  // M.\n  repeated bytes m = 3;\n"));
    assertThat(summaries(changes)).containsExactly(
        "num: PROTO_JSON_NAME_CHANGED (optional int32 n = 2 (thing.proto:14) -> optional sint32 n = 2 "
            + "[json_name = \"num\"]) BREAKS @14",
        "num: PROTO_FIELD_TYPE_CHANGED (optional int32 n = 2 (thing.proto:14) -> optional sint32 n = 2 "
            + "[json_name = \"num\"]) BREAKS @14",
        "m: PROTO_FIELD_TYPE_CHANGED_WIRE_COMPATIBLE (repeated string m = 3 (thing.proto:16) -> repeated bytes m = 3) "
            + "BREAKS @16");
  }

  @Test
  void swappedNumbersAreTwoNumberChangesAndTwoReuses() throws IOException {
    assertThat(summaries(changes(proto("p", "  // A.\n  string a = 2;\n  // B.\n  string b = 3;\n"),
        proto("p", "  // A.\n  string a = 3;\n  // B.\n  string b = 2;\n")))).containsExactly(
        "a: PROTO_FIELD_NUMBER_CHANGED (string a = 2 (thing.proto:14) -> string a = 3) BREAKS @14",
        "b: PROTO_FIELD_NUMBER_REUSED (string a = 2 (thing.proto:14) -> string b = 2) BREAKS @16",
        "b: PROTO_FIELD_NUMBER_CHANGED (string b = 3 (thing.proto:16) -> string b = 2) BREAKS @16",
        "a: PROTO_FIELD_NUMBER_REUSED (string b = 3 (thing.proto:16) -> string a = 3) BREAKS @14");
  }

  @Test
  void aRenamedMessageTypeIsComparedFieldByField() throws IOException {
    String old = "  // P.\n  Price price = 2;\n}\n// A price.\nmessage Price {\n  // C.\n  int64 cents = 1;\n";
    String neu = "  // P.\n  Money price = 2;\n}\n// A price.\nmessage Money {\n  // C.\n  int64 amount = 1;\n";
    assertThat(summaries(changes(proto("p", old), proto("p", neu)))).containsExactly(
        "price.amount: PROTO_FIELD_RENAMED (int64 cents = 1 (thing.proto:19) -> int64 amount = 1) BREAKS @19",
        "Price: PROTO_MESSAGE_REMOVED (message Price (thing.proto:17) -> absent) BREAKS @8");
  }

  @Test
  void aRemovedFieldNamesWhatIsNotReserved() throws IOException {
    String old = proto("p", "  // N.\n  string note = 2;\n");
    assertThat(summaries(changes(old, proto("p", "")))).containsExactly("note: PROTO_FIELD_REMOVED_NOT_RESERVED "
        + "(string note = 2 (thing.proto:14) -> removed, number 2 and name \"note\" not reserved) BREAKS @8");
    assertThat(summaries(changes(old, proto("p", "  reserved 2;\n")))).containsExactly("note: "
        + "PROTO_FIELD_REMOVED_NOT_RESERVED (string note = 2 (thing.proto:14) -> removed, name \"note\" not reserved) "
        + "BREAKS @8");
    assertThat(summaries(changes(old, proto("p", "  reserved \"note\";\n")))).containsExactly("note: "
        + "PROTO_FIELD_REMOVED_NOT_RESERVED (string note = 2 (thing.proto:14) -> removed, number 2 not reserved) "
        + "BREAKS @8");
    assertThat(changes(old, proto("p", "  reserved 2 to 3;\n  reserved \"note\";\n"))).isEmpty();
  }

  @Test
  void presenceIsNamedWithoutBreakingCardinalityBreaks() throws IOException {
    assertThat(summaries(changes(proto("p", "  // N.\n  int32 n = 2;\n  // M.\n  string m = 3;\n"),
        proto("p", "  // N.\n  optional int32 n = 2;\n  // M.\n  repeated string m = 3;\n")))).containsExactly(
        "n: PROTO_FIELD_PRESENCE_CHANGED (int32 n = 2 (thing.proto:14) -> optional int32 n = 2) NONE @14",
        "m: PROTO_FIELD_CARDINALITY_CHANGED (string m = 3 (thing.proto:16) -> repeated string m = 3) BREAKS @16");
  }

  @Test
  void joinDropsTheModelsChangesAtACoveredPathAndKeepsTheOthers() throws IOException {
    SourceLocation at = SourceLocation.of(Path.of("x.json"), 1);
    List<Change> earlier = List.of(
        new Change(ChangeKind.DESCRIPTION_CHANGED, "", null, null, Effect.NONE, at),
        new Change(ChangeKind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, "note", "string", null, Effect.NARROWS, at),
        new Change(ChangeKind.OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, "<x>.remark", null, "string",
            Effect.WIDENS, at),
        new Change(ChangeKind.OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, "notes", null, "string",
            Effect.WIDENS, at));
    assertThat(changes(proto("p", "  // N.\n  string note = 2;\n"), proto("p", "  // N.\n  string remark = 2;\n"),
        earlier)).extracting(c -> c.path() + " " + c.kind()).containsExactly(" DESCRIPTION_CHANGED",
        "notes OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL", "remark PROTO_FIELD_RENAMED");
  }

  @Test
  void aMessageUsedByTwoFieldsIsComparedAtBothPaths() throws IOException {
    String seat = "}\n// A seat.\nmessage Seat {\n  // R.\n  string %s = 1;\n";
    String fields = "  // F.\n  Seat front = 2;\n  // B.\n  Seat back = 3;\n";
    List<Change> changes = changes(proto("p", fields + String.format(seat, "row")),
        proto("p", fields + String.format(seat, "line")));
    assertThat(changes).extracting(c -> c.path() + " " + c.kind()).containsExactly(
        "front.line PROTO_FIELD_RENAMED", "back.line PROTO_FIELD_RENAMED");
  }

  @Test
  void theModelsChangesAtACoveredPathAreDroppedOthersKept() {
    assertThat(ProtobufWireRules.normalized("payment<card>.amount")).isEqualTo("payment.amount");
    assertThat(ProtobufWireRules.normalized("<card>.amount")).isEqualTo("amount");
    assertThat(ProtobufWireRules.normalized("items[].name")).isEqualTo("items[].name");
    Set<String> covered = Set.of("note", "seat.row");
    assertThat(ProtobufWireRules.isCovered("note", covered)).isTrue();
    assertThat(ProtobufWireRules.isCovered("note.text", covered)).isTrue();
    assertThat(ProtobufWireRules.isCovered("note[]", covered)).isTrue();
    assertThat(ProtobufWireRules.isCovered("note{}", covered)).isTrue();
    assertThat(ProtobufWireRules.isCovered("notes", covered)).isFalse();
    assertThat(ProtobufWireRules.isCovered("seat", covered)).isFalse();
    assertThat(ProtobufWireRules.isCovered("", covered)).isFalse();
  }

  @Test
  void wireFamiliesFollowTheEncoding() {
    for (String t : List.of("int32", "int64", "uint32", "uint64", "bool")) {
      assertThat(ProtobufWireRules.wireFamily(t, false)).as(t).isEqualTo("varint");
    }
    assertThat(ProtobufWireRules.wireFamily("a.State", true)).isEqualTo("varint");
    assertThat(ProtobufWireRules.wireFamily("sint32", false)).isEqualTo("zigzag");
    assertThat(ProtobufWireRules.wireFamily("sint64", false)).isEqualTo("zigzag");
    assertThat(ProtobufWireRules.wireFamily("fixed32", false)).isEqualTo("fixed32");
    assertThat(ProtobufWireRules.wireFamily("sfixed32", false)).isEqualTo("fixed32");
    assertThat(ProtobufWireRules.wireFamily("fixed64", false)).isEqualTo("fixed64");
    assertThat(ProtobufWireRules.wireFamily("sfixed64", false)).isEqualTo("fixed64");
    assertThat(ProtobufWireRules.wireFamily("float", false)).isEqualTo("float");
    assertThat(ProtobufWireRules.wireFamily("double", false)).isEqualTo("double");
    assertThat(ProtobufWireRules.wireFamily("string", false)).isEqualTo("length-delimited");
    assertThat(ProtobufWireRules.wireFamily("a.Msg", false)).isEqualTo("length-delimited");
  }

  @Test
  void jsonSchemaContractsAreLeftToTheModelRules() {
    Contract json = Fixtures.load(Fixtures.write(temp.resolve("json"), "thing-happened.json",
        Fixtures.event("thing:happened", 1, "{}", "", "false")).getParent()).contracts().get(0);
    assertThat(new ProtobufWireRules().appliesTo(json, json)).isFalse();
    // an origin built without the evolution facts has none: nothing to compare, nothing reported
    ProtoOrigin bare = new ProtoOrigin("x.proto", null, new ProtoOrigin.Message("X", List.of(), List.of(), List.of(),
        SourceLocation.of(Path.of("x.proto"), 1)), List.of(), "X");
    assertThat(bare.enums()).isEmpty();
    assertThat(bare.declaredMessages()).isEmpty();
    assertThat(bare.protoPackage()).isEmpty();
  }
}
