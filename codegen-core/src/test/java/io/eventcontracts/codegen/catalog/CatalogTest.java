package io.eventcontracts.codegen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.proto.ProtoTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog of the ticketing contracts: what the pages and the AsyncAPI document say, that every relative link
 * of every page names a generated file (and an element id in it), and that the AsyncAPI document matches its golden
 * file.
 *
 * <p>After an intended change to the AsyncAPI output, regenerate the golden file and review the diff:
 * <pre>
 * mvn -o -B -pl codegen-core test -Dtest=CatalogTest -Deventcontracts.updateGolden=true
 * git diff codegen-core/src/test/resources/golden-catalog
 * </pre>
 */
class CatalogTest {

  static final Path TICKETING = Path.of("../schemas/json");
  static final Path GOLDEN = Path.of("src/test/resources/golden-catalog/ticketing-asyncapi.json");
  static final ObjectMapper JSON = new ObjectMapper();

  // the ticketing contracts of both formats, as the build reads them (payment:created is Protobuf-only)
  static final Path WORK = createWork();
  final ContractSet contracts = ProtoTestSupport.ticketing(WORK).contracts();
  final CatalogRequest request = new CatalogRequest(List.of(TICKETING), Path.of("unused"), "Ticketing events",
      "1.0.0", null, null, ProtoTestSupport.ticketingProtobuf(WORK));

