package io.eventcontracts.codegen.compat;

import static io.eventcontracts.codegen.compat.Fixtures.event;
import static io.eventcontracts.codegen.compat.Fixtures.load;
import static io.eventcontracts.codegen.compat.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.model.ContractSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityCheckerTest {

  static final String ID = "{ \"id\": { \"description\": \"Id.\", \"type\": \"string\" }";
  static final String NOTE = ", \"note\": { \"description\": \"Note.\", \"type\": \"string\" }";

  @TempDir
  Path temp;

  ContractSet set(String name, String content) {
    Path dir = temp.resolve(name);
    write(dir, "thing-happened.json", content);
    return load(dir);
  }

  CheckResult check(ContractSet current, CompatibilityMode mode, Map<String, CompatibilityMode> modes,
      Baseline... baselines) {
    return new CompatibilityChecker().check(new CheckRequest(current, List.of(baselines), mode, modes, temp));
  }

  @Test
  void transitiveModesCompareWithEveryEarlierReleaseOfTheSameMajor() {
    // 1.0: note is optional; 1.1: note removed (an open object: backward compatible); 1.2: note back as an integer
    ContractSet v10 = set("v10", event("thing:happened", 1, ID + NOTE + "}", "\"id\"", "true"));
    ContractSet v11 = set("v11", event("thing:happened", 1, ID + "}", "\"id\"", "true"));
    ContractSet v12 = set("v12", event("thing:happened", 1,
        ID + ", \"note\": { \"description\": \"Note.\", \"type\": \"integer\" } }", "\"id\"", "true"));
    Baseline b10 = new Baseline("1.0", v10);
    Baseline b11 = new Baseline("1.1", v11);
    // against 1.1 alone, adding an optional property to an open object breaks BACKWARD (1.1 events may carry any note)
    assertThat(check(v12, CompatibilityMode.FORWARD, Map.of(), b10, b11).passed()).isTrue();
    CheckResult transitive = check(v12, CompatibilityMode.FORWARD_TRANSITIVE, Map.of(), b10, b11);
    assertThat(transitive.violations()).singleElement().asString()
        .contains("thing:happened note: TYPE_CHANGED breaks FORWARD_TRANSITIVE (string -> integer: consumers on 1.0 "
            + "cannot read new events)");
  }

  @Test
  void aLowerMajorInTheBaselinesIsNotComparedTransitively() {
    ContractSet v1 = set("v1", event("thing:happened", 1, ID + NOTE + "}", "\"id\"", "false"));
    ContractSet v2 = set("v2", event("thing:happened", 2, ID + "}", "\"id\"", "false"));
    ContractSet v2b = set("v2b", event("thing:happened", 2, ID + "}", "\"id\"", "false"));
    CheckResult result = check(v2b, CompatibilityMode.FULL_TRANSITIVE, Map.of(), new Baseline("1", v1),
        new Baseline("2", v2));
    assertThat(result.passed()).isTrue();
    assertThat(result.contracts().get(0).changes()).isEmpty();
  }

  @Test
  void aModePerContractIsFoundBySubjectNameOrFile() {
    ContractSet old = set("old", event("thing:happened", 1, ID + "}", "\"id\"", "false"));
    ContractSet neu = set("new", event("thing:happened", 1, ID + NOTE + "}", "\"id\"", "false"));
    Baseline b = new Baseline("old", old);
    assertThat(check(neu, CompatibilityMode.BACKWARD, Map.of(), b).passed()).isTrue();
    for (String key : List.of("thing:happened", "ThingHappened", "thing-happened.json")) {
      CheckResult result = check(neu, CompatibilityMode.BACKWARD, Map.of(key, CompatibilityMode.FORWARD), b);
      assertThat(result.passed()).as(key).isFalse();
      assertThat(result.contracts().get(0).mode()).isEqualTo(CompatibilityMode.FORWARD);
    }
    assertThat(check(neu, CompatibilityMode.FULL, Map.of("thing:happened", CompatibilityMode.NONE), b).passed())
        .isTrue();
  }

  @Test
  void aMajorNeverDecreasesEvenUnderNone() {
    ContractSet old = set("old", event("thing:happened", 3, ID + "}", "\"id\"", "false"));
    ContractSet neu = set("new", event("thing:happened", 2, ID + "}", "\"id\"", "false"));
    CheckResult result = check(neu, CompatibilityMode.NONE, Map.of(), new Baseline("git HEAD", old));
    assertThat(result.violations()).containsExactly("new/thing-happened.json:1: thing:happened: x-version decreased "
        + "from 3 to 2 (git HEAD); restore the baseline's x-version (docs/compatibility.md#versioning)");
  }

  @Test
  void aMajorBumpWithoutBreakingChangeIsNotedAsNotNeeded() {
    ContractSet old = set("old", event("thing:happened", 1, ID + "}", "\"id\"", "false"));
    ContractSet neu = set("new", event("thing:happened", 2, ID + NOTE + "}", "\"id\"", "false"));
    ContractVerdict v = check(neu, CompatibilityMode.BACKWARD, Map.of(), new Baseline("b", old)).contracts().get(0);
    assertThat(v.note()).isEqualTo("major 1 -> 2: no change breaks BACKWARD; the new major was not needed");
    assertThat(v.passed()).isTrue();
    assertThat(v.baselineVersion()).isEqualTo(1);
    assertThat(v.currentVersion()).isEqualTo(2);
  }

  @Test
  void withoutBaselineEveryContractIsNewAndNothingIsReportedAsChanged() {
    ContractSet neu = set("new", event("thing:happened", 1, ID + "}", "\"id\"", "false"));
    CheckResult result = check(neu, CompatibilityMode.FULL_TRANSITIVE, Map.of());
    assertThat(result.passed()).isTrue();
    assertThat(result.baselines()).isEmpty();
    assertThat(result.contracts().get(0).changes()).isEmpty();
    assertThat(result.contracts().get(0).baselineVersion()).isZero();
  }

  @Test
  void modesAndEffectsCombineAsDocumented() {
    assertThat(CompatibilityMode.parse("full-transitive")).contains(CompatibilityMode.FULL_TRANSITIVE);
    assertThat(CompatibilityMode.parse("sideways")).isEmpty();
    assertThat(CompatibilityMode.parse(null)).isEmpty();
    assertThat(CompatibilityMode.BACKWARD.allows(true, false)).isTrue();
    assertThat(CompatibilityMode.BACKWARD.allows(false, true)).isFalse();
    assertThat(CompatibilityMode.FORWARD.allows(false, true)).isTrue();
    assertThat(CompatibilityMode.FULL.allows(true, false)).isFalse();
    assertThat(CompatibilityMode.NONE.allows(false, false)).isTrue();
    assertThat(Effect.WIDENS.and(Effect.NARROWS)).isEqualTo(Effect.BREAKS);
    assertThat(Effect.NONE.and(Effect.WIDENS)).isEqualTo(Effect.WIDENS);
    assertThat(Effect.WIDENS.reversed()).isEqualTo(Effect.NARROWS);
    assertThat(Effect.of(true, true)).isEqualTo(Effect.NONE);
    assertThat(new Change(ChangeKind.MINIMUM_NARROWED, "price", "0", "1", Effect.NARROWS, null).summary())
        .isEqualTo("price: MINIMUM_NARROWED (0 -> 1)");
    assertThat(new Change(ChangeKind.CONTRACT_ADDED, "", null, null, Effect.NONE, null).summary())
        .isEqualTo("CONTRACT_ADDED");
    assertThat(ChangeKind.REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL.anchor())
        .isEqualTo("required_property_added_to_closed_content_model");
  }
}
