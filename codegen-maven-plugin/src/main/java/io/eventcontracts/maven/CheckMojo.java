package io.eventcontracts.maven;

import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.compat.Baseline;
import io.eventcontracts.codegen.compat.BaselineException;
import io.eventcontracts.codegen.compat.Baselines;
import io.eventcontracts.codegen.compat.Check;
import io.eventcontracts.codegen.compat.CompatibilityMode;
import io.eventcontracts.codegen.compat.LintRule;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.Dialect;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.version.Version;

/**
 * Compares the project's contracts with a baseline (a git ref, a directory, or earlier releases of a contracts
 * artifact) under a compatibility mode, lints them, writes {@code target/eventcontracts/compatibility-report.md} and
 * a JUnit XML report, and fails with one line per violation. The comparison and the reports are
 * {@link Check#run(Check.Request)} of codegen-core; this Mojo only resolves baselines and maps parameters.
 *
 * <p>{@code mvn eventcontracts:check} in a working tree checks the uncommitted change against {@code HEAD} with no
 * setup.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class CheckMojo extends ContractsMojo {

  /**
   * What to compare with:
   * <ul>
   *   <li>{@code git:REF} — the contract directory as committed at a ref: {@code git:HEAD} (the default: the
   *       uncommitted change), {@code git:origin/main} (a pull request's target), a tag or a commit; needs the
   *       {@code git} command;</li>
   *   <li>{@code dir:PATH} — a directory of released contracts (relative to the project);</li>
   *   <li>{@code maven:GROUP:ARTIFACT[:VERSION]} — released versions of a contracts artifact (as
   *       {@code eventcontracts-schemas}, contracts under {@code META-INF/eventcontracts/contracts/}) from the
   *       Maven repositories: without a version every release older than this project's version (the latest for
   *       a plain mode, all for a {@code _TRANSITIVE} one); {@code maven:} alone means this project's own
   *       group and artifact.</li>
   * </ul>
   *
   * <pre>{@code
   * <baseline>maven:io.eventcontracts:eventcontracts-schemas</baseline>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.baseline", defaultValue = "git:HEAD")
  String baseline;

  /**
   * The global mode: {@code BACKWARD} (new consumers read old events; the default, as Confluent's),
   * {@code FORWARD}, {@code FULL}, each also {@code _TRANSITIVE}, or {@code NONE}.
   *
   * <pre>{@code
   * <mode>FULL_TRANSITIVE</mode>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.mode", defaultValue = "BACKWARD")
  String mode;

  /**
   * Per-contract modes, {@code KEY=MODE}; the key is a subject, a contract name or a file path relative to the
   * contract directory.
   *
   * <pre>{@code
   * <contractModes>
   *   <contractMode>ticket:created=FULL</contractMode>
   *   <contractMode>order-status.json=NONE</contractMode>
   * </contractModes>
   * }</pre>
   */
  @Parameter
  List<String> contractModes = new ArrayList<>();

  /**
   * Lint severities, {@code RULE=SEVERITY} with severity {@code ERROR} (fails the check), {@code WARNING} (the
   * default for every rule) or {@code OFF}; rules: {@code subject-naming}, {@code property-description},
   * {@code explicit-additional-properties}, {@code aggregate-version}, {@code file-name-matches-subject}.
   *
   * <pre>{@code
   * <lintRules>
   *   <lintRule>property-description=ERROR</lintRule>
   *   <lintRule>subject-naming=OFF</lintRule>
   * </lintRules>
   * }</pre>
   */
  @Parameter
  List<String> lintRules = new ArrayList<>();

  /**
   * What to do when the baseline does not exist (not a git working tree, a ref a shallow clone lacks, no earlier
   * release): {@code true} fails, {@code false} logs a warning and checks nothing but lint. A baseline that exists
   * but has contract errors always fails.
   *
   * <pre>{@code
   * <failOnMissingBaseline>false</failOnMissingBaseline>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.failOnMissingBaseline", defaultValue = "true")
  boolean failOnMissingBaseline;

  /**
   * Where {@code compatibility-report.md} and {@code TEST-eventcontracts-compatibility.xml} are written.
   *
   * <pre>{@code
   * <reportDirectory>${project.build.directory}/eventcontracts</reportDirectory>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.reportDirectory", defaultValue = "${project.build.directory}/eventcontracts")
  File reportDirectory;


  /**
   * Skips the check.
   *
   * <pre>{@code
   * <skipCheck>true</skipCheck>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.skipCheck", defaultValue = "false")
  boolean skipCheck;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipCheck) {
      getLog().info("eventcontracts check: skipped (eventcontracts.skipCheck=true)");
      return;
    }
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    ContractRoots contracts = contractRoots(false, "eventcontracts.skipCheck");
    Dialect dialect = dialect();
    CompatibilityMode globalMode = parseMode(mode, "<mode>");
    Map<String, CompatibilityMode> modes = new LinkedHashMap<>();
    for (String entry : contractModes) {
      int eq = entry.lastIndexOf('=');
      if (eq < 1) {
        throw new MojoFailureException("eventcontracts check: <contractMode>" + entry + "</contractMode> is not "
            + "KEY=MODE; write e.g. ticket:created=FULL");
      }
      modes.put(entry.substring(0, eq).trim(), parseMode(entry.substring(eq + 1), "<contractMode>" + entry));
    }
    Map<LintRule, LintRule.Severity> lint = new EnumMap<>(LintRule.class);
    for (String entry : lintRules) {
      int eq = entry.lastIndexOf('=');
      try {
        if (eq < 1) {
          throw new IllegalArgumentException("write RULE=SEVERITY, e.g. property-description=ERROR");
        }
        lint.put(LintRule.parse(entry.substring(0, eq)), LintRule.Severity.parse(entry.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw new MojoFailureException("eventcontracts check: <lintRule>" + entry + "</lintRule>: " + e.getMessage());
      }
    }
    JsonSchemaContractLoader.Options options = new JsonSchemaContractLoader.Options(dialect, false);
    // baselines are read like the working set: both formats, the same protoc, the same dependency roots
    Baselines.Sources sources = new Baselines.Sources(options,
        contracts.protobuf() == null ? null : contracts.protobuf().protoc(), contracts.dependencyRoots());

    List<Baseline> baselines;
    try {
      baselines = baselines(globalMode, modes, sources, basedir);
    } catch (BaselineException e) {
      if (e.missing() && !failOnMissingBaseline) {
        getLog().warn("eventcontracts check: " + e.getMessage() + "; only lint runs (failOnMissingBaseline=false)");
        baselines = List.of();
      } else {
        throw new MojoFailureException("eventcontracts check: " + e.getMessage()
            + (e.missing() ? " (or set -Deventcontracts.failOnMissingBaseline=false to let a missing baseline pass)"
                : ""));
      }
    }

    Check.Outcome outcome;
    try {
      outcome = Check.run(new Check.Request(contracts.roots(), options, baselines, globalMode, modes,
          lint, basedir, reportDirectory.toPath(), contracts.protobuf()));
    } catch (ContractException e) {
      throw contractFailure(e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("eventcontracts check: " + e.getMessage(), e);
    }
    outcome.report().summary().forEach(getLog()::info);
    outcome.report().lintWarnings().forEach(getLog()::warn);
    outcome.written().forEach(p -> getLog().info("eventcontracts check: report " + basedir.relativize(
        p.toAbsolutePath().normalize())));
    List<String> failures = outcome.failures();
    if (!failures.isEmpty()) {
      failures.forEach(getLog()::error);
      throw new MojoFailureException(failures.size() + (failures.size() == 1 ? " compatibility violation"
          : " compatibility violations") + " (each line says what to do; report: " + basedir.relativize(
              outcome.written().isEmpty() ? basedir : outcome.written().get(0).toAbsolutePath().normalize())
          + "):\n" + String.join("\n", failures));
    }
  }

  private List<Baseline> baselines(CompatibilityMode globalMode, Map<String, CompatibilityMode> modes,
      Baselines.Sources sources, Path basedir) throws MojoFailureException {
    String spec = baseline == null ? "git:HEAD" : baseline.trim();
    if (spec.startsWith("git:")) {
      String ref = spec.substring(4).isBlank() ? "HEAD" : spec.substring(4);
      return List.of(Baselines.fromGit(List.of(schemaDirectory.toPath()), List.of(protoDirectory.toPath()), ref,
          sources));
    }
    if (spec.startsWith("dir:")) {
      Path dir = basedir.resolve(spec.substring(4)).normalize();
      return List.of(Baselines.fromDirectory("directory " + spec.substring(4), dir, sources));
    }
    if (spec.startsWith("maven:")) {
      boolean transitive = globalMode.transitive() || modes.values().stream().anyMatch(CompatibilityMode::transitive);
      return maven(spec.substring(6), transitive, sources);
    }
    throw new MojoFailureException("eventcontracts check: <baseline>" + spec + "</baseline> is not git:REF, dir:PATH "
        + "or maven:GROUP:ARTIFACT[:VERSION]");
  }

  /** Earlier releases of a contracts artifact, oldest first, each unpacked below target/eventcontracts/baselines. */
  private List<Baseline> maven(String coordinates, boolean transitive, Baselines.Sources sources)
      throws MojoFailureException {
    String[] parts = coordinates.isBlank() ? new String[] {project.getGroupId(), project.getArtifactId()}
        : coordinates.split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new MojoFailureException("eventcontracts check: maven baseline \"" + coordinates + "\" is not "
          + "GROUP:ARTIFACT[:VERSION]");
    }
    String ga = parts[0] + ":" + parts[1];
    List<RemoteRepository> repositories = project.getRemoteProjectRepositories();
    List<String> versions = new ArrayList<>();
    if (parts.length == 3) {
      versions.add(parts[2]);
    } else {
      try {
        // ComparableVersion: Maven's own ordering (exported to plugins; the resolver's version scheme is not)
        ComparableVersion current = new ComparableVersion(project.getVersion().replace("-SNAPSHOT", ""));
        var range = repositorySystem.resolveVersionRange(repositorySession, new VersionRangeRequest(
            new DefaultArtifact(parts[0], parts[1], "jar", "[0,)"), repositories, null));
        for (Version v : range.getVersions()) {
          if (!v.toString().endsWith("-SNAPSHOT") && new ComparableVersion(v.toString()).compareTo(current) < 0) {
            versions.add(v.toString());
          }
        }
      } catch (VersionRangeResolutionException e) {
        throw new BaselineException("cannot list the releases of " + ga + ": " + e.getMessage(), true);
      }
      if (versions.isEmpty()) {
        throw new BaselineException("no release of " + ga + " older than " + project.getVersion() + " in the Maven "
            + "repositories, so there is no previous release to compare with (a first release)", true);
      }
      if (!transitive) {
        versions = List.of(versions.get(versions.size() - 1));
      }
    }
    List<Baseline> out = new ArrayList<>();
    Path work = Path.of(project.getBuild().getDirectory(), "eventcontracts", "baselines");
    for (String version : versions) {
      File jar;
      try {
        jar = repositorySystem.resolveArtifact(repositorySession, new ArtifactRequest(
            new DefaultArtifact(parts[0], parts[1], "jar", version), repositories, null)).getArtifact().getFile();
      } catch (ArtifactResolutionException e) {
        throw new BaselineException("cannot resolve " + ga + ":" + version + " (" + e.getMessage() + ")", true);
      }
      Path dir = work.resolve(version);
      try {
        ContractDependencyExtractor.extract(jar.toPath(), dir);
      } catch (IOException e) {
        throw new BaselineException(ga + ":" + version + ": " + e.getMessage(), false);
      }
      out.add(Baselines.fromDirectory(ga + ":" + version, dir, sources));
    }
    return out;
  }

  private static CompatibilityMode parseMode(String value, String where) throws MojoFailureException {
    return CompatibilityMode.parse(value).orElseThrow(() -> new MojoFailureException("eventcontracts check: " + where
        + " \"" + value + "\" is not a mode; use NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, "
        + "FULL or FULL_TRANSITIVE"));
  }
}
