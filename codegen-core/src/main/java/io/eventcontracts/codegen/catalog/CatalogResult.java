package io.eventcontracts.codegen.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * What a catalog run wrote.
 *
 * @param index the catalog's {@code index.html}
 * @param asyncApi the AsyncAPI document
 * @param files every file written, sorted
 * @param events number of event contracts
 * @param types number of shared type contracts
 * @param warnings lint findings of the contracts, {@code file:line: what; what to do}
 */
public record CatalogResult(Path index, Path asyncApi, List<Path> files, int events, int types,
    List<String> warnings) {

  public CatalogResult {
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }

  /** One line for the build log. */
  public String summary() {
    return "eventcontracts: catalog of " + events + (events == 1 ? " event" : " events") + " and " + types
        + (types == 1 ? " type" : " types") + " written to " + index + " and " + asyncApi;
  }
}
