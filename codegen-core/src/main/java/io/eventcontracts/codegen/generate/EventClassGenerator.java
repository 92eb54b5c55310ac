package io.eventcontracts.codegen.generate;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.codemodel.CodeWriter;
import com.sun.codemodel.JCodeModel;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JFieldVar;
import com.sun.codemodel.JPackage;
import io.eventcontracts.codegen.jsonschema.JsonSchemaDocument;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.naming.JavaNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsonschema2pojo.AbstractAnnotator;
import org.jsonschema2pojo.AnnotationStyle;
import org.jsonschema2pojo.CompositeAnnotator;
import org.jsonschema2pojo.ContentResolver;
import org.jsonschema2pojo.DefaultGenerationConfig;
import org.jsonschema2pojo.InclusionLevel;
import org.jsonschema2pojo.Jackson3Annotator;
import org.jsonschema2pojo.NoopRuleLogger;
import org.jsonschema2pojo.Schema;
import org.jsonschema2pojo.SchemaStore;
import org.jsonschema2pojo.exception.GenerationException;
import org.jsonschema2pojo.rules.RuleFactory;

/**
 * Generates the Jackson-annotated event and type classes with jsonschema2pojo used as a library.
 *
 * <p>How jsonschema2pojo is driven:
 * <ul>
 *   <li>One {@link JCodeModel}, one {@link RuleFactory} and one {@link SchemaStore} for all contracts, so a type
 *       referenced from several events (the shared {@code OrderStatus} enum) is generated once.</li>
 *   <li>Class names are never left to jsonschema2pojo: every object and enum in the model gets a {@code javaType}
 *       injected into a copy of the schema tree (the event root {@code TicketCreatedEvent}, nested objects
 *       {@code OrderCreatedTicket}), so names follow {@link JavaNames} and match what the loader checked for
 *       clashes.</li>
 *   <li>Every {@code $ref} in the copy is rewritten to the target contract's absolute {@code $id} (plus fragment),
 *       and the {@link ContentResolver} serves only the loaded contracts by {@code $id}: nothing is read from the
 *       network or from disk.</li>
 *   <li>{@link Config}: Jackson 3 annotation style (its {@code @JsonDeserialize} is {@code tools.jackson}; the other
 *       annotations are the shared {@code com.fasterxml.jackson.annotation} ones), no additional-properties map,
 *       builders and an all-args constructor, equals/hashCode/toString, collections not initialised,
 *       {@code java.time.Instant} for {@code date-time} without jsonschema2pojo's fixed {@code @JsonFormat} pattern
 *       (it rejects valid RFC 3339 values); {@link IsoDateAnnotator} instead adds
 *       {@code @JsonFormat(shape = STRING)} so the wire form is an ISO-8601 string whatever the mapper's
 *       timestamp setting. No generated annotation, no timestamps.</li>
 * </ul>
 */
public final class EventClassGenerator {

