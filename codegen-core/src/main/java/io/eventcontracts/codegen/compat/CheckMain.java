package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check outside Maven:
 * {@code java -cp eventcontracts-codegen-core.jar:<its dependencies> io.eventcontracts.codegen.compat.CheckMain
 * --contracts schemas/json [--proto schemas/proto --protoc PATH] [--baseline git:HEAD | dir:PATH]... [--mode BACKWARD]
 * [--contract-mode KEY=MODE]... [--lint RULE=SEVERITY]... [--report DIR]}. Several {@code --baseline}s are oldest
 * first. {@code --proto} directories hold {@code .proto} contracts, compiled with {@code --protoc} (working set and
 * baselines alike). Exit status 0 when the check passes, 1 with one line per violation, 2 on a usage or baseline
 * error.
 */
public final class CheckMain {

  private CheckMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with these arguments; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<Path> roots = new ArrayList<>();
    List<Path> protoRoots = new ArrayList<>();
    Path protoc = null;
    List<String> baselines = new ArrayList<>();
    CompatibilityMode mode = CompatibilityMode.BACKWARD;
    Map<String, CompatibilityMode> modes = new HashMap<>();
    Map<LintRule, LintRule.Severity> lint = new LinkedHashMap<>();
    Path report = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String v = i + 1 < args.length ? args[i + 1] : null;
        if (v == null && !a.equals("--help")) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        switch (a) {
          case "--contracts" -> roots.add(Path.of(v));
          case "--proto" -> protoRoots.add(Path.of(v));
          case "--protoc" -> protoc = Path.of(v);
          case "--baseline" -> baselines.add(v);
          case "--mode" -> mode = mode(v);
          case "--contract-mode" -> {
            int eq = v.lastIndexOf('=');
            if (eq < 1) {
              throw new IllegalArgumentException("--contract-mode " + v + ": write KEY=MODE, e.g. ticket:created=FULL");
            }
            modes.put(v.substring(0, eq), mode(v.substring(eq + 1)));
          }
          case "--lint" -> {
            int eq = v.lastIndexOf('=');
            if (eq < 1) {
              throw new IllegalArgumentException("--lint " + v + ": write RULE=SEVERITY, e.g. subject-naming=ERROR");
            }
            lint.put(LintRule.parse(v.substring(0, eq)), LintRule.Severity.parse(v.substring(eq + 1)));
          }
          case "--report" -> report = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
        i++;
      }
      if (roots.isEmpty() && protoRoots.isEmpty()) {
        throw new IllegalArgumentException("--contracts DIR (or --proto DIR) is required");
      }
      if (!protoRoots.isEmpty() && protoc == null) {
        throw new IllegalArgumentException("--proto needs --protoc PATH (the protoc that compiles the .proto files)");
      }
      if (baselines.isEmpty()) {
        baselines.add("git:HEAD");
      }
    } catch (IllegalArgumentException e) {
      err.println("eventcontracts check: " + e.getMessage() + "; usage: --contracts DIR [--proto DIR --protoc PATH]"
          + " [--baseline git:REF|dir:PATH] [--mode MODE] [--contract-mode KEY=MODE] [--lint RULE=SEVERITY] [--report DIR]");
      return 2;
    }
    Path base = Path.of("").toAbsolutePath();
    Path work = null;
    try {
      Baselines.Sources sources = new Baselines.Sources(JsonSchemaContractLoader.Options.DEFAULT, protoc, List.of());
      List<Baseline> loaded = new ArrayList<>();
      for (String b : baselines) {
        loaded.add(baseline(b, roots, protoRoots, sources));
      }
      ProtobufOptions protobuf = null;
      if (!protoRoots.isEmpty()) {
        work = Files.createTempDirectory("eventcontracts-check-protoc-");
        protobuf = new ProtobufOptions(protoRoots, protoc, work, false);
      }
      Check.Outcome outcome = Check.run(new Check.Request(roots, JsonSchemaContractLoader.Options.DEFAULT, loaded,
          mode, modes, lint, base, report, protobuf));
      outcome.report().summary().forEach(out::println);
      outcome.report().lintWarnings().forEach(w -> out.println("warning: " + w));
      outcome.failures().forEach(err::println);
      return outcome.passed() ? 0 : 1;
    } catch (BaselineException e) {
      err.println("eventcontracts check: " + e.getMessage());
      return 2;
    } catch (ContractException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("eventcontracts check: " + e.getMessage());
      return 2;
    } finally {
      Baselines.deleteTree(work);
    }
  }

  /** {@code git:REF} (the JSON Schema and proto roots at the ref) or {@code dir:PATH} (both formats below it). */
  static Baseline baseline(String spec, List<Path> roots, List<Path> protoRoots, Baselines.Sources sources) {
    if (spec.startsWith("git:")) {
      return Baselines.fromGit(roots, protoRoots, spec.substring(4), sources);
    }
    if (spec.startsWith("dir:")) {
      Path dir = Path.of(spec.substring(4));
      return Baselines.fromDirectory("directory " + dir, dir, sources);
    }
    throw new BaselineException("baseline \"" + spec + "\" is neither git:REF nor dir:PATH", false);
  }

  private static CompatibilityMode mode(String v) {
    return CompatibilityMode.parse(v).orElseThrow(() -> new IllegalArgumentException("mode \"" + v + "\" is not one of "
        + java.util.Arrays.toString(CompatibilityMode.values())));
  }
}
