package io.eventcontracts.codegen.model;

import java.util.Optional;

/**
 * The JSON Schema draft a contract is written in, chosen by its {@code $schema} (a file without one gets the
 * configured default, 2020-12 unless set otherwise). Run-time validation uses the same dialect, so a payload gets the
 * same verdict at build time, on publish and on receive.
 */
public enum Dialect {
  DRAFT_04("draft-04", "http://json-schema.org/draft-04/schema"),
  DRAFT_06("draft-06", "http://json-schema.org/draft-06/schema"),
  DRAFT_07("draft-07", "http://json-schema.org/draft-07/schema"),
  DRAFT_2019_09("2019-09", "https://json-schema.org/draft/2019-09/schema"),
  DRAFT_2020_12("2020-12", "https://json-schema.org/draft/2020-12/schema");

  private final String shortName;
  private final String uri;

  Dialect(String shortName, String uri) {
    this.shortName = shortName;
    this.uri = uri;
  }

  /** {@code draft-07}, {@code 2020-12}: the name used in configuration and in the bundle index. */
  public String shortName() {
    return shortName;
  }

  /** The meta-schema URI written in {@code $schema} (without the optional trailing {@code #}). */
  public String uri() {
    return uri;
  }

  /** Drafts up to 07 ignore every keyword beside {@code $ref}; 2019-09 and later apply them too. */
  public boolean refSiblingsApply() {
    return this == DRAFT_2019_09 || this == DRAFT_2020_12;
  }

  /** The keyword holding a schema's id: {@code id} in draft-04, {@code $id} later. */
  public String idKeyword() {
    return this == DRAFT_04 ? "id" : "$id";
  }

  /** The dialect of a {@code $schema} value; {@code http}/{@code https} and a trailing {@code #} are ignored. */
  public static Optional<Dialect> ofSchemaUri(String value) {
    String v = normalize(value);
    for (Dialect d : values()) {
      if (normalize(d.uri).equals(v)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The dialect of a short name ({@code draft-07}, {@code 07}, {@code 2020-12}). */
  public static Optional<Dialect> ofShortName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    for (Dialect d : values()) {
      if (d.shortName.equals(n) || d.shortName.replace("draft-", "").equals(n) || d.name().equalsIgnoreCase(n)) {
        return Optional.of(d);
      }
    }
    return ofSchemaUri(name);
  }

  private static String normalize(String value) {
    String v = value.trim();
    if (v.endsWith("#")) {
      v = v.substring(0, v.length() - 1);
    }
    return v.replaceFirst("^https?://", "");
  }
}
