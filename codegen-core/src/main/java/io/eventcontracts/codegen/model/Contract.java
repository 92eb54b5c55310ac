package io.eventcontracts.codegen.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One contract file: an event on a subject, or a shared type.
 *
 * @param name the contract's name, PascalCase ({@code TicketCreated}); JSON Schema {@code title}, proto message name
 * @param kind event or type
 * @param subject the NATS subject for events ({@code ticket:created}), {@code null} for types
 * @param version the contract version ({@code x-version}), at least 1
 * @param id the contract's unique id ({@code $id}); also what {@link TypeRef}s name
 * @param description documentation, may be {@code null}
 * @param format the source language
 * @param source the file (line of the root element)
 * @param bundlePath the file's path relative to its contract root, {@code /}-separated ({@code ticket-created.json});
 *     where the file is bundled below {@code META-INF/eventcontracts/schemas/}
 * @param rootType the contract's root type; an {@link ObjectType} for events
 * @param definitions further named types of the file that may be referenced ({@code $defs}; other messages of a
 *     proto file), keyed by {@link TypeRef#definition()}, sorted
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param document the parsed source document (see {@link ContractDocument})
 */
public record Contract(
    String name,
    ContractKind kind,
    String subject,
    int version,
    String id,
    String description,
    ContractFormat format,
    SourceLocation source,
    String bundlePath,
    DataType rootType,
    Map<String, DataType> definitions,
    String sha256,
    ContractDocument document) {

  public Contract {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(bundlePath, "bundlePath");
    Objects.requireNonNull(rootType, "rootType");
    definitions = java.util.Collections.unmodifiableMap(new TreeMap<>(definitions));
    if (kind == ContractKind.EVENT && subject == null) {
      throw new IllegalArgumentException("event contract " + name + " has no subject");
    }
  }

  public boolean isEvent() {
    return kind == ContractKind.EVENT;
  }
}
