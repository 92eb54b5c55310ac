package io.eventcontracts.maven;

import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The parameters every goal that reads contracts shares for {@code .proto} contracts, so that {@code generate},
 * {@code generate-typescript}, {@code docs} and {@code check-consistency} load the same model from the same files.
 */
abstract class ProtoContractsMojo extends AbstractMojo {

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

  @Component
  RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
  List<RemoteRepository> remoteRepositories;

  /**
   * The Protobuf part of the request, or {@code null} when there is no {@code .proto} contract (protoc is then not
   * resolved at all).
   */
  final ProtobufOptions protobufOptions(List<Path> dependencyRoots, boolean generateJava, Path workDirectory)
      throws MojoExecutionException {
    return ProtoSupport.options(protoDirectory, dependencyRoots, protocExecutable, protocVersion, generateJava,
        workDirectory, repositorySystem, repositorySession, remoteRepositories);
  }
}
