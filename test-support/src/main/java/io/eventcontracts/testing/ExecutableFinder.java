package io.eventcontracts.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds an executable on the PATH, as a shell would. */
final class ExecutableFinder {

  private ExecutableFinder() {}

  static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
