package io.eventcontracts.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.model.SourceLocation;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared allocation rule of the Java and TypeScript naming passes: first claim wins, later ones are numbered. */
class NameAllocatorTest {

  private static final SourceLocation A = new SourceLocation(Path.of("schemas/a.json"), 3, "");
  private static final SourceLocation B = new SourceLocation(Path.of("schemas/b.json"), 14, "/$defs/user");

  @Test
  void theFirstClaimGetsTheNameAndNoFinding() {
    NameAllocator names = new NameAllocator("class");

    assertThat(names.claim("User", A, "type")).isEqualTo("User");
    assertThat(names.findings()).isEmpty();
  }

  @Test
  void laterClaimsGetTwoThenThreeAndEachIsReportedOnceNamingTheFirstOwner() {
    NameAllocator names = new NameAllocator("class");
    names.claim("User", A, "type");

    assertThat(names.claim("User", B, "type")).isEqualTo("User2");
    assertThat(names.claim("User", null, "event \"x\"")).isEqualTo("User3");

    assertThat(names.findings()).extracting(ContractError::format).containsExactly(
        "schemas/b.json:14: type at /$defs/user would be class User, already used by schemas/a.json:3; "
            + "it is generated as User2; give it a distinct \"title\" if the name matters",
        "<no file>: event \"x\" would be class User, already used by schemas/a.json:3; it is generated as User3; "
            + "give it a distinct \"title\" if the name matters");
  }

  @Test
  void theOwnerOfANameWithAPointerIsNamedWithIt() {
    NameAllocator names = new NameAllocator("TypeScript type");
    names.claim("User", B, "type");

    names.claim("User", A, "type");

    assertThat(names.findings()).singleElement().extracting(ContractError::message).isEqualTo(
        "type would be TypeScript type User, already used by schemas/b.json:14 (/$defs/user); "
            + "it is generated as User2");
  }

  @Test
  void aNumberedNameIsItselfTaken() {
    NameAllocator names = new NameAllocator("class");
    names.claim("User", A, "type");
    names.claim("User", A, "type");

    assertThat(names.claim("User2", B, "type")).isEqualTo("User22");
  }

  @Test
  void aReservedNameIsNumberedFromTheFirstClaimAndItsOwnerIsNamed() {
    NameAllocator names = new NameAllocator("class");
    names.reserve("Subjects", "the generated Subjects class");

    assertThat(names.claim("Subjects", A, "type")).isEqualTo("Subjects2");
    assertThat(names.findings()).singleElement().extracting(ContractError::message).isEqualTo(
        "type would be class Subjects, already used by the generated Subjects class; it is generated as Subjects2");
  }

  @Test
  void aNameOfUnknownOriginIsOwnedByAQuestionMark() {
    NameAllocator names = new NameAllocator("class");
    names.claim("User", null, "type");

    names.claim("User", A, "type");

    assertThat(names.findings().get(0).message()).contains("already used by ?;");
  }

  @Test
  void firstFreeCountsFromTwoWithTheSeparatorAndTakesThroughThePredicate() {
    Set<String> used = new HashSet<>();

    List<String> got = List.of(NameAllocator.firstFree("A", "_", used::add),
        NameAllocator.firstFree("A", "_", used::add), NameAllocator.firstFree("A", "_", used::add),
        NameAllocator.firstFree("B", "", used::add), NameAllocator.firstFree("B", "", used::add));

    assertThat(got).containsExactly("A", "A_2", "A_3", "B", "B2");
    assertThat(used).containsExactlyInAnyOrder("A", "A_2", "A_3", "B", "B2");
  }
}
