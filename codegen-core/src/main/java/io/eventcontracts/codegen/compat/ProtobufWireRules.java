package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.proto.ProtoContractDocument;
import io.eventcontracts.codegen.proto.ProtoOrigin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules only a {@code .proto} file has facts for, in the spirit of {@code buf breaking}'s WIRE_JSON category:
 * field numbers (reused, changed, removed without {@code reserved}), wire-compatible and incompatible type changes,
 * field names and {@code json_name}s (the proto3 JSON form), cardinality and presence, {@code oneof} moves, enum
 * value numbers, reservations, removed messages and the package. Runs when both contracts were authored in
 * {@code .proto}; reads the loader's {@link ProtoOrigin}.
 *
 * <p><b>One report per fact.</b> The model rules run first and judge the proto3 JSON form (the derived JSON Schema
 * the runtime validates with). When a rule here names what happened to a field more precisely (its number, type,
 * name, {@code json_name} or cardinality changed), the model rules' changes at that field's JSON path and below are
 * dropped: the reviewer sees {@code PROTO_FIELD_RENAMED}, not a property removed plus a property added. Every such
 * proto kind breaks both directions, so dropping never makes a verdict more lenient. Facts that are not the same
 * (a removed field: the JSON shape lost a property, and the number/name was not reserved) are both reported.
 */
public final class ProtobufWireRules implements CompatibilityRules {

  private static final Set<String> SCALARS = Set.of("double", "float", "int32", "int64", "uint32", "uint64",
      "sint32", "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes");

  /** A change and the JSON paths whose model changes it replaces. */
  private record Found(Change change, List<String> covers) {}

  @Override
  public boolean appliesTo(Contract baseline, Contract current) {
    return ProtoContractDocument.of(baseline).isPresent() && ProtoContractDocument.of(current).isPresent();
  }

  @Override
  public List<Change> compare(Contract baseline, ContractSet baselineSet, Contract current, ContractSet currentSet) {
    return found(baseline, current).stream().map(Found::change).toList();
  }

  @Override
  public List<Change> join(List<Change> earlier, Contract baseline, ContractSet baselineSet, Contract current,
      ContractSet currentSet) {
    List<Found> own = found(baseline, current);
    Set<String> covered = new HashSet<>();
    own.forEach(f -> covered.addAll(f.covers()));
    List<Change> out = new ArrayList<>();
    for (Change c : earlier) {
      if (!isCovered(normalized(c.path()), covered)) {
        out.add(c);
      }
    }
    own.forEach(f -> out.add(f.change()));
    return out;
  }

  /** A model path without union branch labels ({@code payment<card>.amount} is {@code payment.amount}). */
  static String normalized(String path) {
    String p = path.replaceAll("<[^>]*>", "");
    return p.startsWith(".") ? p.substring(1) : p;
  }

  static boolean isCovered(String path, Set<String> covered) {
    for (String c : covered) {
      if (path.equals(c) || path.startsWith(c + ".") || path.startsWith(c + "[") || path.startsWith(c + "{")) {
        return true;
      }
    }
    return false;
  }

  private static List<Found> found(Contract baseline, Contract current) {
    ProtoOrigin o = ProtoContractDocument.of(baseline).orElseThrow();
    ProtoOrigin n = ProtoContractDocument.of(current).orElseThrow();
    Walk walk = new Walk(o, n, current.source());
    walk.run();
    return walk.out;
  }

  /** The wire encoding family of a proto type: types in one family read each other's bytes. */
  static String wireFamily(String type, boolean isEnum) {
    if (isEnum) {
      return "varint";
    }
    return switch (type) {
      case "int32", "int64", "uint32", "uint64", "bool" -> "varint";
      case "sint32", "sint64" -> "zigzag";
      case "fixed32", "sfixed32" -> "fixed32";
      case "fixed64", "sfixed64" -> "fixed64";
      case "float" -> "float";
      case "double" -> "double";
      default -> "length-delimited"; // string, bytes, messages
    };
  }

  /** One comparison of two origins. */
  private static final class Walk {
    final ProtoOrigin o;
    final ProtoOrigin n;
    final SourceLocation contractAt;
    final List<Found> out = new ArrayList<>();
    final Set<String> inProgress = new HashSet<>();

