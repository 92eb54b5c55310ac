package io.eventcontracts.codegen.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bundles the contracts into the resource output: exact copies under {@code META-INF/eventcontracts/schemas/} and
 * the index {@code META-INF/eventcontracts/index.json} the runtime reads (and merges across jars) to validate
 * payloads and resolve {@code $ref}s by {@code $id} without any network access. Keys are written in a fixed order,
 * contracts sorted by bundle path, {@code \n} line ends: same contracts, same bytes.
 */
public final class ContractBundleGenerator {

  private final io.eventcontracts.codegen.naming.JavaNaming naming;

  /** Uses the names of the run's naming pass. */
  public ContractBundleGenerator(io.eventcontracts.codegen.naming.JavaNaming naming) {
    this(naming, java.util.Map.of());
  }

  private final java.util.Map<String, io.eventcontracts.codegen.proto.ProtoOrigin> protoOrigins;

  /**
   * Uses the names of the run's naming pass; events with a proto origin (by subject) get {@code protobufMessage}
   * and {@code protobufJavaType} in the index, so the runtime can carry them as protobuf too.
   */
  public ContractBundleGenerator(io.eventcontracts.codegen.naming.JavaNaming naming,
      java.util.Map<String, io.eventcontracts.codegen.proto.ProtoOrigin> protoOrigins) {
    this.naming = naming;
    this.protoOrigins = protoOrigins;
  }

  public static final String BASE = "META-INF/eventcontracts/";
  public static final String SCHEMAS = BASE + "schemas/";
  public static final String INDEX = BASE + "index.json";
  public static final int FORMAT_VERSION = 1;

  public List<GeneratedFile> generate(ContractSet contracts, String packageName) {
    List<GeneratedFile> files = new ArrayList<>();
    for (Contract contract : contracts.contracts()) {
      files.add(new GeneratedFile(GeneratedFile.Target.RESOURCE, SCHEMAS + contract.bundlePath(),
          contract.document().content()));
    }
    files.add(new GeneratedFile(GeneratedFile.Target.RESOURCE, INDEX, index(contracts, packageName)));
    return files;
  }

  private byte[] index(ContractSet contracts, String packageName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.setPrettyPrinter(pretty);
      json.writeStartObject();
      json.writeNumberField("formatVersion", FORMAT_VERSION);
      json.writeArrayFieldStart("contracts");
      for (Contract c : contracts.contracts()) {
        json.writeStartObject();
        json.writeStringField("name", c.name());
        json.writeStringField("kind", c.kind().wireName());
        if (c.isEvent()) {
          json.writeStringField("subject", c.subject());
        }
        json.writeNumberField("version", c.version());
        json.writeStringField("id", c.id());
        json.writeStringField("format", c.format().wireName());
        if (c.dialect() != null) {
          json.writeStringField("dialect", c.dialect().uri());
        }
        json.writeStringField("resource", SCHEMAS + c.bundlePath());
        if (c.isEvent()) {
          json.writeStringField("javaType", packageName + "." + naming.eventClass(c));
        }
        json.writeStringField("sha256", c.sha256());
        io.eventcontracts.codegen.proto.ProtoOrigin origin = c.isEvent() ? protoOrigins.get(c.subject()) : null;
        if (origin != null) {
          json.writeStringField("protobufMessage", origin.message().fullName());
          json.writeStringField("protobufJavaType", origin.javaClass());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
