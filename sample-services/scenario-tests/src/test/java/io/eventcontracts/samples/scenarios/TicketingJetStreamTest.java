package io.eventcontracts.samples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.samples.demo.Await;
import io.eventcontracts.samples.demo.TicketingClient;
import io.eventcontracts.samples.demo.TicketingScenario;
import io.eventcontracts.samples.expiration.ExpirationScheduler;
import io.eventcontracts.samples.support.OutboxRelay;
import io.eventcontracts.testing.NatsServerRunner;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The four services over JetStream with embedded H2 databases, against a real nats-server and over real HTTP: the
 * seed's ticketing flow and its hard cases (ordering, failed publishing, durable resume, expiration, dead letters).
 * One cluster serves every test; each test works on its own tickets and orders.
 */
class TicketingJetStreamTest {

  /** Long enough that a loaded machine stops the expiration service before an order's window ends. */
  static final Duration WINDOW = Duration.ofSeconds(5);
  static final Duration EVENTS = Duration.ofSeconds(30);

  @TempDir
  static Path dataDir;
  static NatsServerRunner nats;
  static ServiceCluster cluster;

  @BeforeAll
  static void start() {
    nats = NatsServerRunner.start();
    cluster = new ServiceCluster(dataDir, List.of("eventcontracts.servers=" + nats.url()),
        Map.of("orders", List.of("orders.expiration-window=" + WINDOW, "orders.ticket-ack-wait=1s"))).startAll();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (nats != null) {
      nats.close();
    }
  }

  @Test
  void theTicketingFlowRunsEndToEnd() {
    List<String> progress = new ArrayList<>();
    long expirationsBefore = cluster.client("orders").metrics().forSubject("expiration:complete").acked();
    TicketingScenario.Result result =
        new TicketingScenario(cluster.as("seller-e2e"), cluster.as("buyer-e2e"), WINDOW, progress::add).run();

    assertThat(result.expiredOrder().get("status").asString()).isEqualTo("cancelled");
    assertThat(result.paidOrder().get("status").asString()).isEqualTo("complete");
    assertThat(result.releasedTicket().get("version").asLong()).isEqualTo(4);
    assertThat(result.replicatedTicket().get("version").asLong()).isEqualTo(4);
    assertThat(progress).filteredOn(l -> l.startsWith("step ")).hasSize(6);
    String paidOrder = result.paidOrder().get("id").asString();
    assertThat(cluster.bean("expiration", JdbcClient.class).sql("SELECT COUNT(*) FROM outbox WHERE subject = "
        + "'expiration:complete' AND payload LIKE ? AND sent_at IS NOT NULL").param("%" + paidOrder + "%")
        .query(Long.class).single()).as("expiration:complete of the paid order was published").isEqualTo(1);
    Await.until("orders to handle both expirations (the paid order's too)", EVENTS, () -> cluster.client("orders")
        .metrics().forSubject("expiration:complete").acked() - expirationsBefore >= 2 ? Boolean.TRUE : null);
    assertThat(cluster.as("buyer-e2e").order(paidOrder).expect(200)
        .get("status").asString()).as("the paid order's expiration left it complete").isEqualTo("complete");
    for (String service : ServiceCluster.SERVICES.keySet()) {
      cluster.client(service).metrics().snapshot().values()
          .forEach(m -> assertThat(m.invalid()).as(service + " " + m.subject() + " invalid").isZero());
      JsonNode health = cluster.anonymous().health(service).expect(200);
      assertThat(health.at("/components/eventcontracts/status").asString()).as(service + " " + health)
          .isEqualTo("UP");
    }
    JsonNode published = cluster.anonymous().send("tickets", "GET",
        "/actuator/metrics/eventcontracts.events.published?tag=subject:ticket:created", null).expect(200);
    assertThat(published.at("/measurements/0/value").asDouble()).as("Micrometer meter of the runtime counter")
        .isGreaterThanOrEqualTo(2.0);
  }

