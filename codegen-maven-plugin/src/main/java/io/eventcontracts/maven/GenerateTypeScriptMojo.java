package io.eventcontracts.maven;

import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import io.eventcontracts.codegen.typescript.TypeScriptCodegen;
import io.eventcontracts.codegen.typescript.TypeScriptOptions;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates the npm package of the contracts for Node services: the {@code Subjects} enum, the shared enums, per
 * event the seed-shaped {@code XxxEvent} interface, the bundled contracts with an ajv {@code validate(subject, data)}
 * that gives the Java runtime's verdict, and {@code Listener}/{@code Publisher} classes for NATS JetStream. Only
 * sources are written ({@code package.json}, {@code src/*.ts}, {@code schemas/}); no Node is needed. Compile them with
 * {@code npm install && npm run build} in the output directory (see docs/typescript.md).
 *
 * <pre>{@code
 * <execution>
 *   <id>typescript</id>
 *   <goals><goal>generate-typescript</goal></goals>
 *   <configuration>
 *     <schemaDirectory>${project.basedir}/../schemas/json</schemaDirectory>
 *     <npmPackageName>@eventcontracts/ticketing-events</npmPackageName>
 *   </configuration>
 * </execution>
 * }</pre>
 */
@Mojo(
    name = "generate-typescript",
    defaultPhase = LifecyclePhase.GENERATE_SOURCES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class GenerateTypeScriptMojo extends ContractsMojo {


  /**
   * The package directory written.
   *
   * <pre>{@code <typescriptOutputDirectory>${project.build.directory}/typescript</typescriptOutputDirectory>}</pre>
   */
  @Parameter(
      property = "eventcontracts.typescriptOutputDirectory",
      defaultValue = "${project.build.directory}/typescript",
      required = true)
  File typescriptOutputDirectory;

  /**
   * The npm package name ({@code package.json} {@code name}); default {@code @eventcontracts/<artifactId>}.
   *
   * <pre>{@code <npmPackageName>@acme/ticketing-events</npmPackageName>}</pre>
   */
  @Parameter(property = "eventcontracts.npmPackageName", defaultValue = "@eventcontracts/${project.artifactId}")
  String npmPackageName;

  /**
   * The package version; the contracts artifact's version by default, so the npm package and the jar carry the same
   * contracts under the same version.
   *
   * <pre>{@code <npmPackageVersion>${project.version}</npmPackageVersion>}</pre>
   */
  @Parameter(property = "eventcontracts.npmPackageVersion", defaultValue = "${project.version}")
  String npmPackageVersion;

  /**
   * Skips the goal.
   *
   * <pre>{@code <skip>true</skip>}</pre>
   */
  @Parameter(property = "eventcontracts.typescript.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("eventcontracts: generate-typescript skipped (eventcontracts.typescript.skip=true)");
      return;
    }
    ContractRoots contracts = contractRoots(false, "eventcontracts.typescript.skip");
    List<Path> roots = contracts.roots();
    ProtobufOptions protobuf = contracts.protobuf();
    Dialect dialect = dialect();
    String description = project.getDescription() == null ? "Events of " + project.getArtifactId()
        : project.getDescription().replaceAll("\\s+", " ").strip();
    TypeScriptCodegen.Result result;
    try {
      result = TypeScriptCodegen.execute(new TypeScriptCodegen.Request(roots, typescriptOutputDirectory.toPath(),
          new TypeScriptOptions(npmPackageName, npmPackageVersion, description), dialect, protobuf));
    } catch (ContractException e) {
      throw contractFailure(e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("eventcontracts: cannot read contracts or write the TypeScript package: "
          + e.getCause().getMessage(), e);
    }
    getLog().info("eventcontracts: TypeScript package " + npmPackageName + "@" + npmPackageVersion + " ("
        + result.events() + " events, " + result.files().size() + " files) in " + typescriptOutputDirectory);
    result.warnings().forEach(getLog()::warn);
  }
}
