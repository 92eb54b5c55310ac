package io.eventcontracts.codegen.catalog;

import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one catalog run needs; built by the Maven plugin's {@code docs} goal (or a test, or a CLI) and handed
 * to {@link Catalog#execute(CatalogRequest)}.
 *
 * @param contractRoots directories holding contract files, read exactly as {@code generate} reads them
 * @param outputDirectory where the HTML catalog and the AsyncAPI document are written (its previous catalog files
 *     are replaced)
 * @param title the catalog's title and the AsyncAPI {@code info.title}
 * @param version the AsyncAPI {@code info.version}, e.g. the project version
 * @param asyncApiFileName the AsyncAPI document's file name inside the output directory, e.g. {@code asyncapi.json}
 * @param defaultDialect the JSON Schema draft of files without {@code $schema}
 * @param protobuf the {@code .proto} contracts, loaded into the same model as for {@code generate}; {@code null} when
 *     there are none
 */
public record CatalogRequest(
    List<Path> contractRoots,
    Path outputDirectory,
    String title,
    String version,
    String asyncApiFileName,
    Dialect defaultDialect,
    ProtobufOptions protobuf) {

  /** A request without Protobuf contracts. */
  public CatalogRequest(List<Path> contractRoots, Path outputDirectory, String title, String version,
      String asyncApiFileName, Dialect defaultDialect) {
    this(contractRoots, outputDirectory, title, version, asyncApiFileName, defaultDialect, null);
  }

  /** The default AsyncAPI file name. */
  public static final String ASYNCAPI_JSON = "asyncapi.json";

  public CatalogRequest {
    contractRoots = List.copyOf(Objects.requireNonNull(contractRoots, "contractRoots"));
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(version, "version");
    asyncApiFileName = asyncApiFileName == null ? ASYNCAPI_JSON : asyncApiFileName;
    defaultDialect = defaultDialect == null ? Dialect.DRAFT_2020_12 : defaultDialect;
    if (asyncApiFileName.isBlank() || asyncApiFileName.contains("/") || asyncApiFileName.contains("\\")
        || asyncApiFileName.equals(HtmlCatalogGenerator.INDEX)) {
      throw new IllegalArgumentException("AsyncAPI file name \"" + asyncApiFileName + "\" must be a plain file name "
          + "other than " + HtmlCatalogGenerator.INDEX + "; use e.g. " + ASYNCAPI_JSON);
    }
  }
}
