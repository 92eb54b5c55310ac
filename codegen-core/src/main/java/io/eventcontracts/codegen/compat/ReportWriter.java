package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.ContractError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a check for people and for CI: a console summary, a markdown report ready to paste into a pull request,
 * and JUnit-style XML (one test case per contract and per lint finding at {@code ERROR}), all deterministic: same
 * input, same bytes (no time stamps, paths relative to the base directory).
 */
public final class ReportWriter {

  /** The markdown report's file name, below {@code target/eventcontracts/}. */
  public static final String MARKDOWN = "compatibility-report.md";
  /** The JUnit XML report's file name (surefire's naming, so CI tools pick it up with their usual pattern). */
  public static final String JUNIT_XML = "TEST-eventcontracts-compatibility.xml";

  private final CheckResult result;
  private final List<LintFinding> lint;
  private final Path base;

  public ReportWriter(CheckResult result, List<LintFinding> lint, Path baseDirectory) {
    this.result = result;
    this.lint = List.copyOf(lint);
    this.base = baseDirectory;
  }

  /** Writes both reports into {@code directory}; returns their paths (markdown, XML). */
  public List<Path> write(Path directory) {
    try {
      Files.createDirectories(directory);
      Path md = directory.resolve(MARKDOWN);
      Path xml = directory.resolve(JUNIT_XML);
      Files.writeString(md, markdown(), StandardCharsets.UTF_8);
      Files.writeString(xml, junitXml(), StandardCharsets.UTF_8);
      return List.of(md, xml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the compatibility report to " + directory, e);
    }
  }

  /** Lint findings at {@code ERROR}, formatted; they fail the check like violations. */
  public List<String> lintErrors() {
    return lint.stream().filter(l -> l.severity() == LintRule.Severity.ERROR).map(this::format).toList();
  }

  /** Lint findings at {@code WARNING}, formatted. */
  public List<String> lintWarnings() {
    return lint.stream().filter(l -> l.severity() == LintRule.Severity.WARNING).map(this::format).toList();
  }

  /** Console lines: one per contract that changed, then the totals. */
  public List<String> summary() {
    List<String> out = new ArrayList<>();
    for (ContractVerdict v : result.contracts()) {
      if (v.changes().isEmpty()) {
        continue;
      }
      out.add("  " + v.key() + " (" + v.file() + ", " + versions(v) + "): " + v.changes().size()
          + (v.changes().size() == 1 ? " change" : " changes") + ", BACKWARD " + mark(v.backwardCompatible())
          + " FORWARD " + mark(v.forwardCompatible()) + ", mode " + v.mode() + (v.passed() ? ": ok" : ": "
          + v.violations().size() + (v.violations().size() == 1 ? " violation" : " violations"))
          + (v.note().isEmpty() ? "" : " (" + v.note() + ")"));
    }
    out.add(0, headline());
    return out;
  }

  private String headline() {
    long changed = result.contracts().stream().filter(v -> !v.changes().isEmpty()).count();
    int violations = result.violations().size();
    int lintErrors = lintErrors().size();
    return "eventcontracts check: " + result.contracts().size() + " contracts against " + baselineText() + " (mode "
        + result.defaultMode() + "): " + changed + " changed, " + violations
        + (violations == 1 ? " violation" : " violations") + ", " + lint.size() + " lint "
        + (lint.size() == 1 ? "finding" : "findings") + (lintErrors > 0 ? " (" + lintErrors + " errors)" : "");
  }

  private String baselineText() {
    if (result.baselines().isEmpty()) {
      return "no baseline";
    }
    return result.baselines().size() == 1 ? result.baselines().get(0)
        : result.baselines().size() + " baselines (" + String.join(", ", result.baselines()) + ")";
  }

  /** The markdown report. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Contract compatibility report\n\n");
    boolean pass = result.passed() && lintErrors().isEmpty();
    md.append(pass ? "**Passed.** " : "**Failed.** ").append(result.contracts().size()).append(" contracts compared with ")
        .append(baselineText()).append(", default mode ").append(result.defaultMode()).append(": ")
        .append(result.violations().size()).append(result.violations().size() == 1 ? " violation, " : " violations, ")
        .append(lint.size()).append(lint.size() == 1 ? " lint finding.\n\n" : " lint findings.\n\n");
    if (result.baselines().isEmpty()) {
      md.append("There is no earlier version to compare with (a first release): every contract is new.\n\n");
    }
    md.append("| contract | file | version | mode | changes | BACKWARD | FORWARD | FULL | verdict |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (ContractVerdict v : result.contracts()) {
      md.append("| `").append(v.key()).append("` | ").append(v.file()).append(" | ").append(versions(v))
          .append(" | ").append(v.mode()).append(" | ").append(v.changes().size()).append(" | ")
          .append(mark(v.backwardCompatible())).append(" | ").append(mark(v.forwardCompatible())).append(" | ")
          .append(mark(v.backwardCompatible() && v.forwardCompatible())).append(" | ")
          .append(v.passed() ? (v.note().isEmpty() ? "ok" : "ok: " + v.note()) : "**breaks " + v.mode() + "**")
          .append(" |\n");
    }
    for (ContractVerdict v : result.contracts()) {
      if (v.changes().isEmpty()) {
        continue;
      }
      md.append("\n## `").append(v.key()).append("` (").append(v.file()).append(", ").append(versions(v))
          .append(")\n\n");
      if (!v.note().isEmpty()) {
        md.append(capital(v.note())).append(".\n\n");
      }
      md.append("| | element | change | old → new | BACKWARD | FORWARD | FULL | where |\n");
      md.append("|---|---|---|---|---|---|---|---|\n");
      for (Change c : v.changes()) {
        md.append("| ").append(what(c)).append(" | ").append(c.path().isEmpty() ? "(contract)" : "`" + c.path() + "`")
            .append(" | [").append(c.kind().name()).append("](docs/compatibility.md#").append(c.kind().anchor())
            .append(") | ").append(cell(c.oldValue())).append(" → ").append(cell(c.newValue())).append(" | ")
            .append(mark(c.effect().backwardCompatible())).append(" | ").append(mark(c.effect().forwardCompatible()))
            .append(" | ").append(mark(c.effect() == Effect.NONE)).append(" | ")
            .append(CompatibilityChecker.where(c.location(), base)).append(" |\n");
      }
      if (!v.violations().isEmpty()) {
        md.append("\nViolations:\n\n");
        v.violations().forEach(line -> md.append("- `").append(line.replace("`", "'")).append("`\n"));
      }
    }
    if (!lint.isEmpty()) {
      md.append("\n## Lint\n\n| severity | rule | finding |\n|---|---|---|\n");
      for (LintFinding l : lint) {
        md.append("| ").append(l.severity()).append(" | ").append(l.rule().id()).append(" | `")
            .append(format(l).replace("`", "'").replace("|", "\\|")).append("` |\n");
      }
    }
    return md.toString();
  }

  /** The JUnit XML report. */
  public String junitXml() {
    List<String[]> cases = new ArrayList<>();
    for (ContractVerdict v : result.contracts()) {
      cases.add(new String[] {"compatibility", v.key() + " (" + v.file() + ")",
          v.passed() ? null : String.join("\n", v.violations())});
    }
    for (LintFinding l : lint) {
      if (l.severity() == LintRule.Severity.ERROR) {
        cases.add(new String[] {"lint", l.rule().id() + " " + CompatibilityChecker.where(
            io.eventcontracts.codegen.model.SourceLocation.of(l.error().file(), l.error().line()), base), format(l)});
      }
    }
    long failures = cases.stream().filter(c -> c[2] != null).count();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"eventcontracts.compatibility\" tests=\"").append(cases.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
    xml.append("  <properties>\n    <property name=\"baseline\" value=\"").append(escape(baselineText()))
        .append("\"/>\n    <property name=\"mode\" value=\"").append(result.defaultMode()).append("\"/>\n")
        .append("  </properties>\n");
    for (String[] c : cases) {
      xml.append("  <testcase classname=\"eventcontracts.").append(c[0]).append("\" name=\"").append(escape(c[1]))
          .append('"');
      if (c[2] == null) {
        xml.append("/>\n");
      } else {
        String first = c[2].lines().findFirst().orElse("");
        xml.append(">\n    <failure message=\"").append(escape(first)).append("\" type=\"")
            .append(c[0].equals("lint") ? "lint" : "incompatible").append("\">").append(escape(c[2]))
            .append("</failure>\n  </testcase>\n");
      }
    }
    xml.append("</testsuite>\n");
    return xml.toString();
  }

  private String format(LintFinding l) {
    ContractError e = l.error();
    String where = CompatibilityChecker.where(io.eventcontracts.codegen.model.SourceLocation.of(e.file(), e.line()),
        base);
    return where + ": " + e.message() + (e.hint() == null || e.hint().isBlank() ? "" : "; " + e.hint());
  }

  private static String what(Change c) {
    if (c.oldValue() == null && c.newValue() != null) {
      return "added";
    }
    if (c.newValue() == null && c.oldValue() != null) {
      return "removed";
    }
    // the Protobuf removals keep a new value saying what is not reserved
    return c.kind().name().contains("_REMOVED") ? "removed" : "changed";
  }

  private static String versions(ContractVerdict v) {
    if (v.baselineVersion() == 0) {
      return "v" + v.currentVersion() + " (new)";
    }
    if (v.currentVersion() == 0) {
      return "v" + v.baselineVersion() + " (removed)";
    }
    return v.baselineVersion() == v.currentVersion() ? "v" + v.currentVersion()
        : "v" + v.baselineVersion() + " → v" + v.currentVersion();
  }

  private static String mark(boolean ok) {
    return ok ? "✓" : "✗";
  }

  private static String cell(String value) {
    return value == null ? "—" : "`" + value.replace("`", "'").replace("|", "\\|") + "`";
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        default -> {
          if (ch >= 0x20 || ch == '\t') {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
