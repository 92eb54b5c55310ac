package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.SourceLocation;
import io.eventcontracts.codegen.model.UnionType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Style rules for contracts, each with a configurable {@link LintRule.Severity} (default {@code WARNING}). Reads
 * only the model. Findings are {@code file:line: what (lint rule); what to do}, sorted by file and line.
 */
public final class ContractLinter {

  /** {@code resource:action}, lower-case words joined by {@code -}. */
  private static final Pattern SUBJECT = Pattern.compile("([a-z][a-z0-9]*(?:-[a-z0-9]+)*):([a-z][a-z0-9]*(?:-[a-z0-9]+)*)");

  /** Irregular past tenses common in event names (regular ones end in {@code -ed}). */
  private static final Set<String> IRREGULAR_PAST = Set.of("paid", "sent", "sold", "bought", "built", "made", "done",
      "taken", "given", "held", "won", "lost", "begun", "run", "set", "put", "read", "left", "met", "found", "kept",
      "shut", "split", "spent", "struck", "thrown", "told", "understood", "withdrawn", "written", "chosen", "drawn",
      "frozen", "hidden", "known", "shown", "forgotten", "gotten", "got", "become", "come", "gone", "seen", "bound");

  private final Map<LintRule, LintRule.Severity> severities;

  /** A linter with every rule at {@code WARNING}. */
  public ContractLinter() {
    this(Map.of());
  }

  /** A linter with these severities; rules not named are {@code WARNING}. */
  public ContractLinter(Map<LintRule, LintRule.Severity> severities) {
    Map<LintRule, LintRule.Severity> all = new EnumMap<>(LintRule.class);
    for (LintRule r : LintRule.values()) {
      all.put(r, severities.getOrDefault(r, LintRule.Severity.WARNING));
    }
    this.severities = Collections.unmodifiableMap(all);
  }

  /** Every finding of every rule that is not {@code OFF}. */
  public List<LintFinding> lint(ContractSet contracts) {
    List<LintFinding> out = new ArrayList<>();
    for (Contract c : contracts.contracts()) {
      if (c.isEvent()) {
        subject(c, out);
        fileName(c, out);
        aggregateVersion(c, out);
      }
      Map<DataType, Boolean> seen = new IdentityHashMap<>();
      walk(c, c.rootType(), "", seen, out);
      c.definitions().forEach((key, t) -> walk(c, t, key, seen, out)); // "/$defs/Money", once each
    }
    out.sort((a, b) -> {
      String fa = String.valueOf(a.error().file());
      String fb = String.valueOf(b.error().file());
      return fa.equals(fb) ? Integer.compare(a.error().line(), b.error().line()) : fa.compareTo(fb);
    });
    return List.copyOf(out);
  }

  private void subject(Contract c, List<LintFinding> out) {
    Matcher m = SUBJECT.matcher(c.subject());
    if (!m.matches()) {
      report(out, LintRule.SUBJECT_NAMING, c.source(), "subject \"" + c.subject() + "\" is not "
          + "<resource>:<past-tense-action>", "name it after what happened to what, in lower case, e.g. "
          + "\"ticket:created\", \"order:paid\"");
    } else if (!isPastTense(m.group(2))) {
      report(out, LintRule.SUBJECT_NAMING, c.source(), "subject \"" + c.subject() + "\": action \"" + m.group(2)
          + "\" is not in the past tense", "name the event after what happened, e.g. \"" + m.group(1) + ":"
          + suggestPast(m.group(2)) + "\" (renaming is a new contract: keep the old one until consumers moved)");
    }
  }

  static boolean isPastTense(String action) {
    String last = action.substring(action.lastIndexOf('-') + 1);
    return last.endsWith("ed") || IRREGULAR_PAST.contains(last);
  }

  private static String suggestPast(String action) {
    return action.endsWith("e") ? action + "d" : action + "ed";
  }

  private void fileName(Contract c, List<LintFinding> out) {
    String expected = c.subject().replaceAll("[:.]", "-") + ".json";
    String file = c.bundlePath().substring(c.bundlePath().lastIndexOf('/') + 1);
    if (c.format() == ContractFormat.JSON_SCHEMA && !file.equals(expected)) {
      report(out, LintRule.FILE_NAME_MATCHES_SUBJECT, SourceLocation.of(c.source().file(), 0), "file name \"" + file
          + "\" does not match subject \"" + c.subject() + "\"", "rename the file to \"" + expected + "\"");
    }
  }

  private void aggregateVersion(Contract c, List<LintFinding> out) {
    if (!(c.rootType() instanceof ObjectType root) || root.field("id").isEmpty()) {
      return;
    }
    var version = root.field("version");
    if (version.isEmpty()) {
      report(out, LintRule.AGGREGATE_VERSION, root.location() != null ? root.location() : c.source(),
          "event \"" + c.subject() + "\" is about an aggregate (it has \"id\") but carries no \"version\"",
          "add a required integer \"version\" (the aggregate's record version), so consumers apply events in order");
    } else if (!(version.get().type() instanceof PrimitiveType p && p.isInteger()) || !version.get().required()) {
      report(out, LintRule.AGGREGATE_VERSION, version.get().location(), "event \"" + c.subject() + "\": \"version\" "
          + "is not a required integer", "make \"version\" a required integer");
    }
  }

  private void walk(Contract c, DataType type, String path, Map<DataType, Boolean> seen, List<LintFinding> out) {
    if (type == null || seen.put(type, Boolean.TRUE) != null) {
      return;
    }
    if (type instanceof ObjectType o) {
      if (c.format() == ContractFormat.JSON_SCHEMA && !o.additionalProperties().declared()
          && o.additionalProperties().kind() == AdditionalProperties.Kind.OPEN && !"map".equals(o.name())) {
        report(out, LintRule.EXPLICIT_ADDITIONAL_PROPERTIES, o.location(), (path.isEmpty() ? "the contract's object"
                : "object \"" + path + "\"") + " leaves \"additionalProperties\" unsaid (so it is open)",
            "say \"additionalProperties\": false (closed: adding optional properties stays compatible) or true "
                + "(open: consumers accept unknown properties)");
      }
      for (Field f : o.fields()) {
        String p = path.isEmpty() ? f.name() : path + "." + f.name();
        if (f.description() == null || f.description().isBlank()) {
          report(out, LintRule.PROPERTY_DESCRIPTION, f.location(), "property \"" + p + "\" has no \"description\"",
              "add \"description\": it documents the generated code, the catalog and the compatibility report");
        }
        walk(c, f.type(), p, seen, out);
      }
      if (o.additionalProperties().valueType() != null) {
        walk(c, o.additionalProperties().valueType(), path + ".*", seen, out);
      }
    } else if (type instanceof ListType l) {
      walk(c, l.element(), path + "[]", seen, out);
    } else if (type instanceof MapType m) {
      walk(c, m.value(), path + "{}", seen, out);
    } else if (type instanceof UnionType u) {
      for (UnionType.Branch b : u.branches()) {
        walk(c, b.type(), path, seen, out);
      }
    }
  }

  private void report(List<LintFinding> out, LintRule rule, SourceLocation at, String message, String hint) {
    LintRule.Severity severity = severities.get(rule);
    if (severity == LintRule.Severity.OFF) {
      return;
    }
    Path file = at == null ? null : at.file();
    int line = at == null ? 0 : at.line();
    out.add(new LintFinding(rule, severity, new ContractError(file, line, message + " (lint " + rule.id() + ")",
        hint)));
  }
}
