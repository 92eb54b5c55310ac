package io.eventcontracts.codegen.model;

import java.util.Objects;

/**
 * Exactly one allowed value: JSON Schema {@code const}, or an {@code enum} with one value. Used by unions as the
 * discriminator of a branch.
 *
 * @param base the scalar type of the value ({@link PrimitiveType#STRING} for {@code "push"})
 * @param json the value as compact JSON text ({@code "\"push\""}, {@code 3}, {@code true})
 */
public record ConstType(PrimitiveType base, String json) implements DataType {

  public ConstType {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(json, "json");
  }

  /** The string value for a string constant ({@code push}), else {@code null}. */
  public String stringValue() {
    if (base != PrimitiveType.STRING || json.length() < 2) {
      return null;
    }
    return json.substring(1, json.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