  @Test
  void onlyASignedInOwnerMayChangeATicket() {
    TicketingClient seller = cluster.as("seller-auth");
    assertThat(cluster.anonymous().createTicket("No token", 10).status()).isEqualTo(401);
    TicketingClient forged = new TicketingClient(Map.of("tickets", port("tickets")),
        "another-key-that-is-long-enough-for-hs256", "seller-auth");
    assertThat(forged.createTicket("Wrong key", 10).status()).isEqualTo(401);
    assertThat(seller.createTicket("", 10).status()).isEqualTo(400);
    assertThat(seller.createTicket("Negative", -1).status()).isEqualTo(400);

    String id = seller.createTicket("Owned", 10).expect(201).get("id").asString();
    assertThat(cluster.as("someone-else").updateTicket(id, "Stolen", 1).status()).isEqualTo(401);
    JsonNode updated = seller.updateTicket(id, "Owned", 12).expect(200);
    assertThat(updated.get("version").asLong()).isEqualTo(1);
    assertThat(seller.updateTicket("no-such-ticket", "x", 1).status()).isEqualTo(404);
  }

  @Test
  void aBuyerCancelsAnOrderTheTicketIsFreeAgainAndTheOrderCannotBePaid() {
    TicketingClient seller = cluster.as("seller-cancel");
    TicketingClient buyer = cluster.as("buyer-cancel");
    String ticket = seller.createTicket("Cancel me", 15).expect(201).get("id").asString();
    awaitReplica(ticket, 0);
    String order = buyer.createOrder(ticket).expect(201).get("id").asString();
    assertThat(buyer.createOrder(ticket).status()).as("a reserved ticket cannot be ordered twice").isEqualTo(400);
    Await.until("payments to know the order", EVENTS, () -> {
      int status = cluster.as("someone-else").pay(order, "tok_visa").status();
      return status == 404 ? null : status;
    });
    assertThat(cluster.as("someone-else").pay(order, "tok_visa").status()).as("not the owner").isEqualTo(401);
    assertThat(buyer.pay(order, "tok_fail_declined").status()).as("declined by the fake provider").isEqualTo(400);
    assertThat(cluster.as("someone-else").cancelOrder(order).status()).isEqualTo(401);

    JsonNode cancelled = buyer.cancelOrder(order).expect(200);
    assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
    assertThat(cancelled.get("version").asLong()).isEqualTo(1);
    Await.until("tickets to release the ticket", EVENTS, () -> {
      JsonNode t = seller.ticket(ticket).expect(200);
      return (t.get("orderId") == null || t.get("orderId").isNull()) && t.get("version").asLong() == 2 ? t : null;
    });
    Await.until("payments to refuse the cancelled order", EVENTS,
        () -> buyer.pay(order, "tok_visa").status() == 400 ? Boolean.TRUE : null);
    assertThat(buyer.createOrder(ticket).status()).as("the free ticket can be ordered again").isEqualTo(201);
  }

  @Test
  void aTicketUpdateAheadOfItsPredecessorIsRedeliveredAndAppliedInVersionOrder() throws Exception {
    HardCases.ticketUpdateAheadOfItsPredecessor(cluster, nats);
  }

  @Test
  void withNatsDownTheApiAnswersAndTheOutboxDeliversEveryEventOnceNatsIsBack() {
    HardCases.outboxAcrossANatsOutage(cluster, nats, 50);
  }

  @Test
  void ordersResumesItsDurableSubscriptionsAfterARestart() {
    TicketingClient seller = cluster.as("seller-resume");
    List<String> ids = new ArrayList<>();
    cluster.stop("orders");
    try {
      for (int i = 0; i < 100; i++) {
        ids.add(seller.createTicket("Resume " + i, 5).expect(201).get("id").asString());
      }
      Await.until("tickets to publish the 100 events", EVENTS,
          () -> cluster.bean("tickets", OutboxRelay.class).unsent() == 0 ? Boolean.TRUE : null);
    } finally {
      cluster.start("orders");
    }
    Await.until("orders to catch up with the 100 tickets", EVENTS,
        () -> replicaIds().containsAll(ids) ? Boolean.TRUE : null);
  }

