package io.eventcontracts.codegen.compat;

import static io.eventcontracts.codegen.compat.Fixtures.event;
import static io.eventcontracts.codegen.compat.Fixtures.load;
import static io.eventcontracts.codegen.compat.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLinterTest {

  @TempDir
  Path temp;

  List<String> lint(String file, String content, Map<LintRule, LintRule.Severity> severities) {
    write(temp, file, content);
    return new ContractLinter(severities).lint(load(temp)).stream()
        .map(l -> l.severity() + " " + l.format().replace(temp.toString() + "/", "")).toList();
  }

  @Test
  void aWellFormedContractHasNoFinding() {
    assertThat(lint("ticket-created.json", event("ticket:created", 1, "{ \"id\": { \"description\": \"Id.\", "
        + "\"type\": \"string\" }, \"version\": { \"description\": \"V.\", \"type\": \"integer\" } }",
        "\"id\", \"version\"", "false"), Map.of())).isEmpty();
  }

  @Test
  void everyRuleReportsFileLineWhatAndWhatToDo() {
    // "box" is an object without properties: a map, which says nothing about a content model
    List<String> findings = lint("thing.json", event("ticket:create", 1, "{ \"id\": { \"type\": \"string\" }, "
        + "\"box\": { \"description\": \"Box.\", \"type\": \"object\", \"properties\": {} , \"required\": [] } }",
        "\"id\"", null), Map.of(LintRule.PROPERTY_DESCRIPTION, LintRule.Severity.ERROR));
    assertThat(findings).containsExactly(
        "WARNING thing.json: file name \"thing.json\" does not match subject \"ticket:create\" (lint "
            + "file-name-matches-subject); rename the file to \"ticket-create.json\"",
        "WARNING thing.json:1: subject \"ticket:create\": action \"create\" is not in the past tense (lint "
            + "subject-naming); name the event after what happened, e.g. \"ticket:created\" (renaming is a new "
            + "contract: keep the old one until consumers moved)",
        "WARNING thing.json:1: event \"ticket:create\" is about an aggregate (it has \"id\") but carries no "
            + "\"version\" (lint aggregate-version); add a required integer \"version\" (the aggregate's record "
            + "version), so consumers apply events in order",
        "WARNING thing.json:1: the contract's object leaves \"additionalProperties\" unsaid (so it is open) (lint "
            + "explicit-additional-properties); say \"additionalProperties\": false (closed: adding optional "
            + "properties stays compatible) or true (open: consumers accept unknown properties)",
        "ERROR thing.json:8: property \"id\" has no \"description\" (lint property-description); add "
            + "\"description\": it documents the generated code, the catalog and the compatibility report");
  }

  @Test
  void offSilencesARule() {
    List<String> findings = lint("thing.json", event("TicketCreated", 1, "{ }", "", "true"),
        Map.of(LintRule.FILE_NAME_MATCHES_SUBJECT, LintRule.Severity.OFF));
    assertThat(findings).containsExactly("WARNING thing.json:1: subject \"TicketCreated\" is not "
        + "<resource>:<past-tense-action> (lint subject-naming); name it after what happened to what, in lower case, "
        + "e.g. \"ticket:created\", \"order:paid\"");
  }

  @Test
  void aVersionThatIsNotARequiredIntegerIsReported() {
    List<String> findings = lint("order-paid.json", event("order:paid", 1, "{ \"id\": { \"description\": \"Id.\", "
        + "\"type\": \"string\" }, \"version\": { \"description\": \"V.\", \"type\": \"string\" } }", "\"id\"",
        "false"), Map.of());
    assertThat(findings).singleElement().asString().endsWith("event \"order:paid\": \"version\" is not a required "
        + "integer (lint aggregate-version); make \"version\" a required integer");
  }

  @Test
  void pastTensesAndNames() {
    assertThat(ContractLinter.isPastTense("created")).isTrue();
    assertThat(ContractLinter.isPastTense("paid")).isTrue();
    assertThat(ContractLinter.isPastTense("payment-sent")).isTrue();
    assertThat(ContractLinter.isPastTense("complete")).isFalse();
    assertThat(ContractLinter.isPastTense("create")).isFalse();
    assertThat(LintRule.parse("subject-naming")).isEqualTo(LintRule.SUBJECT_NAMING);
    assertThat(LintRule.parse("PROPERTY_DESCRIPTION")).isEqualTo(LintRule.PROPERTY_DESCRIPTION);
    assertThatThrownBy(() -> LintRule.parse("spelling")).hasMessageStartingWith("unknown lint rule \"spelling\"");
    assertThat(LintRule.Severity.parse("error")).isEqualTo(LintRule.Severity.ERROR);
    assertThatThrownBy(() -> LintRule.Severity.parse("loud"))
        .hasMessage("unknown lint severity \"loud\"; use ERROR, WARNING or OFF");
  }

  @Test
  void nestedObjectsInArraysMapsAndUnionsAreLintedOnceEach() {
    String obj = "{ \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\" } } }";
    String props = "{ \"id\": { \"description\": \"Id.\", \"type\": \"string\" }, "
        + "\"version\": { \"description\": \"V.\", \"type\": \"integer\" }, "
        + "\"items\": { \"description\": \"I.\", \"type\": \"array\", \"items\": { \"$ref\": \"#/$defs/X\" } }, "
        + "\"again\": { \"description\": \"A.\", \"$ref\": \"#/$defs/X\" }, "
        + "\"dict\": { \"description\": \"D.\", \"type\": \"object\", \"additionalProperties\": " + obj + " } }";
    String content = event("box:packed", 1, props, "\"id\", \"version\"", "false")
        .replace("\n}\n", ",\n  \"$defs\": { \"X\": " + obj + " }\n}\n");
    List<String> findings = lint("box-packed.json", content, Map.of());
    assertThat(findings).extracting(f -> f.replaceAll(" \\(lint .*", ""))
        .containsExactlyInAnyOrder(
            "WARNING box-packed.json:8: object \"dict{}\" leaves \"additionalProperties\" unsaid (so it is open)",
            "WARNING box-packed.json:8: property \"dict{}.x\" has no \"description\"",
            // the referenced definition is linted once, where it is defined (not at each $ref)
            "WARNING box-packed.json:11: object \"/$defs/X\" leaves \"additionalProperties\" unsaid (so it is open)",
            "WARNING box-packed.json:11: property \"/$defs/X.x\" has no \"description\"");
  }
}
