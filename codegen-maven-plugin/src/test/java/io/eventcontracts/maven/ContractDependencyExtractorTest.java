package io.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractDependencyExtractorTest {

  @TempDir Path tmp;

  @Test
  void extractsOnlyContractsFromAJar() throws IOException {
    Path jar = jar(Map.of(
        "META-INF/eventcontracts/contracts/a.json", "{\"a\":1}",
        "META-INF/eventcontracts/contracts/sub/b.json", "{\"b\":1}",
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0",
        "com/example/Other.class", "x"));
    Path target = tmp.resolve("out");

    assertThat(ContractDependencyExtractor.extract(jar, target)).isEqualTo(2);

    assertThat(target.resolve("a.json")).hasContent("{\"a\":1}");
    assertThat(target.resolve("sub/b.json")).hasContent("{\"b\":1}");
    assertThat(target.resolve("MANIFEST.MF")).doesNotExist();
  }

  @Test
  void extractsFromAReactorClassesDirectory() throws IOException {
    Path classes = tmp.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/eventcontracts/contracts"));
    Files.writeString(classes.resolve("META-INF/eventcontracts/contracts/a.json"), "{}");

    ContractDependencyExtractor.extract(classes, tmp.resolve("out"));

    assertThat(tmp.resolve("out/a.json")).hasContent("{}");
  }

  @Test
  void leavesUnchangedFilesAloneAndRemovesStaleOnes() throws IOException {
    Path target = tmp.resolve("out");
    ContractDependencyExtractor.extract(jar(Map.of(
        "META-INF/eventcontracts/contracts/a.json", "{}",
        "META-INF/eventcontracts/contracts/gone.json", "{}")), target);
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(target.resolve("a.json"), old);

    ContractDependencyExtractor.extract(jar(Map.of("META-INF/eventcontracts/contracts/a.json", "{}")), target);

    assertThat(Files.getLastModifiedTime(target.resolve("a.json"))).isEqualTo(old);
    assertThat(target.resolve("gone.json")).doesNotExist();
  }

  @Test
  void refusesAnArtifactWithoutContracts() throws IOException {
    Path jar = jar(Map.of("com/example/Other.class", "x"));

    assertThatThrownBy(() -> ContractDependencyExtractor.extract(jar, tmp.resolve("out")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("carries no contracts under META-INF/eventcontracts/contracts/");
  }

  @Test
  void refusesEntriesThatEscapeTheTarget() throws IOException {
    Path jar = jar(Map.of("META-INF/eventcontracts/contracts/../../../evil.json", "{}"));

    assertThatThrownBy(() -> ContractDependencyExtractor.extract(jar, tmp.resolve("out")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("escapes");
    assertThat(tmp.resolve("evil.json")).doesNotExist();
  }

  private Path jar(Map<String, String> entries) throws IOException {
    Path jar = Files.createTempFile(tmp, "dep", ".jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
