package io.eventcontracts.codegen.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer's report for a fixed change set ({@code src/test/resources/compat-report/old} → {@code new}: a
 * breaking change, a major bump, a shared type under FULL, a removed contract, a {@code .proto} contract with a
 * renamed field and a field removed without {@code reserved}) compared with golden files. After an
 * intended change to the report: {@code mvn -o -B -pl codegen-core test -Dtest=ReportWriterTest
 * -Deventcontracts.updateGolden=true}, then review {@code git diff}.
 */
class ReportWriterTest {

  static final Path DIR = Path.of("src/test/resources/compat-report");

  @TempDir
  Path temp;

  /** The JSON Schema contracts of {@code old}/{@code new} plus a {@code .proto} contract ({@code *-proto}). */
  static Check.Outcome outcome(Path reportDir) {
    Path work;
    try {
      work = Files.createTempDirectory("report-protoc-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      ContractSet old = Codegen.load(List.of(DIR.resolve("old")), JsonSchemaContractLoader.Options.DEFAULT,
          new ProtobufOptions(List.of(DIR.resolve("old-proto")), CompatibilityCorpusTest.protoc(), work.resolve("old"),
              false)).contracts();
      Baseline baseline = new Baseline("io.example:schemas:1.0.0", old);
      return Check.run(new Check.Request(List.of(DIR.resolve("new")), null, List.of(baseline),
          CompatibilityMode.BACKWARD, Map.of("OrderStatus", CompatibilityMode.FULL), Map.of(
              LintRule.SUBJECT_NAMING, LintRule.Severity.ERROR, LintRule.PROPERTY_DESCRIPTION, LintRule.Severity.OFF),
          Path.of("").toAbsolutePath(), reportDir, new ProtobufOptions(List.of(DIR.resolve("new-proto")),
              CompatibilityCorpusTest.protoc(), work.resolve("new"), false)));
    } finally {
      Baselines.deleteTree(work);
    }
  }

  @Test
  void markdownAndXmlMatchTheGoldenFiles() throws IOException {
    Check.Outcome outcome = outcome(temp);
    assertThat(outcome.written()).containsExactly(temp.resolve(ReportWriter.MARKDOWN),
        temp.resolve(ReportWriter.JUNIT_XML));
    for (String name : List.of(ReportWriter.MARKDOWN, ReportWriter.JUNIT_XML)) {
      String actual = Files.readString(temp.resolve(name), StandardCharsets.UTF_8);
      Path golden = DIR.resolve(name);
      if (Boolean.getBoolean("eventcontracts.updateGolden")) {
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).as(name).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    assertThat(outcome(null).report().markdown()).isEqualTo(outcome(null).report().markdown());
  }

  @Test
  void failuresAreTheViolationsThenTheLintErrors() {
    Check.Outcome outcome = outcome(null);
    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.failures()).containsExactly(
        "src/test/resources/compat-report/new/order-status.json:1: OrderStatus: ENUM_VALUE_ADDED breaks FULL "
            + "(absent -> \"complete\": consumers on io.example:schemas:1.0.0 cannot read new events); raise "
            + "\"x-version\" to 2 (a new major, docs/compatibility.md#versioning)",
        "src/test/resources/compat-report/new-proto/shipping.proto:8: shipment:dispatched note: "
            + "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL breaks BACKWARD (string, optional -> absent: new consumers "
            + "cannot read events written with io.example:schemas:1.0.0); keep the property (optional, deprecated in "
            + "its description), or raise \"x-version\" to 2 (a new major, docs/compatibility.md#versioning)",
        "src/test/resources/compat-report/new-proto/shipping.proto:15: shipment:dispatched carrierName: "
            + "PROTO_FIELD_RENAMED breaks BACKWARD (string carrier = 2 (shipping.proto:15) -> string carrier_name = 2: "
            + "new consumers cannot read events written with io.example:schemas:1.0.0); keep the name, or set "
            + "json_name to the old JSON name, or raise \"x-version\" to 2 (a new major, "
            + "docs/compatibility.md#versioning)",
        "src/test/resources/compat-report/new-proto/shipping.proto:8: shipment:dispatched note: "
            + "PROTO_FIELD_REMOVED_NOT_RESERVED breaks BACKWARD (string note = 3 (shipping.proto:17) -> removed, "
            + "number 3 and name \"note\" not reserved: new consumers cannot read events written with "
            + "io.example:schemas:1.0.0); reserve its number and its name in the message (reserved <number>; "
            + "reserved \"<name>\";), or raise \"x-version\" to 2 (a new major, docs/compatibility.md#versioning)",
        "src/test/resources/compat-report/new/ticket-created.json:21: ticket:created price: MINIMUM_NARROWED breaks "
            + "BACKWARD (0 -> 1: new consumers cannot read events written with io.example:schemas:1.0.0); keep the "
            + "old minimum, or raise \"x-version\" to 2 (a new major, docs/compatibility.md#versioning)",
        "src/test/resources/compat-report/new/ticket-created.json:26: ticket:created seats: "
            + "REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL breaks BACKWARD (absent -> integer, required: new "
            + "consumers cannot read events written with io.example:schemas:1.0.0); make the property optional, or "
            + "raise \"x-version\" to 2 (a new major, docs/compatibility.md#versioning)",
        "src/test/resources/compat-report/new/expiration-complete.json: expiration:complete: contract removed (it "
            + "is in io.example:schemas:1.0.0); keep the contract (mark it deprecated in its description) until no "
            + "service uses it, or set its mode to NONE");
    assertThat(outcome.report().lintErrors()).isEmpty();
    assertThat(outcome.report().summary().get(0)).isEqualTo("eventcontracts check: 5 contracts against "
        + "io.example:schemas:1.0.0 (mode BACKWARD): 5 changed, 7 violations, 1 lint finding");
  }

