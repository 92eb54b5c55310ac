package io.eventcontracts.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event catalog this module's build generates ({@code eventcontracts:docs} into
 * {@code target/eventcontracts-catalog}), checked by real tools: the AsyncAPI document parses without errors with
 * the official parser ({@code @asyncapi/parser} 3.6.3), and every page opens in headless Debian Chromium with a
 * visible heading, no console errors and no broken link. Each check also runs once on a broken input, to show it
 * can fail. The harness (src/test/catalog-check) is installed by the build with {@code npm ci}; node's stderr goes to
 * {@code target/catalog-check/*.stderr.log}.
 */
class CatalogCheckTest {

  static final Path CATALOG = Path.of("target/eventcontracts-catalog");
  static final Path HARNESS = Path.of("target/catalog-check");
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> SUBJECTS = List.of("expiration:complete", "order:cancelled", "order:created",
      "payment:created", "ticket:created", "ticket:updated");

  @BeforeAll
  static void harnessIsInstalled() {
    assertThat(HARNESS.resolve("node_modules/@asyncapi/parser")).as("npm ci of the catalog-check harness ran "
        + "(generate-test-resources); see target/catalog-check/npm-ci.log").isDirectory();
    assertThat(CATALOG.resolve("index.html")).as("eventcontracts:docs ran (generate-resources)").isRegularFile();
  }

  // -------------------------------------------------------------------------------------------------- AsyncAPI

  @Test
  void asyncApiDocumentParsesWithoutErrorsOrWarnings() throws Exception {
    JsonNode result = node("check-asyncapi.mjs", CATALOG.resolve("asyncapi.json").toAbsolutePath().toString());
    assertThat(result.path("parsed").asBoolean()).as(result.toString()).isTrue();
    List<String> problems = new ArrayList<>();
    result.path("diagnostics").forEach(d -> {
      // 0 error, 1 warning; 2 is the parser's note that AsyncAPI 3.1 exists
      if (d.path("severity").asInt() < 2) {
        problems.add(d.toString());
      }
    });
    assertThat(problems).isEmpty();
    List<String> channels = new ArrayList<>();
    result.path("channels").forEach(c -> channels.add(c.asText()));
    assertThat(channels).containsExactlyInAnyOrderElementsOf(SUBJECTS);
    List<String> operations = new ArrayList<>();
    result.path("operations").forEach(o -> operations.add(o.path("id").asText() + " " + o.path("action").asText()
        + " " + o.path("channel").asText()));
    assertThat(operations).hasSize(15).contains("tickets.send.ticket:created send ticket:created",
        "orders.receive.ticket:created receive ticket:created", "payments.receive.order:cancelled receive "
            + "order:cancelled", "expiration.send.expiration:complete send expiration:complete",
        "payments.send.payment:created send payment:created", "orders.receive.payment:created receive payment:created");
    List<String> messages = new ArrayList<>();
    result.path("messages").forEach(m -> messages.add(m.asText()));
    assertThat(messages).containsExactlyInAnyOrder("ExpirationComplete", "OrderCancelled", "OrderCreated",
        "PaymentCreated", "TicketCreated", "TicketUpdated");
  }

  @Test
  void theParserCheckFailsOnABrokenDocument(@TempDir Path dir) throws Exception {
    String broken = Files.readString(CATALOG.resolve("asyncapi.json"))
        .replaceFirst("\"action\" : \"receive\"", "\"action\" : \"listen\"");
    Path file = dir.resolve("broken.json");
    Files.writeString(file, broken);
    JsonNode result = node("check-asyncapi.mjs", file.toAbsolutePath().toString());
    assertThat(result.path("parsed").asBoolean()).isFalse();
    assertThat(result.path("diagnostics").toString()).contains("\"severity\":0").contains("action");
  }

  // -------------------------------------------------------------------------------------------------- HTML

  @Test
  void everyPageRendersInChromiumWithoutConsoleErrorsAndEveryLinkResolves() throws Exception {
    JsonNode result = browser(CATALOG, HARNESS.resolve("index.png"));
    assertThat(result.path("browser").asText()).as("a real Chromium ran").matches("\\d+\\.\\d+.*");
    JsonNode pages = result.path("pages");
    List<String> paths = new ArrayList<>();
    int links = 0;
    for (JsonNode page : pages) {
      String path = page.path("path").asText();
      paths.add(path);
      assertThat(page.path("headingVisible").asBoolean()).as(path + " shows its heading").isTrue();
      assertThat(page.path("title").asText()).as(path).isNotBlank();
      if (!path.equals("contracts/order-status.html")) { // an enum: its values are a list
        assertThat(page.path("tables").asInt()).as(path + " has a table").isPositive();
      }
      assertThat(page.path("console")).as(path + " console errors").isEmpty();
      assertThat(page.path("broken")).as(path + " broken links").isEmpty();
      assertThat(page.path("external")).as(path + " needs nothing from the network").isEmpty();
      links += page.path("links").asInt();
    }
    assertThat(paths).containsExactly("contracts/expiration-complete.html", "contracts/order-cancelled.html",
        "contracts/order-created.html", "contracts/order-status.html", "contracts/ticket-created.html",
        "contracts/ticket-updated.html", "contracts/ticketing.v1.payment-created.html", "index.html");
    assertThat(links).isGreaterThan(40);
    assertThat(pages.get(2).path("h1").asText()).isEqualTo("order:created");
    assertThat(pages.get(7).path("h1").asText()).isEqualTo("Ticketing events");
    assertThat(HARNESS.resolve("index.png")).isNotEmptyFile();
  }

  @Test
  void theBrowserCheckReportsBrokenLinksMissingAnchorsAndConsoleErrors(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.html"), """
        <!DOCTYPE html><html><head><title>a</title><link rel="icon" href="data:,"></head><body><h1 id="top">A</h1>
        <table></table><a href="missing.html">gone</a> <a href="a.html#nowhere">no anchor</a>
        <a href="a.html#top">fine</a><script>console.error("boom")</script></body></html>
        """);
    JsonNode page = browser(dir, null).path("pages").get(0);
    assertThat(page.path("broken").toString()).contains("missing.html (no such file)")
        .contains("#nowhere (no element with id \\\"nowhere\\\")").doesNotContain("#top");
    assertThat(page.path("console").toString()).contains("boom");
  }

  private static JsonNode browser(Path dir, Path screenshot) throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium is installed (scripts/ensure-tools.sh installs it)").isExecutable();
    List<String> args = new ArrayList<>(List.of(dir.toAbsolutePath().toString()));
    if (screenshot != null) {
      args.add(screenshot.toAbsolutePath().toString());
    }
    return node("check-html.mjs", args.toArray(String[]::new));
  }

  /** Runs a harness script with node and returns the JSON it prints; its stderr goes to a log file. */
  private static JsonNode node(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Path stderr = HARNESS.resolve(script.replace(".mjs", "") + ".stderr.log");
    Process process = new ProcessBuilder(command).directory(HARNESS.toFile())
        .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("node " + script + " finished").isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("node " + script + " exit; stdout: " + text + "; stderr in " + stderr)
        .isZero();
    return JSON.readTree(text);
  }
}
