package io.eventcontracts.codegen.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All contracts of one run, sorted by bundle path; what loaders produce and what generators and the compatibility
 * checker read. The model is immutable and knows nothing about Java or about the source format.
 *
 * <h2>JSON Schema (2020-12)</h2>
 * A file is a {@link Contract}: {@code title} is the name, {@code x-kind} the kind, {@code x-subject} the subject,
 * {@code x-version} the version, {@code $id} the id. {@code "type": "object"} becomes an {@link ObjectType} whose
 * {@code properties} are {@link Field}s ({@code required} lists the required ones); a string {@code enum} becomes
 * an {@link EnumType}; {@code "type": "array"} with {@code items} a {@link ListType}; scalar types and formats map
 * to {@link PrimitiveType}; {@code $ref} to another file or to an entry of {@code $defs} becomes a {@link TypeRef};
 * {@code $defs} entries are {@link Contract#definitions()} keyed by their JSON pointer.
 *
 * <h2>Protobuf (proto3): {@code io.eventcontracts.codegen.proto.ProtobufContractLoader}</h2>
 * Each message with an {@code (eventcontracts.subject)} option is one event {@link Contract} (name = message name,
 * version and id from message options, id by default the bundle location of its derived JSON Schema). The model
 * describes the message's proto3 JSON form: a {@code message} is a closed {@link ObjectType}, each field a
 * {@link Field} named by its JSON name ({@code required} from {@code (eventcontracts.required)}; wrapper types set
 * {@code nullable}), {@code repeated T} a {@link ListType}, {@code map<K, V>} a {@link MapType}, an {@code enum} an
 * {@link EnumType} of the value names, a {@code oneof} a deduced {@link UnionType}, nested and imported messages
 * shared {@link ObjectType}s, {@code google.protobuf.Timestamp} {@link PrimitiveType#DATE_TIME}, 64-bit integers
 * {@link PrimitiveType#STRING} with a digits pattern. {@link SourceLocation#pointer()} holds the element's full
 * name; {@link Contract#document()} is a {@code ProtoContractDocument} whose content is the derived JSON Schema and
 * whose {@code ProtoOrigin} keeps field numbers, json names, reserved ranges and the package (docs/protobuf.md).
 */
public record ContractSet(List<Contract> contracts) {

  public ContractSet {
    contracts = contracts.stream().sorted(Comparator.comparing(Contract::bundlePath)).toList();
  }

  public List<Contract> events() {
    return contracts.stream().filter(Contract::isEvent).toList();
  }

  public List<Contract> types() {
    return contracts.stream().filter(c -> !c.isEvent()).toList();
  }

  public Optional<Contract> byId(String id) {
    return contracts.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Contract> bySubject(String subject) {
    return contracts.stream().filter(c -> subject.equals(c.subject())).findFirst();
  }

  /** Contracts by id, in bundle-path order. */
  public Map<String, Contract> byIdMap() {
    Map<String, Contract> map = new LinkedHashMap<>();
    contracts.forEach(c -> map.put(c.id(), c));
    return map;
  }

  /**
   * The type a reference names.
   *
   * @throws IllegalArgumentException when the reference does not resolve (loaders only build resolvable references)
   */
  public DataType resolve(TypeRef ref) {
    Contract target = byId(ref.contractId())
        .orElseThrow(() -> new IllegalArgumentException("no contract with id " + ref.contractId()));
    DataType type = ref.isRoot() ? target.rootType() : target.definitions().get(ref.definition());
    if (type == null) {
      throw new IllegalArgumentException("contract " + ref.contractId() + " defines no " + ref.definition());
    }
    return type;
  }
}
