package io.eventcontracts.codegen.jsonschema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.ErrorCollector;
import io.eventcontracts.codegen.Hashing;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.ContractKind;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.naming.JavaNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every {@code *.json} file below each contract root (sorted by relative path, so runs are deterministic),
 * checks it against the contract format (docs/contract-format.md) and builds the {@link ContractSet}.
 *
 * <p>Like Square Wire's loader it never stops at the first problem: every error of every file is collected with
 * file and line, and one {@link ContractException} is thrown at the end. Remote {@code $ref}s are never fetched; they
 * resolve only to the {@code $id} of a loaded contract.
 */
public final class JsonSchemaContractLoader {

  /** The only {@code $schema} accepted. */
  public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  static final List<String> VALID_TYPES = List.of("string", "integer", "number", "boolean", "object", "array");

  /** Keywords that change the meaning of a schema in ways generated Java cannot express, with what to do instead. */
  private static final Map<String, String> REFUSED = new LinkedHashMap<>();

  static {
    String alternatives = "generated Java has one type per property; model variants as optional properties or as "
        + "separate events";
    REFUSED.put("oneOf", alternatives);
    REFUSED.put("anyOf", alternatives);
    REFUSED.put("allOf", "write the combined properties into one object schema");
    REFUSED.put("not", "remove it and describe the rule in \"description\"");
    REFUSED.put("if", "conditional schemas cannot be expressed in Java types; remove \"if\"/\"then\"/\"else\"");
    REFUSED.put("then", "conditional schemas cannot be expressed in Java types; remove \"if\"/\"then\"/\"else\"");
    REFUSED.put("else", "conditional schemas cannot be expressed in Java types; remove \"if\"/\"then\"/\"else\"");
    REFUSED.put("prefixItems", "use \"items\" with one schema for every element, or an object with named properties");
    REFUSED.put("dependentSchemas", "remove it; make the dependent properties optional and document the rule");
    REFUSED.put("patternProperties", "declare every property under \"properties\"");
    REFUSED.put("unevaluatedProperties", "use \"additionalProperties\": false");
    REFUSED.put("unevaluatedItems", "use \"items\"");
    REFUSED.put("$dynamicRef", "use \"$ref\"");
    REFUSED.put("$recursiveRef", "use \"$ref\"");
    REFUSED.put("const", "use a one-value enum, e.g. \"enum\": [\"value\"]");
  }

  private static final Pattern SUBJECT = Pattern.compile("[^\\s*>.]+(\\.[^\\s*>.]+)*");

  private final ErrorCollector errors = new ErrorCollector();
  private final List<FileCtx> files = new ArrayList<>();
  private final Map<Path, FileCtx> byFile = new HashMap<>();
  private final Map<String, FileCtx> byId = new HashMap<>();
  private final Map<String, String> classNames = new HashMap<>();

  /** Per file state of one load. */
  private static final class FileCtx {
    Path root;
    Path file;
    String bundlePath;
    byte[] bytes;
    String sha256;
    LocatedJson json;
    boolean broken;
    String id;
    String name;
    ContractKind kind = ContractKind.EVENT;
    String subject;
    int version;
    /** Prefix of the names of nested classes: subject-based for events, the title for types. */
    String typeBase;
    /** Set when another file already has this subject (reported once, not again as a class name clash). */
    boolean duplicateSubject;

    SourceLocation at(String pointer) {
      return new SourceLocation(file, json == null ? 0 : json.line(pointer), pointer);
    }

    int line(String pointer) {
      return json == null ? 0 : json.line(pointer);
    }
  }

  /** Loads every contract below the roots. */
  public static ContractSet load(List<Path> roots) {
    return new JsonSchemaContractLoader().run(roots);
  }

