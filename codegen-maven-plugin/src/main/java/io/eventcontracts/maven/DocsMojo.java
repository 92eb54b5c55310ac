package io.eventcontracts.maven;

import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.catalog.Catalog;
import io.eventcontracts.codegen.catalog.CatalogRequest;
import io.eventcontracts.codegen.catalog.CatalogResult;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Renders the event catalog: a static HTML site (an index of every event with subject, version, publishers and
 * consumers; a page per contract with its fields, unions, nullability and an example payload) and an AsyncAPI 3.0
 * document of the contracts (channels = subjects, messages with their schemas, send/receive operations from the
 * declared publishers and consumers). See docs/catalog.md.
 *
 * <p>A thin adapter: maps its parameters to a {@link CatalogRequest} and runs {@link Catalog#execute}, which knows
 * nothing about Maven; contract errors become one {@link MojoFailureException} listing every error.
 */
@Mojo(
    name = "docs",
    defaultPhase = LifecyclePhase.PREPARE_PACKAGE,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class DocsMojo extends ContractsMojo {


  /**
   * Where the catalog is written: {@code index.html}, {@code contracts/*.html}, {@code schemas/*} (copies of the
   * contract files) and the AsyncAPI document. The catalog files of a previous run are replaced.
   *
   * <pre>{@code
   * <catalogDirectory>${project.build.directory}/eventcontracts-catalog</catalogDirectory>
   * }</pre>
   */
  @Parameter(
      property = "eventcontracts.catalogDirectory",
      defaultValue = "${project.build.directory}/eventcontracts-catalog",
      required = true)
  File catalogDirectory;

  /**
   * The catalog's title (heading of the index page) and the AsyncAPI {@code info.title}.
   *
   * <pre>{@code
   * <catalogTitle>Ticketing events</catalogTitle>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.catalogTitle", defaultValue = "${project.name}")
  String catalogTitle;

  /**
   * The AsyncAPI {@code info.version}.
   *
   * <pre>{@code
   * <apiVersion>1.4.0</apiVersion>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.apiVersion", defaultValue = "${project.version}")
  String apiVersion;

  /**
   * File name of the AsyncAPI document inside {@link #catalogDirectory} (JSON).
   *
   * <pre>{@code
   * <asyncApiFileName>ticketing-asyncapi.json</asyncApiFileName>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.asyncApiFileName", defaultValue = CatalogRequest.ASYNCAPI_JSON)
  String asyncApiFileName;

  /**
   * Skip the catalog (nothing written). {@code eventcontracts.skip} skips every goal of the plugin.
   *
   * <pre>{@code
   * <skipDocs>true</skipDocs>
   * }</pre>
   */
  @Parameter(property = "eventcontracts.skipDocs", defaultValue = "false")
  boolean skipDocs;

  /** Skips every goal of the plugin. */
  @Parameter(property = "eventcontracts.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipDocs) {
      getLog().info("eventcontracts: catalog skipped");
      return;
    }
    Path basedir = project.getBasedir().toPath();
    ContractRoots contracts = contractRoots(false, "eventcontracts.skipDocs");
    List<Path> roots = contracts.roots();
    ProtobufOptions protobuf = contracts.protobuf();
    Dialect dialect = dialect();
    CatalogRequest request;
    try {
      request = new CatalogRequest(roots, catalogDirectory.toPath(),
          catalogTitle == null || catalogTitle.isBlank() ? project.getArtifactId() : catalogTitle,
          apiVersion == null ? "0" : apiVersion, asyncApiFileName, dialect, protobuf);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("eventcontracts: <asyncApiFileName>: " + e.getMessage());
    }
    CatalogResult result;
    try {
      result = Catalog.execute(request);
    } catch (ContractException e) {
      throw contractFailure(e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("eventcontracts: cannot read contracts or write the catalog: "
          + e.getCause().getMessage(), e);
    }
    getLog().info(result.summary());
  }
}
