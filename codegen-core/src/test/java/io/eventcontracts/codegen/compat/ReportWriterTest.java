package io.eventcontracts.codegen.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ContractSet;
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
 * breaking change, a major bump, a shared type under FULL, a removed contract) compared with golden files. After an
 * intended change to the report: {@code mvn -o -B -pl codegen-core test -Dtest=ReportWriterTest
 * -Deventcontracts.updateGolden=true}, then review {@code git diff}.
 */
class ReportWriterTest {

  static final Path DIR = Path.of("src/test/resources/compat-report");

  @TempDir
  Path temp;

  static Check.Outcome outcome(Path reportDir) {
    ContractSet old = JsonSchemaContractLoader.load(List.of(DIR.resolve("old")));
    Baseline baseline = new Baseline("io.example:schemas:1.0.0", old);
    return Check.run(new Check.Request(List.of(DIR.resolve("new")), null, List.of(baseline),
        CompatibilityMode.BACKWARD, Map.of("OrderStatus", CompatibilityMode.FULL), Map.of(
            LintRule.SUBJECT_NAMING, LintRule.Severity.ERROR, LintRule.PROPERTY_DESCRIPTION, LintRule.Severity.OFF),
        Path.of("").toAbsolutePath(), reportDir));
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
        "src/test/resources/compat-report/new/ticket-created.json:21: ticket:created price: MINIMUM_NARROWED breaks "
            + "BACKWARD (0 -> 1: new consumers cannot read events written with io.example:schemas:1.0.0); keep the "
            + "old minimum, or raise \"x-version\" to 2 (a new major, docs/compatibility.md#versioning)",
        "src/test/resources/compat-report/new/ticket-created.json:26: ticket:created seats: "
            + "REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL breaks BACKWARD (absent -> integer, required: new "
            + "consumers cannot read events written with io.example:schemas:1.0.0); make the property optional, or "
            + "give it a \"default\", or raise \"x-version\" to 2 (a new major, docs/compatibility.md#versioning)",
        "src/test/resources/compat-report/new/expiration-complete.json: expiration:complete: contract removed (it "
            + "is in io.example:schemas:1.0.0); keep the contract (mark it deprecated in its description) until no "
            + "service uses it, or set its mode to NONE");
    assertThat(outcome.report().lintErrors()).isEmpty();
    assertThat(outcome.report().summary().get(0)).isEqualTo("eventcontracts check: 4 contracts against "
        + "io.example:schemas:1.0.0 (mode BACKWARD): 4 changed, 4 violations, 0 lint findings");
  }
}
