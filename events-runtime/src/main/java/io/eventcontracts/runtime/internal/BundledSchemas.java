package io.eventcontracts.runtime.internal;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
import com.networknt.schema.path.PathType;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import com.networknt.schema.resource.SchemaLoader;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.Violation;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles bundled contracts with networknt json-schema-validator (format assertions on) and keeps one compiled
 * schema per contract id. Each contract is validated with the dialect the build resolved for it: its own
 * {@code $schema}, else the build's default draft as the index records it (the validator is handed the file with
 * that {@code $schema} made explicit; the bundled bytes stay untouched), else 2020-12.
 *
 * <p>Two independent guards keep schema loading inside the bundle: a static scan of every {@code $ref} before
 * compilation (precise error naming the URI and the contract), and a {@link SchemaLoader} whose only
 * {@link ResourceLoader} serves bundled bytes and whose allow-predicate refuses every other URI. No
 * {@code IriResourceLoader} is ever installed, so the validator has no code path that opens a connection.
 */
public final class BundledSchemas {

  static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  /**
   * The drafts contracts may declare in {@code $schema}; each is validated with its own dialect (the validator
   * picks it from {@code $schema}); files without {@code $schema} use the dialect the index records, else 2020-12.
   */
  public static final Set<String> DIALECTS = Set.of(DRAFT_2020_12, "https://json-schema.org/draft/2019-09/schema",
      "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-06/schema",
      "http://json-schema.org/draft-04/schema");
  private static final Set<String> POINTER_TO_PROPERTY =
      Set.of("required", "additionalProperties", "unevaluatedProperties", "dependentRequired");
  /** Keywords whose values are data, not subschemas: a "$ref" inside them is not a reference. */
  private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "examples", "default");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Map<String, byte[]> bytes;
  /** What the validator reads: the bundled bytes, with {@code $schema} made explicit where the index gave one. */
  private final Map<String, byte[]> served;
  private final Map<String, Schema> compiled = new LinkedHashMap<>();
  /** Per contract, the "certainly valid" check in front of networknt; absent when the contract is outside its subset. */
  private final Map<String, FastAccept> fastAccept = new LinkedHashMap<>();
  private final ThreadLocal<String> compiling = new ThreadLocal<>();

  /**
   * Checks and compiles every contract.
   *
   * @param ids the ids of all bundled contracts
   * @param bytes schema bytes by contract id
   */
  public BundledSchemas(Set<String> ids, Map<String, byte[]> bytes) {
    this(ids, bytes, Map.of());
  }

  /**
   * Checks and compiles every contract.
   *
   * @param ids the ids of all bundled contracts
   * @param bytes schema bytes by contract id
   * @param dialects by contract id, the {@code $schema} URI to validate a file without {@code $schema} with (the
   *     build's default draft); ids not listed default to 2020-12
   */
  public BundledSchemas(Set<String> ids, Map<String, byte[]> bytes, Map<String, String> dialects) {
    this.bytes = Map.copyOf(bytes);
    Map<String, byte[]> served = new LinkedHashMap<>(bytes);
    Map<String, JsonNode> trees = new LinkedHashMap<>();
    for (String id : ids) {
      JsonNode tree = parseContract(id, bytes.get(id));
      trees.put(id, tree);
      String declared = tree.path("$schema").isString() ? tree.path("$schema").asString() : dialects.get(id);
      // draft-04 reads exclusiveMinimum/exclusiveMaximum differently: no fast path for it
      FastAccept fast = declared != null && declared.contains("draft-04") ? null : FastAccept.compile(tree);
      if (fast != null) {
        fastAccept.put(id, fast);
      }
      String dialect = dialects.get(id);
      if (dialect != null && !tree.has("$schema") && !dialect.equals(DRAFT_2020_12)) {
        ObjectNode explicit = MAPPER.createObjectNode();
        // draft-04..07 meta-schema ids end with an empty fragment
        explicit.put("$schema", dialect.startsWith("http://json-schema.org/") ? dialect + "#" : dialect);
        explicit.setAll((ObjectNode) tree);
        served.put(id, MAPPER.writeValueAsBytes(explicit));
      }
    }
    this.served = Map.copyOf(served);
    for (Map.Entry<String, JsonNode> e : trees.entrySet()) {
      checkRefs(e.getKey(), e.getValue(), ids);
    }
    SchemaLoader loader = new SchemaLoader(List.of(), List.of(new BundleResourceLoader()), this::allowed, null);
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        // "pattern" is an ECMA-262 regular expression (JSON Schema's own rule, and what ajv runs in Node): '.', \s,
        // \S and '$' differ from java.util.regex on some characters (issue 7's agreement corpus)
        .regularExpressionFactory(regex -> JoniRegularExpressionFactory.getInstance()
            .getRegularExpression(PayloadReading.ecmaDot(regex)))
        .build();
    // Every draft a contract may declare gets the same additions, as in the TypeScript validator: each x- keyword
    // (the contract format's and vendor extensions) is an annotation, so the validator neither warns nor fails, and
    // date-time, date and uuid follow the reading both runtimes share (PayloadReading, docs/typescript.md).
    List<Dialect> drafts = Stream.of(Dialects.getDraft4(), Dialects.getDraft6(), Dialects.getDraft7(),
            Dialects.getDraft201909(), Dialects.getDraft202012())
        .map(BundledSchemas::contractDialect)
        .toList();
    SchemaRegistry registry = SchemaRegistry.builder()
        .defaultDialectId(Dialects.getDraft202012().getId())
        .dialectRegistry(new DefaultDialectRegistry(drafts))
        .schemaLoader(loader)
        .schemaRegistryConfig(config)
        .build();
    for (String id : ids) {
      compiling.set(id);
      try {
        Schema schema = registry.getSchema(SchemaLocation.of(id));
        schema.initializeValidators();
        schema.validate(JsonNodeFactory.instance.objectNode());
        schema.validate(JsonNodeFactory.instance.nullNode());
        compiled.put(id, schema);
      } catch (RuntimeException e) {
        throw translate(id, e);
      } finally {
        compiling.remove();
      }
    }
  }

  private static Dialect contractDialect(Dialect draft) {
    return Dialect.builder(draft)
        .unknownKeywordFactory((name, context) -> name.startsWith("x-") ? new AnnotationKeyword(name)
            : UnknownKeywordFactory.getInstance().getKeyword(name, context))
        .format(new ReadingFormat("date-time", PayloadReading::isDateTime))
        .format(new ReadingFormat("date", PayloadReading::isDate))
        .format(new ReadingFormat("uuid", PayloadReading::isUuid))
        .build();
  }

  /** Validates {@code document} against the compiled contract; violations sorted by pointer. */
  public List<Violation> validate(String id, JsonNode document) {
    return validate(id, document, true);
  }

  /**
   * {@link #validate} without the "certainly valid" fast path ({@link FastAccept}): networknt (and the number rule)
   * alone. For the differential test that proves the fast path changes no verdict and no violation.
   */
  public List<Violation> validateWithoutFastPath(String id, JsonNode document) {
    return validate(id, document, false);
  }

  /** Whether the "certainly valid" fast path accepts {@code document} (no verdict of its own when {@code false}). */
  public boolean fastAccepts(String id, JsonNode document) {
    FastAccept fast = fastAccept.get(id);
    return fast != null && fast.accepts(document);
  }

  /** Whether contract {@code id} is inside the fast path's keyword subset. */
  public boolean hasFastPath(String id) {
    return fastAccept.containsKey(id);
  }

  private List<Violation> validate(String id, JsonNode document, boolean fastPath) {
    Schema schema = compiled.get(id);
    if (schema == null) {
      throw EventException.schemaNotBundled(null, id, null);
    }
    List<Violation> numbers = PayloadReading.numberViolations(document);
    if (fastPath && numbers.isEmpty()) {
      FastAccept fast = fastAccept.get(id);
      if (fast != null && fast.accepts(document)) {
        return List.of(); // certainly valid; anything else gets networknt's verdict and violations below
      }
    }
    List<com.networknt.schema.Error> errors;
    try {
      errors = schema.validate(document);
    } catch (tools.jackson.databind.exc.JsonNodeException e) {
      // networknt cannot compare a number no 64-bit or double type holds (1e400 against an integer bound); such a
      // number already broke the number rule above, which is the violation reported
      if (numbers.isEmpty()) {
        throw e;
      }
      errors = List.of();
    }
    if (errors.isEmpty() && numbers.isEmpty()) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>(errors.size() + numbers.size());
    violations.addAll(numbers);
    for (com.networknt.schema.Error error : errors) {
      String pointer = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
      String keyword = error.getKeyword();
      if (error.getProperty() != null && POINTER_TO_PROPERTY.contains(keyword)) {
        pointer = pointer + "/" + escape(error.getProperty());
      }
      violations.add(new Violation(pointer, error.getMessage(), keyword));
    }
    violations.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::keyword)
        .thenComparing(Violation::message));
    return List.copyOf(violations);
  }

  /** The raw bytes of a contract, or {@code null}. */
  public byte[] bytes(String id) {
    return bytes.get(id);
  }

  /** Ids are compared without a trailing empty fragment ({@code ...json#}). */
  public static String normalizeId(String id) {
    return id != null && id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static JsonNode parseContract(String id, byte[] data) {
    if (data == null) {
      throw EventException.schemaNotBundled(null, id, null);
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(data);
    } catch (JacksonException e) {
      throw EventException.contractInvalid(id, "schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!tree.isObject()) {
      throw EventException.contractInvalid(id, "schema must be a JSON object", null);
    }
    // A relative $id (or draft-04 "id") resolves against the bundle location the index gives; without one, the
    // index id is the schema's retrieval URI (see the codegen's Contract.BUNDLE_BASE).
    String idKeyword = tree.has("$id") ? "$id" : tree.path("id").isString() ? "id" : null;
    String declared = idKeyword == null ? id : resolveDeclared(id, tree.get(idKeyword).asString());
    if (!id.equals(declared)) {
      throw EventException.contractInvalid(id, "the schema's $id is " + declared
          + ", but the index lists it as " + id + "; they must be equal", null);
    }
    if (tree.hasNonNull("$schema") && !DIALECTS.contains(normalizeId(tree.get("$schema").asString()))) {
      throw EventException.contractInvalid(id, "$schema is " + tree.get("$schema").asString() + "; contracts must use "
          + "one of " + DIALECTS, null);
    }
    return tree;
  }

  private static String resolveDeclared(String id, String declared) {
    try {
      return normalizeId(new URI(id).resolve(new URI(normalizeId(declared))).toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return declared;
    }
  }

  /** Fails on the first {@code $ref}/{@code $dynamicRef} whose target is not a bundled or embedded resource. */
  private static void checkRefs(String id, JsonNode root, Set<String> bundled) {
    Set<String> embedded = new HashSet<>();
    List<String[]> refs = new ArrayList<>();
    collect(id, root, URI.create(id), embedded, refs);
    for (String[] ref : refs) {
      String target = ref[0];
      if (bundled.contains(target) || embedded.contains(target)) {
        continue;
      }
      // Same scheme and authority as a bundled contract: most likely a contract missing from the bundle.
      String authority = authority(target);
      boolean sameHome = authority != null && bundled.stream().anyMatch(b -> authority.equals(authority(b)));
      throw sameHome ? EventException.schemaNotBundled(null, target, id) : refused(target, id);
    }
  }

  private static String authority(String uri) {
    try {
      URI u = new URI(uri);
      return u.getScheme() == null || u.getRawAuthority() == null ? null : u.getScheme() + "://" + u.getRawAuthority();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static void collect(String id, JsonNode node, URI base, Set<String> embedded, List<String[]> refs) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        collect(id, item, base, embedded, refs);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    URI here = base;
    JsonNode nestedId = node.get("$id");
    if (nestedId != null && nestedId.isString()) {
      here = resolve(id, base, nestedId.asString());
      embedded.add(withoutFragment(here));
    }
    for (String keyword : List.of("$ref", "$dynamicRef")) {
      JsonNode ref = node.get(keyword);
      if (ref != null && ref.isString()) {
        refs.add(new String[] {withoutFragment(resolve(id, here, ref.asString())), ref.asString()});
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!DATA_KEYWORDS.contains(field.getKey())) {
        collect(id, field.getValue(), here, embedded, refs);
      }
    }
  }

  private static URI resolve(String id, URI base, String ref) {
    try {
      return base.resolve(new URI(ref));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw EventException.contractInvalid(id, "\"" + ref + "\" is not a valid URI reference: " + e.getMessage(), e);
    }
  }

  private static String withoutFragment(URI uri) {
    String s = uri.toString();
    int hash = s.indexOf('#');
    return hash < 0 ? s : s.substring(0, hash);
  }

  private EventException refused(String uri) {
    return refused(uri, compiling.get());
  }

  private static EventException refused(String uri, String contract) {
    return EventException.remoteRefRefused(uri, contract);
  }

  private boolean allowed(AbsoluteIri iri) {
    String uri = normalizeId(iri.toString());
    if (bytes.containsKey(uri)) {
      return true;
    }
    // Standard meta-schemas are mapped by the validator to copies inside its own jar, never fetched.
    if (uri.startsWith("https://json-schema.org/") || uri.startsWith("http://json-schema.org/")) {
      return true;
    }
    throw refused(uri);
  }

  private EventException translate(String id, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EventException ee) {
        return ee;
      }
    }
    return EventException.contractInvalid(id, "cannot compile schema: " + e.getMessage(), e);
  }

  /** A {@code format} whose reading is {@link PayloadReading}'s, replacing networknt's own. */
  private record ReadingFormat(String name, java.util.function.Predicate<String> test)
      implements com.networknt.schema.format.Format {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean matches(com.networknt.schema.ExecutionContext context, String value) {
      return test.test(value);
    }
  }

  /** Serves bundled contracts by {@code $id}; knows nothing else. */
  private final class BundleResourceLoader implements ResourceLoader {
    @Override
    public InputStreamSource getResource(AbsoluteIri iri) {
      byte[] data = served.get(normalizeId(iri.toString()));
      if (data == null) {
        return null;
      }
      return () -> new ByteArrayInputStream(data);
    }
  }
}
