package io.eventcontracts.integration.crosslanguage;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.integration.backend.StanBackend;
import io.eventcontracts.integration.fixtures.TicketingSamples;
import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.testing.NodeToolchain;
import io.eventcontracts.testing.stan.RealStanServer;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.PaymentCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's own Node service, written only with node-nats-streaming and {@code JSON.stringify} (no generated code,
 * {@code src/test/node/stan-seed-service.js}), and a Java service on the NATS Streaming transport interoperate both
 * ways: Node's ticket:created and payment:created reach Java typed and validated, Java's order:created reaches Node.
 * Against the NATS Streaming protocol test double over a real nats-server always, and against a real
 * nats-streaming-server when {@code STAN_SERVER_BIN} or the PATH has one (skipped with the reason otherwise).
 */
class SeedStanInteropTest {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path SCRIPTS = MODULE.resolve("src/test/node");
  static NodeToolchain node;

  @BeforeAll
  static void toolchain() {
    node = NodeToolchain.install(MODULE.resolve("target/node-toolchain"));
  }

  @Test
  void seedNodeServiceAndJavaServiceInteroperateOnTheProtocolTestDouble() throws Exception {
    try (StanBackend backend = StanBackend.testDouble()) {
      interoperate(backend, "double");
    }
  }

  @Test
  void seedNodeServiceAndJavaServiceInteroperateOnARealNatsStreamingServer() throws Exception {
    Assumptions.assumeTrue(RealStanServer.isAvailable(), "no nats-streaming-server: "
        + RealStanServer.unavailableReason());
    try (StanBackend backend = StanBackend.realServer()) {
      interoperate(backend, "real");
    }
  }

  @Test
  void theGeneratedStanListenerDeadLettersAnInvalidJavaMessageInTheJavaEnvelope() throws Exception {
    Path pkg = MODULE.resolve("target/typescript");
    node.compile(pkg);
    try (StanBackend backend = StanBackend.testDouble()) {
      String invalid = "{\"orderId\":\"\"}";
      backend.publishRaw("expiration:complete", invalid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      backend.publishRaw("expiration:complete", TicketingSamples.json("expiration:complete",
          TicketingSamples.expirationComplete()));
      Path log = MODULE.resolve("target/cross-language/stan-generated-listener.log");
      Process listener = NodeToolchain.start(SCRIPTS, log, Map.of("NODE_PATH", node.nodeModules().toString()),
          "node", SCRIPTS.resolve("stan-listen.js").toString(), pkg.toString(), backend.url(), StanBackend.CLUSTER_ID,
          "30000");
      try {
        assertThat(listener.waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(listener.exitValue()).as(Files.readString(log)).isZero();
      } finally {
        listener.destroyForcibly();
      }
      assertThat(Files.readString(log)).contains("\"orderId\":\"order-1\"");
      JsonNode envelope = JsonMapper.builder().build().readTree(backend.deadLetters("expiration:complete", 1).get(0));
      assertThat(envelope.get("reason").asString()).isEqualTo("INVALID_PAYLOAD");
      assertThat(envelope.get("queueGroup").asString()).isEqualTo("node-service");
      assertThat(envelope.at("/violations/0/pointer").asString()).isEqualTo("/orderId");
      assertThat(new String(java.util.Base64.getDecoder().decode(envelope.get("payloadBase64").asString()),
          java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(invalid);
    }
  }

  private void interoperate(StanBackend backend, String name) throws Exception {
    List<TicketCreatedEvent> tickets = new CopyOnWriteArrayList<>();
    List<PaymentCreatedEvent> payments = new CopyOnWriteArrayList<>();
    try (EventClient java = EventClient.create(backend.connect("java-orders"),
        ClientOptions.builder().closeOnShutdown(false).build())) {
      java.subscribe(EventTypes.TICKET_CREATED, ListenOptions.of("orders-service"), (e, ctx) -> {
        tickets.add(e);
        ctx.ack();
      });
      java.subscribe(EventTypes.PAYMENT_CREATED, ListenOptions.of("orders-service"), (e, ctx) -> {
        payments.add(e);
        ctx.ack();
      });
      Path log = MODULE.resolve("target/cross-language/stan-seed-" + name + ".log");
      Process seed = NodeToolchain.start(SCRIPTS, log, Map.of("NODE_PATH", node.nodeModules().toString()), "node",
          SCRIPTS.resolve("stan-seed-service.js").toString(), backend.url(), StanBackend.CLUSTER_ID, "30000");
      try {
        OrderCreatedEvent order = TicketingSamples.orderCreated();
        java.publish(EventTypes.ORDER_CREATED, order).join();
        assertThat(seed.waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(seed.exitValue()).as(Files.readString(log)).isZero();

        JsonNode received = JsonMapper.builder().build().readTree(Files.readAllLines(log).stream()
            .filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        assertThat(received.get("subject").asString()).isEqualTo("order:created");
        assertThat(received.at("/data/id").asString()).isEqualTo(order.getId());
        assertThat(received.at("/data/expiresAt").asString()).isEqualTo(TicketingSamples.EXPIRES_AT_TEXT);

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((tickets.isEmpty() || payments.isEmpty()) && System.nanoTime() < end) {
          Thread.sleep(50);
        }
        assertThat(tickets).singleElement().satisfies(t -> {
          assertThat(t.getId()).isEqualTo("ticket-node-1");
          assertThat(t.getPrice()).isEqualByComparingTo(new BigDecimal("19.99"));
        });
        assertThat(payments).singleElement().satisfies(p -> assertThat(p.getOrderId()).isEqualTo(order.getId()));
      } finally {
        seed.destroyForcibly();
      }
    }
  }
}