  /** The contract files below the roots in load order ({@code *.json}, sorted by path relative to the root). */
  public static List<Path> contractFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
          .sorted((a, b) -> slashed(root.relativize(a)).compareTo(slashed(root.relativize(b))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  static String slashed(Path relative) {
    return relative.toString().replace('\\', '/');
  }

  private ContractSet run(List<Path> roots) {
    readFiles(roots);
    for (FileCtx f : files) {
      if (!f.broken) {
        readHeader(f);
      }
    }
    checkDuplicates();
    reserve("Subjects", "the generated Subjects enum");
    reserve("EventTypes", "the generated EventTypes class");
    List<Contract> contracts = new ArrayList<>();
    for (FileCtx f : files) {
      if (!f.broken) {
        registerContractNames(f);
      }
    }
    for (FileCtx f : files) {
      if (!f.broken) {
        Contract contract = buildContract(f);
        if (contract != null) {
          contracts.add(contract);
        }
      }
    }
    errors.throwIfAny();
    return new ContractSet(contracts);
  }

  // ---------------------------------------------------------------------------------------------- files & syntax

  private void readFiles(List<Path> roots) {
    Map<String, FileCtx> byBundlePath = new HashMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        errors.add(root, 0, "contract root does not exist or is not a directory",
            "check the configured contract directories");
        continue;
      }
      for (Path file : contractFiles(root)) {
        FileCtx f = new FileCtx();
        f.root = root;
        f.file = file;
        f.bundlePath = slashed(root.relativize(file));
        try {
          f.bytes = Files.readAllBytes(file);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
        f.sha256 = Hashing.sha256(f.bytes);
        FileCtx same = byBundlePath.putIfAbsent(f.bundlePath, f);
        if (same != null) {
          errors.add(file, 0, "bundle path \"" + f.bundlePath + "\" is already used by " + same.file
              + " in another contract root", "rename one of the files; both would be bundled at the same path");
          f.broken = true;
        }
        try {
          f.json = LocatedJson.parse(f.bytes);
        } catch (JsonProcessingException e) {
          int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
          int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
          errors.add(file, line, "malformed JSON at column " + column + ": " + e.getOriginalMessage(),
              "fix the JSON syntax");
          f.broken = true;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!f.broken && !f.json.tree().isObject()) {
          errors.add(file, 1, "a contract must be a JSON object", "write the schema as { ... }");
          f.broken = true;
        }
        files.add(f);
        byFile.put(file.toAbsolutePath().normalize(), f);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- header

  private void readHeader(FileCtx f) {
    JsonNode root = f.json.tree();
    JsonNode schema = root.get("$schema");
    if (schema == null) {
      errors.add(f.file, 1, "missing \"$schema\"", "add \"$schema\": \"" + DRAFT_2020_12 + "\"");
    } else if (!schema.isTextual() || !(schema.asText().equals(DRAFT_2020_12)
        || schema.asText().equals(DRAFT_2020_12 + "#"))) {
      errors.add(f.file, f.line("/$schema"), "\"$schema\" is " + schema + ", not JSON Schema draft 2020-12",
          "set \"$schema\": \"" + DRAFT_2020_12 + "\"");
    }

    JsonNode id = root.get("$id");
    if (id == null) {
      errors.add(f.file, 1, "missing \"$id\"",
          "add an absolute URI that names this contract, e.g. \"$id\": \"https://example.com/schemas/"
              + f.bundlePath + "\" (it is a name and is never fetched)");
    } else if (!id.isTextual() || !isAbsoluteUriWithoutFragment(id.asText())) {
      errors.add(f.file, f.line("/$id"), "\"$id\" " + id + " is not an absolute URI without fragment",
          "use e.g. \"https://example.com/schemas/" + f.bundlePath + "\"");
    } else {
      f.id = id.asText();
    }
    if (f.id == null) {
      f.id = "urn:eventcontracts:" + f.bundlePath; // keeps references resolvable for further checks
    }

    JsonNode kind = root.get("x-kind");
    if (kind != null) {
      if (kind.isTextual() && kind.asText().equals("event")) {
        f.kind = ContractKind.EVENT;
      } else if (kind.isTextual() && kind.asText().equals("type")) {
        f.kind = ContractKind.TYPE;
      } else {
        errors.add(f.file, f.line("/x-kind"), "\"x-kind\" is " + kind + ", expected \"event\" or \"type\"",
            "use \"event\" (the default) for messages on a subject, \"type\" for shared definitions");
      }
    }

    JsonNode version = root.get("x-version");
    if (version == null) {
      errors.add(f.file, 1, "missing \"x-version\"", "add \"x-version\": 1 (an integer >= 1)");
    } else if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
      errors.add(f.file, f.line("/x-version"), "\"x-version\" is " + version + ", not an integer >= 1",
          "write it as a number, e.g. \"x-version\": 1");
    } else {
      f.version = version.asInt();
    }

    JsonNode title = root.get("title");
    String base = f.file.getFileName().toString().replaceFirst("\\.json$", "");
    if (title != null && (!title.isTextual() || !JavaNames.isValidClassName(JavaNames.pascal(title.asText())))) {
      errors.add(f.file, f.line("/title"), "title " + title + " does not give a valid Java class name (\""
              + (title.isTextual() ? JavaNames.pascal(title.asText()) : "") + "\")",
          "use a PascalCase name that starts with a letter, e.g. \"" + fallbackName(base) + "\"");
      f.name = fallbackName(base);
    } else {
      f.name = title != null ? JavaNames.pascal(title.asText()) : fallbackName(base);
    }

    JsonNode subject = root.get("x-subject");
    if (f.kind == ContractKind.EVENT) {
      if (subject == null) {
        errors.add(f.file, 1, "event contract has no \"x-subject\"",
            "add the NATS subject, e.g. \"x-subject\": \"ticket:created\", or set \"x-kind\": \"type\" for a "
                + "shared definition");
      } else if (!subject.isTextual() || !SUBJECT.matcher(subject.asText()).matches()) {
        errors.add(f.file, f.line("/x-subject"), "\"x-subject\" " + subject + " is not a valid NATS subject",
            "use tokens without spaces or wildcards (*, >), separated by single dots, e.g. \"ticket:created\"");
      } else if (!JavaNames.isValidClassName(JavaNames.eventClassName(subject.asText()))) {
        errors.add(f.file, f.line("/x-subject"), "\"x-subject\" \"" + subject.asText() + "\" gives class name \""
            + JavaNames.eventClassName(subject.asText()) + "\", which is not a valid Java identifier",
            "start the subject with a letter");
      } else {
        f.subject = subject.asText();
      }
      f.typeBase = f.subject != null ? JavaNames.eventBaseName(f.subject) : f.name;
    } else {
      if (subject != null) {
        errors.add(f.file, f.line("/x-subject"), "a contract with \"x-kind\": \"type\" has an \"x-subject\"",
            "remove \"x-subject\", or remove \"x-kind\" to make it an event");
      }
      f.typeBase = f.name;
    }
  }

  private static String fallbackName(String fileBase) {
    String name = JavaNames.pascal(fileBase);
    return JavaNames.isValidClassName(name) ? name : "Contract" + name;
  }

  private static boolean isAbsoluteUriWithoutFragment(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute() && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void checkDuplicates() {
    Map<String, FileCtx> subjects = new HashMap<>();
    for (FileCtx f : files) {
      if (f.broken) {
        continue;
      }
      if (f.subject != null) {
        FileCtx first = subjects.putIfAbsent(f.subject, f);
        if (first != null) {
          f.duplicateSubject = true;
          errors.add(f.file, f.line("/x-subject"), "subject \"" + f.subject + "\" is also the subject of "
                  + first.at("/x-subject"),
              "give each event contract its own subject; a new version of an event keeps its file and raises "
                  + "\"x-version\"");
        }
      }
      if (f.json.tree().has("$id") && f.json.tree().get("$id").isTextual()) {
        FileCtx first = byId.putIfAbsent(f.id, f);
        if (first != null) {
          errors.add(f.file, f.line("/$id"), "\"$id\" \"" + f.id + "\" is also the $id of " + first.at("/$id"),
              "give each contract file its own $id");
        }
      } else {
        byId.putIfAbsent(f.id, f);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- class names

  private void reserve(String className, String owner) {
    classNames.put(className, owner);
  }

  /** Registers a class name; reports a clash and returns false when another element already produces it. */
  private boolean claim(String className, FileCtx f, String pointer, String what, String hint) {
    String owner = f.at(pointer) + " (" + what + ")";
    String existing = classNames.putIfAbsent(className, owner);
    if (existing != null && !existing.equals(owner)) {
      errors.add(f.file, f.line(pointer), what + " gives class name " + className + ", which is already used by "
          + existing, hint);
      return false;
    }
    return true;
  }

  private void registerContractNames(FileCtx f) {
    if (f.kind == ContractKind.EVENT) {
      if (f.subject == null || f.duplicateSubject) {
        return;
      }
      String what = "x-subject \"" + f.subject + "\"";
      String hint = "choose a subject whose words differ from the other one's, not only in punctuation or case";
      if (claim(JavaNames.eventClassName(f.subject), f, "/x-subject", what, hint)) {
        claim(JavaNames.listenerClassName(f.subject), f, "/x-subject", what, hint);
        claim(JavaNames.publisherClassName(f.subject), f, "/x-subject", what, hint);
      }
    } else {
      JsonNode root = f.json.tree();
      boolean named = root.has("enum") || "object".equals(root.path("type").asText(""));
      if (named) {
        claim(f.name, f, root.has("title") ? "/title" : "", "title \"" + f.name + "\"",
            "rename the title; each type contract becomes a class of that name");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- schemas

  /** A walked schema: its type and whether {@code null} is allowed ({@code "type": [X, "null"]}). */
  private record Walked(DataType type, boolean nullable) {}

  private Contract buildContract(FileCtx f) {
    JsonNode root = f.json.tree();
    Map<String, DataType> definitions = new TreeMap<>();
    for (String container : List.of("$defs", "definitions")) {
      JsonNode defs = root.get(container);
      if (defs == null) {
        continue;
      }
      if (!defs.isObject()) {
        errors.add(f.file, f.line("/" + container), "\"" + container + "\" must be an object of schemas",
            "write \"" + container + "\": { \"Name\": { ... } }");
        continue;
      }
      for (Map.Entry<String, JsonNode> def : defs.properties()) {
        String pointer = "/" + container + "/" + LocatedJson.escape(def.getKey());
        String name = JavaNames.pascal(def.getKey());
        String what = container + " \"" + def.getKey() + "\"";
        if (!JavaNames.isValidClassName(name)) {
          errors.add(f.file, f.line(pointer), what + " does not give a valid Java class name (\"" + name + "\")",
              "use a PascalCase name that starts with a letter");
          name = "Definition";
        }
        Walked walked = walk(f, def.getValue(), pointer, name, what + ": ");
        definitions.put(pointer, walked.type());
      }
    }
    Walked rootType = walk(f, root, "", f.kind == ContractKind.EVENT ? f.typeBase : f.name, "");
    if (f.kind == ContractKind.EVENT && !(rootType.type() instanceof ObjectType)) {
      errors.add(f.file, f.line(""), "an event contract's schema must be \"type\": \"object\"",
          "describe the event payload as an object with properties");
    }
    if (f.kind == ContractKind.EVENT && f.subject == null) {
      return null;
    }
    JsonNode description = root.get("description");
    return new Contract(
        f.name,
        f.kind,
        f.subject,
        f.version,
        f.id,
        description != null && description.isTextual() ? description.asText() : null,
        ContractFormat.JSON_SCHEMA,
        new SourceLocation(f.file, 1, ""),
        f.bundlePath,
        rootType.type(),
        definitions,
        f.sha256,
        new JsonSchemaDocument(f.bytes, f.json.tree()));
  }

  private Walked walk(FileCtx f, JsonNode node, String pointer, String typeName, String what) {
    if (!node.isObject()) {
      errors.add(f.file, f.line(pointer), what + "schema must be a JSON object, found " + node,
          "write the schema as { \"type\": ... } (boolean schemas are not supported)");
      return new Walked(PrimitiveType.STRING, false);
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String keyword = entry.getKey();
      String hint = REFUSED.get(keyword);
      if (hint != null) {
        errors.add(f.file, f.line(pointer + "/" + LocatedJson.escape(keyword)),
            what + "\"" + keyword + "\" is not supported: it would change what the generated Java accepts", hint);
      }
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional != null && !additional.isBoolean()) {
      errors.add(f.file, f.line(pointer + "/additionalProperties"),
          what + "\"additionalProperties\" given as a schema is not supported (it would need a map-typed class)",
          "use \"additionalProperties\": false and declare every property under \"properties\"");
    }

    if (node.has("$ref")) {
      DataType ref = resolveRef(f, node.get("$ref"), pointer + "/$ref", what);
      return new Walked(ref == null ? PrimitiveType.STRING : ref, false);
    }

    boolean nullable = false;
    String type = null;
    JsonNode typeNode = node.get("type");
    if (typeNode != null) {
      if (typeNode.isTextual()) {
        type = typeNode.asText();
      } else if (typeNode.isArray() && typeNode.size() == 2 && typeNode.get(0).isTextual()
          && typeNode.get(1).isTextual() && typeNode.get(1).asText().equals("null")
          && !typeNode.get(0).asText().equals("null")) {
        type = typeNode.get(0).asText();
        nullable = true;
      } else {
        errors.add(f.file, f.line(pointer + "/type"), what + "\"type\": " + typeNode + " is not supported",
            "use one type, optionally with \"null\" as second entry, e.g. \"type\": [\"string\", \"null\"]");
        return new Walked(PrimitiveType.STRING, false);
      }
      if (!VALID_TYPES.contains(type)) {
        errors.add(f.file, f.line(pointer + "/type"), what + (type.equals("null")
                ? "type \"null\" on its own is not supported (a property that is always null carries no data)"
                : "type \"" + type + "\" is not a JSON Schema type"),
            "use one of \"" + String.join("\", \"", VALID_TYPES) + "\"");
        return new Walked(PrimitiveType.STRING, nullable);
      }
    }

    String description = node.path("description").isTextual() ? node.get("description").asText() : null;
    if (node.has("enum")) {
      return new Walked(enumType(f, node, pointer, typeName, what, type, description), nullable);
    }
    if (type == null) {
      errors.add(f.file, f.line(pointer), what + "schema has no \"type\", \"$ref\" or \"enum\"",
          "add \"type\": one of \"" + String.join("\", \"", VALID_TYPES) + "\"");
      return new Walked(PrimitiveType.STRING, false);
    }
    switch (type) {
      case "string": {
        String format = node.path("format").asText("");
        return new Walked(switch (format) {
          case "date-time" -> PrimitiveType.DATE_TIME;
          case "date" -> PrimitiveType.DATE;
          default -> PrimitiveType.STRING;
        }, nullable);
      }
      case "integer":
        return new Walked("int64".equals(node.path("format").asText(""))
            ? PrimitiveType.LONG : PrimitiveType.INTEGER, nullable);
      case "number":
        return new Walked(PrimitiveType.NUMBER, nullable);
      case "boolean":
        return new Walked(PrimitiveType.BOOLEAN, nullable);
      case "array": {
        JsonNode items = node.get("items");
        if (items == null) {
          errors.add(f.file, f.line(pointer), what + "array has no \"items\"",
              "add \"items\": { ... } describing every element");
          return new Walked(new ListType(PrimitiveType.STRING), nullable);
        }
        Walked element = walk(f, items, pointer + "/items", typeName + "Item", what + "items: ");
        return new Walked(new ListType(element.type()), nullable);
      }
      default:
        return new Walked(objectType(f, node, pointer, typeName, what, description), nullable);
    }
  }

  private DataType enumType(FileCtx f, JsonNode node, String pointer, String typeName, String what,
      String type, String description) {
    JsonNode values = node.get("enum");
    if (type != null && !type.equals("string")) {
      errors.add(f.file, f.line(pointer + "/type"), what + "enum with \"type\": \"" + type + "\" is not supported",
          "use \"type\": \"string\" with string values");
    }
    List<String> strings = new ArrayList<>();
    if (!values.isArray() || values.isEmpty()) {
      errors.add(f.file, f.line(pointer + "/enum"), what + "\"enum\" must be a non-empty array of strings",
          "list the allowed values, e.g. \"enum\": [\"created\", \"cancelled\"]");
    } else {
      Set<String> constants = new LinkedHashSet<>();
      for (int i = 0; i < values.size(); i++) {
        JsonNode value = values.get(i);
        if (!value.isTextual()) {
          errors.add(f.file, f.line(pointer + "/enum/" + i), what + "enum value " + value + " is not a string",
              "write every enum value as a string");
        } else if (JavaNames.pascal(value.asText()).isEmpty()) {
          errors.add(f.file, f.line(pointer + "/enum/" + i), what + "enum value \"" + value.asText()
              + "\" has no letters or digits to name a Java constant", "use a value with letters or digits");
        } else {
          if (!constants.add(JavaNames.constantName(value.asText()))) {
            errors.add(f.file, f.line(pointer + "/enum/" + i), what + "enum value \"" + value.asText()
                    + "\" gives Java constant " + JavaNames.constantName(value.asText())
                    + ", which another value of this enum already gives",
                "make the values differ in more than punctuation or case");
          }
          strings.add(value.asText());
        }
      }
    }
    if (!pointer.isEmpty()) {
      claim(typeName, f, pointer, what.substring(0, what.length() - 2),
          "rename the property, or move the enum into its own type contract and $ref it");
    }
    return new EnumType(typeName, strings, description, f.at(pointer));
  }

  private DataType objectType(FileCtx f, JsonNode node, String pointer, String typeName, String what,
      String description) {
    if (!pointer.isEmpty()) {
      claim(typeName, f, pointer, what.substring(0, what.length() - 2),
          "rename the property, or move the object into its own type contract and $ref it");
    }
    Set<String> required = new LinkedHashSet<>();
    JsonNode requiredNode = node.get("required");
    JsonNode properties = node.path("properties");
    if (node.has("properties") && !properties.isObject()) {
      errors.add(f.file, f.line(pointer + "/properties"), what + "\"properties\" must be an object",
          "write \"properties\": { \"name\": { ... } }");
      properties = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if (requiredNode != null) {
      if (!requiredNode.isArray()) {
        errors.add(f.file, f.line(pointer + "/required"), what + "\"required\" must be an array of property names",
            "write \"required\": [\"id\", ...]");
      } else {
        for (int i = 0; i < requiredNode.size(); i++) {
          JsonNode name = requiredNode.get(i);
          if (!name.isTextual() || !properties.has(name.asText())) {
            errors.add(f.file, f.line(pointer + "/required/" + i), what + "\"required\" lists " + name
                + ", which is not a property of this object", "declare it under \"properties\" or remove it");
          } else {
            required.add(name.asText());
          }
        }
      }
    }
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      String name = property.getKey();
      String propertyPointer = pointer + "/properties/" + LocatedJson.escape(name);
      String propertyWhat = "property \"" + name + "\"";
      JsonNode schema = property.getValue();
      String fieldDescription = null;
      if (schema.isObject()) {
        JsonNode d = schema.get("description");
        if (d == null || !d.isTextual() || d.asText().isBlank()) {
          errors.add(f.file, f.line(propertyPointer), propertyWhat + " has no \"description\"",
              "add \"description\": every property is documented in the generated Java and the contract catalogue");
        } else {
          fieldDescription = d.asText();
        }
      }
      String nested = JavaNames.pascal(name);
      Walked walked = walk(f, schema, propertyPointer, typeName + (nested.isEmpty() ? "Value" : nested),
          propertyWhat + ": ");
      fields.add(new Field(name, walked.type(), required.contains(name), walked.nullable(), fieldDescription,
          f.at(propertyPointer)));
    }
    boolean closed = node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean();
    return new ObjectType(typeName, fields, closed, description, f.at(pointer));
  }

  // ---------------------------------------------------------------------------------------------- references

  private TypeRef resolveRef(FileCtx f, JsonNode refNode, String pointer, String what) {
    int line = f.line(pointer);
    if (!refNode.isTextual()) {
      errors.add(f.file, line, what + "\"$ref\" must be a string", "write e.g. \"$ref\": \"order-status.json\"");
      return null;
    }
    String ref = refNode.asText();
    int hash = ref.indexOf('#');
    String base = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    FileCtx target;
    if (base.isEmpty()) {
      target = f;
    } else {
      URI uri;
      try {
        uri = new URI(base);
      } catch (URISyntaxException e) {
        errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" is not a valid URI reference",
            "use a relative file name such as \"order-status.json\"");
        return null;
      }
      if (uri.isAbsolute()) {
        target = byId.get(base);
        if (target == null) {
          errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" is a remote reference that is not the $id of any "
                  + "loaded contract; remote schemas are never fetched",
              "add the referenced contract to a contract root (or a contract dependency) or use a relative $ref");
          return null;
        }
      } else {
        Path resolved = f.file.toAbsolutePath().normalize().getParent().resolve(uri.getPath()).normalize();
        target = byFile.get(resolved);
        if (target == null && f.id != null && isAbsoluteUriWithoutFragment(f.id)) {
          target = byId.get(URI.create(f.id).resolve(uri).toString());
        }
        if (target == null) {
          errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" does not resolve: no contract file "
                  + f.file.resolveSibling(uri.getPath()).normalize(),
              "check the file name; relative references resolve against the referring file");
          return null;
        }
      }
    }
    if (target.broken) {
      return null; // its own error is reported
    }
    if (!fragment.isEmpty()) {
      if (!fragment.startsWith("/")) {
        errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" uses an anchor, not a JSON pointer",
            "point at a definition, e.g. \"#/$defs/Money\"");
        return null;
      }
      JsonNode found;
      try {
        found = target.json.tree().at(JsonPointer.compile(fragment));
      } catch (IllegalArgumentException e) {
        found = null;
      }
      if (found == null || found.isMissingNode()) {
        errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" does not resolve: JSON pointer \"" + fragment
            + "\" not found in " + target.file, "check the pointer, e.g. \"#/$defs/Money\"");
        return null;
      }
      if (!fragment.matches("/(\\$defs|definitions)/[^/]+")) {
        errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" points inside a schema",
            "move the referenced schema into \"$defs\" (or its own contract file) and reference that");
        return null;
      }
    }
    return new TypeRef(target.id, fragment);
  }
}
