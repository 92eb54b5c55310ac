package io.eventcontracts.codegen.compat;

import static io.eventcontracts.codegen.compat.Fixtures.event;
import static io.eventcontracts.codegen.compat.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git and directory baselines against a real git repository made in a temporary directory, and the CLI. */
class BaselinesTest {

  static final JsonSchemaContractLoader.Options OPTIONS = JsonSchemaContractLoader.Options.DEFAULT;
  static final String PROPS = "{ \"id\": { \"description\": \"Id.\", \"type\": \"string\" } }";
  static final String MORE = "{ \"id\": { \"description\": \"Id.\", \"type\": \"string\" }, \"n\": { \"description\": "
      + "\"N.\", \"type\": \"integer\" } }";

  @TempDir
  Path repo;

  void git(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c",
        "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void theGitBaselineIsTheContractDirectoryAtTheRef() throws Exception {
    Path contracts = repo.resolve("schemas/json");
    write(contracts, "thing-happened.json", event("thing:happened", 1, PROPS, "\"id\"", "false"));
    write(repo, "README", "not a contract");
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "v1");
    write(contracts, "thing-happened.json", event("thing:happened", 1, MORE, "\"id\", \"n\"", "false"));
    write(contracts.resolve("sub"), "other-happened.json", event("other:happened", 1, PROPS, "\"id\"", "false"));

