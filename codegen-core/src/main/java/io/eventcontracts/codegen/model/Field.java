package io.eventcontracts.codegen.model;

import java.util.Objects;

/**
 * One field of an {@link ObjectType}.
 *
 * @param name the name on the wire, exactly as written in the contract (may be a Java keyword such as {@code class};
 *     generators choose a legal Java name and keep this one for serialization)
 * @param type the field's type
 * @param required true when the field must be present (JSON Schema {@code "required"}; proto3 fields are never
 *     required, so always false there)
 * @param nullable true when an explicit {@code null} is allowed ({@code "type": ["string", "null"]}; proto3
 *     {@code optional})
 * @param description documentation, may be {@code null}
 * @param location where the field is declared
 */
public record Field(
    String name, DataType type, boolean required, boolean nullable, String description, SourceLocation location) {

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
