package io.eventcontracts.codegen.typescript;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the generated {@code package.json} says about the package.
 *
 * @param name the npm package name, e.g. {@code @eventcontracts/ticketing-events}
 * @param version the package version: the contracts artifact's version ({@code 0.1.0-SNAPSHOT})
 * @param description one line for {@code package.json}
 */
public record TypeScriptOptions(String name, String version, String description) {

  /** npm's rule for names: lower case, URL-safe, optionally scoped, at most 214 characters. */
  static final Pattern NPM_NAME = Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
  /** Semantic versioning 2.0 (what npm accepts). */
  static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

  public TypeScriptOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    description = description == null ? "" : description;
  }

  /** Every problem of the options, each a sentence saying what to do; empty when they are usable. */
  public java.util.List<String> problems() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    if (name.length() > 214 || !NPM_NAME.matcher(name).matches()) {
      problems.add("npm package name \"" + name + "\" is not valid: use lower-case letters, digits, '-', '.', '_'"
          + " and an optional scope, e.g. @eventcontracts/ticketing-events");
    }
    if (!SEMVER.matcher(version).matches()) {
      problems.add("package version \"" + version + "\" is not a semantic version (npm refuses it): use e.g."
          + " 1.2.0 or 0.1.0-SNAPSHOT");
    }
    return problems;
  }
}
