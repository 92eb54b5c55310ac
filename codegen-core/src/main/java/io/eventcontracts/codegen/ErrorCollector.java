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
      List<ContractError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparing((ContractError e) -> e.file() == null ? "" : e.file().toString())
          .thenComparingInt(ContractError::line));
      throw new ContractException(sorted);
    }
  }
}
