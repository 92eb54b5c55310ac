package io.eventcontracts.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Finds the protoc executable: the {@code com.google.protobuf:protoc:<version>:exe:<os>-<arch>} artifact from the
 * project's repositories (Maven Central), through Maven's own resolver, so it lands in the local repository and later
 * builds work offline. No manual install.
 */
final class ProtocResolver {

  private ProtocResolver() {}

  /**
   * The protobuf-java version on the plugin's class path ({@code 4.36.2}): protoc of the same version writes code
   * that this runtime accepts, so the two never drift apart.
   */
  static String defaultVersion() {
    return com.google.protobuf.RuntimeVersion.MAJOR + "." + com.google.protobuf.RuntimeVersion.MINOR + "."
        + com.google.protobuf.RuntimeVersion.PATCH;
  }

  /** The protoc classifier of this machine, e.g. {@code linux-x86_64}, {@code osx-aarch_64}. */
  static String classifier() throws MojoExecutionException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("windows") ? "windows"
        : null;
    String archPart = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      case "ppc64le" -> "ppcle_64";
      case "s390x" -> "s390_64";
      default -> null;
    };
    if (osPart == null || archPart == null) {
      throw new MojoExecutionException("eventcontracts: no protoc artifact for " + os + "/" + arch
          + "; install protoc and set <protocExecutable>");
    }
    return osPart + "-" + archPart;
  }

  static Path resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
      String version) throws MojoExecutionException {
    DefaultArtifact artifact = new DefaultArtifact("com.google.protobuf", "protoc", classifier(), "exe", version);
    try {
      Path file = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
          .getArtifact().getFile().toPath();
      if (!Files.isRegularFile(file)) {
        throw new MojoExecutionException("eventcontracts: protoc artifact " + artifact + " resolved to " + file
            + ", which is not a file");
      }
      return file;
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("eventcontracts: cannot resolve protoc " + artifact + " from "
          + repositories.stream().map(RemoteRepository::getUrl).toList() + ": " + e.getMessage()
          + "; build once online (Maven Central), or set <protocExecutable> to a local protoc", e);
    }
  }
}