    Baseline head = Baselines.fromGit(contracts, "HEAD", OPTIONS);
    assertThat(head.label()).matches("git HEAD \\([0-9a-f]{7}\\)");
    assertThat(head.contracts().contracts()).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo("thing:happened");
      assertThat(c.bundlePath()).isEqualTo("thing-happened.json");
    });

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CheckMain.run(new String[] {"--contracts", contracts.toString(), "--report",
        repo.resolve("report").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("thing:happened n: "
        + "REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL breaks BACKWARD (absent -> integer, required: new "
        + "consumers cannot read events written with git HEAD (");
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("eventcontracts check: 2 contracts against git HEAD");
    assertThat(repo.resolve("report").resolve(ReportWriter.MARKDOWN)).isRegularFile();

    assertThat(CheckMain.run(new String[] {"--contracts", contracts.toString(), "--mode", "NONE"},
        new PrintStream(out), new PrintStream(err))).isZero();
  }

  @Test
  void aMissingGitBaselineSaysWhatToDo() throws Exception {
    Path contracts = repo.resolve("json");
    write(contracts, "thing-happened.json", event("thing:happened", 1, PROPS, "\"id\"", "false"));
    assertThatThrownBy(() -> Baselines.fromGit(contracts, "HEAD", OPTIONS))
        .isInstanceOfSatisfying(BaselineException.class, e -> assertThat(e.missing()).isTrue())
        .hasMessageStartingWith("not in a git working tree (" + contracts + "); run the check in a clone, or choose a "
            + "directory or Maven baseline");
    git("init", "-q");
    assertThatThrownBy(() -> Baselines.fromGit(contracts, "HEAD", OPTIONS))
        .hasMessageStartingWith("git ref \"HEAD\" does not name a commit in ")
        .hasMessageEndingWith("; check the ref, or fetch it, or choose another baseline");
    assertThatThrownBy(() -> Baselines.fromDirectory("x", repo.resolve("nope"), OPTIONS))
        .hasMessage("baseline directory " + repo.resolve("nope") + " does not exist; give the directory of the "
            + "released contracts");
  }

  @Test
  void aBrokenBaselineIsNotMissing() {
    Path dir = repo.resolve("broken");
    write(dir, "thing-happened.json", "{ \"x-subject\": ");
    assertThatThrownBy(() -> Baselines.fromDirectory("directory broken", dir, OPTIONS))
        .isInstanceOfSatisfying(BaselineException.class, e -> assertThat(e.missing()).isFalse())
        .hasMessageStartingWith("the baseline (directory broken) has contract errors, so it cannot be compared: ");
  }

  @Test
  void theCommandLineRefusesBadUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(CheckMain.run(new String[] {}, System.out, e)).isEqualTo(2);
    assertThat(CheckMain.run(new String[] {"--contracts", "x", "--mode", "SIDEWAYS"}, System.out, e)).isEqualTo(2);
    assertThat(CheckMain.run(new String[] {"--contracts", "x", "--baseline", "svn:1"}, System.out, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("eventcontracts check: --contracts DIR (or --proto DIR) is required; "
        + "usage:").contains("mode \"SIDEWAYS\" is not one of").contains("baseline \"svn:1\" is neither git:REF nor "
        + "dir:PATH");
  }

  @Test
  void theCommandLineTakesDirectoryBaselinesModesAndLintSeverities() {
    Path old = repo.resolve("old");
    Path neu = repo.resolve("new");
    write(old, "thing-happened.json", event("thing:happened", 1, PROPS, "\"id\"", "false"));
    write(neu, "thing-happened.json", event("thing:happened", 1, MORE, "\"id\"", "false"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    String[] base = {"--contracts", neu.toString(), "--baseline", "dir:" + old};
    // an optional property added to a closed object: BACKWARD passes, FORWARD (here per contract) does not
    assertThat(CheckMain.run(base, o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("eventcontracts check: 1 contracts against directory "
        + old + " (mode BACKWARD): 1 changed, 0 violations, 1 lint finding").contains("warning: ");
    assertThat(CheckMain.run(concat(base, "--contract-mode", "thing:happened=FORWARD"), o, e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("thing:happened n: "
        + "OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL breaks FORWARD (absent -> integer, optional: consumers on "
        + "directory " + old + " cannot read new events); raise \"x-version\" to 2");
    err.reset();
    assertThat(CheckMain.run(concat(base, "--lint", "aggregate-version=ERROR"), o, e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("event \"thing:happened\" is about an aggregate");
    assertThat(CheckMain.run(concat(base, "--lint", "aggregate-version=OFF"), o, e)).isZero();
    err.reset();
    assertThat(CheckMain.run(concat(base, "--contract-mode", "FULL"), o, e)).isEqualTo(2);
    assertThat(CheckMain.run(concat(base, "--lint", "loud"), o, e)).isEqualTo(2);
    assertThat(CheckMain.run(concat(base, "--report"), o, e)).isEqualTo(2);
    assertThat(CheckMain.run(concat(base, "--colour", "yes"), o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--contract-mode FULL: write KEY=MODE, e.g. ticket:created=FULL")
        .contains("--lint loud: write RULE=SEVERITY, e.g. subject-naming=ERROR")
        .contains("--report needs a value")
        .contains("unknown option --colour");
    err.reset();
    assertThat(CheckMain.run(new String[] {"--contracts", neu.toString(), "--baseline", "dir:" + repo.resolve("x")},
        o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("eventcontracts check: baseline directory ");
  }

  static final String PROTO_V1 = "syntax = \"proto3\";\n\npackage things.v1;\n\nimport \"eventcontracts/options.proto\";\n\n"
      + "// A thing happened.\nmessage ThingHappened {\n  option (eventcontracts.subject) = \"thing:happened\";\n\n"
      + "  // Id.\n  string id = 1;\n  // A note.\n  string note = 2;\n}\n";

  @Test
  void gitBaselinesReadTheProtoDirectoryAtTheRefToo() throws Exception {
    Path json = repo.resolve("schemas/json");
    Path proto = repo.resolve("schemas/proto");
    write(json, "other-happened.json", event("other:happened", 1, PROPS, "\"id\"", "false"));
    write(proto.resolve("things"), "thing.proto", PROTO_V1);
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "v1");
    write(proto.resolve("things"), "thing.proto", PROTO_V1.replace("  // A note.\n  string note = 2;\n", ""));

    Baseline head = Baselines.fromGit(List.of(json), List.of(proto), "HEAD",
        new Baselines.Sources(OPTIONS, CompatibilityCorpusTest.protoc(), List.of()));
    assertThat(head.contracts().contracts()).extracting(c -> c.subject() + " " + c.format() + " " + c.bundlePath())
        .containsExactly("other:happened JSON_SCHEMA other-happened.json",
            "thing:happened PROTOBUF things/thing-happened.json");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CheckMain.run(new String[] {"--contracts", json.toString(), "--proto", proto.toString(), "--protoc",
        CompatibilityCorpusTest.protoc().toString(), "--mode", "FORWARD"}, new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
        .endsWith("things/thing.proto:8: thing:happened note: PROTO_FIELD_REMOVED_NOT_RESERVED breaks FORWARD (string "
            + "note = 2 (things/thing.proto:14) -> removed, number 2 and name \"note\" not reserved: consumers on git "
            + "HEAD (" + head.label().substring(10, 17) + ") cannot read new events); reserve its number and its name "
            + "in the message (reserved <number>; reserved \"<name>\";), or raise \"x-version\" to 2 (a new major, "
            + "docs/compatibility.md#versioning)");
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("eventcontracts check: 2 contracts against git HEAD");
  }

  @Test
  void aBaselineWithProtoFilesNeedsAProtoc() {
    Path old = repo.resolve("old");
    write(old, "thing.proto", PROTO_V1);
    assertThatThrownBy(() -> Baselines.fromDirectory("directory old", old, OPTIONS))
        .isInstanceOfSatisfying(BaselineException.class, e -> assertThat(e.missing()).isFalse())
        .hasMessage("the baseline (directory old) has .proto contracts but no protoc is configured; give the check a "
            + "protoc (the plugin resolves one when the project has .proto contracts; CheckMain: --protoc PATH)");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(CheckMain.run(new String[] {"--proto", old.toString()}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("eventcontracts check: --proto needs --protoc PATH "
        + "(the protoc that compiles the .proto files); usage: --contracts DIR [--proto DIR --protoc PATH]");
  }

  @Test
  void aDirectoryBaselineReadsBothFormats() {
    Path old = repo.resolve("old");
    write(old, "thing.proto", PROTO_V1);
    write(old, "other-happened.json", event("other:happened", 1, PROPS, "\"id\"", "false"));
    Baseline b = Baselines.fromDirectory("directory old", old,
        new Baselines.Sources(null, CompatibilityCorpusTest.protoc(), null));
    assertThat(b.contracts().contracts()).extracting(c -> c.subject()).containsExactly("other:happened",
        "thing:happened");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
