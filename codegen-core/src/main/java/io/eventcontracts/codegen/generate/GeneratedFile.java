package io.eventcontracts.codegen.generate;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One output of a generator, not yet written: writing is a separate step ({@code Codegen}), so generators stay pure
 * and tests can compare contents without touching the disk.
 *
 * @param target which output directory the file belongs to
 * @param relativePath {@code /}-separated path below that directory, e.g.
 *     {@code io/eventcontracts/ticketing/TicketCreatedEvent.java}
 * @param content the exact bytes to write
 */
public record GeneratedFile(Target target, String relativePath, byte[] content) {

  /** Output directory kinds. */
  public enum Target {
    JAVA_SOURCE,
    RESOURCE
  }

  public GeneratedFile {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(content, "content");
  }

  public static GeneratedFile javaSource(String packageName, String simpleName, String source) {
    String path = packageName.isEmpty() ? simpleName + ".java"
        : packageName.replace('.', '/') + "/" + simpleName + ".java";
    return new GeneratedFile(Target.JAVA_SOURCE, path, source.getBytes(StandardCharsets.UTF_8));
  }

  public String contentAsString() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