    Walk(ProtoOrigin o, ProtoOrigin n, SourceLocation contractAt) {
      this.o = o;
      this.n = n;
      this.contractAt = contractAt;
    }

    void run() {
      if (!o.protoPackage().equals(n.protoPackage())) {
        add(ChangeKind.PROTO_PACKAGE_CHANGED, "", quoted(o.protoPackage()), quoted(n.protoPackage()), Effect.BREAKS,
            n.message().location(), List.of());
      }
      messages("", o.message(), n.message());
      enums();
      removedMessages();
    }

    private static String quoted(String pkg) {
      return pkg.isEmpty() ? "(no package)" : "package " + pkg;
    }

    /** A name without its file's package, so a package change does not make every type look different. */
    private static String rel(String fullName, String pkg) {
      return !pkg.isEmpty() && fullName.startsWith(pkg + ".") ? fullName.substring(pkg.length() + 1) : fullName;
    }

    private void add(ChangeKind kind, String path, String oldValue, String newValue, Effect effect,
        SourceLocation at, List<String> covers) {
      out.add(new Found(new Change(kind, path, oldValue, newValue, effect, at == null ? contractAt : at), covers));
    }

    private void messages(String path, ProtoOrigin.Message om, ProtoOrigin.Message nm) {
      // a pair already being compared further up is a recursion (the loader refuses recursive messages; this is a
      // guard); a message used by two fields is compared at both paths
      String pair = om.fullName() + " " + nm.fullName();
      if (!inProgress.add(pair)) {
        return;
      }
      try {
        fields(path, om, nm);
      } finally {
        inProgress.remove(pair);
      }
    }

    private void fields(String path, ProtoOrigin.Message om, ProtoOrigin.Message nm) {
      Map<Integer, ProtoOrigin.ProtoField> newByNumber = new LinkedHashMap<>();
      Map<String, ProtoOrigin.ProtoField> newByName = new LinkedHashMap<>();
      for (ProtoOrigin.ProtoField f : nm.fields()) {
        newByNumber.put(f.number(), f);
        newByName.put(f.name(), f);
      }
      for (ProtoOrigin.ProtoField of : om.fields()) {
        String oldPath = child(path, of.jsonName());
        ProtoOrigin.ProtoField nf = newByNumber.get(of.number());
        ProtoOrigin.ProtoField moved = newByName.get(of.name());
        if (moved != null && moved.number() == of.number()) {
          moved = null;
        }
        if (moved != null) {
          add(ChangeKind.PROTO_FIELD_NUMBER_CHANGED, child(path, moved.jsonName()), oldField(of),
              newField(moved), Effect.BREAKS, moved.location(), List.of(oldPath, child(path, moved.jsonName())));
        }
        if (nf == null) {
          if (moved == null) {
            removed(path, of, nm);
          }
          continue;
        }
        String newPath = child(path, nf.jsonName());
        List<String> both = List.of(oldPath, newPath);
        if (!nf.name().equals(of.name())) {
          if (moved != null || !sameTypeName(of, nf)) {
            add(ChangeKind.PROTO_FIELD_NUMBER_REUSED, newPath, oldField(of), newField(nf), Effect.BREAKS,
                nf.location(), both);
            continue;
          }
          if (!of.jsonName().equals(nf.jsonName())) {
            add(ChangeKind.PROTO_FIELD_RENAMED, newPath, oldField(of), newField(nf), Effect.BREAKS, nf.location(),
                both);
          } else {
            add(ChangeKind.PROTO_FIELD_RENAMED_JSON_NAME_KEPT, newPath, oldField(of), newField(nf), Effect.NONE,
                nf.location(), List.of());
          }
        } else if (!of.jsonName().equals(nf.jsonName())) {
          add(ChangeKind.PROTO_JSON_NAME_CHANGED, newPath, oldField(of), newField(nf), Effect.BREAKS,
              nf.location(), both);
        }
        sameField(path, of, nf, newPath, both);
      }
      reservations(path, om, nm);
    }

