package io.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding {@code <contractDependency>} coordinates among the project's artifacts, with the message for each mistake. */
class ContractDependenciesTest {

  @TempDir Path tmp;

  @Test
  void eachDependencyIsExtractedToItsOwnDirectoryInTheOrderGiven() throws Exception {
    MavenProject project = project(artifact("com.example", "b-contracts", classes("b")),
        artifact("com.example", "a-contracts", classes("a")), artifact("com.example", "other", null));

    List<Path> roots = ContractDependencies.extract(project,
        List.of(" com.example:b-contracts ", "com.example:a-contracts"), tmp.resolve("out"));

    assertThat(roots).containsExactly(tmp.resolve("out/b-contracts"), tmp.resolve("out/a-contracts"));
    assertThat(tmp.resolve("out/b-contracts/b.json")).hasContent("{}");
    assertThat(tmp.resolve("out/a-contracts/a.json")).hasContent("{}");
  }

  @Test
  void noCoordinatesNoRoots() throws Exception {
    assertThat(ContractDependencies.extract(project(), List.of(), tmp)).isEmpty();
  }

  @Test
  void coordinatesThatAreNotGroupAndArtifactId() {
    for (String coordinates : List.of("eventcontracts-schemas", "a:b:c", ":b", "a: ", "a:b:")) {
      assertThatThrownBy(() -> ContractDependencies.extract(project(), List.of(coordinates), tmp))
          .isInstanceOf(MojoExecutionException.class)
          .hasMessage("eventcontracts: contractDependency \"" + coordinates.trim() + "\" is not groupId:artifactId, "
              + "e.g. <contractDependency>io.eventcontracts:eventcontracts-schemas</contractDependency>");
    }
  }

  @Test
  void aDependencyThatIsNotOnTheClassPathListsTheOnesThatAre() {
    MavenProject project = project(artifact("org.b", "y", null), artifact("org.a", "x", null),
        artifact("org.b", "y", null));

    assertThatThrownBy(() -> ContractDependencies.extract(project, List.of("org.a:y"), tmp))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("eventcontracts: contractDependency org.a:y is not a dependency of com.example:consumer; add it "
            + "to <dependencies> (scope compile or provided) or fix the coordinates. Dependencies on the compile "
            + "class path: org.a:x, org.b:y");
    assertThatThrownBy(() -> ContractDependencies.extract(project(), List.of("org.a:y"), tmp))
        .hasMessageEndingWith("Dependencies on the compile class path: (none)");
  }

  @Test
  void anUnresolvedDependency() {
    MavenProject project = project(artifact("org.a", "x", null));

    assertThatThrownBy(() -> ContractDependencies.extract(project, List.of("org.a:x"), tmp))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("eventcontracts: contractDependency org.a:x was not resolved to a file; build it first "
            + "(mvn install)");
  }

  @Test
  void aDependencyWithoutContractsNamesItsFileAndWhatIsMissing() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    MavenProject project = project(artifact("org.a", "x", empty.toFile()));

    assertThatThrownBy(() -> ContractDependencies.extract(project, List.of("org.a:x"), tmp.resolve("out")))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("eventcontracts: cannot use contractDependency org.a:x (" + empty + "): it carries no contracts "
            + "under META-INF/eventcontracts/contracts/ (is it a contracts artifact such as eventcontracts-schemas?)")
        .hasCauseInstanceOf(IOException.class);
  }

  private java.io.File classes(String name) throws IOException {
    Path classes = Files.createDirectories(tmp.resolve(name + "-classes/META-INF/eventcontracts/contracts"));
    Files.writeString(classes.resolve(name + ".json"), "{}");
    return tmp.resolve(name + "-classes").toFile();
  }

  private static Artifact artifact(String groupId, String artifactId, java.io.File file) {
    DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "1.0", "compile", "jar", null,
        new DefaultArtifactHandler("jar"));
    artifact.setFile(file);
    return artifact;
  }

  private static MavenProject project(Artifact... artifacts) {
    Model model = new Model();
    model.setGroupId("com.example");
    model.setArtifactId("consumer");
    MavenProject project = new MavenProject(model);
    Set<Artifact> set = new LinkedHashSet<>(List.of(artifacts));
    project.setArtifacts(set);
    return project;
  }
}
