package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One whole check, as the Maven goal and {@link CheckMain} run it: load the working contracts, compare them with
 * the baselines, lint them, write the reports.
 */
public final class Check {

  private Check() {}

  /**
   * What to check.
   *
   * @param contractRoots the working contract directories
   * @param loaderOptions how contracts are read (the same for baselines)
   * @param baselines earlier versions, oldest first (empty: a first release, nothing to compare)
   * @param defaultMode the global mode
   * @param modes per-contract modes (subject, name or bundle path)
   * @param lint per-rule lint severities (rules not named: {@code WARNING})
   * @param baseDirectory paths in messages are shown relative to it
   * @param reportDirectory where the markdown and XML reports go ({@code null}: not written)
   * @param protobuf the working {@code .proto} contracts and the protoc to read them with; {@code null} when none
   */
  public record Request(List<Path> contractRoots, JsonSchemaContractLoader.Options loaderOptions,
      List<Baseline> baselines, CompatibilityMode defaultMode, Map<String, CompatibilityMode> modes,
      Map<LintRule, LintRule.Severity> lint, Path baseDirectory, Path reportDirectory, ProtobufOptions protobuf) {

    /** A request for JSON Schema contracts only. */
    public Request(List<Path> contractRoots, JsonSchemaContractLoader.Options loaderOptions,
        List<Baseline> baselines, CompatibilityMode defaultMode, Map<String, CompatibilityMode> modes,
        Map<LintRule, LintRule.Severity> lint, Path baseDirectory, Path reportDirectory) {
      this(contractRoots, loaderOptions, baselines, defaultMode, modes, lint, baseDirectory, reportDirectory, null);
    }

    public Request {
      contractRoots = List.copyOf(contractRoots);
      loaderOptions = loaderOptions == null ? JsonSchemaContractLoader.Options.DEFAULT : loaderOptions;
      baselines = List.copyOf(baselines);
      Objects.requireNonNull(defaultMode, "defaultMode");
      modes = Map.copyOf(modes);
      lint = Map.copyOf(lint);
    }
  }

  /**
   * What the check found.
   *
   * @param result the compatibility verdicts
   * @param lint the lint findings
   * @param report the renderer (console summary, markdown, XML)
   * @param written the report files written (empty without a report directory)
   */
  public record Outcome(CheckResult result, List<LintFinding> lint, ReportWriter report, List<Path> written) {

    /** Every line that fails the check: violations, then lint errors. */
    public List<String> failures() {
      List<String> out = new java.util.ArrayList<>(result.violations());
      out.addAll(report.lintErrors());
      return out;
    }

    public boolean passed() {
      return failures().isEmpty();
    }
  }

  /**
   * Runs the check.
   *
   * @throws io.eventcontracts.codegen.ContractException when a working contract is invalid
   */
  public static Outcome run(Request request) {
    // the one loading entry of every generator and checker: JSON Schema and .proto contracts in one model
    ContractSet current = Codegen.load(request.contractRoots(), request.loaderOptions(), request.protobuf())
        .contracts();
    CheckResult result = new CompatibilityChecker().check(new CheckRequest(current, request.baselines(),
        request.defaultMode(), request.modes(), request.baseDirectory()));
    List<LintFinding> lint = new ContractLinter(request.lint()).lint(current);
    ReportWriter report = new ReportWriter(result, lint, request.baseDirectory());
    List<Path> written = request.reportDirectory() == null ? List.of() : report.write(request.reportDirectory());
    return new Outcome(result, lint, report, written);
  }
}