  @Test
  void aPendingExpirationSurvivesARestartOfTheExpirationService() throws Exception {
    TicketingClient seller = cluster.as("seller-expiry");
    TicketingClient buyer = cluster.as("buyer-expiry");
    String ticket = seller.createTicket("Expiry", 10).expect(201).get("id").asString();
    awaitReplica(ticket, 0);
    JsonNode order = buyer.createOrder(ticket).expect(201);
    String orderId = order.get("id").asString();
    JdbcClient expirationDb = cluster.bean("expiration", JdbcClient.class);
    Await.until("expiration to store the pending expiration", EVENTS, () -> expirationDb
        .sql("SELECT COUNT(*) FROM pending_expirations WHERE order_id = ?").param(orderId)
        .query(Long.class).single() == 1 ? Boolean.TRUE : null);

    cluster.stop("expiration");
    try {
      Instant expiresAt = Instant.parse(order.get("expiresAt").asString());
      while (Instant.now().isBefore(expiresAt.plusMillis(500))) {
        Thread.sleep(100);
      }
      assertThat(buyer.order(orderId).expect(200).get("status").asString())
          .as("nobody expires the order while expiration is down").isEqualTo("created");
    } finally {
      cluster.start("expiration");
    }
    Await.until("the order to expire after expiration restarted", EVENTS,
        () -> "cancelled".equals(buyer.order(orderId).expect(200).get("status").asString()) ? Boolean.TRUE : null);
    assertThat(cluster.bean("expiration", ExpirationScheduler.class).pending()).isZero();
  }

  @Test
  void aMalformedOrderCreatedIsDeadLetteredAndTheServicesKeepWorking() throws Exception {
    long invalidBefore = cluster.client("tickets").metrics().forSubject("order:created").invalid();
    try (Connection nc = Nats.connect(nats.url())) {
      Subscription deadLetters = nc.subscribe("deadletter.order:created");
      nc.flush(Duration.ofSeconds(2));
      byte[] malformed = "{\"id\":\"\",\"version\":-1,\"status\":\"lost\"}".getBytes(StandardCharsets.UTF_8);
      nc.jetStream().publish("order:created", malformed);

      List<String> letters = new ArrayList<>();
      long deadline = System.nanoTime() + EVENTS.toNanos();
      while (letters.size() < 3 && System.nanoTime() < deadline) {
        Message m = deadLetters.nextMessage(Duration.ofSeconds(1));
        if (m != null) {
          letters.add(new String(m.getData(), StandardCharsets.UTF_8));
        }
      }
      assertThat(letters).as("one dead letter per listening service: tickets, expiration, payments").hasSize(3)
          .allSatisfy(letter -> assertThat(letter).contains("INVALID_PAYLOAD"));
    }
    assertThat(cluster.client("tickets").metrics().forSubject("order:created").invalid()).isGreaterThan(invalidBefore);

    // the services keep working: a valid order still reserves its ticket
    TicketingClient seller = cluster.as("seller-after-dlq");
    String ticket = seller.createTicket("After dead letter", 10).expect(201).get("id").asString();
    awaitReplica(ticket, 0);
    String order = cluster.as("buyer-after-dlq").createOrder(ticket).expect(201).get("id").asString();
    Await.until("tickets to reserve the ticket", EVENTS, () -> {
      JsonNode t = seller.ticket(ticket).expect(200);
      return t.get("orderId") != null && order.equals(t.get("orderId").asString()) ? Boolean.TRUE : null;
    });
  }

  @Test
  void aServiceWithoutJwtKeyExitsWithOneClearLine() throws Exception {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        io.eventcontracts.samples.tickets.TicketsApplication.class.getName(),
        "--eventcontracts.servers=http://not-nats:1")
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor()).isEqualTo(2);
    assertThat(output.lines().toList()).as(output).hasSize(1);
    assertThat(output).startsWith("tickets: cannot start: JWT_KEY is not set")
        .contains("eventcontracts.servers: 'http://not-nats:1' is not a NATS URL");
  }

  private static int port(String service) {
    return Integer.parseInt(cluster.context(service).getEnvironment().getProperty("local.server.port"));
  }

  private static JsonNode awaitReplica(String id, long version) {
    return HardCases.awaitReplica(cluster, id, version);
  }

  private static Set<String> replicaIds() {
    return HardCases.replicaIds(cluster);
  }
}