  static Path createWork() {
    try {
      return Files.createTempDirectory("catalog-test-protoc");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
  final Map<String, CatalogFile> files = byPath(Catalog.generate(contracts, request));

  static Map<String, CatalogFile> byPath(List<CatalogFile> list) {
    Map<String, CatalogFile> map = new TreeMap<>();
    list.forEach(f -> map.put(f.relativePath(), f));
    return map;
  }

  @Test
  void writesAnIndexAPagePerContractTheContractCopiesAndTheAsyncApiDocument() {
    assertThat(files.keySet()).containsExactly(
        "asyncapi.json",
        "contracts/expiration-complete.html", "contracts/order-cancelled.html", "contracts/order-created.html",
        "contracts/order-status.html", "contracts/ticket-created.html", "contracts/ticket-updated.html",
        "contracts/ticketing.v1.payment-created.html",
        "index.html",
        "schemas/expiration-complete.json", "schemas/order-cancelled.json", "schemas/order-created.json",
        "schemas/order-status.json", "schemas/ticket-created.json", "schemas/ticket-updated.json",
        "schemas/ticketing/v1/payment-created.json");
    assertThat(files.get("schemas/ticketing/v1/payment-created.json").content())
        .as("a Protobuf-only contract is shown with its derived JSON Schema")
        .isEqualTo(contracts.bySubject("payment:created").orElseThrow().document().content());
    assertThat(files.get("schemas/order-created.json").content())
        .isEqualTo(contracts.bySubject("order:created").orElseThrow().document().content());
  }

  @Test
  void indexListsEverySubjectWithVersionPublishersAndConsumers() {
    String index = files.get("index.html").text();
    assertThat(index).contains("<title>Ticketing events</title>")
        .contains("7 events, 1 shared type.".replace("7", String.valueOf(contracts.events().size())))
        .contains("<tr><td><a href=\"contracts/order-created.html\"><code>order:created</code></a></td>"
            + "<td>OrderCreated</td><td>1</td><td>orders</td><td>tickets, expiration, payments</td>")
        .contains("<tr><td id=\"service-orders\">orders</td><td><a href=\"contracts/order-cancelled.html\"><code>"
            + "order:cancelled</code></a>, <a href=\"contracts/order-created.html\"><code>order:created</code></a>"
            + "</td>")
        .contains("<a href=\"asyncapi.json\">AsyncAPI 3.0 document</a>");
  }

  @Test
  void contractPageShowsMetadataFieldsNullabilityReferencesAndAValidatedExample() {
    String page = files.get("contracts/ticket-updated.html").text();
    assertThat(page).contains("<h1><code>ticket:updated</code></h1>")
        .contains("<dt>Version</dt><dd>1</dd>")
        .contains("<dt>Published by</dt><dd>tickets</dd>")
        .contains("<dt>Consumed by</dt><dd>orders</dd>")
        .contains("<a href=\"../schemas/ticket-updated.json\">ticket-updated.json</a>")
        .contains("<p>Generated from the contract; valid against it.</p>")
        .contains("<h2>Example payload</h2>");
    String orderCreated = files.get("contracts/order-created.html").text();
    assertThat(orderCreated)
        // a reference to the shared type links to its page; an inline object to its section
        .contains("<td><code>status</code></td><td><a href=\"order-status.html#type-OrderStatus\">OrderStatus</a>"
            + "</td><td>required</td><td>no</td>")
        .containsPattern("<td><code>ticket</code></td><td><a href=\"#(type-[A-Za-z]+)\">")
        .contains("<td><code>version</code></td><td>integer <small>(64-bit)</small></td><td>required</td><td>no</td>"
            + "<td>minimum 0, maximum 4294967295</td>")
        .contains("Other properties: not allowed (<code>additionalProperties: false</code>)");
    assertThat(files.get("contracts/order-status.html").text())
        .contains("<section class=\"type\" id=\"type-OrderStatus\">")
        .contains("<li><code>awaiting:payment</code></li>");
  }

  @Test
  void everyRelativeLinkNamesAGeneratedFileAndAnIdInIt() {
    Pattern href = Pattern.compile("href=\"([^\"]*)\"");
    List<String> checked = new ArrayList<>();
    for (CatalogFile f : files.values()) {
      if (!f.relativePath().endsWith(".html")) {
        continue;
      }
      Matcher m = href.matcher(f.text());
      while (m.find()) {
        String link = m.group(1).replace("&amp;", "&");
        if (link.startsWith("data:")) {
          continue;
        }
        String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        String fragment = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
        String target = file.isEmpty() ? f.relativePath()
            : Path.of(f.relativePath()).resolveSibling(file).normalize().toString().replace('\\', '/');
        if (!f.relativePath().contains("/")) {
          target = file.isEmpty() ? f.relativePath() : Path.of(file).normalize().toString();
        }
        assertThat(files).as("%s links to %s", f.relativePath(), link).containsKey(target);
        if (fragment != null) {
          assertThat(files.get(target).text()).as("%s links to %s", f.relativePath(), link)
              .contains("id=\"" + fragment + "\"");
        }
        checked.add(link);
      }
    }
    assertThat(checked).hasSizeGreaterThan(30);
  }

  @Test
  void asyncApiHasAChannelPerSubjectAMessagePerEventAndOperationsFromTheDeclarations() throws Exception {
    JsonNode doc = JSON.readTree(files.get("asyncapi.json").content());
    assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
    List<String> addresses = new ArrayList<>();
    doc.path("channels").properties().forEach(e -> {
      assertThat(e.getValue().path("address").asText()).isEqualTo(e.getKey());
      addresses.add(e.getKey());
    });
    assertThat(addresses).containsExactlyInAnyOrderElementsOf(
        contracts.events().stream().map(c -> c.subject()).toList());
    JsonNode payload = doc.at("/components/messages/OrderCreated/payload");
    assertThat(payload.path("schemaFormat").asText()).isEqualTo("application/schema+json;version=2020-12");
    assertThat(payload.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/OrderCreated/schema");
    assertThat(doc.at("/components/schemas/OrderCreated/schema/properties/status/$ref").asText())
        .isEqualTo("#/components/schemas/OrderStatus/schema");
    assertThat(doc.at("/components/schemas/OrderCreated/schema").has("$id")).isFalse();
    assertThat(doc.at("/components/schemas/OrderCreated/schema").has("$schema")).isFalse();
    JsonNode send = doc.at("/operations/orders.send.order:created");
    assertThat(send.path("action").asText()).isEqualTo("send");
    assertThat(send.at("/channel/$ref").asText()).isEqualTo("#/channels/order:created");
    assertThat(send.at("/messages/0/$ref").asText()).isEqualTo("#/channels/order:created/messages/OrderCreated");
    assertThat(doc.at("/operations/payments.receive.order:created/action").asText()).isEqualTo("receive");
    List<String> operations = new ArrayList<>();
    doc.path("operations").fieldNames().forEachRemaining(operations::add);
    // 6 events: 6 publishers, 1+1+3+2+1+1 consumers
    assertThat(operations).hasSize(15).contains("tickets.send.ticket:created", "orders.receive.ticket:updated",
        "expiration.receive.order:created", "orders.receive.payment:created");
  }

  @Test
  void asyncApiDocumentMatchesTheGoldenFile() throws Exception {
    byte[] actual = files.get("asyncapi.json").content();
    if (Boolean.getBoolean("eventcontracts.updateGolden")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.write(GOLDEN, actual);
    }
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as("AsyncAPI drift; regenerate with -Deventcontracts.updateGolden=true and review the diff")
        .isEqualTo(Files.readString(GOLDEN));
  }

  @Test
  void sameContractsGiveTheSameBytes() {
    Map<String, CatalogFile> again = byPath(Catalog.generate(ProtoTestSupport.ticketing(WORK).contracts(), request));
    files.forEach((path, f) -> assertThat(again.get(path).content()).as(path).isEqualTo(f.content()));
  }

  @Test
  void executeWritesTheFilesAndReplacesAPreviousCatalog(@TempDir Path out) throws Exception {
    Files.createDirectories(out.resolve("contracts"));
    Files.writeString(out.resolve("contracts/gone.html"), "old");
    Files.writeString(out.resolve("keep.txt"), "not ours");
    CatalogResult result = Catalog.execute(new CatalogRequest(List.of(TICKETING), out, "Ticketing events", "1.0.0",
        null, null, ProtoTestSupport.ticketingProtobuf(WORK)));
    assertThat(result.index()).isEqualTo(out.resolve("index.html"));
    assertThat(result.asyncApi()).isEqualTo(out.resolve("asyncapi.json"));
    assertThat(result.events()).isEqualTo(contracts.events().size());
    assertThat(result.types()).isEqualTo(1);
    assertThat(result.files()).hasSize(files.size());
    assertThat(out.resolve("contracts/gone.html")).doesNotExist();
    assertThat(out.resolve("keep.txt")).exists();
    assertThat(Files.readAllBytes(out.resolve("asyncapi.json"))).isEqualTo(files.get("asyncapi.json").content());
    assertThat(result.summary()).isEqualTo("eventcontracts: catalog of " + contracts.events().size()
        + " events and 1 type written to " + out.resolve("index.html") + " and " + out.resolve("asyncapi.json"));
  }
}