    /** A field kept its number (and its name, or was renamed): type, cardinality, presence, oneof. */
    private void sameField(String path, ProtoOrigin.ProtoField of, ProtoOrigin.ProtoField nf, String newPath,
        List<String> both) {
      boolean oldEnum = isEnum(o, of.protoType());
      boolean newEnum = isEnum(n, nf.protoType());
      boolean oldScalar = SCALARS.contains(of.protoType());
      boolean newScalar = SCALARS.contains(nf.protoType());
      boolean typeChanged = false;
      if (oldScalar || newScalar || oldEnum != newEnum) {
        if (!of.protoType().equals(nf.protoType())) {
          typeChanged = true;
          boolean wire = wireFamily(of.protoType(), oldEnum).equals(wireFamily(nf.protoType(), newEnum));
          add(wire ? ChangeKind.PROTO_FIELD_TYPE_CHANGED_WIRE_COMPATIBLE : ChangeKind.PROTO_FIELD_TYPE_CHANGED,
              newPath, oldField(of), newField(nf), Effect.BREAKS, nf.location(), both);
        }
      }
      if (of.repeated() != nf.repeated()) {
        add(ChangeKind.PROTO_FIELD_CARDINALITY_CHANGED, newPath, oldField(of), newField(nf), Effect.BREAKS,
            nf.location(), both);
      } else if (of.oneof() == null && nf.oneof() == null && !of.repeated() && oldScalar && newScalar
          && of.explicitPresence() != nf.explicitPresence()) {
        add(ChangeKind.PROTO_FIELD_PRESENCE_CHANGED, newPath, oldField(of), newField(nf), Effect.NONE,
            nf.location(), List.of());
      }
      if (of.oneof() == null && nf.oneof() != null) {
        add(ChangeKind.PROTO_FIELD_MOVED_INTO_ONEOF, newPath, oldField(of), newField(nf), Effect.BREAKS,
            nf.location(), both);
      } else if (of.oneof() != null && nf.oneof() == null) {
        add(ChangeKind.PROTO_FIELD_MOVED_OUT_OF_ONEOF, newPath, oldField(of), newField(nf), Effect.BREAKS,
            nf.location(), both);
      }
      if (!typeChanged && of.repeated() == nf.repeated() && !oldScalar && !oldEnum) {
        Optional<ProtoOrigin.Message> om = o.messageNamed(of.protoType());
        Optional<ProtoOrigin.Message> nm = n.messageNamed(nf.protoType());
        if (om.isPresent() && nm.isPresent()) {
          messages(nf.repeated() ? newPath + "[]" : newPath, om.get(), nm.get());
        }
      }
    }

    private void removed(String path, ProtoOrigin.ProtoField of, ProtoOrigin.Message nm) {
      boolean numberReserved = nm.reservedRanges().stream().anyMatch(r -> r.contains(of.number()));
      boolean nameReserved = nm.reservedNames().contains(of.name());
      if (numberReserved && nameReserved) {
        return;
      }
      String missing = !numberReserved && !nameReserved
          ? "number " + of.number() + " and name \"" + of.name() + "\""
          : !numberReserved ? "number " + of.number() : "name \"" + of.name() + "\"";
      add(ChangeKind.PROTO_FIELD_REMOVED_NOT_RESERVED, child(path, of.jsonName()), oldField(of),
          "removed, " + missing + " not reserved", Effect.BREAKS, nm.location(), List.of());
    }

    private void reservations(String path, ProtoOrigin.Message om, ProtoOrigin.Message nm) {
      String where = path.isEmpty() ? rel(nm.fullName(), n.protoPackage()) : path;
      for (ProtoOrigin.Range r : om.reservedRanges()) {
        boolean kept = nm.reservedRanges().stream().anyMatch(k -> k.contains(r.start()) && k.contains(r.end()));
        if (!kept) {
          add(ChangeKind.PROTO_RESERVED_REMOVED, where, "reserved " + range(r), "not reserved", Effect.BREAKS,
              nm.location(), List.of());
        }
      }
      for (String name : om.reservedNames()) {
        if (!nm.reservedNames().contains(name)) {
          add(ChangeKind.PROTO_RESERVED_REMOVED, where, "reserved \"" + name + "\"", "not reserved", Effect.BREAKS,
              nm.location(), List.of());
        }
      }
    }

    private static String range(ProtoOrigin.Range r) {
      return r.start() == r.end() ? String.valueOf(r.start()) : r.start() + " to " + r.end();
    }

