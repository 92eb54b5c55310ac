package io.eventcontracts.samples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.samples.demo.TicketingScenario;
import io.eventcontracts.testing.NatsServerRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC switch: every service on its own PostgreSQL database (set through {@code spring.datasource.url}), the
 * same Flyway migrations, the same outbox and replication hard cases as on H2.
 */
class TicketingPostgresTest {

  static final Duration WINDOW = Duration.ofSeconds(3);

  @TempDir
  static Path dataDir;
  static NatsServerRunner nats;
  static PostgresServer postgres;
  static ServiceCluster cluster;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(PostgresServer.findBinDir() != null,
        "PostgreSQL is not installed (scripts/ensure-tools.sh installs the Debian postgresql package)");
    nats = NatsServerRunner.start();
    postgres = PostgresServer.start();
    Map<String, List<String>> perService = new java.util.LinkedHashMap<>();
    for (String service : ServiceCluster.SERVICES.keySet()) {
      List<String> settings = new java.util.ArrayList<>(List.of(
          "spring.datasource.url=" + postgres.createDatabase(service),
          "spring.datasource.username=" + PostgresServer.USER));
      if (service.equals("orders")) {
        settings.addAll(List.of("orders.expiration-window=" + WINDOW, "orders.ticket-ack-wait=1s"));
      }
      perService.put(service, settings);
    }
    cluster = new ServiceCluster(dataDir, List.of("eventcontracts.servers=" + nats.url()), perService).startAll();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (nats != null) {
      nats.close();
    }
  }

  @Test
  void theServicesRunOnPostgresql() {
    assertThat(cluster.context("orders").getEnvironment().getProperty("spring.datasource.url"))
        .startsWith("jdbc:postgresql://");
    TicketingScenario.Result result =
        new TicketingScenario(cluster.as("seller-pg"), cluster.as("buyer-pg"), WINDOW, line -> {}).run();
    assertThat(result.paidOrder().get("status").asString()).isEqualTo("complete");
    assertThat(result.replicatedTicket().get("version").asLong()).isEqualTo(4);
  }

  @Test
  void aTicketUpdateAheadOfItsPredecessorIsAppliedInVersionOrder() throws Exception {
    HardCases.ticketUpdateAheadOfItsPredecessor(cluster, nats);
  }

  @Test
  void theOutboxDeliversEveryEventOnceAfterANatsOutage() {
    HardCases.outboxAcrossANatsOutage(cluster, nats, 50);
  }
}
