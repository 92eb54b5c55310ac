package io.eventcontracts.runtime.internal;

import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.ContractRegistry.Contract;
import io.eventcontracts.runtime.EventException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads every contract index on a class loader, with the schema bytes each entry points at. */
public final class ContractIndexLoader {

  /**
   * One contract found in an index.
   *
   * @param contract the index entry
   * @param bytes the schema file's bytes
   * @param origin where it came from, for error messages
   * @param dialect the {@code $schema} URI of the dialect the build resolved for this contract (the index's
   *     {@code "dialect"}: the file's own {@code $schema}, else the build's {@code defaultDraft}); {@code null}
   *     when unknown (files without {@code $schema} are then 2020-12)
   */
  public record Entry(Contract contract, byte[] bytes, String origin, String dialect) {

    /** An entry without a resolved dialect. */
    public Entry(Contract contract, byte[] bytes, String origin) {
      this(contract, bytes, origin, null);
    }
  }

  /** The index format this runtime reads; written by the code generator's bundle step. */
  static final int FORMAT_VERSION = 1;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ContractIndexLoader() {}

  /** Reads all indexes visible to {@code classLoader}, in class path order. */
  public static List<Entry> load(ClassLoader classLoader) {
    List<Entry> entries = new ArrayList<>();
    Enumeration<URL> urls;
    try {
      urls = classLoader.getResources(ContractRegistry.INDEX_RESOURCE);
    } catch (IOException e) {
      throw EventException.contractInvalid(null, "cannot list " + ContractRegistry.INDEX_RESOURCE + ": " + e, e);
    }
    while (urls.hasMoreElements()) {
      entries.addAll(readIndex(urls.nextElement()));
    }
    return entries;
  }

  private static List<Entry> readIndex(URL indexUrl) {
    JsonNode index;
    try (InputStream in = indexUrl.openStream()) {
      index = MAPPER.readTree(in);
    } catch (IOException | JacksonException e) {
      throw EventException.contractInvalid(null, "cannot read " + indexUrl + ": " + e.getMessage(), e);
    }
    if (!index.isObject()) {
      throw EventException.contractInvalid(null, indexUrl + " is not a JSON object; regenerate the bundle", null);
    }
    // Exactly the integer 1: lenient coercion would read "1", 1.5 or true as 1 and accept a format it cannot read.
    JsonNode formatVersion = index.get("formatVersion");
    if (formatVersion == null || !formatVersion.isIntegralNumber() || formatVersion.asLong() != FORMAT_VERSION) {
      throw EventException.contractInvalid(null, indexUrl + (formatVersion == null ? " has no formatVersion"
          : " has formatVersion " + formatVersion) + ", this runtime reads formatVersion " + FORMAT_VERSION
          + "; use the eventcontracts-runtime that matches the plugin that generated the bundle, or regenerate it",
          null);
    }
    JsonNode contracts = index.get("contracts");
    if (contracts == null || !contracts.isArray()) {
      throw EventException.contractInvalid(null, indexUrl + ": \"contracts\" must be an array of contract"
          + " entries; regenerate the bundle", null);
    }
    String url = indexUrl.toString();
    // Resources are relative to the root of the jar (or directory) that holds this very index, so two jars
    // with the same resource path never shadow each other.
    String root = url.substring(0, url.length() - ContractRegistry.INDEX_RESOURCE.length());
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : contracts) {
      String id = text(node, "id");
      String resource = text(node, "resource");
      if (id == null || resource == null) {
        throw EventException.contractInvalid(id, indexUrl + ": every contract entry needs \"id\" and \"resource\"",
            null);
      }
      String kind = node.hasNonNull("kind") ? node.get("kind").asString() : "event";
      String subject = text(node, "subject");
      if ("event".equals(kind) && subject == null) {
        throw EventException.contractInvalid(id, indexUrl + ": event contract without \"subject\"", null);
      }
      Contract contract = new Contract(BundledSchemas.normalizeId(id), text(node, "name"), kind,
          "event".equals(kind) ? subject : null, node.path("version").asInt(0), resource, text(node, "javaType"));
      byte[] bytes = readResource(root + resource, id);
      String sha = text(node, "sha256");
      if (sha != null && !sha.equalsIgnoreCase(sha256(bytes))) {
        throw EventException.contractInvalid(id, resource + " in " + root + " does not match the sha256 of its"
            + " index entry; the bundle was modified after generation, regenerate it", null);
      }
      String dialect = text(node, "dialect");
      if (dialect != null && !BundledSchemas.DIALECTS.contains(BundledSchemas.normalizeId(dialect))) {
        throw EventException.contractInvalid(id, indexUrl + ": \"dialect\" is " + dialect + "; this runtime "
            + "validates " + BundledSchemas.DIALECTS + "; regenerate the bundle or upgrade eventcontracts-runtime",
            null);
      }
      entries.add(new Entry(contract, bytes, url, dialect == null ? null : BundledSchemas.normalizeId(dialect)));
    }
    return entries;
  }

  private static byte[] readResource(String location, String id) {
    try (InputStream in = new URL(location).openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw EventException.contractInvalid(id, "cannot read schema " + location + ": " + e, e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
