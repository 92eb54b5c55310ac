package io.eventcontracts.codegen.model;

import java.util.Objects;

/**
 * A map from string keys to values: proto3 {@code map<string, V>}. The JSON Schema loader never builds one
 * ({@code additionalProperties} given as a schema is refused), but the model has it so proto contracts load without
 * changes.
 */
public record MapType(DataType value) implements DataType {

  public MapType {
    Objects.requireNonNull(value, "value");
  }
}