  @Test
  void theConsoleSummaryHasOneLinePerChangedContract() {
    assertThat(outcome(null).report().summary()).containsExactly(
        "eventcontracts check: 5 contracts against io.example:schemas:1.0.0 (mode BACKWARD): 5 changed, 7 violations, "
            + "1 lint finding",
        "  order:created (order-created.json, v1 → v2): 3 changes, BACKWARD ✗ FORWARD ✗, mode BACKWARD: ok (major 1 "
            + "-> 2: breaking changes accepted (a new major))",
        "  OrderStatus (order-status.json, v1): 1 change, BACKWARD ✓ FORWARD ✗, mode FULL: 1 violation",
        "  shipment:dispatched (shipment-dispatched.json, v1): 3 changes, BACKWARD ✗ FORWARD ✗, mode BACKWARD: 3 "
            + "violations",
        "  ticket:created (ticket-created.json, v1): 2 changes, BACKWARD ✗ FORWARD ✗, mode BACKWARD: 2 violations",
        "  expiration:complete (expiration-complete.json, v1 (removed)): 1 change, BACKWARD ✗ FORWARD ✗, mode "
            + "BACKWARD: 1 violation (removed)");
  }

  @Test
  void withoutBaselineAndWithLintErrorsTheReportSaysSo() throws IOException {
    Path dir = temp.resolve("contracts");
    Fixtures.write(dir, "thing.json", Fixtures.event("thing:happen", 1, "{ \"n\": { \"type\": \"integer\" } }", "",
        "false"));
    Check.Outcome outcome = Check.run(new Check.Request(List.of(dir), null, List.of(), CompatibilityMode.FULL,
        Map.of(), Map.of(LintRule.SUBJECT_NAMING, LintRule.Severity.ERROR, LintRule.FILE_NAME_MATCHES_SUBJECT,
            LintRule.Severity.OFF), temp, null));
    ReportWriter report = outcome.report();
    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.written()).isEmpty();
    assertThat(report.lintErrors()).containsExactly("contracts/thing.json:1: subject \"thing:happen\": action "
        + "\"happen\" is not in the past tense (lint subject-naming); name the event after what happened, e.g. "
        + "\"thing:happened\" (renaming is a new contract: keep the old one until consumers moved)");
    assertThat(report.lintWarnings()).containsExactly("contracts/thing.json:8: property \"n\" has no \"description\" "
        + "(lint property-description); add \"description\": it documents the generated code, the catalog and the "
        + "compatibility report");
    assertThat(outcome.failures()).isEqualTo(report.lintErrors());
    assertThat(report.summary()).containsExactly("eventcontracts check: 1 contracts against no baseline (mode FULL): "
        + "0 changed, 0 violations, 2 lint findings (1 errors)");
    String md = report.markdown();
    assertThat(md).startsWith("# Contract compatibility report\n\n**Failed.** 1 contracts compared with no baseline, "
        + "default mode FULL: 0 violations, 2 lint findings.\n\nThere is no earlier version to compare with (a first "
        + "release): every contract is new.\n\n");
    assertThat(md).contains("| `thing:happen` | thing.json | v1 (new) | FULL | 0 | ✓ | ✓ | ✓ | ok |\n");
    assertThat(md).contains("\n## Lint\n\n| severity | rule | finding |\n|---|---|---|\n| ERROR | subject-naming | "
        + "`contracts/thing.json:1: subject \"thing:happen\"");
    String xml = report.junitXml();
    assertThat(xml).contains("<testsuite name=\"eventcontracts.compatibility\" tests=\"2\" failures=\"1\" errors=\"0\" "
        + "skipped=\"0\">");
    assertThat(xml).contains("<property name=\"baseline\" value=\"no baseline\"/>");
    assertThat(xml).contains("<testcase classname=\"eventcontracts.compatibility\" name=\"thing:happen (thing.json)\"/>");
    assertThat(xml).contains("<testcase classname=\"eventcontracts.lint\" name=\"subject-naming contracts/thing.json:1\">\n"
        + "    <failure message=\"contracts/thing.json:1: subject &quot;thing:happen&quot;");
    assertThat(xml).contains("type=\"lint\">");
  }

  @Test
  void twoBaselinesAreNamedInTheHeadline() {
    ContractSet old = JsonSchemaContractLoader.load(List.of(DIR.resolve("old")));
    Check.Outcome outcome = Check.run(new Check.Request(List.of(DIR.resolve("old")), null, List.of(
        new Baseline("1.0.0", old), new Baseline("1.1.0", old)), CompatibilityMode.FULL_TRANSITIVE, Map.of(), Map.of(),
        null, null));
    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.report().summary()).containsExactly("eventcontracts check: 4 contracts against 2 baselines "
        + "(1.0.0, 1.1.0) (mode FULL_TRANSITIVE): 0 changed, 0 violations, 1 lint finding");
    assertThat(outcome.report().markdown()).contains("**Passed.** 4 contracts compared with 2 baselines (1.0.0, "
        + "1.1.0), default mode FULL_TRANSITIVE: 0 violations, 1 lint finding.\n");
  }
}
