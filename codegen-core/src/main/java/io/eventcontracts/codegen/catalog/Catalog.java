package io.eventcontracts.codegen.catalog;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ContractSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Entry point of the event catalog: loads the contracts into the model (the same loader and errors as code
 * generation), renders the HTML catalog ({@link HtmlCatalogGenerator}) and the AsyncAPI 3.0 document
 * ({@link AsyncApiGenerator}), and writes them, replacing the previous catalog in the output directory.
 */
public final class Catalog {

  private Catalog() {}

  /**
   * Runs one catalog generation.
   *
   * @throws io.eventcontracts.codegen.ContractException with every contract error found
   * @throws UncheckedIOException when files cannot be read or written
   */
  public static CatalogResult execute(CatalogRequest request) {
    Codegen.Loaded loaded = Codegen.load(request.contractRoots(),
        new JsonSchemaContractLoader.Options(request.defaultDialect(), false), request.protobuf());
    ContractSet contracts = loaded.contracts();
    List<CatalogFile> files = generate(contracts, request);
    Path out = request.outputDirectory();
    clean(out, request.asyncApiFileName());
    List<Path> written = new ArrayList<>();
    for (CatalogFile file : files) {
      Path path = out.resolve(file.relativePath());
      try {
        Files.createDirectories(path.getParent());
        Files.write(path, file.content());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
      written.add(path);
    }
    return new CatalogResult(out.resolve(HtmlCatalogGenerator.INDEX), out.resolve(request.asyncApiFileName()),
        written, contracts.events().size(), contracts.types().size(),
        loaded.lint().stream().map(ContractError::format).toList());
  }

  /** The catalog's files in memory, sorted by path: the HTML pages, the contract copies, the AsyncAPI document. */
  public static List<CatalogFile> generate(ContractSet contracts, CatalogRequest request) {
    List<CatalogFile> files = new ArrayList<>(
        new HtmlCatalogGenerator(contracts, request.title(), request.asyncApiFileName()).generate());
    files.add(new CatalogFile(request.asyncApiFileName(), new AsyncApiGenerator(contracts).generate(
        request.title(), request.version(), "The events of " + request.title() + ", generated from the contract "
            + "files by eventcontracts. Channels are NATS subjects; payloads are the contracts' JSON Schemas.")));
    files.sort(Comparator.comparing(CatalogFile::relativePath));
    return files;
  }

  /** Removes what a previous run wrote (the index, the AsyncAPI document, the pages and the contract copies). */
  private static void clean(Path out, String asyncApiFileName) {
    try {
      Files.deleteIfExists(out.resolve(HtmlCatalogGenerator.INDEX));
      Files.deleteIfExists(out.resolve(asyncApiFileName));
      for (String dir : List.of(HtmlCatalogGenerator.PAGES, HtmlCatalogGenerator.SCHEMAS)) {
        Path d = out.resolve(dir);
        if (Files.isDirectory(d)) {
          try (Stream<Path> walk = Files.walk(d)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the catalog directory " + out, e);
    }
  }
}
