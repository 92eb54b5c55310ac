package io.eventcontracts.codegen.model;

import java.nio.file.Path;

/**
 * Where a contract element is written, for error messages ({@code file:line}) and for generators that need to find
 * the element again in the format-specific source document.
 *
 * @param file the contract file as the loader was given it (relative paths stay relative)
 * @param line 1-based line, 0 when unknown or when the element is the whole file
 * @param pointer format-specific path of the element inside the file: a JSON pointer for JSON Schema
 *     ({@code ""} for the root, {@code "/properties/ticket"}), the fully qualified element name for Protobuf
 *     ({@code "ticketing.OrderCreated.ticket"})
 */
public record SourceLocation(Path file, int line, String pointer) {

  public SourceLocation {
    pointer = pointer == null ? "" : pointer;
  }

  public static SourceLocation of(Path file, int line) {
    return new SourceLocation(file, line, "");
  }

  /** {@code schemas/ticket-created.json:14}. */
  @Override
  public String toString() {
    String where = file == null ? "<no file>" : file.toString().replace('\\', '/');
    return line > 0 ? where + ":" + line : where;
  }
}
