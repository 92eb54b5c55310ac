package io.eventcontracts.codegen.typescript;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.model.UnionType;
import io.eventcontracts.codegen.naming.JavaNames;
import io.eventcontracts.codegen.naming.NameAllocator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The naming pass of the TypeScript package, beside {@link io.eventcontracts.codegen.naming.JavaNaming}: every type,
 * event interface and enum member name, allocated once, in contract order. It shares the format-neutral rules with
 * the Java pass ({@link JavaNames#pascal}, {@link JavaNames#eventBaseName}), so {@code ticket:created} is
 * {@code TicketCreated} in both languages; only what differs is here: TypeScript's reserved words, the seed's
 * {@code XxxEvent} shape (an event's data is the {@code XxxData} interface), enum members in PascalCase
 * ({@code OrderStatus.AwaitingPayment}, as the seed writes them). Property names are never renamed: a TypeScript
 * property can be any string (quoted when it is not an identifier), so the wire name is the name.
 */
public final class TypeScriptNaming {

  /** Names the package itself exports besides the contract types. */
  public static final List<String> RESERVED = List.of("Subjects", "CONTRACTS", "validator", "validate",
      "validateBytes", "ContractEvent", "EventDataBySubject", "EventBySubject", "Listener", "Publisher",
      "EventClient", "InvalidPayload", "Violation", "ContractValidator", "UnknownSubject", "contractOf",
      "StanListener", "StanPublisher");

  /** ECMAScript reserved words and TypeScript's predefined type names: not usable as type names. */
  static final Set<String> KEYWORDS = Set.of("break", "case", "catch", "class", "const", "continue", "debugger",
      "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
      "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
      "typeof", "var", "void", "while", "with", "implements", "interface", "let", "package", "private", "protected",
      "public", "static", "yield", "any", "boolean", "number", "string", "symbol", "bigint", "object", "never",
      "unknown", "undefined", "type", "Object", "String", "Number", "Boolean", "Array", "Record", "Date", "Promise",
      "Map", "Set", "Error", "Symbol", "BigInt", "JSON", "Math", "Buffer");

  private final NameAllocator types = new NameAllocator("TypeScript type");
  private final Map<DataType, String> typeNames = new IdentityHashMap<>();
  private final List<DataType> namedTypes = new ArrayList<>();
  private final Map<Contract, String[]> eventNames = new IdentityHashMap<>();
  private final Map<Contract, String> subjectMembers = new IdentityHashMap<>();
  private final Map<EnumType, Map<String, String>> members = new IdentityHashMap<>();
  private final Set<DataType> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private TypeScriptNaming() {}

  /** Allocates every name of the set. */
  public static TypeScriptNaming allocate(ContractSet contracts) {
    TypeScriptNaming naming = new TypeScriptNaming();
    RESERVED.forEach(n -> naming.types.reserve(n, "the package's own " + n));
    Set<String> usedMembers = new HashSet<>();
    for (Contract c : contracts.events()) {
      String base = identifier(JavaNames.eventBaseName(c.subject()));
      String member = NameAllocator.firstFree(base, "", usedMembers::add);
      naming.subjectMembers.put(c, member);
      String what = "event \"" + c.subject() + "\"";
      naming.eventNames.put(c, new String[] {naming.claim(member + "Event", c.source(), what),
          naming.claim(member + "Listener", c.source(), what), naming.claim(member + "Publisher", c.source(), what),
          naming.claim(member + "StanListener", c.source(), what),
          naming.claim(member + "StanPublisher", c.source(), what)});
      if (isNamed(c.rootType())) {
        naming.typeNames.put(c.rootType(), naming.claim(member + "Data", c.source(), "event \"" + c.subject() + "\""));
        naming.namedTypes.add(c.rootType());
      }
    }
    for (Contract c : contracts.contracts()) {
      naming.visit(c.rootType());
      c.definitions().values().forEach(naming::visit);
    }
    return naming;
  }

  static boolean isNamed(DataType type) {
    return type instanceof ObjectType || type instanceof EnumType || type instanceof UnionType;
  }

  private void visit(DataType type) {
    if (type == null || !visited.add(type)) {
      return;
    }
    if (isNamed(type) && !typeNames.containsKey(type)) {
      String preferred = type instanceof ObjectType o ? o.name() : type instanceof EnumType e ? e.name()
          : ((UnionType) type).name();
      SourceLocation at = type instanceof ObjectType o ? o.location() : type instanceof EnumType e ? e.location()
          : ((UnionType) type).location();
      typeNames.put(type, claim(identifier(JavaNames.pascal(preferred)), at, "type"));
      namedTypes.add(type);
    }
    if (type instanceof ObjectType o) {
      o.fields().forEach(f -> visit(f.type()));
      visit(o.additionalProperties().valueType());
    } else if (type instanceof UnionType u) {
      u.branches().forEach(b -> visit(b.type()));
    } else if (type instanceof EnumType e) {
      allocateMembers(e);
    } else if (type instanceof ListType l) {
      visit(l.element());
    } else if (type instanceof MapType m) {
      visit(m.value());
    }
  }

  /** A legal TypeScript type name for {@code name}: {@code Type} prefixed when empty, a keyword or not starting well. */
  static String identifier(String name) {
    if (name.isEmpty() || KEYWORDS.contains(name) || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
      return "Type" + name;
    }
    return name;
  }

  private String claim(String name, SourceLocation at, String what) {
    return types.claim(name, at, what);
  }

  private void allocateMembers(EnumType e) {
    Set<String> used = new HashSet<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String value : e.values()) {
      String base = JavaNames.pascal(value.startsWith("-") ? "minus " + value.substring(1)
          : value.startsWith("+") ? "plus " + value.substring(1) : value);
      if (base.isEmpty()) {
        base = "Empty";
      }
      if (!Character.isJavaIdentifierStart(base.codePointAt(0))) {
        base = "_" + base;
      }
      names.put(value, NameAllocator.firstFree(base, "_", used::add));
    }
    members.put(e, names);
  }

  /** The TypeScript name of a named type ({@link ObjectType}, {@link EnumType}, {@link UnionType}). */
  public String typeName(DataType named) {
    String name = typeNames.get(named);
    if (name == null) {
      throw new IllegalArgumentException("not a named type of this contract set: " + named);
    }
    return name;
  }

  /** Every named type, in allocation order (one declaration each). */
  public List<DataType> namedTypes() {
    return List.copyOf(namedTypes);
  }

  /** {@code TicketCreatedEvent}: the seed-shaped interface {@code { subject; data }}. */
  public String eventInterface(Contract event) {
    return eventNames.get(event)[0];
  }

  /** {@code TicketCreatedListener}: the abstract JetStream listener with the subject fixed. */
  public String listenerClass(Contract event) {
    return eventNames.get(event)[1];
  }

  /** {@code TicketCreatedStanListener}: the abstract NATS Streaming listener with the subject fixed. */
  public String stanListenerClass(Contract event) {
    return eventNames.get(event)[3];
  }

  /** {@code TicketCreatedStanPublisher}: the NATS Streaming publisher with the subject fixed. */
  public String stanPublisherClass(Contract event) {
    return eventNames.get(event)[4];
  }

  /** {@code TicketCreatedPublisher}: the JetStream publisher with the subject fixed. */
  public String publisherClass(Contract event) {
    return eventNames.get(event)[2];
  }

  /** {@code TicketCreated}: the event's member of the {@code Subjects} enum. */
  public String subjectMember(Contract event) {
    return subjectMembers.get(event);
  }

  /** The member of a TypeScript enum for a wire value ({@code awaiting:payment} → {@code AwaitingPayment}). */
  public String member(EnumType type, String value) {
    return members.get(type).get(value);
  }

  /** Name collisions resolved by a suffix, each reported once. */
  public List<ContractError> findings() {
    return types.findings();
  }
}