  /** Generates one class per event contract, type contract and nested object or enum. */
  public List<GeneratedFile> generate(ContractSet contracts, String packageName) {
    Map<URI, JsonNode> documents = new HashMap<>();
    List<Root> roots = new ArrayList<>();
    for (Contract contract : contracts.contracts()) {
      if (!(contract.document() instanceof JsonSchemaDocument document)) {
        continue;
      }
      ObjectNode copy = (ObjectNode) document.tree().deepCopy();
      String rootClass = contract.isEvent() ? JavaNames.eventClassName(contract.subject()) : contract.name();
      prepare(copy, contract.rootType(), "", packageName, rootClass);
      for (Map.Entry<String, DataType> def : contract.definitions().entrySet()) {
        prepare(copy, def.getValue(), def.getKey(), packageName, null);
      }
      URI id = URI.create(contract.id());
      documents.put(id, copy);
      if (isNamed(contract.rootType())) {
        roots.add(new Root(id, rootClass));
      }
      for (Map.Entry<String, DataType> def : contract.definitions().entrySet()) {
        if (isNamed(def.getValue())) {
          roots.add(new Root(URI.create(contract.id() + "#" + def.getKey()), def.getKey()));
        }
      }
    }

    Config config = new Config(packageName);
    SchemaStore store = new SchemaStore(new LoadedContractsResolver(documents), new NoopRuleLogger());
    RuleFactory rules = new RuleFactory(config,
        new CompositeAnnotator(new Jackson3Annotator(config), new IsoDateAnnotator()), store);
    rules.setLogger(new NoopRuleLogger());
    JCodeModel codeModel = new JCodeModel();
    JPackage jpackage = codeModel._package(packageName);
    try {
      for (Root root : roots) {
        Schema schema = store.create(root.uri(), config.getRefFragmentPathDelimiters());
        if (!schema.isGenerated()) {
          rules.getSchemaRule().apply(root.name(), schema.getContent(), null, jpackage, schema);
        }
      }
    } catch (GenerationException e) {
      throw new IllegalStateException("jsonschema2pojo failed on contracts the loader accepted: " + e.getMessage(), e);
    }

    MemoryCodeWriter writer = new MemoryCodeWriter();
    try {
      codeModel.build(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<GeneratedFile> files = new ArrayList<>();
    writer.files.forEach((path, bytes) -> {
      String text = bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
      files.add(new GeneratedFile(GeneratedFile.Target.JAVA_SOURCE, path, text.getBytes(StandardCharsets.UTF_8)));
    });
    return files;
  }

  private record Root(URI uri, String name) {}

  private static boolean isNamed(DataType type) {
    return type instanceof ObjectType || type instanceof EnumType;
  }

  /**
   * Walks the model and the schema copy together: names every object and enum, points every {@code $ref} at an
   * absolute {@code $id}, maps {@code int64} to {@code Long}.
   */
  private static void prepare(ObjectNode document, DataType type, String pointer, String packageName,
      String className) {
    JsonNode at = pointer.isEmpty() ? document : document.at(JsonPointer.compile(pointer));
    if (!(at instanceof ObjectNode node)) {
      return;
    }
    if (type instanceof ObjectType object) {
      node.put("javaType", packageName + "." + (className != null ? className : object.name()));
      for (Field field : object.fields()) {
        prepare(document, field.type(), field.location().pointer(), packageName, null);
      }
    } else if (type instanceof EnumType enumType) {
      node.put("javaType", packageName + "." + (className != null ? className : enumType.name()));
    } else if (type instanceof ListType list) {
      prepare(document, list.element(), pointer + "/items", packageName, null);
    } else if (type instanceof TypeRef ref) {
      node.put("$ref", ref.isRoot() ? ref.contractId() : ref.contractId() + "#" + ref.definition());
    } else if (type == PrimitiveType.LONG) {
      node.put("existingJavaType", "java.lang.Long");
    }
  }

  /** Serves only the loaded contracts, by {@code $id}; refuses everything else instead of fetching it. */
  private static final class LoadedContractsResolver extends ContentResolver {
    private final Map<URI, JsonNode> documents;

    LoadedContractsResolver(Map<URI, JsonNode> documents) {
      this.documents = documents;
    }

    @Override
    public JsonNode resolve(URI uri) {
      JsonNode document = documents.get(uri);
      if (document == null) {
        throw new GenerationException("refusing to load " + uri + ": not the $id of a loaded contract "
            + "(remote schemas are never fetched)");
      }
      return document;
    }
  }

  /** Adds {@code @JsonFormat(shape = STRING)} to date-time and date fields: ISO-8601 strings on the wire. */
  private static final class IsoDateAnnotator extends AbstractAnnotator {
    @Override
    public void dateTimeField(JFieldVar field, JDefinedClass clazz, JsonNode node) {
      field.annotate(JsonFormat.class).param("shape", JsonFormat.Shape.STRING);
    }

    @Override
    public void dateField(JFieldVar field, JDefinedClass clazz, JsonNode node) {
      field.annotate(JsonFormat.class).param("shape", JsonFormat.Shape.STRING);
    }
  }

  /** Collects the generated sources in memory, sorted by path. */
  private static final class MemoryCodeWriter extends CodeWriter {
    final Map<String, ByteArrayOutputStream> files = new TreeMap<>();

    MemoryCodeWriter() {
      this.encoding = "UTF-8";
    }

    @Override
    public OutputStream openBinary(JPackage pkg, String fileName) {
      String dir = pkg.isUnnamed() ? "" : pkg.name().replace('.', '/') + "/";
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      files.put(dir + fileName, out);
      return out;
    }

    @Override
    public void close() {}
  }

  /** The jsonschema2pojo settings of the toolkit; see the class Javadoc. */
  static final class Config extends DefaultGenerationConfig {
    private final String packageName;

    Config(String packageName) {
      this.packageName = packageName;
    }

    @Override public String getTargetPackage() { return packageName; }
    @Override public AnnotationStyle getAnnotationStyle() { return AnnotationStyle.JACKSON3; }
    @Override public InclusionLevel getInclusionLevel() { return InclusionLevel.NON_NULL; }
    @Override public boolean isIncludeAdditionalProperties() { return false; }
    @Override public boolean isGenerateBuilders() { return true; }
    @Override public boolean isUseInnerClassBuilders() { return true; }
    @Override public boolean isIncludeConstructors() { return true; }
    @Override public boolean isIncludeAllPropertiesConstructor() { return true; }
    @Override public boolean isIncludeRequiredPropertiesConstructor() { return false; }
    @Override public boolean isConstructorsRequiredPropertiesOnly() { return false; }
    @Override public boolean isIncludeCopyConstructor() { return false; }
    @Override public boolean isIncludeToString() { return true; }
    @Override public boolean isIncludeHashcodeAndEquals() { return true; }
    @Override public boolean isInitializeCollections() { return false; }
    @Override public boolean isUsePrimitives() { return false; }
    @Override public String getDateTimeType() { return "java.time.Instant"; }
    @Override public String getDateType() { return "java.time.LocalDate"; }
    @Override public String getTimeType() { return "java.time.LocalTime"; }
    @Override public boolean isFormatDateTimes() { return false; }
    @Override public boolean isFormatDates() { return false; }
    @Override public boolean isFormatTimes() { return false; }
    @Override public boolean isIncludeJsr303Annotations() { return false; }
    @Override public boolean isIncludeJsr305Annotations() { return false; }
    @Override public boolean isIncludeGeneratedAnnotation() { return false; }
    @Override public boolean isIncludeDynamicAccessors() { return false; }
    @Override public boolean isIncludeTypeInfo() { return false; }
    @Override public boolean isUseTitleAsClassname() { return false; }
    @Override public boolean isSerializable() { return false; }
    @Override public String getTargetVersion() { return "17"; }
    @Override public String getOutputEncoding() { return "UTF-8"; }
    /** Only {@code #} and {@code /}: definition names may contain dots. */
    @Override public String getRefFragmentPathDelimiters() { return "#/"; }
  }
}
