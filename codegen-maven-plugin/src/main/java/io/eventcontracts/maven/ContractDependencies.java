package io.eventcontracts.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** Finds the {@code contractDependencies} among the project's resolved artifacts and extracts their contracts. */
final class ContractDependencies {

  private ContractDependencies() {}

  /**
   * Extracts each dependency's contracts to {@code directory/<artifactId>/}.
   *
   * @return the extracted directories, in the order given, to be used as extra contract roots
   */
  static List<Path> extract(MavenProject project, List<String> coordinatesList, Path directory)
      throws MojoExecutionException {
    List<Path> roots = new ArrayList<>();
    for (String coordinates : coordinatesList) {
      Artifact artifact = find(project, coordinates.trim());
      Path target = directory.resolve(artifact.getArtifactId());
      try {
        ContractDependencyExtractor.extract(artifact.getFile().toPath(), target);
      } catch (IOException e) {
        throw new MojoExecutionException("eventcontracts: cannot use contractDependency " + coordinates.trim()
            + " (" + artifact.getFile() + "): " + e.getMessage(), e);
      }
      roots.add(target);
    }
    return roots;
  }

  private static Artifact find(MavenProject project, String coordinates) throws MojoExecutionException {
    String[] parts = coordinates.split(":", -1); // -1: "a:b:" is three parts, not a:b
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new MojoExecutionException("eventcontracts: contractDependency \"" + coordinates
          + "\" is not groupId:artifactId, e.g. <contractDependency>io.eventcontracts:eventcontracts-schemas"
          + "</contractDependency>");
    }
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getGroupId().equals(parts[0]) && artifact.getArtifactId().equals(parts[1])) {
        if (artifact.getFile() == null) {
          throw new MojoExecutionException("eventcontracts: contractDependency " + coordinates
              + " was not resolved to a file; build it first (mvn install)");
        }
        return artifact;
      }
    }
    String onClasspath = project.getArtifacts().stream()
        .map(a -> a.getGroupId() + ":" + a.getArtifactId())
        .sorted()
        .distinct()
        .collect(Collectors.joining(", "));
    throw new MojoExecutionException("eventcontracts: contractDependency " + coordinates
        + " is not a dependency of " + project.getGroupId() + ":" + project.getArtifactId()
        + "; add it to <dependencies> (scope compile or provided) or fix the coordinates. Dependencies on the"
        + " compile class path: " + (onClasspath.isEmpty() ? "(none)" : onClasspath));
  }
}
