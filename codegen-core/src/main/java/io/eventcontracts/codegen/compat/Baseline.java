package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.ContractSet;
import java.util.Objects;

/**
 * One earlier state of the contracts to compare with.
 *
 * @param label how reports name it ({@code git HEAD (1a2b3c4)}, {@code io.eventcontracts:eventcontracts-schemas:1.0.0},
 *     {@code directory ../released})
 * @param contracts the baseline's contracts, loaded into the model
 */
public record Baseline(String label, ContractSet contracts) {

  public Baseline {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(contracts, "contracts");
  }
}
