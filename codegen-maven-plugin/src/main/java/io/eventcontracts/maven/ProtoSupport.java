package io.eventcontracts.maven;

import io.eventcontracts.codegen.proto.ProtobufContractLoader;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/** Builds the Protobuf part of a request from the plugin parameters shared by the goals. */
final class ProtoSupport {

  private ProtoSupport() {}

  /**
   * The Protobuf options, or {@code null} when there is no {@code .proto} contract (then protoc is not resolved at
   * all, so JSON-only projects never download it).
   */
  static ProtobufOptions options(File protoDirectory, List<Path> dependencyRoots, File protocExecutable,
      String protocVersion, boolean generateJava, Path workDirectory, RepositorySystem system,
      RepositorySystemSession session, List<RemoteRepository> repositories) throws MojoExecutionException {
    List<Path> protoRoots = new ArrayList<>();
    if (protoDirectory != null && protoDirectory.isDirectory()) {
      protoRoots.add(protoDirectory.toPath());
    }
    protoRoots.addAll(dependencyRoots);
    if (ProtobufContractLoader.protoFiles(protoRoots).isEmpty()) {
      return null;
    }
    Path protoc;
    if (protocExecutable != null) {
      if (!protocExecutable.isFile()) {
        throw new MojoExecutionException("eventcontracts: <protocExecutable>" + protocExecutable
            + "</protocExecutable> does not exist; point it at a protoc binary or remove it to use Maven Central's");
      }
      protoc = protocExecutable.toPath();
    } else {
      String version = protocVersion == null || protocVersion.isBlank() ? ProtocResolver.defaultVersion()
          : protocVersion;
      protoc = ProtocResolver.resolve(system, session, repositories, version);
    }
    return new ProtobufOptions(protoRoots, protoc, workDirectory.resolve("protoc"), generateJava);
  }
}
