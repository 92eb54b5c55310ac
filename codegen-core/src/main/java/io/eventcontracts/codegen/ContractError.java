package io.eventcontracts.codegen;

import java.nio.file.Path;

/**
 * One problem in a contract, located and actionable.
 *
 * @param file the contract file (as given, relative paths stay relative)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, naming the contract element ("property \"price\": ...")
 * @param hint what the author should do about it
 */
public record ContractError(Path file, int line, String message, String hint) {

  /** {@code schemas/ticket-created.json:14: property "price": ...; use one of ...}. */
  public String format() {
    String where = file == null ? "<no file>" : file.toString().replace('\\', '/');
    if (line > 0) {
      where += ":" + line;
    }
    return where + ": " + message + (hint == null || hint.isBlank() ? "" : "; " + hint);
  }

  @Override
  public String toString() {
    return format();
  }
}
