package io.eventcontracts.codegen.naming;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.model.UnionType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The one naming pass over a contract set: every Java class, field and enum constant name, allocated once, in
 * contract order, so every generator and the bundle index agree (as Square Wire's Java generator keeps one
 * {@code NameAllocator}).
 *
 * <p>Class names come from the model's preferred names (title, {@code $defs} key, file name, property path); an event
 * root is {@code <Subject>Event} with {@code <Subject>Listener} and {@code <Subject>Publisher}. A type reached
 * several times (a shared file, a {@code $defs} entry) is one model instance and so one class. When two different
 * types want one name, the later one (in bundle-path order) gets the next free suffix ({@code User2}); that is
 * reported once as a lint finding. Field names are camelCase of the wire name, with {@code +} and {@code -} spelled
 * {@code plus}/{@code minus}, keywords suffixed with {@code _}, and collisions numbered; the wire name stays in
 * {@code @JsonProperty}.
 */
public final class JavaNaming {

  /** Names every generated package holds besides the contract classes. */
  public static final List<String> RESERVED = List.of("Subjects", "EventTypes");

  private final NameAllocator classes = new NameAllocator("class");
  private final Map<DataType, String> classNames = new IdentityHashMap<>();
  private final List<DataType> namedTypes = new ArrayList<>();
  private final Map<Contract, String[]> eventNames = new IdentityHashMap<>();
  private final Map<ObjectType, Map<Field, String>> fieldNames = new IdentityHashMap<>();
  private final Map<EnumType, Map<String, String>> constants = new IdentityHashMap<>();
  private final Set<DataType> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private JavaNaming() {}

  /** Allocates every name of the set. */
  public static JavaNaming allocate(ContractSet contracts) {
    JavaNaming naming = new JavaNaming();
    RESERVED.forEach(n -> naming.classes.reserve(n, "the generated " + n + " class"));
    for (Contract c : contracts.contracts()) {
      if (c.isEvent()) {
        String base = JavaNames.eventBaseName(c.subject());
        String event = naming.claim(base + "Event", c.source(), "event \"" + c.subject() + "\"");
        String suffix = event.substring(base.length() + "Event".length());
        String listener = naming.claim(base + suffix + "Listener", c.source(), "event \"" + c.subject() + "\"");
        String publisher = naming.claim(base + suffix + "Publisher", c.source(), "event \"" + c.subject() + "\"");
        naming.eventNames.put(c, new String[] {event, listener, publisher});
        if (isNamed(c.rootType())) {
          naming.classNames.put(c.rootType(), event);
          naming.namedTypes.add(c.rootType());
        }
      }
    }
    for (Contract c : contracts.contracts()) {
      naming.visit(c.rootType());
      c.definitions().values().forEach(naming::visit);
    }
    return naming;
  }

  private static boolean isNamed(DataType type) {
    return type instanceof ObjectType || type instanceof EnumType || type instanceof UnionType;
  }

  private void visit(DataType type) {
    if (type == null || !visited.add(type)) {
      return;
    }
    if (isNamed(type) && !classNames.containsKey(type)) {
      String preferred = type instanceof ObjectType o ? o.name() : type instanceof EnumType e ? e.name()
          : ((UnionType) type).name();
      SourceLocation at = type instanceof ObjectType o ? o.location() : type instanceof EnumType e ? e.location()
          : ((UnionType) type).location();
      classNames.put(type, claim(preferred, at, "type"));
      namedTypes.add(type);
    }
    if (type instanceof ObjectType o) {
      allocateFields(o);
      o.fields().forEach(f -> visit(f.type()));
      visit(o.additionalProperties().valueType());
    } else if (type instanceof UnionType u) {
      u.branches().forEach(b -> visit(b.type()));
    } else if (type instanceof EnumType e) {
      allocateConstants(e);
    } else if (type instanceof ListType l) {
      visit(l.element());
    } else if (type instanceof MapType m) {
      visit(m.value());
    }
  }

  private String claim(String preferred, SourceLocation at, String what) {
    return classes.claim(JavaNames.isValidClassName(preferred) ? preferred : "Type" + preferred, at, what);
  }

  private void allocateFields(ObjectType o) {
    // compared lower-cased; an open object's generated map of unknown properties is called additionalProperties
    Set<String> used = new HashSet<>(List.of("additionalproperties"));
    Map<Field, String> names = new LinkedHashMap<>();
    for (Field f : o.fields()) {
      names.put(f, NameAllocator.firstFree(fieldName(f.name()), "", n -> used.add(n.toLowerCase(Locale.ROOT))));
    }
    fieldNames.put(o, names);
  }

  private void allocateConstants(EnumType e) {
    Set<String> used = new HashSet<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String value : e.values()) {
      String base = JavaNames.constantName(spell(value));
      if (base.isEmpty()) {
        base = "EMPTY";
      }
      if (!SourceVersion.isIdentifier(base) || SourceVersion.isKeyword(base)) {
        base = "_" + base;
      }
      names.put(value, NameAllocator.firstFree(base, "_", used::add));
    }
    constants.put(e, names);
  }

  /** {@code +1} → {@code plus1}, {@code user_id} → {@code userId}, {@code class} → {@code class_}. */
  static String fieldName(String wireName) {
    String pascal = JavaNames.pascal(spell(wireName));
    String camel = pascal.isEmpty() ? "value" : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    if (!SourceVersion.isIdentifier(camel)) {
      camel = "_" + camel;
    }
    if (SourceVersion.isKeyword(camel) || camel.equals("getClass")) {
      camel = camel + "_";
    }
    return camel;
  }

  /** Spells a leading sign: {@code +1} → {@code plus 1}, {@code -1} → {@code minus 1}. */
  private static String spell(String text) {
    if (text.startsWith("+")) {
      return "plus " + text.substring(1);
    }
    if (text.startsWith("-")) {
      return "minus " + text.substring(1);
    }
    return text;
  }

  /** The class of a named type ({@link ObjectType}, {@link EnumType}, {@link UnionType}). */
  public String className(DataType named) {
    String name = classNames.get(named);
    if (name == null) {
      throw new IllegalArgumentException("not a named type of this contract set: " + named);
    }
    return name;
  }

  /** Every named type, in allocation order (one class each). */
  public List<DataType> namedTypes() {
    return List.copyOf(namedTypes);
  }

  /** {@code TicketCreatedEvent}. */
  public String eventClass(Contract event) {
    return eventNames.get(event)[0];
  }

  /** {@code TicketCreatedListener}. */
  public String listenerClass(Contract event) {
    return eventNames.get(event)[1];
  }

  /** {@code TicketCreatedPublisher}. */
  public String publisherClass(Contract event) {
    return eventNames.get(event)[2];
  }

  /** The Java field name of a field. */
  public String fieldName(ObjectType owner, Field field) {
    return fieldNames.get(owner).get(field);
  }

  /** The Java constant of an enum value. */
  public String constant(EnumType type, String value) {
    return constants.get(type).get(value);
  }

  /** Name collisions resolved by a suffix, each reported once. */
  public List<ContractError> findings() {
    return classes.findings();
  }
}
