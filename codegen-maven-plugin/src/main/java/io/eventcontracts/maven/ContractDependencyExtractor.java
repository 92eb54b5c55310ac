package io.eventcontracts.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies the contracts a dependency carries under {@value #CONTRACTS} into a plain directory that codegen reads as
 * one more contract root.
 *
 * <p>Files are rewritten only when their bytes differ and stale files are removed, so an unchanged dependency
 * leaves the directory untouched and an incremental build stays a no-op.
 */
final class ContractDependencyExtractor {

  /** Where a contracts artifact (eventcontracts-schemas) puts its files. */
  static final String CONTRACTS = "META-INF/eventcontracts/contracts/";

  private ContractDependencyExtractor() {}

  /**
   * Extracts the contracts of {@code artifact} (a jar, or a reactor module's {@code target/classes} directory).
   *
   * @return number of contract files found
   * @throws IOException when the artifact cannot be read, the target cannot be written, or the artifact carries
   *     no contracts
   */
  static int extract(Path artifact, Path targetDirectory) throws IOException {
    Path target = targetDirectory.toAbsolutePath().normalize();
    Set<Path> wanted = new HashSet<>();
    if (Files.isDirectory(artifact)) {
      Path source = artifact.resolve(CONTRACTS);
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.walk(source)) {
          for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
            Path relative = target.resolve(source.relativize(file).toString());
            writeIfChanged(relative, Files.readAllBytes(file));
            wanted.add(relative);
          }
        }
      }
    } else {
      try (ZipFile zip = new ZipFile(artifact.toFile())) {
        for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
          if (entry.isDirectory() || !entry.getName().startsWith(CONTRACTS)) {
            continue;
          }
          Path destination = target.resolve(entry.getName().substring(CONTRACTS.length())).normalize();
          if (!destination.startsWith(target)) {
            throw new IOException("entry " + entry.getName() + " escapes " + CONTRACTS);
          }
          try (InputStream in = zip.getInputStream(entry)) {
            writeIfChanged(destination, in.readAllBytes());
          }
          wanted.add(destination);
        }
      }
    }
    if (wanted.isEmpty()) {
      throw new IOException("it carries no contracts under " + CONTRACTS
          + " (is it a contracts artifact such as eventcontracts-schemas?)");
    }
    deleteStale(target, wanted);
    return wanted.size();
  }

  private static void writeIfChanged(Path destination, byte[] bytes) throws IOException {
    if (Files.isRegularFile(destination) && Arrays.equals(Files.readAllBytes(destination), bytes)) {
      return;
    }
    Files.createDirectories(destination.getParent());
    Files.write(destination, bytes);
  }

  private static void deleteStale(Path target, Set<Path> wanted) throws IOException {
    List<Path> stale;
    try (Stream<Path> files = Files.walk(target)) {
      stale = files.filter(Files::isRegularFile).filter(f -> !wanted.contains(f)).collect(Collectors.toList());
    }
    for (Path file : stale) {
      Files.delete(file);
    }
  }
}
