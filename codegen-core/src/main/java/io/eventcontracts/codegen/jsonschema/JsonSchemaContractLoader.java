package io.eventcontracts.codegen.jsonschema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.ErrorCollector;
import io.eventcontracts.codegen.Hashing;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Constraints;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.ContractKind;
import io.eventcontracts.codegen.model.ContractSet;
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
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import io.eventcontracts.codegen.naming.JavaNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every {@code *.json} file below each contract root (sorted by relative path, so runs are deterministic)
 * and builds the {@link ContractSet}: the one model every generator reads (docs/contract-format.md).
 *
 * <p>Every draft in use is read (04, 06, 07, 2019-09, 2020-12, by {@code $schema}; the configured default without
 * one). Metadata (subject, version, kind, name) comes from {@code x-} keywords or from the mapping file
 * {@value #MAPPING_FILE} beside the schemas, so vendored schemas stay byte-identical.
 *
 * <p>Two kinds of findings, both {@code file:line: what is wrong; what to do}, all collected: errors (generation or
 * validation would be impossible or wrong: malformed JSON, a {@code $ref} that does not resolve, an unknown draft,
 * two events on one subject) end the run with one {@link ContractException}; lint findings (a property without
 * description, a keyword the Java type does not express) are returned as warnings. Remote {@code $ref}s are never
 * fetched; they resolve only to the id of a loaded contract.
 */
public final class JsonSchemaContractLoader {

  /** The mapping file's name; in a contract root it maps schema files to subject, version, kind and name. */
  public static final String MAPPING_FILE = "eventcontracts-mapping.json";

  /** The only {@code $schema} the first release accepted; still the default. */
  public static final String DRAFT_2020_12 = Dialect.DRAFT_2020_12.uri();

  static final List<String> VALID_TYPES =
      List.of("string", "integer", "number", "boolean", "object", "array", "null");

  /**
   * Keywords the Java type does not express (enforced at run time by validation), each with how a lint note names it:
   * quoted, and {@code if} together with the {@code then}/{@code else} it governs.
   */
  private static final Map<String, String> UNTYPED = new LinkedHashMap<>();

  static {
    for (String keyword : List.of("not", "if", "dependentSchemas", "dependencies", "patternProperties",
        "unevaluatedProperties", "unevaluatedItems", "propertyNames", "contains", "prefixItems", "$dynamicRef",
        "$recursiveRef")) {
      UNTYPED.put(keyword, keyword.equals("if") ? "\"if\"/\"then\"/\"else\"" : "\"" + keyword + "\"");
    }
  }

  /** Keywords that shape the value's type; a schema with none of them (beside {@code $ref}) accepts anything. */
  private static final Set<String> TYPE_KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
      "items", "allOf", "oneOf", "anyOf", "enum", "const", "$ref");

  private static final Pattern SUBJECT = Pattern.compile("[^\\s*>.]+(\\.[^\\s*>.]+)*");

  /**
   * How the loader reads contracts.
   *
   * @param defaultDialect the draft of files without {@code $schema}
   * @param doubleNumbers true to read {@code "type": "number"} as {@link PrimitiveType#DOUBLE} instead of
   *     {@link PrimitiveType#DECIMAL}
   * @param unboundedIntegersLong true to read an integer left unbounded on a side (and otherwise within 64 bits) as
   *     {@link PrimitiveType#LONG} instead of {@link PrimitiveType#BIG_INTEGER}: a valid value beyond ±2^63 then
   *     fails to bind
   */
  public record Options(Dialect defaultDialect, boolean doubleNumbers, boolean unboundedIntegersLong) {
    public static final Options DEFAULT = new Options(Dialect.DRAFT_2020_12, false);

    /** Options with unbounded integers as {@code BigInteger}. */
    public Options(Dialect defaultDialect, boolean doubleNumbers) {
      this(defaultDialect, doubleNumbers, false);
    }

    public Options {
      defaultDialect = defaultDialect == null ? Dialect.DRAFT_2020_12 : defaultDialect;
    }
  }

  /**
   * What a load produced.
   *
   * @param contracts the model
   * @param lint lint findings, sorted by file and line
   */
  public record Result(ContractSet contracts, List<ContractError> lint) {}

  private final Options options;
  private final ErrorCollector errors = new ErrorCollector();
  private final List<FileCtx> files = new ArrayList<>();
  private final Map<Path, FileCtx> byFile = new HashMap<>();
  private final Map<String, FileCtx> byId = new HashMap<>();
  private final Map<String, Walked> walked = new HashMap<>();
  private final Set<String> walking = new HashSet<>();
  /** {@code required} names an object lists without declaring them; only {@code allOf} merging needs them. */
  private final Map<ObjectType, Set<String>> undeclaredRequired = new IdentityHashMap<>();

  /** Per file state of one load. */
  private static final class FileCtx {
    Path root;
    Path file;
    String bundlePath;
    byte[] bytes;
    String sha256;
    LocatedJson json;
    boolean broken;
    Dialect dialect;
    String id;
    String name;
    ContractKind kind;
    String subject;
    int version = 1;
    Mapping mapping;
    ServiceDeclaration services = ServiceDeclaration.NONE;
    String typeBase;
    final Map<String, DataType> definitions = new LinkedHashMap<>();
    Walked root0;

    SourceLocation at(String pointer) {
      return new SourceLocation(file, line(pointer), pointer);
    }

    int line(String pointer) {
      if (json == null) {
        return 0;
      }
      String p = pointer;
      int line = json.line(p);
      while (line == 0 && !p.isEmpty()) {
        p = p.substring(0, p.lastIndexOf('/'));
        line = json.line(p);
      }
      return line;
    }
  }

  /** One entry of a mapping file. */
  private record Mapping(Path file, int line, String subject, Integer version, ContractKind kind, String name,
      List<String> publishers, List<String> consumers) {}

  /** A walked schema: its type and whether {@code null} is allowed. */
  private record Walked(DataType type, boolean nullable, String description) {
    Walked(DataType type, boolean nullable) {
      this(type, nullable, null);
    }
  }

  private JsonSchemaContractLoader(Options options) {
    this.options = options;
  }

  /** Loads every contract below the roots with the default options; lint findings are dropped. */
  public static ContractSet load(List<Path> roots) {
    return load(roots, Options.DEFAULT).contracts();
  }

  /**
   * Loads every contract below the roots.
   *
   * @throws ContractException with every error found
   */
  public static Result load(List<Path> roots, Options options) {
    return new JsonSchemaContractLoader(options).run(roots);
  }

  /** The contract files below the roots in load order ({@code *.json} but the mapping file, sorted by path). */
  public static List<Path> contractFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")
              && !(p.getParent().equals(root) && p.getFileName().toString().equals(MAPPING_FILE)))
          .sorted((a, b) -> slashed(root.relativize(a)).compareTo(slashed(root.relativize(b))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  static String slashed(Path relative) {
    return relative.toString().replace('\\', '/');
  }

  private Result run(List<Path> roots) {
    Map<String, Mapping> mappings = new HashMap<>();
    for (Path root : roots) {
      readMapping(root, mappings);
    }
    readFiles(roots, mappings);
    for (FileCtx f : files) {
      if (!f.broken) {
        readHeader(f);
      }
    }
    checkDuplicates();
    for (FileCtx f : files) {
      if (!f.broken) {
        walkContract(f);
      }
    }
    List<Contract> contracts = new ArrayList<>();
    for (FileCtx f : files) {
      if (!f.broken) {
        Contract contract = buildContract(f);
        if (contract != null) {
          contracts.add(contract);
        }
      }
    }
    errors.throwIfAny();
    return new Result(new ContractSet(contracts), errors.lintFindings());
  }

  // ---------------------------------------------------------------------------------------------- mapping file

  private void readMapping(Path root, Map<String, Mapping> mappings) {
    Path file = root.resolve(MAPPING_FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    LocatedJson json;
    try {
      json = LocatedJson.parse(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      errors.add(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "malformed JSON: " + e.getOriginalMessage(), "fix the JSON syntax");
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    JsonNode contracts = json.tree().path("contracts");
    if (!contracts.isObject()) {
      errors.add(file, 1, "mapping file has no \"contracts\" object",
          "write { \"contracts\": { \"push.json\": { \"subject\": \"github.push\", \"version\": 1 } } }");
      return;
    }
    for (Map.Entry<String, JsonNode> e : contracts.properties()) {
      String pointer = "/contracts/" + LocatedJson.escape(e.getKey());
      int line = json.line(pointer);
      JsonNode m = e.getValue();
      if (!Files.isRegularFile(root.resolve(e.getKey()))) {
        errors.add(file, line, "mapping for \"" + e.getKey() + "\": no such schema file below " + root,
            "give the path relative to the mapping file, with / separators");
        continue;
      }
      String subject = m.path("subject").isTextual() ? m.get("subject").asText() : null;
      Integer version = null;
      if (m.has("version")) {
        if (!m.get("version").isIntegralNumber() || m.get("version").asInt() < 1) {
          errors.add(file, json.line(pointer + "/version"), "mapping for \"" + e.getKey() + "\": \"version\" is "
              + m.get("version") + ", not an integer >= 1", "write it as a number, e.g. \"version\": 1");
        } else {
          version = m.get("version").asInt();
        }
      }
      ContractKind kind = null;
      if (m.has("kind")) {
        String k = m.get("kind").asText("");
        if (k.equals("event") || k.equals("type")) {
          kind = k.equals("event") ? ContractKind.EVENT : ContractKind.TYPE;
        } else {
          errors.add(file, json.line(pointer + "/kind"), "mapping for \"" + e.getKey() + "\": \"kind\" is "
              + m.get("kind") + ", expected \"event\" or \"type\"", "use \"event\" or \"type\"");
        }
      }
      String name = m.path("name").isTextual() ? m.get("name").asText() : null;
      List<String> publishers = services(file, json, m, pointer, "publishers", "mapping for \"" + e.getKey() + "\": ");
      List<String> consumers = services(file, json, m, pointer, "consumers", "mapping for \"" + e.getKey() + "\": ");
      mappings.put(root.toAbsolutePath().normalize() + "|" + e.getKey(),
          new Mapping(file, line, subject, version, kind, name, publishers, consumers));
    }
  }

  // ---------------------------------------------------------------------------------------------- files & syntax

  private void readFiles(List<Path> roots, Map<String, Mapping> mappings) {
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
        f.mapping = mappings.get(root.toAbsolutePath().normalize() + "|" + f.bundlePath);
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
    // without "$schema" the default draft applies; the bundle index records it ("dialect") and the runtime
    // validates the file with it, so no finding
    f.dialect = options.defaultDialect();
    if (schema != null) {
      var dialect = schema.isTextual() ? Dialect.ofSchemaUri(schema.asText()) : java.util.Optional.<Dialect>empty();
      if (dialect.isEmpty()) {
        errors.add(f.file, f.line("/$schema"), "\"$schema\" is " + schema + ", not a JSON Schema draft this toolkit "
            + "reads", "use one of " + String.join(", ", java.util.Arrays.stream(Dialect.values())
            .map(Dialect::uri).toList()) + ", or remove it to use the default (" + f.dialect.shortName() + ")");
      } else {
        f.dialect = dialect.get();
      }
    }

    URI location = URI.create(Contract.BUNDLE_BASE).resolve(encodePath(f.bundlePath));
    JsonNode id = root.get(f.dialect.idKeyword());
    f.id = location.toString();
    if (id != null) {
      String text = id.isTextual() ? id.asText() : null;
      if (text != null && text.endsWith("#")) {
        text = text.substring(0, text.length() - 1);
      }
      URI uri = null;
      try {
        uri = text == null ? null : new URI(text);
      } catch (URISyntaxException e) {
        uri = null;
      }
      if (uri == null || uri.getFragment() != null) {
        errors.add(f.file, f.line("/" + f.dialect.idKeyword()), "\"" + f.dialect.idKeyword() + "\" " + id
            + " is not a URI without fragment", "use e.g. \"https://example.com/schemas/" + f.bundlePath
            + "\", a relative name such as \"" + f.bundlePath + "\", or leave it out");
      } else {
        f.id = location.resolve(uri).toString();
      }
    }

    Mapping m = f.mapping;
    JsonNode kind = root.get("x-kind");
    if (m != null && m.kind() != null) {
      f.kind = m.kind();
    } else if (kind != null) {
      if (kind.isTextual() && kind.asText().equals("event")) {
        f.kind = ContractKind.EVENT;
      } else if (kind.isTextual() && kind.asText().equals("type")) {
        f.kind = ContractKind.TYPE;
      } else {
        errors.add(f.file, f.line("/x-kind"), "\"x-kind\" is " + kind + ", expected \"event\" or \"type\"",
            "use \"event\" for messages on a subject, \"type\" for shared definitions");
      }
    }

    JsonNode version = root.get("x-version");
    if (m != null && m.version() != null) {
      f.version = m.version();
    } else if (version != null) {
      if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
        errors.add(f.file, f.line("/x-version"), "\"x-version\" is " + version + ", not an integer >= 1",
            "write it as a number, e.g. \"x-version\": 1");
      } else {
        f.version = version.asInt();
      }
    }

    JsonNode title = root.get("title");
    String base = f.file.getFileName().toString().replaceFirst("\\.json$", "").replaceFirst("\\.schema$", "");
    if (m != null && m.name() != null && JavaNames.isValidClassName(JavaNames.pascal(m.name()))) {
      f.name = JavaNames.pascal(m.name());
    } else if (title != null && title.isTextual() && JavaNames.isValidClassName(JavaNames.pascal(title.asText()))) {
      f.name = JavaNames.pascal(title.asText());
    } else {
      if (title != null) {
        errors.lint(f.file, f.line("/title"), "title " + title + " does not give a valid Java class name; the class "
            + "is named " + fallbackName(base) + " after the file", "use a PascalCase title that starts with a letter");
      }
      f.name = fallbackName(base);
    }

    String subjectText = m != null && m.subject() != null ? m.subject()
        : root.path("x-subject").isTextual() ? root.get("x-subject").asText() : null;
    Path subjectFile = m != null && m.subject() != null ? m.file() : f.file;
    int subjectLine = m != null && m.subject() != null ? m.line() : f.line("/x-subject");
    JsonNode subject = root.get("x-subject");
    if (subject != null && !subject.isTextual() && subjectText == null) {
      errors.add(f.file, f.line("/x-subject"), "\"x-subject\" " + subject + " is not a string",
          "write the NATS subject as a string, e.g. \"x-subject\": \"ticket:created\"");
    }
    if (f.kind == null) {
      f.kind = subjectText != null || (subject != null && !subject.isTextual())
          ? ContractKind.EVENT : ContractKind.TYPE;
    }
    if (f.kind == ContractKind.EVENT) {
      if (subjectText == null) {
        if (subject == null) {
          errors.add(f.file, 1, "event contract has no subject",
              "add \"x-subject\": \"ticket:created\" (or map the file in " + MAPPING_FILE + "), or make it a "
                  + "shared type (\"x-kind\": \"type\")");
        }
      } else if (!SUBJECT.matcher(subjectText).matches()) {
        errors.add(subjectFile, subjectLine, (subjectFile == f.file ? "\"x-subject\" \"" : "mapping subject \"")
                + subjectText + "\" is not a valid NATS subject",
            "use tokens without spaces or wildcards (*, >), separated by single dots, e.g. \"ticket:created\"");
      } else if (!JavaNames.isValidClassName(JavaNames.eventClassName(subjectText))) {
        errors.add(subjectFile, subjectLine, "subject \"" + subjectText + "\" gives class name \""
            + JavaNames.eventClassName(subjectText) + "\", which is not a valid Java identifier",
            "start the subject with a letter");
      } else {
        f.subject = subjectText;
      }
      if (version == null && (m == null || m.version() == null)) {
        errors.lint(f.file, 1, "event contract has no version; version 1 is assumed",
            "add \"x-version\": 1 (or \"version\" in " + MAPPING_FILE + ")");
      }
      f.typeBase = f.subject != null ? JavaNames.eventBaseName(f.subject) : f.name;
      List<String> publishers = m != null && m.publishers() != null ? m.publishers()
          : services(f.file, f.json, root, "", "x-publishers", "");
      List<String> consumers = m != null && m.consumers() != null ? m.consumers()
          : services(f.file, f.json, root, "", "x-consumers", "");
      f.services = new ServiceDeclaration(publishers, consumers);
    } else {
      if (subjectText != null) {
        errors.add(subjectFile, subjectLine, "a shared type contract has a subject",
            "remove the subject, or make it an event (\"x-kind\": \"event\")");
      }
      for (String keyword : List.of("x-publishers", "x-consumers")) {
        if (root.has(keyword)) {
          errors.add(f.file, f.line("/" + keyword), "a shared type contract declares \"" + keyword + "\"",
              "declare publishers and consumers on the events that use the type");
        }
      }
      if (m != null && (m.publishers() != null || m.consumers() != null)) {
        errors.add(m.file(), m.line(), "mapping for \"" + f.bundlePath + "\": a shared type declares publishers or "
            + "consumers", "declare them on the events that use the type");
      }
      f.typeBase = f.name;
    }
  }

  /**
   * A service list ({@code x-publishers}, {@code x-consumers}, or {@code publishers}/{@code consumers} of a mapping
   * entry): {@code null} when absent; every malformed entry is reported.
   */
  private List<String> services(Path file, LocatedJson json, JsonNode holder, String pointer, String key,
      String context) {
    JsonNode list = holder.get(key);
    if (list == null) {
      return null;
    }
    String at = pointer + "/" + key;
    if (!list.isArray()) {
      errors.add(file, json.line(at), context + "\"" + key + "\" is " + list + ", not an array of service names",
          "write e.g. \"" + key + "\": [\"orders\", \"payments\"]");
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      int line = json.line(at + "/" + i);
      if (!item.isTextual() || !ServiceDeclaration.NAME.matcher(item.asText()).matches()) {
        errors.add(file, line == 0 ? json.line(at) : line, context + "\"" + key + "\" entry " + item
                + " is not a service name", "use letters, digits, '.', '_' or '-', starting with a letter or digit, "
                + "e.g. \"orders\"");
      } else if (names.contains(item.asText())) {
        errors.add(file, line == 0 ? json.line(at) : line, context + "\"" + key + "\" lists \"" + item.asText()
            + "\" twice", "list each service once");
      } else {
        names.add(item.asText());
      }
    }
    return names;
  }

  private static String encodePath(String bundlePath) {
    try {
      return new URI(null, null, bundlePath, null).getRawPath();
    } catch (URISyntaxException e) {
      return bundlePath;
    }
  }

  private static String fallbackName(String fileBase) {
    String name = JavaNames.pascal(fileBase);
    return JavaNames.isValidClassName(name) ? name : "Contract" + name;
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
          errors.add(f.file, f.line("/x-subject"), "subject \"" + f.subject + "\" is also the subject of "
                  + first.at("/x-subject"),
              "give each event contract its own subject; a new version of an event keeps its file and raises "
                  + "\"x-version\"");
        }
      }
      FileCtx first = byId.putIfAbsent(f.id, f);
      if (first != null) {
        errors.add(f.file, f.line("/" + f.dialect.idKeyword()), "\"$id\" \"" + f.id + "\" is also the $id of "
            + first.at("/" + first.dialect.idKeyword()), "give each contract file its own $id");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- schemas

  private void walkContract(FileCtx f) {
    JsonNode root = f.json.tree();
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
        walkAt(f, pointer);
      }
    }
    f.root0 = walkAt(f, "");
  }

  private Contract buildContract(FileCtx f) {
    Walked rootType = f.root0;
    if (f.kind == ContractKind.EVENT && !(rootType.type() instanceof ObjectType)
        && !(rootType.type() instanceof UnionType)) {
      errors.add(f.file, 1, "an event contract's schema must describe an object (or a oneOf/anyOf of objects)",
          "describe the event payload as \"type\": \"object\" with properties");
    }
    if (f.kind == ContractKind.EVENT && f.subject == null) {
      return null;
    }
    JsonNode description = f.json.tree().get("description");
    return new Contract(f.name, f.kind, f.subject, f.version, f.id,
        description != null && description.isTextual() ? description.asText() : null,
        ContractFormat.JSON_SCHEMA, f.dialect, new SourceLocation(f.file, 1, ""), f.bundlePath, rootType.type(),
        f.definitions, f.sha256, new JsonSchemaDocument(f.bytes, f.json.tree()), f.services);
  }

  /** Walks the schema at a pointer of a file once; later calls return the same model instances. */
  private Walked walkAt(FileCtx f, String pointer) {
    String key = f.id + "#" + pointer;
    Walked done = walked.get(key);
    if (done != null) {
      return done;
    }
    if (!walking.add(key)) {
      // a cycle through allOf/oneOf merging: refer to it instead of inlining
      return new Walked(new TypeRef(f.id, pointer), false);
    }
    JsonNode node = pointer.isEmpty() ? f.json.tree() : f.json.tree().at(JsonPointer.compile(pointer));
    String name;
    if (pointer.isEmpty()) {
      name = f.kind == ContractKind.EVENT ? f.typeBase : f.name;
    } else {
      String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
      String title = node.path("title").isTextual() ? JavaNames.pascal(node.get("title").asText()) : "";
      name = JavaNames.isValidClassName(title) ? title : JavaNames.pascal(last);
      if (!JavaNames.isValidClassName(name)) {
        name = f.typeBase + (name.isEmpty() ? "Definition" : name);
      }
      if (!f.definitions.containsKey(pointer)) {
        f.definitions.put(pointer, null); // keeps declaration order; filled below
      }
    }
    Walked result = walk(f, node, pointer, name);
    walking.remove(key);
    walked.put(key, result);
    if (!pointer.isEmpty()) {
      f.definitions.put(pointer, result.type());
    }
    return result;
  }

  /** {@code property "price": } for a property schema, {@code "/$defs/Money": } elsewhere, empty for the root. */
  private static String what(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    int at = pointer.lastIndexOf("/properties/");
    if (at >= 0 && pointer.indexOf('/', at + "/properties/".length()) < 0) {
      String name = pointer.substring(at + "/properties/".length()).replace("~1", "/").replace("~0", "~");
      return "property \"" + name + "\": ";
    }
    return "\"" + pointer + "\": ";
  }

  private Walked walk(FileCtx f, JsonNode node, String pointer, String typeName) {
    if (node.isBoolean()) {
      return new Walked(new AnyType(node.asBoolean() ? "" : "false schema: no value is valid"), node.asBoolean());
    }
    if (!node.isObject()) {
      errors.add(f.file, f.line(pointer), what(pointer) + "schema must be a JSON object or boolean, found " + node,
          "write the schema as { \"type\": ... }");
      return new Walked(new AnyType("invalid schema"), true);
    }
    String description = node.path("description").isTextual() ? node.get("description").asText() : null;
    for (Map.Entry<String, String> untyped : UNTYPED.entrySet()) {
      if (node.has(untyped.getKey())) {
        errors.lint(f.file, f.line(pointer + "/" + LocatedJson.escape(untyped.getKey())), what(pointer)
                + untyped.getValue() + " is not expressed in the Java type (it is enforced at run time by validation)",
            "nothing to do if that is intended; a oneOf with a discriminator gives typed variants");
      }
    }

    boolean hasRef = node.has("$ref");
    boolean refOnly = hasRef && (!f.dialect.refSiblingsApply() || !hasTypeKeywords(node, true));
    if (refOnly) {
      Walked ref = resolveRef(f, node.get("$ref"), pointer + "/$ref");
      return new Walked(ref.type(), ref.nullable(), description != null ? description : ref.description());
    }

    if (node.has("allOf") || hasRef) {
      List<Walked> parts = new ArrayList<>();
      if (hasRef) {
        parts.add(resolveRef(f, node.get("$ref"), pointer + "/$ref"));
      }
      JsonNode allOf = node.get("allOf");
      if (allOf != null) {
        if (!allOf.isArray() || allOf.isEmpty()) {
          errors.add(f.file, f.line(pointer + "/allOf"), what(pointer) + "\"allOf\" must be a non-empty array of "
              + "schemas", "write \"allOf\": [ { ... }, { ... } ]");
        } else {
          for (int i = 0; i < allOf.size(); i++) {
            parts.add(walk(f, allOf.get(i), pointer + "/allOf/" + i, typeName));
          }
        }
      }
      ObjectNode own = ((ObjectNode) node).deepCopy();
      own.remove("allOf");
      own.remove("$ref");
      if (hasTypeKeywords(own, false)) {
        parts.add(walk(f, own, pointer, typeName));
      }
      return merge(f, parts, pointer, typeName, description);
    }

    for (String keyword : List.of("oneOf", "anyOf")) {
      if (node.has(keyword)) {
        return union(f, node, keyword, pointer, typeName, description);
      }
    }

    boolean nullable = false;
    Set<String> types = new LinkedHashSet<>();
    JsonNode typeNode = node.get("type");
    if (typeNode != null) {
      List<JsonNode> list = new ArrayList<>();
      if (typeNode.isArray()) {
        typeNode.forEach(list::add);
      } else {
        list.add(typeNode);
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode t = list.get(i);
        String p = typeNode.isArray() ? pointer + "/type/" + i : pointer + "/type";
        if (!t.isTextual() || !VALID_TYPES.contains(t.asText())) {
          errors.add(f.file, f.line(p), what(pointer) + "type " + t + " is not a JSON Schema type",
              "use one of \"" + String.join("\", \"", VALID_TYPES) + "\"");
        } else if (t.asText().equals("null")) {
          nullable = true;
        } else {
          types.add(t.asText());
        }
      }
      if (types.contains("number")) {
        types.remove("integer");
      }
    }

    if (node.has("const")) {
      return new Walked(constType(node.get("const")), nullable || node.get("const").isNull(), description);
    }
    if (node.has("enum")) {
      return enumType(f, node, pointer, typeName, description, nullable);
    }
    if (types.isEmpty() && typeNode == null) {
      if (node.has("properties") || node.has("additionalProperties") || node.has("required")) {
        types.add("object");
      } else if (node.has("items")) {
        types.add("array");
      } else {
        return new Walked(new AnyType(""), true, description);
      }
    }
    if (types.isEmpty()) {
      return new Walked(new AnyType("always null"), true, description);
    }
    if (types.size() > 1) {
      List<DataType> kinds = new ArrayList<>();
      for (String t : types) {
        kinds.add(switch (t) {
          case "string" -> stringType(node);
          case "integer" -> integerType(node);
          case "number" -> options.doubleNumbers() ? PrimitiveType.DOUBLE : PrimitiveType.DECIMAL;
          case "boolean" -> PrimitiveType.BOOLEAN;
          default -> new AnyType(t);
        });
      }
      UnionType values = valueUnion(kinds, true, typeName, description, f.at(pointer));
      if (values != null) {
        return new Walked(values, nullable, description);
      }
      errors.lint(f.file, f.line(pointer + "/type"), what(pointer) + "\"type\": " + typeNode + " has no single Java "
          + "type; the value is a JsonNode", "split the alternatives into a oneOf of objects if they need types");
      return new Walked(new AnyType("one of " + types), nullable, description);
    }
    String type = types.iterator().next();
    return switch (type) {
      case "string" -> new Walked(stringType(node), nullable, description);
      case "integer" -> new Walked(integerType(node), nullable, description);
      case "number" -> new Walked(options.doubleNumbers() ? PrimitiveType.DOUBLE : PrimitiveType.DECIMAL, nullable,
          description);
      case "boolean" -> new Walked(PrimitiveType.BOOLEAN, nullable, description);
      case "array" -> new Walked(arrayType(f, node, pointer, typeName), nullable, description);
      default -> new Walked(objectType(f, node, pointer, typeName, description), nullable, description);
    };
  }

  private static PrimitiveType stringType(JsonNode node) {
    return switch (node.path("format").asText("")) {
      case "date-time" -> PrimitiveType.DATE_TIME;
      case "date" -> PrimitiveType.DATE;
      default -> PrimitiveType.STRING;
    };
  }

  /**
   * Primitives of pairwise different JSON kinds (string, number, boolean) as a value union: the JSON token alone
   * tells the branch, so it is sound. {@code null} when two branches share a kind (e.g. integer and number, or a
   * plain string and a date-time string) or a branch is not a primitive.
   */
  private static UnionType valueUnion(List<DataType> concrete, boolean exclusive, String typeName,
      String description, SourceLocation location) {
    Set<String> kinds = new HashSet<>();
    List<UnionType.Branch> out = new ArrayList<>();
    for (DataType t : concrete) {
      if (!(t instanceof PrimitiveType p) || p == PrimitiveType.BYTES) {
        return null;
      }
      String kind = switch (p) {
        case STRING, DATE_TIME, DATE, BYTES -> "string";
        case BOOLEAN -> "boolean";
        default -> "number";
      };
      if (!kinds.add(kind)) {
        return null;
      }
      out.add(new UnionType.Branch(p, null));
    }
    return new UnionType(typeName, out, null, exclusive, description, location);
  }

  private static boolean hasTypeKeywords(JsonNode node, boolean exceptRef) {
    for (String k : TYPE_KEYWORDS) {
      if (node.has(k) && !(exceptRef && k.equals("$ref"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The narrowest Java type holding every value the declared range allows: both bounds within 32 bits →
   * {@code Integer}, within 64 bits → {@code Long}, otherwise (a bound beyond 64 bits or a side left unbounded) →
   * {@code BigInteger}, so that a payload that validates never fails to bind. {@code format} (e.g. {@code int64}) is an
   * annotation that the validator does not assert, so it does not narrow the range.
   */
  private PrimitiveType integerType(JsonNode node) {
    BigDecimal min = bound(node, "minimum", "exclusiveMinimum");
    BigDecimal max = bound(node, "maximum", "exclusiveMaximum");
    return integerType(min, max, options.unboundedIntegersLong());
  }

  static PrimitiveType integerType(BigDecimal min, BigDecimal max, boolean unboundedLong) {
    if (min != null && max != null && fits(min, Integer.MIN_VALUE, Integer.MAX_VALUE)
        && fits(max, Integer.MIN_VALUE, Integer.MAX_VALUE)) {
      return PrimitiveType.INTEGER;
    }
    if ((min != null || unboundedLong) && (max != null || unboundedLong) && fits(min, Long.MIN_VALUE, Long.MAX_VALUE) && fits(max, Long.MIN_VALUE, Long.MAX_VALUE)) {
      return PrimitiveType.LONG;
    }
    return PrimitiveType.BIG_INTEGER;
  }

  private static BigDecimal bound(JsonNode node, String inclusive, String exclusive) {
    if (node.path(inclusive).isNumber()) {
      return node.get(inclusive).decimalValue();
    }
    if (node.path(exclusive).isNumber()) {
      return node.get(exclusive).decimalValue();
    }
    return null;
  }

  private static boolean fits(BigDecimal value, long min, long max) {
    return value == null
        || (value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0);
  }

  /** A constant of a primitive value; {@code null} and structures (an object or array constant) are a JsonNode. */
  private static DataType constType(JsonNode value) {
    if (value.isTextual()) {
      return new ConstType(PrimitiveType.STRING, value.toString());
    } else if (value.isIntegralNumber()) {
      return new ConstType(value.canConvertToLong() ? PrimitiveType.LONG : PrimitiveType.BIG_INTEGER,
          value.toString());
    } else if (value.isNumber()) {
      return new ConstType(PrimitiveType.DECIMAL, value.toString());
    } else if (value.isBoolean()) {
      return new ConstType(PrimitiveType.BOOLEAN, value.toString());
    }
    return new AnyType(value.isNull() ? "always null" : "constant " + value);
  }

  private Walked enumType(FileCtx f, JsonNode node, String pointer, String typeName, String description,
      boolean nullableType) {
    JsonNode values = node.get("enum");
    if (!values.isArray() || values.isEmpty()) {
      errors.add(f.file, f.line(pointer + "/enum"), what(pointer) + "\"enum\" must be a non-empty array",
          "list the allowed values, e.g. \"enum\": [\"created\", \"cancelled\"]");
      return new Walked(new AnyType("invalid enum"), true, description);
    }
    boolean nullable = false;
    List<String> strings = new ArrayList<>();
    Set<String> kinds = new LinkedHashSet<>();
    for (JsonNode value : values) {
      if (value.isNull()) {
        nullable = true;
      } else if (value.isTextual()) {
        kinds.add("string");
        if (!strings.contains(value.asText())) {
          strings.add(value.asText());
        }
      } else if (value.isIntegralNumber()) {
        kinds.add("integer");
      } else if (value.isNumber()) {
        kinds.add("number");
      } else if (value.isBoolean()) {
        kinds.add("boolean");
      } else {
        kinds.add("structure");
      }
    }
    // "type": ["string", "null"] with an enum without null: null is still refused by the enum
    if (kinds.isEmpty()) {
      return new Walked(new AnyType("always null"), true, description);
    }
    if (kinds.equals(Set.of("string"))) {
      if (strings.size() == 1) {
        return new Walked(constType(values.get(values.get(0).isNull() ? 1 : 0)), nullable, description);
      }
      return new Walked(new EnumType(typeName, strings, description, f.at(pointer)), nullable, description);
    }
    if (kinds.equals(Set.of("integer"))) {
      BigDecimal lo = null;
      BigDecimal hi = null;
      for (JsonNode value : values) {
        if (!value.isNull()) {
          BigDecimal v = value.decimalValue();
          lo = lo == null || v.compareTo(lo) < 0 ? v : lo;
          hi = hi == null || v.compareTo(hi) > 0 ? v : hi;
        }
      }
      return new Walked(integerType(lo, hi, false), nullable, description);
    }
    if (kinds.equals(Set.of("boolean"))) {
      return new Walked(PrimitiveType.BOOLEAN, nullable, description);
    }
    if (kinds.stream().allMatch(k -> k.equals("integer") || k.equals("number"))) {
      return new Walked(options.doubleNumbers() ? PrimitiveType.DOUBLE : PrimitiveType.DECIMAL, nullable,
          description);
    }
    errors.lint(f.file, f.line(pointer + "/enum"), what(pointer) + "\"enum\" mixes " + kinds + " values; the value "
        + "is a JsonNode", "use values of one type if a typed Java enum is wanted");
    return new Walked(new AnyType("enum of mixed values"), nullable, description);
  }

  private DataType arrayType(FileCtx f, JsonNode node, String pointer, String typeName) {
    JsonNode items = node.get("items");
    if (node.has("prefixItems")) {
      // the elements are typed by position, which no single element type expresses
      return new ListType(new AnyType("tuple (prefixItems)"));
    }
    if (items == null) {
      return new ListType(new AnyType(""));
    }
    if (items.isArray()) {
      errors.lint(f.file, f.line(pointer + "/items"), what(pointer) + "tuple \"items\" (an array of schemas) has no "
          + "single Java element type; elements are JsonNode", "nothing to do if that is intended");
      return new ListType(new AnyType("tuple"));
    }
    return new ListType(walk(f, items, pointer + "/items", typeName + "Item").type());
  }

  private DataType objectType(FileCtx f, JsonNode node, String pointer, String typeName, String description) {
    Set<String> required = new LinkedHashSet<>();
    JsonNode requiredNode = node.get("required");
    JsonNode properties = node.path("properties");
    if (node.has("properties") && !properties.isObject()) {
      errors.add(f.file, f.line(pointer + "/properties"), what(pointer) + "\"properties\" must be an object",
          "write \"properties\": { \"name\": { ... } }");
      properties = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if (requiredNode != null) {
      if (!requiredNode.isArray()) {
        errors.add(f.file, f.line(pointer + "/required"), what(pointer) + "\"required\" must be an array of "
            + "property names", "write \"required\": [\"id\", ...]");
      } else {
        requiredNode.forEach(n -> required.add(n.asText()));
      }
    }
    AdditionalProperties additional = AdditionalProperties.OPEN;
    JsonNode ap = node.get("additionalProperties");
    if (ap != null) {
      if (ap.isBoolean()) {
        additional = ap.asBoolean() ? AdditionalProperties.OPEN_DECLARED : AdditionalProperties.CLOSED;
      } else if (ap.isObject() && (ap.isEmpty() || !hasTypeKeywords(ap, false))) {
        additional = AdditionalProperties.OPEN_DECLARED;
      } else {
        Walked value = walk(f, ap, pointer + "/additionalProperties", typeName + "Value");
        additional = AdditionalProperties.typed(value.type());
      }
    }
    if (!pointer.isEmpty() && properties.isEmpty() && !node.has("patternProperties")) {
      if (additional.kind() == AdditionalProperties.Kind.TYPED) {
        return new MapType(additional.valueType());
      }
      if (additional.kind() == AdditionalProperties.Kind.OPEN && required.isEmpty()) {
        return new MapType(new AnyType(""));
      }
    }
    List<Field> fields = new ArrayList<>();
    List<String> undocumented = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      String name = property.getKey();
      String propertyPointer = pointer + "/properties/" + LocatedJson.escape(name);
      JsonNode schema = property.getValue();
      String nested = JavaNames.pascal(name);
      Walked w = walk(f, schema, propertyPointer, typeName + (nested.isEmpty() ? "Value" : nested));
      String fieldDescription = w.description();
      if (fieldDescription == null || fieldDescription.isBlank()) {
        undocumented.add(name);
        fieldDescription = null;
      }
      fields.add(new Field(name, w.type(), required.contains(name), w.nullable(), fieldDescription,
          fieldConstraints(f, schema), f.at(propertyPointer)));
    }
    if (!undocumented.isEmpty()) {
      String first = pointer + "/properties/" + LocatedJson.escape(undocumented.get(0));
      errors.lint(f.file, f.line(first), what(pointer) + (undocumented.size() == 1
              ? "property \"" + undocumented.get(0) + "\" has no \"description\""
              : undocumented.size() + " properties have no \"description\": " + String.join(", ", undocumented)),
          "add \"description\": it documents the generated Java and the contract catalogue");
    }
    ObjectType object = new ObjectType(typeName, fields, additional, description, f.at(pointer));
    Set<String> undeclared = new LinkedHashSet<>(required);
    undeclared.removeAll(properties.isObject() ? iterable(properties) : Set.of());
    if (!undeclared.isEmpty()) {
      undeclaredRequired.put(object, undeclared);
    }
    return object;
  }

  private static Set<String> iterable(JsonNode properties) {
    Set<String> names = new HashSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * A property's constraints. Where {@code $ref} siblings are ignored (draft-07 and earlier), they are those of the
   * referenced schema when it is in the same file, else none: never the ignored siblings, which validation skips.
   */
  private static Constraints fieldConstraints(FileCtx f, JsonNode schema) {
    if (!schema.has("$ref") || f.dialect.refSiblingsApply()) {
      return constraints(schema);
    }
    String ref = schema.get("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return Constraints.NONE;
    }
    try {
      JsonNode target = f.json.tree().at(JsonPointer.compile(
          java.net.URLDecoder.decode(ref.substring(1), java.nio.charset.StandardCharsets.UTF_8)));
      return target.isMissingNode() ? Constraints.NONE : constraints(target);
    } catch (IllegalArgumentException e) {
      return Constraints.NONE;
    }
  }

  private static Constraints constraints(JsonNode s) {
    if (!s.isObject()) {
      return Constraints.NONE;
    }
    BigDecimal minimum = s.path("minimum").isNumber() ? s.get("minimum").decimalValue() : null;
    BigDecimal maximum = s.path("maximum").isNumber() ? s.get("maximum").decimalValue() : null;
    BigDecimal exclusiveMinimum = s.path("exclusiveMinimum").isNumber() ? s.get("exclusiveMinimum").decimalValue() : null;
    BigDecimal exclusiveMaximum = s.path("exclusiveMaximum").isNumber() ? s.get("exclusiveMaximum").decimalValue() : null;
    // draft-04: "exclusiveMinimum": true makes "minimum" exclusive
    if (s.path("exclusiveMinimum").isBoolean() && s.get("exclusiveMinimum").booleanValue() && minimum != null) {
      exclusiveMinimum = minimum;
      minimum = null;
    }
    if (s.path("exclusiveMaximum").isBoolean() && s.get("exclusiveMaximum").booleanValue() && maximum != null) {
      exclusiveMaximum = maximum;
      maximum = null;
    }
    return new Constraints(
        s.path("format").isTextual() ? s.get("format").asText() : null,
        minimum,
        maximum,
        exclusiveMinimum,
        exclusiveMaximum,
        count(s, "minLength"),
        count(s, "maxLength"),
        s.path("pattern").isTextual() ? s.get("pattern").asText() : null,
        count(s, "minItems"),
        count(s, "maxItems"),
        s.has("default") ? s.get("default").toString() : null);
  }

  /** A length or item count; the parser reads every integer as a big integer, so {@code isInt()} never holds. */
  private static Integer count(JsonNode s, String keyword) {
    JsonNode n = s.get(keyword);
    return n != null && n.isIntegralNumber() && n.canConvertToInt() ? n.asInt() : null;
  }

  // ---------------------------------------------------------------------------------------------- composition

  /** The concrete type behind a walked type (a reference resolved to the referenced schema's type). */
  private DataType concrete(DataType type) {
    int guard = 0;
    while (type instanceof TypeRef ref && guard++ < 20) {
      Walked w = walked.get(ref.contractId() + "#" + ref.definition());
      if (w == null) {
        return type;
      }
      type = w.type();
    }
    return type;
  }

  /** {@code allOf} (and {@code $ref} with siblings in 2019-09+): one type holding every part. */
  private Walked merge(FileCtx f, List<Walked> parts, String pointer, String typeName, String description) {
    List<Walked> typed = parts.stream()
        .filter(p -> !(concrete(p.type()) instanceof AnyType any && any.reason().isEmpty())).toList();
    boolean nullable = parts.stream().allMatch(Walked::nullable);
    String doc = description;
    for (Walked p : parts) {
      if (doc == null) {
        doc = p.description();
      }
    }
    if (typed.isEmpty()) {
      return new Walked(new AnyType(""), nullable, doc);
    }
    if (typed.size() == 1) {
      return new Walked(typed.get(0).type(), nullable, doc);
    }
    List<DataType> concrete = typed.stream().map(p -> concrete(p.type())).toList();
    if (concrete.stream().allMatch(t -> t instanceof ObjectType)) {
      Map<String, Field> fields = new LinkedHashMap<>();
      Set<String> required = new HashSet<>();
      AdditionalProperties additional = AdditionalProperties.OPEN;
      String objectDoc = doc;
      for (DataType t : concrete) {
        ObjectType o = (ObjectType) t;
        required.addAll(undeclaredRequired.getOrDefault(o, Set.of()));
        if (objectDoc == null) {
          objectDoc = o.description();
        }
        if (o.additionalProperties().kind() != AdditionalProperties.Kind.OPEN) {
          additional = o.additionalProperties();
        } else if (o.additionalProperties().declared() && additional.kind() == AdditionalProperties.Kind.OPEN) {
          additional = AdditionalProperties.OPEN_DECLARED;
        }
        for (Field field : o.fields()) {
          Field before = fields.get(field.name());
          if (before == null) {
            fields.put(field.name(), field);
          } else {
            DataType type = before.type();
            DataType a = concrete(before.type());
            DataType b = concrete(field.type());
            if (a instanceof EnumType ea && b instanceof EnumType eb) {
              List<String> values = new ArrayList<>(ea.values());
              values.retainAll(eb.values());
              type = new EnumType(typeName + JavaNames.pascal(field.name()), values, ea.description(),
                  ea.location());
            } else if (a instanceof AnyType) {
              type = field.type();
            } else if (b instanceof ConstType || b instanceof EnumType) {
              type = field.type(); // the narrower part wins
            }
            fields.put(field.name(), new Field(field.name(), type, before.required() || field.required(),
                before.nullable() && field.nullable(),
                before.description() != null ? before.description() : field.description(),
                before.constraints().isEmpty() ? field.constraints() : before.constraints(), before.location()));
          }
        }
      }
      List<Field> merged = new ArrayList<>();
      for (Field field : fields.values()) {
        boolean req = field.required() || required.contains(field.name());
        merged.add(req == field.required() ? field : new Field(field.name(), field.type(), true, field.nullable(),
            field.description(), field.constraints(), field.location()));
      }
      return new Walked(new ObjectType(typeName, merged, additional, objectDoc, f.at(pointer)), nullable, doc);
    }
    DataType first = concrete.get(0);
    if (concrete.stream().allMatch(t -> t.equals(first))) {
      return new Walked(typed.get(0).type(), nullable, doc);
    }
    if (concrete.stream().allMatch(t -> t instanceof EnumType)) {
      List<String> values = new ArrayList<>(((EnumType) first).values());
      concrete.forEach(t -> values.retainAll(((EnumType) t).values()));
      return new Walked(new EnumType(typeName, values, doc, f.at(pointer)), nullable, doc);
    }
    for (DataType t : concrete) {
      if (t instanceof ConstType || t instanceof EnumType) {
        return new Walked(t, nullable, doc); // a constant narrows a primitive part
      }
    }
    errors.lint(f.file, f.line(pointer), what(pointer) + "\"allOf\" parts of different kinds have no single Java "
        + "type; the value is a JsonNode", "nothing to do if that is intended (validation enforces every part)");
    return new Walked(new AnyType("allOf of different kinds"), nullable, doc);
  }

  /** {@code oneOf}/{@code anyOf}: nullable, a typed union of objects, a common primitive, or a JsonNode. */
  private Walked union(FileCtx f, JsonNode node, String keyword, String pointer, String typeName,
      String description) {
    JsonNode alternatives = node.get(keyword);
    if (!alternatives.isArray() || alternatives.isEmpty()) {
      errors.add(f.file, f.line(pointer + "/" + keyword), what(pointer) + "\"" + keyword + "\" must be a non-empty "
          + "array of schemas", "write \"" + keyword + "\": [ { ... }, { ... } ]");
      return new Walked(new AnyType("invalid " + keyword), true, description);
    }
    ObjectNode own = ((ObjectNode) node).deepCopy();
    own.remove(keyword);
    boolean common = hasTypeKeywords(own, false);
    Walked commonPart = common ? walk(f, own, pointer, typeName + "Base") : null;
    boolean nullable = false;
    List<Walked> branches = new ArrayList<>();
    for (int i = 0; i < alternatives.size(); i++) {
      JsonNode alt = alternatives.get(i);
      if (isNullSchema(alt)) {
        nullable = true;
        continue;
      }
      String branchPointer = pointer + "/" + keyword + "/" + i;
      String branchName = branchName(alt, typeName, i);
      Walked w = walk(f, alt, branchPointer, branchName);
      if (commonPart != null) {
        w = merge(f, List.of(commonPart, w), branchPointer, branchName, null);
      }
      nullable |= w.nullable();
      branches.add(w);
    }
    if (branches.isEmpty()) {
      return new Walked(new AnyType("always null"), true, description);
    }
    if (branches.size() == 1) {
      Walked only = branches.get(0);
      return new Walked(only.type(), true, description != null ? description : only.description());
    }
    List<DataType> concrete = branches.stream().map(b -> concrete(b.type())).toList();
    if (concrete.stream().allMatch(t -> t instanceof ObjectType)) {
      UnionType union = objectUnion(branches, concrete, keyword, typeName, description, f.at(pointer));
      if (union != null) {
        return new Walked(union, nullable, description);
      }
      errors.lint(f.file, f.line(pointer + "/" + keyword), what(pointer) + "\"" + keyword + "\" branches share no "
              + "discriminator (a property with a different const in each) and cannot be told apart by their "
              + "required properties; the value is a JsonNode",
          "give every branch a property with a \"const\" value, e.g. \"kind\": {\"const\": \"card\"}");
      return new Walked(new AnyType(keyword + " of objects without discriminator"), nullable, description);
    }
    if (concrete.stream().allMatch(t -> t instanceof ConstType c && c.stringValue() != null
        || t instanceof EnumType)) {
      List<String> values = new ArrayList<>();
      for (DataType t : concrete) {
        if (t instanceof ConstType c) {
          values.add(c.stringValue());
        } else {
          values.addAll(((EnumType) t).values());
        }
      }
      return new Walked(new EnumType(typeName, values.stream().distinct().toList(), description, f.at(pointer)),
          nullable, description);
    }
    DataType first = concrete.get(0);
    if (concrete.stream().allMatch(t -> t.equals(first))) {
      return new Walked(branches.get(0).type(), nullable, description);
    }
    if (concrete.stream().allMatch(t -> t instanceof PrimitiveType p
        && (p.isInteger() || p == PrimitiveType.DECIMAL || p == PrimitiveType.DOUBLE))) {
      boolean decimal = concrete.stream().anyMatch(t -> t == PrimitiveType.DECIMAL || t == PrimitiveType.DOUBLE);
      DataType widest = decimal ? (options.doubleNumbers() ? PrimitiveType.DOUBLE : PrimitiveType.DECIMAL)
          : concrete.contains(PrimitiveType.BIG_INTEGER) ? PrimitiveType.BIG_INTEGER : PrimitiveType.LONG;
      return new Walked(widest, nullable, description);
    }
    UnionType values = valueUnion(concrete, keyword.equals("oneOf"), typeName, description, f.at(pointer));
    if (values != null) {
      return new Walked(values, nullable, description);
    }
    errors.lint(f.file, f.line(pointer + "/" + keyword), what(pointer) + "\"" + keyword + "\" of "
            + concrete.stream().map(JsonSchemaContractLoader::kindOf).distinct().toList()
            + " has no single Java type; the value is a JsonNode",
        "nothing to do if that is intended (validation enforces the schema)");
    return new Walked(new AnyType(keyword + " of different kinds"), nullable, description);
  }

  private static String kindOf(DataType t) {
    if (t instanceof PrimitiveType p) {
      return p.name().toLowerCase(java.util.Locale.ROOT);
    }
    return t.getClass().getSimpleName().replace("Type", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isNullSchema(JsonNode alt) {
    if (!alt.isObject()) {
      return false;
    }
    if (alt.path("type").isTextual() && alt.get("type").asText().equals("null")) {
      return true;
    }
    if (alt.has("const") && alt.get("const").isNull()) {
      return true;
    }
    return alt.path("enum").isArray() && alt.get("enum").size() == 1 && alt.get("enum").get(0).isNull();
  }

  /** A branch's {@code title} (what its author called it), else {@code <Union>Option<n>}. */
  private static String branchName(JsonNode alt, String typeName, int index) {
    if (alt.path("title").isTextual() && JavaNames.isValidClassName(JavaNames.pascal(alt.get("title").asText()))) {
      return JavaNames.pascal(alt.get("title").asText());
    }
    return typeName + "Option" + (index + 1);
  }

  private UnionType objectUnion(List<Walked> branches, List<DataType> concrete, String keyword, String typeName,
      String description, SourceLocation location) {
    // a discriminator: a property with a distinct string constant in every branch
    ObjectType first = (ObjectType) concrete.get(0);
    for (Field candidate : first.fields()) {
      List<String> values = new ArrayList<>();
      for (DataType t : concrete) {
        String value = ((ObjectType) t).field(candidate.name()).map(fl -> constValue(concrete(fl.type())))
            .orElse(null);
        if (value == null || values.contains(value)) {
          values = null;
          break;
        }
        values.add(value);
      }
      if (values != null) {
        List<UnionType.Branch> out = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
          out.add(new UnionType.Branch(branches.get(i).type(), values.get(i)));
        }
        return new UnionType(typeName, out, candidate.name(), keyword.equals("oneOf"), description, location);
      }
    }
    // deduction: every branch has a required property no other branch declares
    for (int i = 0; i < concrete.size(); i++) {
      ObjectType o = (ObjectType) concrete.get(i);
      boolean unique = false;
      for (Field fl : o.fields()) {
        if (!fl.required()) {
          continue;
        }
        boolean elsewhere = false;
        for (int j = 0; j < concrete.size(); j++) {
          if (j != i && ((ObjectType) concrete.get(j)).field(fl.name()).isPresent()) {
            elsewhere = true;
          }
        }
        if (!elsewhere) {
          unique = true;
          break;
        }
      }
      if (!unique) {
        return null;
      }
    }
    List<UnionType.Branch> out = branches.stream().map(b -> new UnionType.Branch(b.type(), null)).toList();
    return new UnionType(typeName, out, null, keyword.equals("oneOf"), description, location);
  }

  private static String constValue(DataType type) {
    if (type instanceof ConstType c) {
      return c.stringValue();
    }
    if (type instanceof EnumType e && e.values().size() == 1) {
      return e.values().get(0);
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------- references

  private Walked resolveRef(FileCtx f, JsonNode refNode, String pointer) {
    int line = f.line(pointer);
    String what = what(pointer.substring(0, pointer.length() - "/$ref".length()));
    Walked failed = new Walked(new AnyType("unresolved reference"), true);
    if (!refNode.isTextual()) {
      errors.add(f.file, line, what + "\"$ref\" must be a string", "write e.g. \"$ref\": \"order-status.json\"");
      return failed;
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
        return failed;
      }
      String absolute = URI.create(f.id).resolve(uri).toString();
      target = byId.get(absolute);
      if (target == null && uri.isAbsolute()) {
        errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" is a remote reference that is not the $id of any "
                + "loaded contract; remote schemas are never fetched",
            "add the referenced contract to a contract root (or a contract dependency) or use a relative $ref");
        return failed;
      }
      if (target == null) {
        FileCtx byPath = byFile.get(f.file.toAbsolutePath().normalize().getParent().resolve(uri.getPath())
            .normalize());
        if (byPath != null && byPath.broken) {
          return failed; // the file is malformed (its own error is reported), so it has no id to compare
        }
        if (byPath != null) {
          errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" names the file " + byPath.file + ", but resolved "
                  + "against this contract's id it is " + absolute + ", while that file's id is " + byPath.id
                  + "; validators resolve by id and would not find it",
              "make the ids agree (e.g. give both files ids under the same base, or none)");
        } else {
          errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" does not resolve: no contract file "
                  + f.file.resolveSibling(uri.getPath()).normalize(),
              "check the file name; relative references resolve against the referring file");
        }
        return failed;
      }
    }
    if (target.broken) {
      return failed; // its own error is reported
    }
    if (!fragment.isEmpty() && !fragment.startsWith("/")) {
      errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" uses an anchor, not a JSON pointer",
          "point at a definition, e.g. \"#/$defs/Money\"");
      return failed;
    }
    if (!fragment.isEmpty()) {
      JsonNode found;
      try {
        fragment = java.net.URLDecoder.decode(fragment, java.nio.charset.StandardCharsets.UTF_8);
        found = target.json.tree().at(JsonPointer.compile(fragment));
      } catch (IllegalArgumentException e) {
        found = null;
      }
      if (found == null || found.isMissingNode()) {
        errors.add(f.file, line, what + "\"$ref\" \"" + ref + "\" does not resolve: JSON pointer \"" + fragment
            + "\" not found in " + target.file, "check the pointer, e.g. \"#/$defs/Money\"");
        return failed;
      }
    }
    if (target.kind == null) {
      return failed;
    }
    Walked w = walkAt(target, fragment);
    return new Walked(new TypeRef(target.id, fragment), w.nullable(), w.description());
  }
}
