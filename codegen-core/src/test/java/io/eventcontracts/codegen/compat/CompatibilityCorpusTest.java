package io.eventcontracts.codegen.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility corpus: {@code src/test/resources/compat-corpus/<case>/} holds a baseline and a working contract
 * ({@code old.json}/{@code new.json}, {@code old.proto}/{@code new.proto}, or {@code old/}/{@code new/} directories
 * for several files, of either format) and
 * {@code expected.properties}: the exact set of change kinds, and {@code pass}/{@code fail} per mode. Each case
 * documents one rule of docs/compatibility.md.
 */
class CompatibilityCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/compat-corpus");

  @TempDir
  Path temp;

  @Test
  void theCorpusHasAtLeastSixtyCasesAndCoversEveryJsonSchemaRule() throws IOException {
    List<Path> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    Set<String> covered = new TreeSet<>();
    for (Path c : cases) {
      covered.addAll(expectedKinds(expected(c)));
    }
    Set<String> all = Arrays.stream(ChangeKind.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    all.removeAll(covered);
    assertThat(all).as("change kinds without a corpus case").isEmpty();
  }

  @Test
  void theCorpusHasAtLeastTwentyProtobufCasesAndCoversEveryProtobufRule() throws IOException {
    List<Path> proto = new ArrayList<>();
    Set<String> covered = new TreeSet<>();
    for (Path c : cases()) {
      if (isProtoCase(c)) {
        proto.add(c);
        covered.addAll(expectedKinds(expected(c)));
      }
    }
    assertThat(proto).hasSizeGreaterThanOrEqualTo(20);
    Set<String> protoKinds = Arrays.stream(ChangeKind.values()).map(Enum::name).filter(k -> k.startsWith("PROTO_"))
        .collect(Collectors.toCollection(TreeSet::new));
    protoKinds.removeAll(covered);
    assertThat(protoKinds).as("Protobuf change kinds without a .proto corpus case").isEmpty();
  }

  @Test
  void everyChangeKindIsDocumentedWithAnExample() throws IOException {
    String doc = Files.readString(Path.of("../docs/compatibility.md"));
    for (ChangeKind kind : ChangeKind.values()) {
      int at = doc.indexOf("\n#### " + kind.name() + "\n");
      assertThat(at).as(kind + " has a section in docs/compatibility.md").isPositive();
      int next = doc.indexOf("\n#### ", at + 1);
      assertThat(doc.substring(at, next < 0 ? doc.length() : next)).as(kind + " example").contains("```diff");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseGivesItsExpectedKindsAndVerdicts() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
  }

  private void runCase(Path dir) throws IOException {
    Properties expected = expected(dir);
    ContractSet old = load(dir, "old");
    ContractSet neu = load(dir, "new");
    Baseline baseline = new Baseline("old", old);
    for (CompatibilityMode mode : CompatibilityMode.values()) {
      String base = mode.name().replace("_TRANSITIVE", "");
      CheckResult result = new CompatibilityChecker().check(new CheckRequest(neu, List.of(baseline), mode, Map.of(),
          null));
      Set<String> kinds = result.contracts().stream().flatMap(v -> v.changes().stream())
          .map(ch -> ch.kind().name()).collect(Collectors.toCollection(TreeSet::new));
      assertThat(kinds).as(dir.getFileName() + " kinds").isEqualTo(expectedKinds(expected));
      String verdict = result.passed() ? "pass" : "fail";
      assertThat(verdict).as(dir.getFileName() + " " + mode + ": " + result.violations())
          .isEqualTo(expected.getProperty(base, "pass"));
      if (mode.transitive()) {
        // the same baseline twice: every earlier version of the same major is compared, with the same verdict
        CheckResult twice = new CompatibilityChecker().check(new CheckRequest(neu,
            List.of(new Baseline("older", old), baseline), mode, Map.of(), null));
        assertThat(twice.passed() ? "pass" : "fail").as(dir.getFileName() + " " + mode + " over two baselines")
            .isEqualTo(verdict);
      }
    }
  }

  /**
   * Every change of every case as the report names it ({@code path: KIND (old -> new)}), compared with
   * {@code compat-corpus-changes.txt}: pins the element paths and the old/new values the report shows. After an
   * intended change: {@code -Deventcontracts.updateGolden=true}, then review the diff.
   */
  @Test
  void everyCaseNamesItsElementsAndValuesAsTheGoldenListSays() throws IOException {
    StringBuilder out = new StringBuilder();
    for (Path dir : cases()) {
      Path caseTemp = temp.resolve("changes-" + dir.getFileName());
      ContractSet old = load(dir, caseTemp, "old");
      ContractSet neu = load(dir, caseTemp, "new");
      Baselines.deleteTree(caseTemp);
      CheckResult result = new CompatibilityChecker().check(new CheckRequest(neu, List.of(new Baseline("old", old)),
          CompatibilityMode.BACKWARD, Map.of(), null));
      out.append(dir.getFileName()).append('\n');
      for (ContractVerdict v : result.contracts()) {
        for (Change c : v.changes()) {
          out.append("  ").append(v.key()).append(' ').append(c.summary()).append(' ').append(c.effect())
              .append('\n');
        }
      }
    }
    Path golden = Path.of("src/test/resources/compat-corpus-changes.txt");
    if (Boolean.getBoolean("eventcontracts.updateGolden")) {
      Files.writeString(golden, out.toString());
    }
    assertThat(out.toString()).isEqualTo(Files.readString(golden));
  }

  private ContractSet load(Path dir, String side) throws IOException {
    return load(dir, temp.resolve("case-" + dir.getFileName()), side);
  }

  /**
   * One side of a case, loaded as the check loads contracts ({@link io.eventcontracts.codegen.Codegen#load}): a
   * single {@code old.json}/{@code old.proto}, or every file of {@code old/}; a {@code .proto} file is read as a proto
   * root with the protoc Maven resolved.
   */
  static ContractSet load(Path dir, Path base, String side) throws IOException {
    Path root = base.resolve(side);
    Files.createDirectories(root);
    Path single = dir.resolve(side + ".json");
    Path singleProto = dir.resolve(side + ".proto");
    if (Files.isRegularFile(single)) {
      Files.copy(single, root.resolve("thing-happened.json"));
    } else if (Files.isRegularFile(singleProto)) {
      Files.copy(singleProto, root.resolve("thing.proto"));
    } else {
      try (Stream<Path> files = Files.list(dir.resolve(side))) {
        for (Path f : files.toList()) {
          Files.copy(f, root.resolve(f.getFileName().toString()));
        }
      }
    }
    ProtobufOptions protobuf = isProto(root) ? new ProtobufOptions(List.of(root), protoc(),
        base.resolve(side + "-protoc"), false) : null;
    ContractSet set = Codegen.load(List.of(root), JsonSchemaContractLoader.Options.DEFAULT, protobuf).contracts();
    Baselines.deleteTree(root);
    return set;
  }

  static boolean isProto(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".proto"));
    }
  }

  static Path protoc() {
    return Path.of(System.getProperty("eventcontracts.protoc"));
  }

  /** True when a side of the case is (partly) a {@code .proto} contract. */
  static boolean isProtoCase(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".proto"));
    }
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  static Properties expected(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve("expected.properties"))) {
      p.load(r);
    }
    return p;
  }

  static Set<String> expectedKinds(Properties p) {
    Set<String> kinds = new TreeSet<>();
    for (String k : p.getProperty("kinds", "").split(",")) {
      if (!k.isBlank()) {
        kinds.add(k.trim());
      }
    }
    return kinds;
  }

  static List<String> lines(List<String> in) {
    return new ArrayList<>(in);
  }
}
