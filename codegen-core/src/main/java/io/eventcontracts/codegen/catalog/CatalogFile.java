package io.eventcontracts.codegen.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of the catalog, in memory.
 *
 * @param relativePath path below the catalog directory, {@code /}-separated ({@code contracts/ticket-created.html})
 * @param content the bytes
 */
public record CatalogFile(String relativePath, byte[] content) {

  public CatalogFile {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(content, "content");
  }

  static CatalogFile text(String relativePath, String text) {
    return new CatalogFile(relativePath, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The content as UTF-8 text. */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
