package io.eventcontracts.maven;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.CodegenRequest;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks a schema repository without generating code: loads the JSON Schema and {@code .proto} contracts into the
 * model, reports every contract error of both formats, proves that every subject defined in both ("twins") agrees
 * under the proto3 JSON mapping (field names, types, ranges, required/optional, nullability, enums, nested
 * messages, unions; docs/protobuf.md), and writes the JSON Schema derived from every Protobuf-only event into the
 * build output, so the schemas artifact ships it for JSON and TypeScript consumers. {@code generate} runs the same
 * check.
 */
@Mojo(name = "check-consistency", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public final class CheckConsistencyMojo extends ContractsMojo {

  /**
   * Where the JSON Schemas derived from Protobuf-only events are written, at their bundle paths
   * ({@code ticketing/v1/payment-created.json}). The default puts them into the jar under
   * {@code META-INF/eventcontracts/derived/}.
   *
   * <pre>{@code
   * <derivedDirectory>${project.build.directory}/derived-schemas</derivedDirectory>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.derivedDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/eventcontracts/derived")
  File derivedDirectory;

  /**
   * Skip the goal.
   *
   * <pre>{@code
   * <skip>true</skip>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("eventcontracts: skipped (eventcontracts.skip=true)");
      return;
    }
    Path basedir = project.getBasedir().toPath();
    Path work = Path.of(project.getBuild().getDirectory()).resolve("eventcontracts").resolve("check");
    ProtobufOptions protobuf = protobufOptions(List.of(), false, work);
    Dialect dialect = dialect();
    List<Path> roots = schemaDirectory.isDirectory() ? List.of(schemaDirectory.toPath()) : List.of();
    Codegen.Loaded loaded;
    try {
      loaded = Codegen.load(new CodegenRequest(roots, "unused", work.resolve("java"), work.resolve("resources"),
          null, dialect, false, false, false, protobuf));
    } catch (ContractException e) {
      throw contractFailure(e);
    }
    int twins = 0;
    int derived = 0;
    for (Contract contract : loaded.contracts().events()) {
      if (contract.format() == ContractFormat.PROTOBUF) {
        Path target = derivedDirectory.toPath().resolve(contract.bundlePath());
        try {
          Files.createDirectories(target.getParent());
          Files.write(target, contract.document().content());
        } catch (IOException e) {
          throw new MojoExecutionException("eventcontracts: cannot write " + target + ": " + e.getMessage(), e);
        }
        derived++;
      } else if (loaded.protoOrigins().containsKey(contract.subject())) {
        twins++;
      }
    }
    getLog().info("eventcontracts: " + loaded.contracts().events().size() + " events checked; " + twins
        + (twins == 1 ? " twin agrees with its .proto; " : " twins agree with their .proto; ") + derived
        + " JSON Schema(s) derived from .proto written to " + derivedDirectory);
  }
}
