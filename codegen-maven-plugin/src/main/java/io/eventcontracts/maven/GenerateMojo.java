package io.eventcontracts.maven;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.CodegenRequest;
import io.eventcontracts.codegen.CodegenResult;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.ContractException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates typed event classes, {@code Subjects}, {@code EventTypes}, listener and publisher stubs, and the
 * bundled contract index from contract files.
 *
 * <p>This Mojo is a thin adapter: it maps its parameters to a {@link CodegenRequest}, runs
 * {@link Codegen#execute(CodegenRequest)} (which knows nothing about Maven), registers the output directories with
 * the project, and turns contract errors into one {@link MojoFailureException} listing every error.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_SOURCES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class GenerateMojo extends ContractsMojo {

  /**
   * Java package of the generated classes.
   *
   * <pre>{@code
   * <packageName>io.eventcontracts.ticketing</packageName>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.packageName", required = true)
  String packageName;

  /**
   * Where generated {@code .java} files are written. The directory is added as a compile source root.
   *
   * <pre>{@code
   * <outputDirectory>${project.build.directory}/generated-sources/eventcontracts</outputDirectory>
   * }</pre>
   */
  @Parameter(
      property = "eventcontracts.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/eventcontracts",
      required = true)
  File outputDirectory;

  /**
   * Where the bundled contract copies ({@code META-INF/eventcontracts/schemas/...}) and the contract index
   * ({@code META-INF/eventcontracts/index.json}) are written. The directory is added as a project resource, so
   * the jar carries the contracts the runtime validates against.
   *
   * <pre>{@code
   * <resourceOutputDirectory>${project.build.directory}/generated-resources/eventcontracts</resourceOutputDirectory>
   * }</pre>
   */
  @Parameter(
      property = "eventcontracts.resourceOutputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/eventcontracts",
      required = true)
  File resourceOutputDirectory;


  /**
   * Skip regeneration when no contract, option or output changed since the last run. The run's fingerprints are
   * kept in {@code ${project.build.directory}/eventcontracts/codegen.state}; set to {@code false} to
   * regenerate on every build.
   *
   * <pre>{@code
   * <incremental>false</incremental>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.incremental", defaultValue = "true")
  boolean incremental;

  /**
   * Skip the goal entirely (nothing generated, no source root added).
   *
   * <pre>{@code
   * <skip>true</skip>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.skip", defaultValue = "false")
  boolean skip;

  /**
   * Fail the build on lint findings too (a property without description, a keyword the Java type does not express,
   * a class renamed to avoid a collision, an event without version). By default they are logged as warnings.
   *
   * <pre>{@code
   * <strict>true</strict>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.strict", defaultValue = "false")
  boolean strict;

  /**
   * The Java type of {@code "type": "number"}: {@code decimal} ({@code BigDecimal}, exact: {@code 20} stays
   * {@code 20} and {@code 19.99} stays {@code 19.99}) or {@code double} ({@code Double}, may lose digits).
   *
   * <pre>{@code
   * <numberType>double</numberType>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.numberType", defaultValue = "decimal")
  String numberType;

  /**
   * The Java type of an {@code "type": "integer"} left unbounded on a side (no {@code minimum} or no {@code
   * maximum}): {@code biginteger} ({@code BigInteger}, the default: every valid value binds) or {@code long}
   * ({@code Long}; a valid value beyond ±2^63 then fails to bind when received). Declared ranges always choose the
   * narrowest type; a range beyond 64 bits stays {@code BigInteger}.
   *
   * <pre>{@code
   * <unboundedIntegerType>long</unboundedIntegerType>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.unboundedIntegerType", defaultValue = "biginteger")
  String unboundedIntegerType;

  /**
   * Generate protobuf-java classes for the {@code .proto} contracts (the project then needs
   * {@code com.google.protobuf:protobuf-java} on its class path).
   *
   * <pre>{@code
   * <generateProtobufJava>false</generateProtobufJava>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.generateProtobufJava", defaultValue = "true")
  boolean generateProtobufJava;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("eventcontracts: skipped (eventcontracts.skip=true)");
      return;
    }
    Path basedir = project.getBasedir().toPath();
    Path workDirectory = Path.of(project.getBuild().getDirectory()).resolve("eventcontracts");

    ContractRoots contracts = contractRoots(generateProtobufJava, "eventcontracts.skip");
    List<Path> roots = contracts.roots();
    io.eventcontracts.codegen.proto.ProtobufOptions protobuf = contracts.protobuf();

    Dialect dialect = dialect();
    if (!"decimal".equals(numberType) && !"double".equals(numberType)) {
      throw new MojoFailureException("eventcontracts: <numberType>" + numberType + "</numberType> is not known; "
          + "use decimal (BigDecimal, the default) or double");
    }
    if (!"biginteger".equals(unboundedIntegerType) && !"long".equals(unboundedIntegerType)) {
      throw new MojoFailureException("eventcontracts: <unboundedIntegerType>" + unboundedIntegerType
          + "</unboundedIntegerType> is not known; use biginteger (the default: every valid value binds) or long");
    }
    CodegenRequest request = new CodegenRequest(
        roots,
        packageName,
        outputDirectory.toPath(),
        resourceOutputDirectory.toPath(),
        incremental ? workDirectory.resolve("codegen.state") : null,
        dialect,
        "double".equals(numberType),
        strict,
        "long".equals(unboundedIntegerType),
        protobuf);

    CodegenResult result;
    try {
      result = Codegen.execute(request);
    } catch (ContractException e) {
      throw contractFailure(e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("eventcontracts: cannot read contracts or write generated files: "
          + e.getCause().getMessage(), e);
    }

    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    addResourceDirectory(resourceOutputDirectory.getAbsolutePath());

    getLog().info(result.summary());
    // lint findings and notes, with paths relative to the project like the errors above
    String prefix = basedir.toAbsolutePath().normalize() + java.io.File.separator;
    result.warnings().forEach(w -> getLog().warn(w.startsWith(prefix) ? w.substring(prefix.length()) : w));
  }

  private void addResourceDirectory(String directory) {
    boolean present = project.getResources().stream().anyMatch(r -> directory.equals(r.getDirectory()));
    if (!present) {
      Resource resource = new Resource();
      resource.setDirectory(directory);
      project.addResource(resource);
    }
  }
}
