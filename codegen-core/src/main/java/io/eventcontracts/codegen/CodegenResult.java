package io.eventcontracts.codegen;

import java.time.Duration;
import java.util.List;

/**
 * What a run did.
 *
 * @param eventContracts number of event contracts (with a subject) read
 * @param typeContracts number of shared type contracts read
 * @param upToDate true when nothing changed since the last run and nothing was written
 * @param writtenFiles files written by this run (empty when up to date)
 * @param warnings non-fatal findings, each formatted {@code file:line: what; what to do}
 * @param elapsed wall time of the run
 */
public record CodegenResult(
    int eventContracts,
    int typeContracts,
    boolean upToDate,
    List<java.nio.file.Path> writtenFiles,
    List<String> warnings,
    Duration elapsed) {

  public CodegenResult {
    writtenFiles = List.copyOf(writtenFiles);
    warnings = List.copyOf(warnings);
  }

  /** The one-line summary the plugin logs, e.g. {@code eventcontracts: 6 events, 1 type: up to date (12 ms)}. */
  public String summary() {
    String what = eventContracts + (eventContracts == 1 ? " event, " : " events, ")
        + typeContracts + (typeContracts == 1 ? " type" : " types");
    String did = upToDate ? "up to date, nothing regenerated" : "generated " + writtenFiles.size() + " files";
    return "eventcontracts: " + what + ": " + did + " (" + elapsed.toMillis() + " ms)";
  }
}
