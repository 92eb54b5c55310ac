package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the working contracts with their baselines under the configured modes and applies the versioning policy:
 * a change that breaks a contract's mode is accepted only when the contract's major version ({@code x-version})
 * increases; a major never decreases. Transitive modes compare with every earlier baseline of the same major.
 *
 * <p>Pure: reads only the model, writes nothing. The Maven goal {@code eventcontracts:check} and {@link CheckMain}
 * both call {@link #check(CheckRequest)}.
 */
public final class CompatibilityChecker {

  /** Where the versioning policy is explained; named in every violation. */
  static final String POLICY_DOC = "docs/compatibility.md#versioning";

  private final List<CompatibilityRules> rules;

  /**
   * A checker with every rule set: the model rules (JSON Schema and the shared shape of every format), then the
   * Protobuf wire rules (for pairs of contracts both authored in {@code .proto}).
   */
  public CompatibilityChecker() {
    this(defaultRules());
  }

  /** The rule sets {@link #CompatibilityChecker()} runs, in order. */
  public static List<CompatibilityRules> defaultRules() {
    return List.of(new ModelRules(), new ProtobufWireRules());
  }

  /** A checker with these rule sets (e.g. the model rules plus a format's wire rules). */
  public CompatibilityChecker(List<CompatibilityRules> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Runs the check. */
  public CheckResult check(CheckRequest request) {
    List<ContractVerdict> verdicts = new ArrayList<>();
    Set<Contract> matchedInLatest = new HashSet<>();
    Baseline latest = request.baselines().isEmpty() ? null : request.baselines().get(request.baselines().size() - 1);
    for (Contract current : request.current().contracts()) {
      verdicts.add(verdict(request, current, latest, matchedInLatest));
    }
    if (latest != null) {
      for (Contract old : latest.contracts().contracts()) {
        if (!matchedInLatest.contains(old)) {
          verdicts.add(removed(request, old, latest));
        }
      }
    }
    return new CheckResult(request.baselines().stream().map(Baseline::label).toList(), request.defaultMode(),
        verdicts);
  }

  private ContractVerdict verdict(CheckRequest request, Contract current, Baseline latest, Set<Contract> matched) {
    CompatibilityMode mode = modeOf(request, current);
    String key = ContractVerdict.keyOf(current);
    Contract inLatest = latest == null ? null : find(latest.contracts(), current);
    if (inLatest != null) {
      matched.add(inLatest);
    }
    if (inLatest == null) {
      Change added = new Change(ChangeKind.CONTRACT_ADDED, "", null, "v" + current.version(), Effect.NONE,
          current.source());
      return new ContractVerdict(key, current.bundlePath(), current.source(), 0, current.version(), mode,
          latest == null ? List.of() : List.of(added), List.of(), latest == null ? "" : "new contract");
    }
    List<Change> changes = compare(inLatest, latest.contracts(), current, request.current());
    List<String> violations = new ArrayList<>();
    String note = "";
    if (current.version() < inLatest.version()) {
      Change down = new Change(ChangeKind.MAJOR_VERSION_DECREASED, "", "v" + inLatest.version(),
          "v" + current.version(), Effect.BREAKS, current.source());
      changes.add(0, down);
      violations.add(where(current.source(), request.baseDirectory()) + ": " + key + ": x-version decreased from "
          + inLatest.version() + " to " + current.version() + " (" + latest.label() + "); "
          + ChangeKind.MAJOR_VERSION_DECREASED.fix() + " (" + POLICY_DOC + ")");
    } else if (current.version() > inLatest.version()) {
      changes.add(0, new Change(ChangeKind.MAJOR_VERSION_INCREASED, "", "v" + inLatest.version(),
          "v" + current.version(), Effect.NONE, current.source()));
      boolean breaking = changes.stream().anyMatch(c -> !mode.allows(c.effect().backwardCompatible(),
          c.effect().forwardCompatible()));
      note = "major " + inLatest.version() + " -> " + current.version() + (breaking
          ? ": breaking changes accepted (a new major)" : ": no change breaks " + mode + "; the new major was not needed");
    } else {
      violations.addAll(violations(request, current, key, mode, changes, latest.label()));
    }
    if (mode.transitive()) {
      for (Baseline earlier : request.baselines()) {
        if (earlier == latest) {
          continue;
        }
        Contract old = find(earlier.contracts(), current);
        if (old != null && old.version() == current.version()) {
          violations.addAll(violations(request, current, key, mode,
              compare(old, earlier.contracts(), current, request.current()), earlier.label()));
        }
      }
    }
    return new ContractVerdict(key, current.bundlePath(), current.source(), inLatest.version(), current.version(),
        mode, changes, violations, note);
  }

  private ContractVerdict removed(CheckRequest request, Contract old, Baseline latest) {
    CompatibilityMode mode = modeOf(request, old);
    String key = ContractVerdict.keyOf(old);
    Path root = request.current().contracts().isEmpty() ? null
        : rootOf(request.current().contracts().get(0));
    Path file = root == null ? Path.of(old.bundlePath()) : root.resolve(old.bundlePath());
    SourceLocation at = SourceLocation.of(file, 0);
    Change change = new Change(ChangeKind.CONTRACT_REMOVED, "", "v" + old.version(), null, Effect.BREAKS, at);
    List<String> violations = new ArrayList<>();
    if (mode != CompatibilityMode.NONE) {
      violations.add(where(at, request.baseDirectory()) + ": " + key + ": contract removed (it is in "
          + latest.label() + "); " + ChangeKind.CONTRACT_REMOVED.fix());
    }
    return new ContractVerdict(key, old.bundlePath(), at, old.version(), 0, mode, List.of(change), violations,
        "removed");
  }

  private List<Change> compare(Contract old, ContractSet oldSet, Contract current, ContractSet currentSet) {
    List<Change> changes = new ArrayList<>();
    if (old.isEvent() && current.isEvent() && !old.subject().equals(current.subject())) {
      changes.add(new Change(ChangeKind.SUBJECT_CHANGED, "", old.subject(), current.subject(), Effect.BREAKS,
          current.source()));
    }
    List<Change> found = List.of();
    for (CompatibilityRules set : rules) {
      if (set.appliesTo(old, current)) {
        found = set.join(found, old, oldSet, current, currentSet);
      }
    }
    changes.addAll(found);
    return changes;
  }

  private static List<String> violations(CheckRequest request, Contract current, String key, CompatibilityMode mode,
      List<Change> changes, String against) {
    List<String> out = new ArrayList<>();
    for (Change c : changes) {
      if (mode.allows(c.effect().backwardCompatible(), c.effect().forwardCompatible())) {
        continue;
      }
      boolean backward = mode.backward() && !c.effect().backwardCompatible();
      String why = backward ? "new consumers cannot read events written with " + against
          : "consumers on " + against + " cannot read new events";
      String fix = c.kind().fix().isEmpty() ? "" : c.kind().fix() + ", or ";
      out.add(where(c.location() != null ? c.location() : current.source(), request.baseDirectory()) + ": " + key
          + (c.path().isEmpty() ? "" : " " + c.path()) + ": " + c.kind().name() + " breaks " + mode + " ("
          + values(c) + why + "); " + fix + "raise \"x-version\" to " + (current.version() + 1)
          + " (a new major, " + POLICY_DOC + ")");
    }
    return out;
  }

  private static String values(Change c) {
    if (c.oldValue() == null && c.newValue() == null) {
      return "";
    }
    return (c.oldValue() == null ? "absent" : c.oldValue()) + " -> " + (c.newValue() == null ? "absent"
        : c.newValue()) + ": ";
  }

  /** The baseline contract that {@code current} continues: same subject (events), same id, or same file. */
  static Contract find(ContractSet baseline, Contract current) {
    if (current.isEvent()) {
      var bySubject = baseline.bySubject(current.subject());
      if (bySubject.isPresent()) {
        return bySubject.get();
      }
    }
    var byId = baseline.byId(current.id());
    if (byId.isPresent()) {
      return byId.get();
    }
    return baseline.contracts().stream().filter(c -> c.bundlePath().equals(current.bundlePath())).findFirst()
        .orElse(null);
  }

  private static CompatibilityMode modeOf(CheckRequest request, Contract c) {
    for (String key : new String[] {c.subject(), c.name(), c.bundlePath()}) {
      if (key != null && request.modes().containsKey(key)) {
        return request.modes().get(key);
      }
    }
    return request.defaultMode();
  }

  private static Path rootOf(Contract c) {
    Path file = c.source() == null ? null : c.source().file();
    if (file == null) {
      return null;
    }
    Path root = file;
    for (int i = 0; i < c.bundlePath().split("/").length && root != null; i++) {
      root = root.getParent();
    }
    return root;
  }

  /** {@code schemas/json/ticket-created.json:14}, relative to {@code base} when the file lies below it. */
  static String where(SourceLocation location, Path base) {
    if (location == null || location.file() == null) {
      return "<no file>";
    }
    Path file = location.file();
    if (base != null) {
      Path abs = file.toAbsolutePath().normalize();
      Path b = base.toAbsolutePath().normalize();
      if (abs.startsWith(b)) {
        file = b.relativize(abs);
      }
    }
    String s = file.toString().replace('\\', '/');
    return location.line() > 0 ? s + ":" + location.line() : s;
  }
}
