package io.eventcontracts.codegen.model;

import java.util.Objects;

/**
 * A use of a named type defined elsewhere: another contract's root, or one of its {@link Contract#definitions()}.
 * Resolve with {@link ContractSet#resolve(TypeRef)}.
 *
 * @param contractId the {@link Contract#id()} of the contract that defines the type
 * @param definition {@code ""} for the contract's root type, else the key in {@link Contract#definitions()} (a JSON
 *     pointer such as {@code "/$defs/Money"}, or a proto message's fully qualified name)
 */
public record TypeRef(String contractId, String definition) implements DataType {

  public TypeRef {
    Objects.requireNonNull(contractId, "contractId");
    definition = definition == null ? "" : definition;
  }

  public boolean isRoot() {
    return definition.isEmpty();
  }
}
