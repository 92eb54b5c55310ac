package io.eventcontracts.codegen.model;

import java.util.Objects;

/**
 * One property of an {@link ObjectType}.
 *
 * <p>A property is in one of three states on the wire: absent, explicit {@code null} (only when {@link #nullable()}),
 * or a value. Targets must keep the three apart where the contract does: a required nullable property is always
 * written (as {@code null} when it has no value), an optional nullable one remembers whether it was absent or
 * {@code null}.
 *
 * @param name the name on the wire, exactly as written in the contract (may be {@code class}, {@code +1} or
 *     {@code -1}; generators choose legal, distinct target names and keep this one for serialization)
 * @param type the field's type
 * @param required true when the field must be present (JSON Schema {@code "required"}; proto3 fields never are)
 * @param nullable true when an explicit {@code null} is allowed ({@code "type": [X, "null"]}, {@code enum}
 *     containing {@code null}, {@code oneOf}/{@code anyOf} with a {@code null} branch; proto3 {@code optional})
 * @param description documentation, may be {@code null}; for a {@code $ref} the referring property's own
 *     description wins over the target's
 * @param constraints validation keywords, for documentation
 * @param location where the field is declared
 */
public record Field(
    String name, DataType type, boolean required, boolean nullable, String description, Constraints constraints,
    SourceLocation location) {

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    constraints = constraints == null ? Constraints.NONE : constraints;
  }

  /** A field without constraints. */
  public Field(String name, DataType type, boolean required, boolean nullable, String description,
      SourceLocation location) {
    this(name, type, required, nullable, description, Constraints.NONE, location);
  }
}
