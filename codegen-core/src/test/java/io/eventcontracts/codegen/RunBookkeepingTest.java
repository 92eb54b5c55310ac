package io.eventcontracts.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bookkeeping around a run, independent of the contract format: hashing, the incremental state file, how
 * contract errors are formatted and ordered, and the summary line the plugin logs.
 */
class RunBookkeepingTest {

  @TempDir Path tmp;

  // --- Hashing ---------------------------------------------------------------------------------------------------

  @Test
  void sha256IsLowerCaseHexOfTheBytesOrOfTheFile() throws Exception {
    assertThat(Hashing.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Hashing.sha256(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Path file = Files.writeString(tmp.resolve("abc.txt"), "abc");
    assertThat(Hashing.sha256(file)).isEqualTo(Hashing.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    Path missing = tmp.resolve("missing.json");
    assertThatThrownBy(() -> Hashing.sha256(missing)).isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + missing);
  }

  // --- contract errors -------------------------------------------------------------------------------------------

  @Test
  void aContractErrorReadsFileLineMessageAndHint() {
    Path file = Path.of("schemas", "ticket-created.json");
    assertThat(new ContractError(file, 14, "property \"price\": type \"money\" is unknown", "use \"number\"").format())
        .isEqualTo("schemas/ticket-created.json:14: property \"price\": type \"money\" is unknown; use \"number\"");
    assertThat(new ContractError(file, 0, "not JSON", null))
        .hasToString("schemas/ticket-created.json: not JSON");
    assertThat(new ContractError(file, 1, "m", " ").format()).isEqualTo("schemas/ticket-created.json:1: m");
    assertThat(new ContractError(null, 3, "m", "h").format()).isEqualTo("<no file>:3: m; h");
    assertThat(new ContractError(Path.of("dir\\a.json"), 2, "m", null).format())
        .as("Windows separators are shown as /").isEqualTo("dir/a.json:2: m");
  }

  @Test
  void errorsAreCollectedThenThrownOnceSortedByFileAndLine() {
    ErrorCollector errors = new ErrorCollector();
    errors.throwIfAny(); // nothing collected: nothing thrown
    assertThat(errors.isEmpty()).isTrue();

    errors.add(Path.of("b.json"), 3, "third", null);
    errors.add(Path.of("a.json"), 9, "second", null);
    errors.add(Path.of("b.json"), 3, "fourth, same position: keeps its order", null);
    errors.add(Path.of("a.json"), 2, "first", "fix it");
    errors.add(null, 5, "no file sorts first", null);

    assertThat(errors.isEmpty()).isFalse();
    assertThat(errors.size()).isEqualTo(5);
    assertThat(errors.errors()).extracting(ContractError::message).first().isEqualTo("third");
    assertThatThrownBy(() -> errors.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ContractException.class, e -> {
      assertThat(e.errors()).extracting(ContractError::message).containsExactly("no file sorts first", "first",
          "second", "third", "fourth, same position: keeps its order");
      assertThat(e).hasMessage("5 contract errors:\n"
          + "<no file>:5: no file sorts first\n"
          + "a.json:2: first; fix it\n"
          + "a.json:9: second\n"
          + "b.json:3: third\n"
          + "b.json:3: fourth, same position: keeps its order");
    });
    assertThat(new ContractException(List.of(new ContractError(Path.of("a.json"), 1, "m", null))))
        .hasMessage("1 contract error:\na.json:1: m");
  }

  // --- summary line ----------------------------------------------------------------------------------------------

  @Test
  void theSummaryLineCountsContractsAndSaysWhatTheRunDid() {
    List<Path> two = List.of(Path.of("A.java"), Path.of("B.java"));
    assertThat(new CodegenResult(6, 1, false, two, List.of(), Duration.ofMillis(12)).summary())
        .isEqualTo("eventcontracts: 6 events, 1 type: generated 2 files (12 ms)");
    assertThat(new CodegenResult(1, 2, true, List.of(), List.of(), Duration.ofMillis(3)).summary())
        .isEqualTo("eventcontracts: 1 event, 2 types: up to date, nothing regenerated (3 ms)");
    assertThat(new CodegenResult(0, 0, false, List.of(), List.of(), Duration.ZERO).summary())
        .isEqualTo("eventcontracts: 0 events, 0 types: generated 0 files (0 ms)");

    java.util.ArrayList<Path> files = new java.util.ArrayList<>(two);
    CodegenResult result = new CodegenResult(1, 0, false, files, List.of("w"), Duration.ZERO);
    files.clear();
    assertThat(result.writtenFiles()).as("copied").hasSize(2);
  }

  // --- incremental state -----------------------------------------------------------------------------------------

  @Test
  void theStateFileRoundTripsInputsCountsAndOutputs() throws Exception {
    Path out = Files.writeString(Files.createDirectories(tmp.resolve("out dir")).resolve("Generated File.java"),
        "class X {}");
    IncrementalState state = new IncrementalState(List.of("generator=g", "package=p"), 6, 1,
        List.of(new IncrementalState.Output(out, Hashing.sha256(out))));
    Path stateFile = tmp.resolve("nested/dir/state.txt");

    state.write(stateFile);

    assertThat(Files.readAllLines(stateFile)).containsExactly(
        "# eventcontracts codegen state; delete this file to force regeneration",
        "generator=g",
        "package=p",
        "counts=6 1",
        "output=" + out + " " + Hashing.sha256(out));
    assertThat(IncrementalState.read(stateFile)).isEqualTo(state);
    assertThat(state.outputsIntact()).isTrue();
  }

  @Test
  void outputsAreIntactOnlyWhileEveryFileExistsWithItsRecordedContent() throws Exception {
    Path a = Files.writeString(tmp.resolve("A.java"), "a");
    Path b = Files.writeString(tmp.resolve("B.java"), "b");
    IncrementalState state = new IncrementalState(List.of(), 1, 0, List.of(
        new IncrementalState.Output(a, Hashing.sha256(a)), new IncrementalState.Output(b, Hashing.sha256(b))));
    assertThat(state.outputsIntact()).isTrue();

    Files.writeString(b, "edited by hand");
    assertThat(state.outputsIntact()).isFalse();

    Files.writeString(b, "b");
    Files.delete(a);
    assertThat(state.outputsIntact()).isFalse();
  }

  @Test
  void aMissingOrUnreadableStateFileForcesRegeneration() throws Exception {
    assertThat(IncrementalState.read(null)).isNull();
    assertThat(IncrementalState.read(tmp.resolve("none.txt"))).isNull();
    assertThat(IncrementalState.read(tmp)).as("a directory").isNull();
    assertThat(IncrementalState.read(Files.writeString(tmp.resolve("no-counts.txt"), "generator=g\n"))).isNull();
    assertThat(IncrementalState.read(Files.writeString(tmp.resolve("bad-counts.txt"), "counts=six one\n"))).isNull();
    assertThat(IncrementalState.read(Files.writeString(tmp.resolve("short-counts.txt"), "counts=6\n"))).isNull();

    IncrementalState blankLines = IncrementalState.read(Files.writeString(tmp.resolve("blank.txt"),
        "# comment\n\ninput=0:a.json 00\ncounts=0 2\n"));
    assertThat(blankLines).isEqualTo(new IncrementalState(List.of("input=0:a.json 00"), 0, 2, List.of()));
  }

  @Test
  void theInputFingerprintListsSettingsRootsAndEveryContractWithItsHash() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("contracts"));
    Files.writeString(Files.createDirectories(root.resolve("sub")).resolve("b.json"), "{}");
    Files.writeString(root.resolve("a.json"), "[]");
    Files.writeString(root.resolve("notes.txt"), "not a contract");
    Path missing = tmp.resolve("missing");
    CodegenRequest request = new CodegenRequest(List.of(root, missing), "p.q", tmp.resolve("java"),
        tmp.resolve("res"), null);

    assertThat(IncrementalState.fingerprintInputs(request, "gen-1")).containsExactly(
        "generator=gen-1",
        "package=p.q",
        "javaOut=" + tmp.resolve("java").toAbsolutePath(),
        "resourceOut=" + tmp.resolve("res").toAbsolutePath(),
        "options=defaultDialect:2020-12 doubleNumbers:false strict:false unboundedIntegersLong:false",
        "root=0:" + root.toAbsolutePath(),
        "input=0:a.json " + Hashing.sha256("[]".getBytes(StandardCharsets.UTF_8)),
        "input=0:sub/b.json " + Hashing.sha256("{}".getBytes(StandardCharsets.UTF_8)),
        "root=1:" + missing.toAbsolutePath() + " missing");
  }
}
