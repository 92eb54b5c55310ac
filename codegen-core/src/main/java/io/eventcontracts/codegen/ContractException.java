package io.eventcontracts.codegen;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once per run with every contract error found, so authors fix them all in one go. */
public class ContractException extends RuntimeException {

  private final List<ContractError> errors;

  public ContractException(List<ContractError> errors) {
    super(render(errors));
    this.errors = List.copyOf(errors);
  }

  public List<ContractError> errors() {
    return errors;
  }

  private static String render(List<ContractError> errors) {
    return errors.size() + (errors.size() == 1 ? " contract error" : " contract errors") + ":\n"
        + errors.stream().map(ContractError::format).collect(Collectors.joining("\n"));
  }
}