    private void enums() {
      for (ProtoOrigin.ProtoEnum oe : o.enums()) {
        String name = rel(oe.fullName(), o.protoPackage());
        Optional<ProtoOrigin.ProtoEnum> found = n.enums().stream()
            .filter(e -> rel(e.fullName(), n.protoPackage()).equals(name)).findFirst();
        if (found.isEmpty()) {
          continue; // fields of this type changed type: reported at the fields
        }
        ProtoOrigin.ProtoEnum ne = found.get();
        for (ProtoOrigin.EnumValue ov : oe.values()) {
          Optional<ProtoOrigin.EnumValue> nv = ne.values().stream().filter(v -> v.number() == ov.number())
              .findFirst();
          String path = name + "." + ov.name();
          if (nv.isPresent()) {
            if (!nv.get().name().equals(ov.name())) {
              add(ChangeKind.PROTO_ENUM_VALUE_NUMBER_REUSED, path, enumValue(ov, o), enumValue(nv.get(), null),
                  Effect.BREAKS, nv.get().location(), List.of());
            }
            continue;
          }
          boolean numberReserved = ne.reservedRanges().stream().anyMatch(r -> r.contains(ov.number()));
          boolean nameReserved = ne.reservedNames().contains(ov.name())
              || ne.values().stream().anyMatch(v -> v.name().equals(ov.name()));
          if (!numberReserved || !nameReserved) {
            String missing = !numberReserved && !nameReserved
                ? "number " + ov.number() + " and name \"" + ov.name() + "\""
                : !numberReserved ? "number " + ov.number() : "name \"" + ov.name() + "\"";
            add(ChangeKind.PROTO_ENUM_VALUE_REMOVED_NOT_RESERVED, path, enumValue(ov, o),
                "removed, " + missing + " not reserved", Effect.BREAKS, ne.location(), List.of());
          }
        }
      }
    }

    private void removedMessages() {
      Set<String> now = new HashSet<>();
      n.declaredMessages().forEach(m -> now.add(rel(m, n.protoPackage())));
      for (String m : o.declaredMessages()) {
        String name = rel(m, o.protoPackage());
        if (!now.contains(name)) {
          String at = o.messageNamed(m).map(x -> " (" + o.protoFile() + line(x.location()) + ")")
              .orElse(" (" + o.protoFile() + ")");
          add(ChangeKind.PROTO_MESSAGE_REMOVED, name, "message " + name + at, null, Effect.BREAKS,
              n.message().location(), List.of());
        }
      }
    }

    private static boolean isEnum(ProtoOrigin origin, String type) {
      return origin.enumNamed(type).isPresent();
    }

    private boolean sameTypeName(ProtoOrigin.ProtoField of, ProtoOrigin.ProtoField nf) {
      return rel(of.protoType(), o.protoPackage()).equals(rel(nf.protoType(), n.protoPackage()));
    }

    /** {@code string note = 3 (tickets.proto:14)}: the baseline's declaration, located in its proto root. */
    private String oldField(ProtoOrigin.ProtoField f) {
      return declaration(f, o) + " (" + o.protoFile() + line(f.location()) + ")";
    }

    private String newField(ProtoOrigin.ProtoField f) {
      return declaration(f, n);
    }

    private static String declaration(ProtoOrigin.ProtoField f, ProtoOrigin origin) {
      String label = f.repeated() ? "repeated "
          : f.explicitPresence() && f.oneof() == null && SCALARS.contains(f.protoType()) ? "optional " : "";
      return label + rel(f.protoType(), origin.protoPackage()) + " " + f.name() + " = " + f.number()
          + (f.explicitJsonName() ? " [json_name = \"" + f.jsonName() + "\"]" : "")
          + (f.oneof() == null ? "" : " in oneof " + f.oneof());
    }

    private static String enumValue(ProtoOrigin.EnumValue v, ProtoOrigin baseline) {
      return v.name() + " = " + v.number() + (baseline == null ? ""
          : " (" + baseline.protoFile() + line(v.location()) + ")");
    }

    private static String line(SourceLocation at) {
      return at == null || at.line() <= 0 ? "" : ":" + at.line();
    }

    private static String child(String path, String name) {
      return path.isEmpty() ? name : path + "." + name;
    }
  }
}
