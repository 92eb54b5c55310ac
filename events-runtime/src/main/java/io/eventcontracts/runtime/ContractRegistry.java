package io.eventcontracts.runtime;

import io.eventcontracts.runtime.internal.BundledSchemas;
import io.eventcontracts.runtime.internal.ContractIndexLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The contracts bundled on a class path, ready to validate payloads.
 *
 * <p>Every {@value #INDEX_RESOURCE} visible to a {@link ClassLoader} is read and merged (several jars may each carry
 * one). Each contract's schema is compiled once, when the registry is built, and checked against a trivial document,
 * so a broken or unresolvable {@code $ref} fails here and not at the first message. Schemas are resolved only from
 * the bundle: a {@code $ref} to any URI that is not a bundled contract's {@code $id} fails with
 * {@link EventException.Kind#REMOTE_REF_REFUSED} or {@link EventException.Kind#SCHEMA_NOT_BUNDLED}; nothing is ever
 * fetched over the network or read from the file system.
 *
 * <p>Instances are immutable and thread-safe; build one per application and share it.
 */
public final class ContractRegistry {

  /** Where each jar keeps its contract index. */
  public static final String INDEX_RESOURCE = "META-INF/eventcontracts/index.json";

  /**
   * One bundled contract, as listed in an index.
   *
   * @param id the contract's {@code $id}
   * @param name the contract's title, e.g. {@code TicketCreated}
   * @param kind {@code event} (has a subject) or {@code type} (shared definitions only)
   * @param subject the NATS subject for events, {@code null} for types
   * @param version the contract's {@code x-version}
   * @param resource where the schema was read from (class path resource or a description for registered bytes)
   * @param javaType the generated class for events, may be {@code null}
   */
  public record Contract(
      String id, String name, String kind, String subject, int version, String resource, String javaType) {

    /** Checks that {@code id} and {@code kind} are present. */
    public Contract {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
    }

    /** Whether this contract describes an event on a subject (as opposed to shared type definitions). */
    public boolean isEvent() {
      return subject != null;
    }
  }

  private final Map<String, Contract> byId;
  private final Map<String, Contract> bySubject;
  private final BundledSchemas schemas;

  private ContractRegistry(Map<String, Contract> byId, Map<String, byte[]> schemaBytes,
      Map<String, String> dialects) {
    this.byId = Map.copyOf(byId);
    Map<String, Contract> subjects = new LinkedHashMap<>();
    for (Contract c : byId.values()) {
      if (c.isEvent()) {
        subjects.put(c.subject(), c);
      }
    }
    this.bySubject = Map.copyOf(subjects);
    this.schemas = new BundledSchemas(byId.keySet(), schemaBytes, dialects);
  }

  /** Loads every contract index visible to the thread's context class loader (or this class's loader). */
  public static ContractRegistry fromClasspath() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return of(loader != null ? loader : ContractRegistry.class.getClassLoader());
  }

  /**
   * Loads every {@value #INDEX_RESOURCE} visible to {@code classLoader}.
   *
   * @throws EventException {@code CONTRACT_INVALID} for unreadable or conflicting indexes and schemas,
   *     {@code REMOTE_REF_REFUSED} / {@code SCHEMA_NOT_BUNDLED} for references outside the bundle
   */
  public static ContractRegistry of(ClassLoader classLoader) {
    return builder().classLoader(classLoader).build();
  }

  /** A builder to combine class path indexes with contracts given as bytes (handy in tests). */
  public static Builder builder() {
    return new Builder();
  }

  /** The contract that governs {@code subject}, if one is bundled. */
  public Optional<Contract> forSubject(String subject) {
    return Optional.ofNullable(bySubject.get(subject));
  }

  /** The contract with this {@code $id}, if one is bundled. */
  public Optional<Contract> forId(String contractId) {
    return Optional.ofNullable(byId.get(contractId));
  }

  /** Every bundled contract (events and types). */
  public Collection<Contract> contracts() {
    return byId.values();
  }

  /**
   * Validates a parsed document against a contract.
   *
   * @return every violation, sorted by pointer; empty when the document is valid
   * @throws EventException {@code SCHEMA_NOT_BUNDLED} when the contract is not bundled
   */
  public List<Violation> validate(String contractId, JsonNode document) {
    Contract contract = byId.get(contractId);
    if (contract == null) {
      throw EventException.schemaNotBundled(null, contractId, null);
    }
    return schemas.validate(contractId, document);
  }

  /** The exact bytes of a bundled contract file. */
  public Optional<byte[]> schemaBytes(String contractId) {
    return Optional.ofNullable(schemas.bytes(contractId)).map(byte[]::clone);
  }

  @Override
  public String toString() {
    return "ContractRegistry" + bySubject.keySet();
  }

  /** Collects contracts, then compiles them all at once in {@link #build()}. Not thread-safe. */
  public static final class Builder {

    private final List<ClassLoader> classLoaders = new ArrayList<>();
    private final List<ContractIndexLoader.Entry> extra = new ArrayList<>();

    private Builder() {}

    /** Adds every {@value #INDEX_RESOURCE} visible to {@code classLoader}. */
    public Builder classLoader(ClassLoader classLoader) {
      classLoaders.add(Objects.requireNonNull(classLoader, "classLoader"));
      return this;
    }

    /**
     * Adds an event contract from its bytes.
     *
     * @param id the contract's {@code $id} (must equal the {@code $id} inside {@code schema})
     * @param subject the subject it governs
     * @param version the contract's version
     * @param schema the JSON Schema document (draft 2020-12)
     */
    public Builder contract(String id, String subject, int version, byte[] schema) {
      Objects.requireNonNull(subject, "subject");
      extra.add(new ContractIndexLoader.Entry(
          new Contract(id, null, "event", subject, version, "registered:" + id, null), schema.clone(), "registered"));
      return this;
    }

    /** Adds a shared-definition contract ({@code x-kind: type}, no subject) from its bytes. */
    public Builder type(String id, int version, byte[] schema) {
      extra.add(new ContractIndexLoader.Entry(
          new Contract(id, null, "type", null, version, "registered:" + id, null), schema.clone(), "registered"));
      return this;
    }

    /**
     * Merges, checks and compiles every contract.
     *
     * @throws EventException see {@link ContractRegistry#of(ClassLoader)}
     */
    public ContractRegistry build() {
      List<ContractIndexLoader.Entry> all = new ArrayList<>();
      for (ClassLoader cl : classLoaders) {
        all.addAll(ContractIndexLoader.load(cl));
      }
      all.addAll(extra);
      Map<String, Contract> byId = new LinkedHashMap<>();
      Map<String, byte[]> bytes = new LinkedHashMap<>();
      Map<String, String> origins = new LinkedHashMap<>();
      Map<String, String> subjects = new LinkedHashMap<>();
      Map<String, String> dialects = new LinkedHashMap<>();
      for (ContractIndexLoader.Entry e : all) {
        Contract c = e.contract();
        byte[] previous = bytes.get(c.id());
        if (previous != null) {
          if (java.util.Arrays.equals(previous, e.bytes()) && Objects.equals(byId.get(c.id()), c)) {
            continue; // the same jar twice on the class path
          }
          throw EventException.contractInvalid(c.id(), "defined twice with different content, in "
              + origins.get(c.id()) + " and in " + e.origin() + "; keep one copy of the contract on the class path",
              null);
        }
        if (c.isEvent()) {
          String other = subjects.putIfAbsent(c.subject(), c.id());
          if (other != null) {
            throw EventException.contractInvalid(c.id(), "subject '" + c.subject() + "' is already governed by "
                + other + " (" + origins.get(other) + "); a subject must map to exactly one contract", null);
          }
        }
        byId.put(c.id(), c);
        bytes.put(c.id(), e.bytes());
        origins.put(c.id(), e.origin());
        if (e.dialect() != null) {
          dialects.put(c.id(), e.dialect());
        }
      }
      return new ContractRegistry(byId, bytes, dialects);
    }
  }
}
