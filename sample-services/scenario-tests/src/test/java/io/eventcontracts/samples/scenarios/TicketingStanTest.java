package io.eventcontracts.samples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.samples.demo.TicketingScenario;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.testing.stan.RealStanServer;
import io.eventcontracts.testing.stan.StanProtocolTestDouble;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same ticketing flow with {@code eventcontracts.transport=stan}: the seed's NATS Streaming, through the
 * protocol test double over a real nats-server, and through a real nats-streaming-server when one is installed.
 */
class TicketingStanTest {

  static final String CLUSTER_ID = "ticketing";
  static final Duration WINDOW = Duration.ofSeconds(3);

  @TempDir
  Path dataDir;

  @Test
  void theTicketingFlowRunsEndToEndOverTheNatsStreamingTestDouble() {
    try (NatsServerRunner nats = NatsServerRunner.start();
         StanProtocolTestDouble stan = StanProtocolTestDouble.start(nats.url(), CLUSTER_ID)) {
      runFlow(nats.url());
      assertThat(stan.lastSequence("order:created")).as("orders went through the streaming channel").isEqualTo(2);
    }
  }

  @Test
  void theTicketingFlowRunsEndToEndOverARealNatsStreamingServer() {
    Assumptions.assumeTrue(RealStanServer.isAvailable(),
        "no nats-streaming-server on PATH and STAN_SERVER_BIN unset: " + RealStanServer.unavailableReason());
    try (RealStanServer stan = RealStanServer.start(CLUSTER_ID)) {
      runFlow(stan.url());
    }
  }

  private void runFlow(String natsUrl) {
    try (ServiceCluster cluster = new ServiceCluster(dataDir,
        List.of("eventcontracts.servers=" + natsUrl, "eventcontracts.transport=stan",
            "eventcontracts.stan.cluster-id=" + CLUSTER_ID),
        Map.of("orders", List.of("orders.expiration-window=" + WINDOW))).startAll()) {
      TicketingScenario.Result result =
          new TicketingScenario(cluster.as("seller-stan"), cluster.as("buyer-stan"), WINDOW, line -> {}).run();
      assertThat(result.expiredOrder().get("status").asString()).isEqualTo("cancelled");
      assertThat(result.paidOrder().get("status").asString()).isEqualTo("complete");
      assertThat(result.replicatedTicket().get("version").asLong()).isEqualTo(4);
      assertThat(cluster.anonymous().health("orders").expect(200).toString()).contains("\"transport\":\"stan\"");
    }
  }
}
