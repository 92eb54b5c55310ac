package io.eventcontracts.maven;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What every goal that reads contracts shares (the project, the contract directories of both formats, the default
 * draft, how contract errors are reported), so that {@code generate}, {@code generate-typescript}, {@code docs} and
 * {@code check-consistency} load the same model from the same files and report errors alike.
 */
abstract class ContractsMojo extends AbstractMojo {

  /** The project being built; read only. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * Directory holding the project's own JSON Schema contract files ({@code *.json}). Subdirectories are scanned too;
   * a file's path relative to this directory is its path in the bundled resources. A missing directory is fine when
   * all contracts come from dependencies or {@code .proto} files.
   *
   * <pre>{@code
   * <schemaDirectory>${project.basedir}/../schemas/json</schemaDirectory>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.schemaDirectory", defaultValue = "${project.basedir}/src/main/contracts")
  File schemaDirectory;

  /**
   * The JSON Schema draft of contract files without {@code $schema}: {@code draft-04}, {@code draft-06},
   * {@code draft-07}, {@code 2019-09} or {@code 2020-12}. Files with {@code $schema} always use their own. The
   * bundle index records the draft of every contract and the runtime validates with it.
   *
   * <pre>{@code
   * <defaultDraft>draft-07</defaultDraft>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.defaultDraft", defaultValue = "2020-12")
  String defaultDraft;

  /**
   * Directory holding {@code .proto} contracts (proto3). A message with an {@code (eventcontracts.subject)} option
   * (from {@code eventcontracts/options.proto}, always importable) is an event: it loads into the same contract model
   * as a JSON Schema contract. When a JSON Schema contract has the same subject, the two are twins and must agree
   * under the proto3 JSON mapping (docs/protobuf.md). A missing directory means no proto contracts; {@code .proto}
   * files in {@code contractDependencies} are read too.
   *
   * <pre>{@code
   * <protoDirectory>${project.basedir}/../schemas/proto</protoDirectory>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.protoDirectory", defaultValue = "${project.basedir}/src/main/proto")
  File protoDirectory;

  /**
   * The version of the {@code com.google.protobuf:protoc} artifact taken from Maven Central; by default the
   * protobuf-java version the plugin is built with, so generated classes match the runtime. Resolved like any
   * artifact (local repository first), so builds work offline after the first one.
   *
   * <pre>{@code
   * <protocVersion>4.36.2</protocVersion>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.protocVersion")
  String protocVersion;

  /**
   * A local protoc to use instead of the Maven Central artifact (e.g. on a platform without one).
   *
   * <pre>{@code
   * <protocExecutable>/usr/bin/protoc</protocExecutable>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.protocExecutable")
  File protocExecutable;

  /**
   * Project dependencies, as {@code groupId:artifactId}, whose jars (or, inside a reactor build, whose
   * {@code target/classes} directories) carry contracts under {@code META-INF/eventcontracts/contracts/}. Each is
   * extracted to {@code ${project.build.directory}/eventcontracts/dependencies/<artifactId>/} and read as an extra
   * contract root (JSON Schema and {@code .proto}), so {@code $ref}s and imports into it resolve; {@code generate}
   * generates its events too, {@code docs} lists them, {@code check} reads them on both sides (they are not compared,
   * only resolved). Each entry must be a dependency of this project (any scope that is on the compile class path).
   * Read by {@code generate}, {@code generate-typescript}, {@code docs} and {@code check}.
   *
   * <pre>{@code
   * <contractDependencies>
   *   <contractDependency>io.eventcontracts:eventcontracts-schemas</contractDependency>
   * </contractDependencies>
   * }</pre>
   */
  @Parameter
  List<String> contractDependencies = new ArrayList<>();

  @Component
  RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
  List<RemoteRepository> remoteRepositories;

