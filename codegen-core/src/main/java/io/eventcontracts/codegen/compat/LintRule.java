package io.eventcontracts.codegen.compat;

import java.util.Locale;

/** The contract lint rules of {@link ContractLinter}; each is documented in {@code docs/compatibility.md#lint}. */
public enum LintRule {
  /** Event subjects read {@code <resource>:<past-tense-action>}: {@code ticket:created}, {@code order:paid}. */
  SUBJECT_NAMING,
  /** Every property has a {@code description}. */
  PROPERTY_DESCRIPTION,
  /** Every JSON Schema object says {@code additionalProperties} explicitly (open or closed is a decision). */
  EXPLICIT_ADDITIONAL_PROPERTIES,
  /** An event about an aggregate (its payload has an {@code id}) carries the aggregate's {@code version}. */
  AGGREGATE_VERSION,
  /** An event's file is named after its subject: {@code ticket:created} in {@code ticket-created.json}. */
  FILE_NAME_MATCHES_SUBJECT;

  /** {@code subject-naming}: the name used in configuration and messages. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The rule of a configuration name ({@code subject-naming} or {@code SUBJECT_NAMING}). */
  public static LintRule parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (LintRule r : values()) {
      if (r.name().equals(n)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown lint rule \"" + name + "\"; use one of "
        + java.util.Arrays.stream(values()).map(LintRule::id).toList());
  }

  /** How a lint finding is treated. */
  public enum Severity {
    /** Fails the check. */
    ERROR,
    /** Reported, does not fail. */
    WARNING,
    /** Not checked. */
    OFF;

    public static Severity parse(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown lint severity \"" + name + "\"; use ERROR, WARNING or OFF");
      }
    }
  }
}
