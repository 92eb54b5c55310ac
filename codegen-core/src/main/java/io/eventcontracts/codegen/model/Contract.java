package io.eventcontracts.codegen.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One contract file: an event on a subject, or a shared type.
 *
 * @param name the contract's name, PascalCase ({@code TicketCreated}); JSON Schema {@code title}, proto message name
 * @param kind event or type
 * @param subject the NATS subject for events ({@code ticket:created}; {@code x-subject} or the mapping file),
 *     {@code null} for types
 * @param version the contract version ({@code x-version} or the mapping file), at least 1
 * @param id the contract's unique id: its {@code $id} resolved against its bundle location, or (without
 *     {@code $id}) the bundle location itself, {@value #BUNDLE_BASE}{@code <bundlePath>}; also what
 *     {@link TypeRef}s name and what the run-time registry keys contracts by
 * @param description documentation, may be {@code null}
 * @param format the source language
 * @param dialect the JSON Schema draft ({@code $schema}, else the configured default); {@code null} for other formats
 * @param source the file (line of the root element)
 * @param bundlePath the file's path relative to its contract root, {@code /}-separated ({@code ticket-created.json});
 *     where the file is bundled below {@code META-INF/eventcontracts/schemas/}
 * @param rootType the contract's root type; an {@link ObjectType} for events
 * @param definitions further named types of the file that may be referenced ({@code $defs}; other messages of a
 *     proto file), keyed by {@link TypeRef#definition()}, sorted
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param document the parsed source document (see {@link ContractDocument})
 * @param services which services publish and consume the event, when declared; {@link ServiceDeclaration#NONE}
 *     otherwise (and always for types)
 */
public record Contract(
    String name,
    ContractKind kind,
    String subject,
    int version,
    String id,
    String description,
    ContractFormat format,
    Dialect dialect,
    SourceLocation source,
    String bundlePath,
    DataType rootType,
    Map<String, DataType> definitions,
    String sha256,
    ContractDocument document,
    ServiceDeclaration services) {

  /**
   * Where contracts without an absolute {@code $id} live: a hierarchical URI (so relative {@code $ref}s and
   * {@code $id}s resolve against it) under the reserved {@code .invalid} domain (so nothing can ever fetch it).
   */
  public static final String BUNDLE_BASE = "https://bundle.eventcontracts.invalid/";

  /** A contract without a service declaration. */
  public Contract(String name, ContractKind kind, String subject, int version, String id, String description,
      ContractFormat format, Dialect dialect, SourceLocation source, String bundlePath, DataType rootType,
      Map<String, DataType> definitions, String sha256, ContractDocument document) {
    this(name, kind, subject, version, id, description, format, dialect, source, bundlePath, rootType, definitions,
        sha256, document, ServiceDeclaration.NONE);
  }

  public Contract {
    services = services == null ? ServiceDeclaration.NONE : services;
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