  /** {@link #defaultDraft} as a dialect. */
  final Dialect dialect() throws MojoFailureException {
    return Dialect.ofShortName(defaultDraft).orElseThrow(() -> new MojoFailureException(
        "eventcontracts: <defaultDraft>" + defaultDraft + "</defaultDraft> is not a JSON Schema draft; use one of "
            + "draft-04, draft-06, draft-07, 2019-09, 2020-12"));
  }

  /** Logs every contract error, relative to the project, and returns the failure that lists them all. */
  final MojoFailureException contractFailure(ContractException e) {
    Path basedir = project.getBasedir().toPath();
    List<String> lines = e.errors().stream().map(error -> relativeTo(basedir, error).format()).toList();
    lines.forEach(getLog()::error);
    return new MojoFailureException(lines.size() + (lines.size() == 1 ? " contract error" : " contract errors")
        + " (fix the contracts listed, then build again):\n" + String.join("\n", lines));
  }

  /**
   * Error locations read better relative to the project: {@code src/main/contracts/x.json:3: ...}, also where a
   * message or hint names another contract file.
   */
  static ContractError relativeTo(Path basedir, ContractError error) {
    String prefix = basedir.toString() + File.separator;
    Path file = error.file();
    if (file != null && file.isAbsolute() && file.startsWith(basedir)) {
      file = basedir.relativize(file);
    }
    return new ContractError(
        file,
        error.line(),
        error.message() == null ? null : error.message().replace(prefix, ""),
        error.hint() == null ? null : error.hint().replace(prefix, ""));
  }

  /**
   * The Protobuf part of the request, or {@code null} when there is no {@code .proto} contract (protoc is then not
   * resolved at all).
   */
  final ProtobufOptions protobufOptions(List<Path> dependencyRoots, boolean generateJava, Path workDirectory)
      throws MojoExecutionException {
    return ProtoSupport.options(protoDirectory, dependencyRoots, protocExecutable, protocVersion, generateJava,
        workDirectory, repositorySystem, repositorySession, remoteRepositories);
  }

  /**
   * Where a goal's contracts are: the JSON Schema roots ({@link #schemaDirectory} when it exists, then every
   * extracted {@link #contractDependencies contract dependency}) and the Protobuf part ({@link #protoDirectory} and
   * the dependencies' {@code .proto} files, with protoc).
   *
   * @param roots the JSON Schema contract roots
   * @param dependencyRoots the extracted contract dependencies (also in {@code roots})
   * @param protobuf the Protobuf part, {@code null} when there is no {@code .proto} contract
   */
  record ContractRoots(List<Path> roots, List<Path> dependencyRoots, ProtobufOptions protobuf) {}

  /**
   * Gathers the contract roots every goal that reads contracts shares, and fails when there are none.
   *
   * @param generateJava true when protoc must also write protobuf-java sources
   * @param skipProperty the property that skips the calling goal, named in the "no contracts" failure
   */
  final ContractRoots contractRoots(boolean generateJava, String skipProperty)
      throws MojoExecutionException, MojoFailureException {
    Path workDirectory = Path.of(project.getBuild().getDirectory()).resolve("eventcontracts");
    List<Path> roots = new ArrayList<>();
    // A project may take all of its contracts from dependencies and have no contract directory of its own.
    if (schemaDirectory.isDirectory()) {
      roots.add(schemaDirectory.toPath());
    }
    List<Path> dependencyRoots =
        ContractDependencies.extract(project, contractDependencies, workDirectory.resolve("dependencies"));
    roots.addAll(dependencyRoots);
    ProtobufOptions protobuf = protobufOptions(dependencyRoots, generateJava, workDirectory);
    if (roots.isEmpty() && protobuf == null) {
      throw new MojoFailureException("eventcontracts: no contracts: schemaDirectory " + schemaDirectory
          + " does not exist and no <contractDependencies> are configured; put contract files there, point"
          + " <schemaDirectory> at them, or set -D" + skipProperty + "=true");
    }
    return new ContractRoots(List.copyOf(roots), List.copyOf(dependencyRoots), protobuf);
  }
}
