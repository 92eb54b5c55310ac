package io.eventcontracts.codegen.proto;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.Hashing;
import io.eventcontracts.codegen.generate.GeneratedFile;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.ContractKind;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.ServiceDeclaration;
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.model.UnionType;
import io.eventcontracts.codegen.naming.JavaNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads {@code .proto} contracts into the format-neutral model, through protoc's descriptor output (never by
 * parsing the text here).
 *
 * <p>Each message with an {@code (eventcontracts.subject)} option is one event {@link Contract}; the model describes
 * its <em>proto3 JSON form</em>, so it reads like the JSON Schema twin and every generator and checker works on it
 * unchanged:
 *
 * <ul>
 *   <li>a message is an {@link ObjectType}, closed (the JSON parser rejects unknown names); each field a
 *       {@link Field} named by its JSON name ({@code json_name}, else lowerCamel of the proto name);</li>
 *   <li>{@code required} is the {@code (eventcontracts.required)} option; {@code nullable} is true for wrapper types
 *       ({@code google.protobuf.StringValue}, ...) and {@code google.protobuf.Value}, which take JSON {@code null};
 *       proto3 {@code optional} only keeps presence (a set default value is still written);</li>
 *   <li>{@code string} STRING; {@code int32}/{@code sint32}/{@code sfixed32} INTEGER with the 32-bit bounds;
 *       {@code uint32}/{@code fixed32} LONG 0..2^32-1; 64-bit integers STRING with format {@code int64}/{@code
 *       uint64} and a digits pattern (the mapping writes them as strings); {@code double}/{@code float} DOUBLE;
 *       {@code bool} BOOLEAN; {@code bytes} BYTES (base64); an {@code enum} an {@link EnumType} of the value names;
 *       {@code repeated T} a {@link ListType}; {@code map<K, V>} a {@link MapType};
 *       {@code google.protobuf.Timestamp} DATE_TIME; {@code Duration} and {@code FieldMask} STRING;
 *       {@code Struct} a map of any; {@code Value} any; {@code ListValue} a list of any;</li>
 *   <li>a message with a {@code oneof} is a {@link UnionType} with one branch per member (the other fields plus the
 *       member, required): exactly one member is set, as a JSON Schema {@code oneOf} twin says;</li>
 *   <li>nested and imported messages become {@link ObjectType}s named {@code <Outer><Inner>} / by their name, one
 *       instance per message, so generators emit each once.</li>
 * </ul>
 *
 * <p>The proto facts (numbers, json names, package, reserved ranges) stay reachable through
 * {@link ProtoContractDocument#of(Contract)}. Errors are returned, not thrown, so a run reports them together with
 * the JSON Schema errors.
 */
public final class ProtobufContractLoader {

  static final int SUBJECT_OPTION = 51700;
  static final int VERSION_OPTION = 51701;
  static final int REQUIRED_OPTION = 51702;
  static final int ID_OPTION = 51703;
  static final int PUBLISHERS_OPTION = 51704;
  static final int CONSUMERS_OPTION = 51705;
  private static final Pattern SUBJECT = Pattern.compile("[^\\s*>.]+(\\.[^\\s*>.]+)*");

  /**
   * How to load.
   *
   * @param protoc the protoc executable
   * @param workDirectory scratch directory for protoc's include files and output
   * @param generateJava true to also return protobuf-java sources for the contract files
   */
  public record Options(Path protoc, Path workDirectory, boolean generateJava) {}

  /**
   * What a load produced.
   *
   * @param contracts one event contract per message with a subject, sorted by bundle path
   * @param javaSources protobuf-java sources protoc generated (empty unless asked for)
   * @param errors every error found, located
   */
  public record Result(List<Contract> contracts, List<GeneratedFile> javaSources, List<ContractError> errors) {}

  private record Located(FileDescriptorProto file, DescriptorProto message, List<Integer> path, String prefix) {}

  private record EnumLocated(FileDescriptorProto file, EnumDescriptorProto type, List<Integer> path) {}

  private final List<Path> roots;
  private final Map<String, Path> fileOnDisk = new HashMap<>();
  private final Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
  private final Map<String, Located> messages = new LinkedHashMap<>();
  private final Map<String, EnumLocated> enums = new HashMap<>();
  private final Map<String, DataType> built = new HashMap<>();
  private final Map<String, Boolean> builtNullable = new HashMap<>();
  private final Set<String> building = new HashSet<>();
  private final Map<String, ProtoOrigin.Message> origins = new LinkedHashMap<>();
  private final List<ContractError> errors = new ArrayList<>();

  private ProtobufContractLoader(List<Path> roots) {
    this.roots = roots;
  }

  /** The {@code .proto} files below the roots, relative to their root, sorted; a path under two roots counts once. */
  public static Map<String, Path> protoFiles(List<Path> roots) {
    Map<String, Path> found = new TreeMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".proto") && Files.isRegularFile(p)).sorted().forEach(p -> {
          String relative = root.relativize(p).toString().replace('\\', '/');
          if (!relative.equals(Protoc.OPTIONS_PROTO) && !relative.equals(Protoc.VALIDATE_PROTO)) {
            found.putIfAbsent(relative, p);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root, e);
      }
    }
    return found;
  }

  /** Loads every {@code .proto} file below the roots. */
  public static Result load(List<Path> roots, Options options) {
    ProtobufContractLoader loader = new ProtobufContractLoader(roots);
    Map<String, Path> inputs = protoFiles(roots);
    if (inputs.isEmpty()) {
      return new Result(List.of(), List.of(), List.of());
    }
    loader.fileOnDisk.putAll(inputs);
    Protoc.Output out = new Protoc(options.protoc(), options.workDirectory())
        .run(roots, new ArrayList<>(inputs.keySet()), options.generateJava());
    if (out.descriptorSet() == null) {
      return new Result(List.of(), List.of(), out.errors());
    }
    loader.errors.addAll(out.errors());
    FileDescriptorSet set;
    try {
      set = FileDescriptorSet.parseFrom(out.descriptorSet());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("protoc wrote an unreadable descriptor set", e);
    }
    List<Contract> contracts = loader.build(set, inputs);
    List<GeneratedFile> java = options.generateJava() && loader.errors.isEmpty()
        ? javaSources(out.javaOut()) : List.of();
    return new Result(contracts, java, List.copyOf(loader.errors));
  }

  private static List<GeneratedFile> javaSources(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<GeneratedFile> result = new ArrayList<>();
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        result.add(new GeneratedFile(GeneratedFile.Target.JAVA_SOURCE,
            dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p)));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read protoc's java output " + dir, e);
    }
  }

  private List<Contract> build(FileDescriptorSet set, Map<String, Path> inputs) {
    for (FileDescriptorProto file : set.getFileList()) {
      files.put(file.getName(), file);
      String pkg = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
      for (int i = 0; i < file.getMessageTypeCount(); i++) {
        index(file, file.getMessageType(i), List.of(4, i), pkg);
      }
      for (int i = 0; i < file.getEnumTypeCount(); i++) {
        enums.put(pkg + file.getEnumType(i).getName(), new EnumLocated(file, file.getEnumType(i), List.of(5, i)));
      }
    }
    Set<String> imported = new HashSet<>();
    files.values().forEach(f -> imported.addAll(f.getDependencyList()));
    Map<String, Located> bySubject = new HashMap<>();
    List<Contract> contracts = new ArrayList<>();
    for (String name : inputs.keySet()) {
      FileDescriptorProto file = files.get(name);
      if (file == null) {
        continue;
      }
      boolean anyEvent = false;
      for (Located located : messages.values()) {
        if (located.file() != file || !located.prefix().equals(pkgPrefix(file))) {
          continue;
        }
        String subject = stringOption(located.message().getOptions().getUnknownFields(), SUBJECT_OPTION);
        if (subject == null) {
          continue;
        }
        anyEvent = true;
        SourceLocation at = location(file, located.path(), fullName(located));
        if (!SUBJECT.matcher(subject).matches()) {
          errors.add(new ContractError(at.file(), at.line(), "message " + located.message().getName()
              + ": subject \"" + subject + "\" is not a valid NATS subject",
              "use tokens without whitespace or wildcards (* >), separated by single dots, e.g. \"payment:created\""));
          continue;
        }
        Located other = bySubject.putIfAbsent(subject, located);
        if (other != null) {
          SourceLocation first = location(other.file(), other.path(), fullName(other));
          errors.add(new ContractError(at.file(), at.line(), "message " + located.message().getName()
              + ": subject \"" + subject + "\" is already used by message " + other.message().getName() + " at "
              + first, "give every event message its own subject"));
          continue;
        }
        Long version = varintOption(located.message().getOptions().getUnknownFields(), VERSION_OPTION);
        if (version != null && version < 1) {
          errors.add(new ContractError(at.file(), at.line(), "message " + located.message().getName()
              + ": version " + version + " is not at least 1", "set option (eventcontracts.version) to 1 or more"));
          continue;
        }
        contracts.add(contract(file, located, subject, version == null ? 1 : version.intValue(), at,
            inputs.get(name)));
      }
      if (!anyEvent && !imported.contains(name)) {
        SourceLocation at = file.getMessageTypeCount() > 0
            ? location(file, List.of(4, 0), "") : new SourceLocation(inputs.get(name), 0, "");
        errors.add(new ContractError(at.file(), at.line(), "no message has an (eventcontracts.subject) option and "
            + "no contract imports this file",
            "add option (eventcontracts.subject) = \"<subject>\"; to the event message (import \""
                + Protoc.OPTIONS_PROTO + "\"), or import the file from an event contract"));
      }
    }
    return contracts;
  }

  private static String pkgPrefix(FileDescriptorProto file) {
    return file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
  }

  private void index(FileDescriptorProto file, DescriptorProto message, List<Integer> path, String prefix) {
    messages.put(prefix + message.getName(), new Located(file, message, path, prefix));
    for (int i = 0; i < message.getNestedTypeCount(); i++) {
      index(file, message.getNestedType(i), append(path, 3, i), prefix + message.getName() + ".");
    }
    for (int i = 0; i < message.getEnumTypeCount(); i++) {
      enums.put(prefix + message.getName() + "." + message.getEnumType(i).getName(),
          new EnumLocated(file, message.getEnumType(i), append(path, 4, i)));
    }
  }

  private static String fullName(Located located) {
    return located.prefix() + located.message().getName();
  }

  private Contract contract(FileDescriptorProto file, Located located, String subject, int version,
      SourceLocation at, Path onDisk) {
    String messageName = located.message().getName();
    String dir = file.getName().contains("/") ? file.getName().substring(0, file.getName().lastIndexOf('/') + 1) : "";
    String bundlePath = dir + kebab(messageName) + ".json";
    String idOption = stringOption(located.message().getOptions().getUnknownFields(), ID_OPTION);
    String id = Contract.BUNDLE_BASE + bundlePath;
    if (idOption != null) {
      boolean absolute;
      try {
        absolute = java.net.URI.create(idOption).isAbsolute();
      } catch (IllegalArgumentException e) {
        absolute = false;
      }
      if (absolute) {
        id = idOption;
      } else {
        errors.add(new ContractError(at.file(), at.line(), "message " + messageName + ": id \"" + idOption
            + "\" is not an absolute URI", "use e.g. \"https://example.com/schemas/" + kebab(messageName)
            + ".json\" (a name, never fetched), or leave the option out"));
      }
    }
    DataType root = messageType(fullName(located));
    String description = comment(file, located.path());
    byte[] protoBytes;
    try {
      protoBytes = Files.readAllBytes(onDisk);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + onDisk, e);
    }
    byte[] derived = JsonSchemaDeriver.derive(id, messageName, description, subject, version, root);
    List<ProtoOrigin.Message> reachable = new ArrayList<>(origins.values());
    ProtoOrigin origin = new ProtoOrigin(file.getName(), file.getPackage(), origins.get(fullName(located)),
        reachable, javaClass(file, located), enumOrigins(file), declaredMessages(file));
    ServiceDeclaration services = new ServiceDeclaration(
        services(located, messageName, at, PUBLISHERS_OPTION, "publishers"),
        services(located, messageName, at, CONSUMERS_OPTION, "consumers"));
    return new Contract(messageName, ContractKind.EVENT, subject, version, id, description, ContractFormat.PROTOBUF,
        Dialect.DRAFT_2020_12, at, bundlePath, root, Map.of(), Hashing.sha256(derived),
        new ProtoContractDocument(derived, protoBytes, origin), services);
  }

  /** The protobuf-java class protoc generates for a message. */
  static String javaClass(FileDescriptorProto file, Located located) {
    String pkg = file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
    String nested = located.prefix().substring(pkgPrefix(file).length()) + located.message().getName();
    String outer = "";
    if (!file.getOptions().getJavaMultipleFiles()) {
      outer = file.getOptions().hasJavaOuterClassname() ? file.getOptions().getJavaOuterClassname()
          : outerClassName(file) + ".";
      if (file.getOptions().hasJavaOuterClassname()) {
        outer += ".";
      }
    }
    return (pkg.isEmpty() ? "" : pkg + ".") + outer + nested;
  }

  private static String outerClassName(FileDescriptorProto file) {
    String base = file.getName().substring(file.getName().lastIndexOf('/') + 1).replace(".proto", "");
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : base.toCharArray()) {
      if (c == '_' || c == '-' || c == '.') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = Character.isDigit(c);
      }
    }
    String name = out.toString();
    boolean clash = file.getMessageTypeList().stream().anyMatch(m -> m.getName().equals(name))
        || file.getEnumTypeList().stream().anyMatch(e -> e.getName().equals(name));
    return clash ? name + "OuterClass" : name;
  }

  private DataType messageType(String fullName) {
    DataType done = built.get(fullName);
    if (done != null) {
      return done;
    }
    Located located = messages.get(fullName);
    SourceLocation at = location(located.file(), located.path(), fullName);
    if (!building.add(fullName)) {
      errors.add(new ContractError(at.file(), at.line(), "message " + fullName + " contains itself",
          "recursive messages have no generated Java type here; break the cycle (e.g. with an id reference)"));
      return new AnyType("recursive message " + fullName);
    }
    DescriptorProto message = located.message();
    String typeName = typeName(located);
    messageRules(message, fullName, at);
    List<Field> common = new ArrayList<>();
    Map<Integer, List<Field>> oneofMembers = new LinkedHashMap<>();
    List<ProtoOrigin.ProtoField> protoFields = new ArrayList<>();
    for (int i = 0; i < message.getFieldCount(); i++) {
      FieldDescriptorProto f = message.getField(i);
      List<Integer> path = append(located.path(), 2, i);
      SourceLocation fieldAt = location(located.file(), path, fullName + "." + f.getName());
      boolean required = varintOption(f.getOptions().getUnknownFields(), REQUIRED_OPTION) != null
          && varintOption(f.getOptions().getUnknownFields(), REQUIRED_OPTION) != 0
          || ProtovalidateRules.required(f);
      boolean realOneof = f.hasOneofIndex() && !f.getProto3Optional();
      boolean repeated = f.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED;
      String protoType = protoTypeName(f);
      boolean explicitPresence = f.getProto3Optional() || realOneof
          || (f.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE && !repeated);
      protoFields.add(new ProtoOrigin.ProtoField(f.getName(), f.getNumber(), f.getJsonName(), explicitJsonName(f),
          protoType, repeated, explicitPresence,
          realOneof ? message.getOneofDecl(f.getOneofIndex()).getName() : null, required, fieldAt));
      boolean[] nullable = new boolean[1];
      Constraints[] constraints = {Constraints.NONE};
      DataType type = fieldType(f, typeName, fieldAt, nullable, constraints);
      ProtovalidateRules.Applied rules = ProtovalidateRules.apply(f, typeName, type, constraints[0],
          explicitPresence, required, fieldAt, errors);
      if (rules != null) {
        type = rules.type();
        constraints[0] = rules.constraints();
      }
      if (required && !explicitPresence && !repeated && type == PrimitiveType.STRING
          && constraints[0].minLength() == null) {
        // implicit presence: "" is never written, so a required string is a non-empty one
        constraints[0] = new Constraints(constraints[0].format(), null, null, null, null, 1,
            constraints[0].maxLength(), constraints[0].pattern(), null, null, null);
      }
      Field field = new Field(f.getJsonName(), type, required, nullable[0], comment(located.file(), path),
          constraints[0], fieldAt);
      if (realOneof) {
        oneofMembers.computeIfAbsent(f.getOneofIndex(), k -> new ArrayList<>()).add(field);
      } else {
        common.add(field);
      }
    }
    List<ProtoOrigin.Range> reserved = message.getReservedRangeList().stream()
        .map(r -> new ProtoOrigin.Range(r.getStart(), r.getEnd() - 1)).toList();
    origins.put(fullName, new ProtoOrigin.Message(fullName, protoFields, reserved, message.getReservedNameList(), at));
    String description = comment(located.file(), located.path());
    DataType result;
    if (oneofMembers.isEmpty()) {
      result = new ObjectType(typeName, common, AdditionalProperties.CLOSED, description, at);
    } else if (oneofMembers.size() > 1) {
      errors.add(new ContractError(at.file(), at.line(), "message " + fullName + " has " + oneofMembers.size()
          + " oneofs; a message maps to a union of at most one oneof",
          "keep one oneof per message, or move the others into nested messages"));
      result = new AnyType("several oneofs");
    } else {
      List<UnionType.Branch> branches = new ArrayList<>();
      for (Field member : oneofMembers.values().iterator().next()) {
        List<Field> fields = new ArrayList<>(common);
        fields.add(new Field(member.name(), member.type(), true, member.nullable(), member.description(),
            member.constraints(), member.location()));
        branches.add(new UnionType.Branch(new ObjectType(typeName + JavaNames.pascal(member.name()), fields,
            AdditionalProperties.CLOSED, member.description(), member.location()), null));
      }
      result = new UnionType(typeName, branches, null, true, description, at);
    }
    building.remove(fullName);
    built.put(fullName, result);
    return result;
  }

  /** Message-level protovalidate rules ({@code option (buf.validate.message)}) have no place in the model. */
  private void messageRules(DescriptorProto message, String fullName, SourceLocation at) {
    if (ProtovalidateRules.hasMessageRules(message.getOptions().getUnknownFields())) {
      errors.add(new ContractError(at.file(), at.line(), "message " + fullName + ": message-level protovalidate rules "
          + "(buf.validate.message) are not supported (CEL and oneof rules have no JSON Schema equivalent)",
          "put the rules on the fields ((buf.validate.field), docs/contract-format.md), or drop them"));
    }
  }

  private static boolean explicitJsonName(FieldDescriptorProto f) {
    return !f.getJsonName().equals(lowerCamel(f.getName()));
  }

  /** protoc's default JSON name: underscores removed, the following letter upper-cased. */
  static String lowerCamel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private String typeName(Located located) {
    String nested = located.prefix().substring(pkgPrefix(located.file()).length()) + located.message().getName();
    return nested.replace(".", "");
  }

  private static String protoTypeName(FieldDescriptorProto f) {
    return switch (f.getType()) {
      case TYPE_MESSAGE, TYPE_ENUM -> f.getTypeName().startsWith(".") ? f.getTypeName().substring(1)
          : f.getTypeName();
      default -> f.getType().name().substring("TYPE_".length()).toLowerCase(java.util.Locale.ROOT);
    };
  }

  private DataType fieldType(FieldDescriptorProto f, String owner, SourceLocation at, boolean[] nullable,
      Constraints[] constraints) {
    boolean repeated = f.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED;
    if (f.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE) {
      String name = protoTypeName(f);
      Located target = messages.get(name);
      if (target != null && target.message().getOptions().getMapEntry()) {
        FieldDescriptorProto value = target.message().getField(1);
        boolean[] ignoredNull = new boolean[1];
        Constraints[] ignored = {Constraints.NONE};
        return new MapType(scalarOrNamed(value, owner, at, ignoredNull, ignored));
      }
    }
    DataType element = scalarOrNamed(f, owner, at, nullable, constraints);
    if (repeated) {
      nullable[0] = false;
      constraints[0] = Constraints.NONE;
      return new ListType(element);
    }
    return element;
  }

  private DataType scalarOrNamed(FieldDescriptorProto f, String owner, SourceLocation at, boolean[] nullable,
      Constraints[] constraints) {
    switch (f.getType()) {
      case TYPE_STRING:
        return PrimitiveType.STRING;
      case TYPE_BOOL:
        return PrimitiveType.BOOLEAN;
      case TYPE_BYTES:
        return PrimitiveType.BYTES;
      case TYPE_DOUBLE:
      case TYPE_FLOAT:
        return PrimitiveType.DOUBLE;
      case TYPE_INT32:
      case TYPE_SINT32:
      case TYPE_SFIXED32:
        constraints[0] = range(BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE));
        return PrimitiveType.INTEGER;
      case TYPE_UINT32:
      case TYPE_FIXED32:
        constraints[0] = range(BigDecimal.ZERO, BigDecimal.valueOf(4294967295L));
        return PrimitiveType.LONG;
      case TYPE_INT64:
      case TYPE_SINT64:
      case TYPE_SFIXED64:
        constraints[0] = new Constraints("int64", null, null, null, null, null, null, "^-?[0-9]+$", null, null,
            null);
        return PrimitiveType.STRING;
      case TYPE_UINT64:
      case TYPE_FIXED64:
        constraints[0] = new Constraints("uint64", null, null, null, null, null, null, "^[0-9]+$", null, null,
            null);
        return PrimitiveType.STRING;
      case TYPE_ENUM:
        return enumType(protoTypeName(f));
      case TYPE_MESSAGE:
        return messageField(protoTypeName(f), at, nullable, constraints);
      default:
        errors.add(new ContractError(at.file(), at.line(), "field " + f.getName() + ": proto type "
            + f.getType().name().substring(5).toLowerCase(java.util.Locale.ROOT)
            + " has no JSON Schema equivalent", "use a proto3 scalar, enum or message type"));
        return new AnyType("unsupported proto type");
    }
  }

  private DataType messageField(String name, SourceLocation at, boolean[] nullable, Constraints[] constraints) {
    switch (name) {
      case "google.protobuf.Timestamp":
        return PrimitiveType.DATE_TIME;
      case "google.protobuf.Duration":
        constraints[0] = new Constraints(null, null, null, null, null, null, null, "^-?[0-9]+(\\.[0-9]{1,9})?s$",
            null, null, null);
        return PrimitiveType.STRING;
      case "google.protobuf.FieldMask":
        return PrimitiveType.STRING;
      case "google.protobuf.Struct":
        return new MapType(new AnyType("google.protobuf.Value"));
      case "google.protobuf.Value":
        nullable[0] = true;
        return new AnyType("google.protobuf.Value");
      case "google.protobuf.ListValue":
        return new ListType(new AnyType("google.protobuf.Value"));
      case "google.protobuf.StringValue":
      case "google.protobuf.BytesValue":
      case "google.protobuf.BoolValue":
      case "google.protobuf.DoubleValue":
      case "google.protobuf.FloatValue":
      case "google.protobuf.Int32Value":
      case "google.protobuf.UInt32Value":
      case "google.protobuf.Int64Value":
      case "google.protobuf.UInt64Value":
        nullable[0] = true;
        return scalarOrNamed(messages.get(name).message().getField(0), name, at, new boolean[1], constraints);
      default:
        if (name.startsWith("google.protobuf.")) {
          errors.add(new ContractError(at.file(), at.line(), "field " + at.pointer().substring(
              at.pointer().lastIndexOf('.') + 1) + ": proto type " + name + " has no JSON Schema equivalent",
              "use a concrete message, google.protobuf.Struct for free-form JSON, or a string"));
          return new AnyType("unsupported " + name);
        }
        return messageType(name);
    }
  }

  private DataType enumType(String fullName) {
    DataType done = built.get(fullName);
    if (done != null) {
      return done;
    }
    EnumLocated located = enums.get(fullName);
    List<String> values = located.type().getValueList().stream().map(v -> v.getName()).toList();
    String simple = fullName.startsWith(located.file().getPackage() + ".") && !located.file().getPackage().isEmpty()
        ? fullName.substring(located.file().getPackage().length() + 1) : fullName;
    EnumType type = new EnumType(simple.replace(".", ""), values, comment(located.file(), located.path()),
        location(located.file(), located.path(), fullName));
    built.put(fullName, type);
    return type;
  }

  /** Every enum declared in {@code file} and in the files it imports, with value numbers and reservations. */
  private List<ProtoOrigin.ProtoEnum> enumOrigins(FileDescriptorProto file) {
    Set<String> visible = new HashSet<>(file.getDependencyList());
    visible.add(file.getName());
    List<ProtoOrigin.ProtoEnum> out = new ArrayList<>();
    for (Map.Entry<String, EnumLocated> e : new java.util.TreeMap<>(enums).entrySet()) {
      EnumLocated located = e.getValue();
      if (!visible.contains(located.file().getName())) {
        continue;
      }
      List<ProtoOrigin.EnumValue> values = new ArrayList<>();
      for (int i = 0; i < located.type().getValueCount(); i++) {
        var v = located.type().getValue(i);
        values.add(new ProtoOrigin.EnumValue(v.getName(), v.getNumber(),
            location(located.file(), append(located.path(), 2, i), e.getKey() + "." + v.getName())));
      }
      // enum reserved ranges are inclusive (message ranges are not)
      List<ProtoOrigin.Range> reserved = located.type().getReservedRangeList().stream()
          .map(r -> new ProtoOrigin.Range(r.getStart(), r.getEnd())).toList();
      out.add(new ProtoOrigin.ProtoEnum(e.getKey(), values, reserved, located.type().getReservedNameList(),
          location(located.file(), located.path(), e.getKey())));
    }
    return out;
  }

  /** The fully qualified names of the messages declared in {@code file}, nested ones included. */
  private List<String> declaredMessages(FileDescriptorProto file) {
    return messages.entrySet().stream().filter(e -> e.getValue().file() == file)
        .filter(e -> !e.getValue().message().getOptions().getMapEntry()).map(Map.Entry::getKey).toList();
  }

  private static Constraints range(BigDecimal min, BigDecimal max) {
    return new Constraints(null, min, max, null, null, null, null, null, null, null, null);
  }

  private SourceLocation location(FileDescriptorProto file, List<Integer> path, String pointer) {
    Path onDisk = fileOnDisk.getOrDefault(file.getName(), Path.of(file.getName()));
    for (SourceCodeInfo.Location loc : file.getSourceCodeInfo().getLocationList()) {
      if (loc.getPathList().equals(path)) {
        return new SourceLocation(onDisk, loc.getSpan(0) + 1, pointer);
      }
    }
    return new SourceLocation(onDisk, 0, pointer);
  }

  private static String comment(FileDescriptorProto file, List<Integer> path) {
    for (SourceCodeInfo.Location loc : file.getSourceCodeInfo().getLocationList()) {
      if (loc.getPathList().equals(path) && loc.hasLeadingComments()) {
        String text = loc.getLeadingComments().strip().replaceAll("\\s*\\n\\s*", " ");
        return text.isEmpty() ? null : text;
      }
    }
    return null;
  }

  private static List<Integer> append(List<Integer> path, int a, int b) {
    List<Integer> out = new ArrayList<>(path);
    out.add(a);
    out.add(b);
    return List.copyOf(out);
  }

  /** The services named by a repeated {@code (eventcontracts.publishers)}/{@code consumers} option, checked. */
  private List<String> services(Located located, String messageName, SourceLocation at, int option, String name) {
    UnknownFieldSet.Field field = located.message().getOptions().getUnknownFields().getField(option);
    List<String> names = new ArrayList<>();
    if (field == null) {
      return names;
    }
    for (com.google.protobuf.ByteString value : field.getLengthDelimitedList()) {
      String service = value.toStringUtf8();
      if (!ServiceDeclaration.NAME.matcher(service).matches()) {
        errors.add(new ContractError(at.file(), at.line(), "message " + messageName + ": (eventcontracts." + name
            + ") \"" + service + "\" is not a service name", "use letters, digits, '.', '_' or '-', starting with a "
            + "letter or digit, e.g. \"orders\""));
      } else if (names.contains(service)) {
        errors.add(new ContractError(at.file(), at.line(), "message " + messageName + ": (eventcontracts." + name
            + ") lists \"" + service + "\" twice", "list each service once"));
      } else {
        names.add(service);
      }
    }
    return names;
  }

  static String stringOption(UnknownFieldSet options, int number) {
    UnknownFieldSet.Field field = options.getField(number);
    if (field == null || field.getLengthDelimitedList().isEmpty()) {
      return null;
    }
    return field.getLengthDelimitedList().get(field.getLengthDelimitedList().size() - 1).toStringUtf8();
  }

  static Long varintOption(UnknownFieldSet options, int number) {
    UnknownFieldSet.Field field = options.getField(number);
    if (field == null || field.getVarintList().isEmpty()) {
      return null;
    }
    return (long) (int) (long) field.getVarintList().get(field.getVarintList().size() - 1);
  }

  /** {@code PaymentCreated} → {@code payment-created}. */
  static String kebab(String name) {
    return String.join("-", JavaNames.constantName(name).toLowerCase(java.util.Locale.ROOT).split("_"));
  }
}
