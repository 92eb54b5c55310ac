package io.eventcontracts.codegen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record-like type with named fields: a JSON Schema {@code "type": "object"}, a proto3 {@code message}.
 *
 * @param name type name; for nested types already qualified by their owner ({@code OrderCreatedTicket}), for a
 *     contract's root the contract name ({@code OrderCreated})
 * @param fields fields in declaration order
 * @param closed true when unknown fields are not allowed ({@code "additionalProperties": false}); proto messages
 *     are open (unknown fields are kept), so {@code false}
 * @param description documentation, may be {@code null}
 * @param location where it is defined
 */
public record ObjectType(
    String name, List<Field> fields, boolean closed, String description, SourceLocation location)
    implements DataType {

  public ObjectType {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
  }

  /** The field with this wire name, if declared. */
  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
