package io.eventcontracts.codegen.model;

import java.util.Objects;

/**
 * A map from string keys to values: JSON Schema {@code "type": "object"} without properties whose
 * {@code additionalProperties} is a schema; proto3 {@code map<string, V>}.
 */
public record MapType(DataType value) implements DataType {

  public MapType {
    Objects.requireNonNull(value, "value");
  }
}
