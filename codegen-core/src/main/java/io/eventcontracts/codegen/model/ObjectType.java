package io.eventcontracts.codegen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record-like type with named fields: a JSON Schema object (after {@code allOf} merging), a proto3 message.
 *
 * @param name preferred type name ({@code title}, {@code $defs} key, file name or property path, PascalCase); the
 *     naming pass makes it unique per target
 * @param fields fields in declaration order
 * @param additionalProperties what is allowed beside the fields (open, closed, or typed)
 * @param description documentation, may be {@code null}
 * @param location where it is defined
 */
public record ObjectType(
    String name, List<Field> fields, AdditionalProperties additionalProperties, String description,
    SourceLocation location) implements DataType {

  public ObjectType {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
    additionalProperties = additionalProperties == null ? AdditionalProperties.OPEN : additionalProperties;
  }

  /** True when no property beside the fields is allowed. */
  public boolean closed() {
    return additionalProperties.kind() == AdditionalProperties.Kind.CLOSED;
  }

  /** The field with this wire name, if declared. */
  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
