package io.eventcontracts.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers every contract error of a run so authors see them all at once; {@link #throwIfAny()} fails the run with
 * one {@link ContractException}. Errors are reported sorted by file and line (stable for equal positions), so the
 * output does not depend on the order checks ran in.
 */
public final class ErrorCollector {

  private final List<ContractError> errors = new ArrayList<>();
  private final List<ContractError> lint = new ArrayList<>();

  /**
   * Records a lint finding: something a careful author would fix (a missing description, a keyword the Java type
   * cannot express), but that makes neither generation nor validation wrong. Warnings by default; the
   * {@code strict} option turns them into errors.
   */
  public void lint(Path file, int line, String message, String hint) {
    lint.add(new ContractError(file, line, message, hint));
  }

  /** The lint findings so far, sorted by file and line. */
  public List<ContractError> lintFindings() {
    return sorted(lint);
  }

  static List<ContractError> sorted(List<ContractError> list) {
    List<ContractError> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing((ContractError e) -> e.file() == null ? "" : e.file().toString().replace('\\', '/'))
        .thenComparingInt(ContractError::line));
    return List.copyOf(sorted);
  }

  public void add(Path file, int line, String message, String hint) {
    errors.add(new ContractError(file, line, message, hint));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public int size() {
    return errors.size();
  }

  public List<ContractError> errors() {
    return List.copyOf(errors);
  }

  /** Throws one exception carrying every error collected so far, if there are any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ContractException(sorted(errors));
    }
  }
}
