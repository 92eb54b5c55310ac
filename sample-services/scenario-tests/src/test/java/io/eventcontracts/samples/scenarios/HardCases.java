package io.eventcontracts.samples.scenarios;

import java.math.BigDecimal;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.samples.demo.Await;
import io.eventcontracts.samples.demo.TicketingClient;
import io.eventcontracts.samples.support.OutboxRelay;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketUpdatedEvent;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Hard cases run against more than one database (H2 and PostgreSQL), so written once here. */
final class HardCases {

  static final Duration EVENTS = Duration.ofSeconds(30);

  private HardCases() {}

  /**
   * ticket:updated v3 reaches orders before v2: orders leaves v3 unacked, applies v2, then the redelivered v3, and
   * ends with v3's data.
   */
  static void ticketUpdateAheadOfItsPredecessor(ServiceCluster cluster, NatsServerRunner nats) throws Exception {
    String id = "out-of-order-" + UUID.randomUUID();
    long redeliveredBefore = cluster.client("orders").metrics().forSubject("ticket:updated").redelivered();
    try (EventClient publisher = EventClient.create(JetStreamTransport.connect(JetStreamOptions.builder()
        .servers(nats.url()).serviceName("scenario-test").build()), ClientOptions.builder().closeOnShutdown(false)
        .build())) {
      publisher.publish(EventTypes.TICKET_CREATED, TicketCreatedEvent.builder().withId(id).withVersion(0L)
          .withTitle("v0").withPrice(new BigDecimal("10.0")).withUserId("u").build()).join();
      publisher.publish(EventTypes.TICKET_UPDATED, updated(id, 1, "v1")).join();
      awaitReplica(cluster, id, 1);
      long received = cluster.client("orders").metrics().forSubject("ticket:updated").received();
      publisher.publish(EventTypes.TICKET_UPDATED, updated(id, 3, "v3")).join();
      // v3 reaches orders (and is left unacked) before v2 exists
      Await.until("orders to receive v3", EVENTS, () -> cluster.client("orders").metrics()
          .forSubject("ticket:updated").received() > received ? Boolean.TRUE : null);
      publisher.publish(EventTypes.TICKET_UPDATED, updated(id, 2, "v2")).join();
    }
    JsonNode replica = awaitReplica(cluster, id, 3);
    assertThat(replica.get("title").asString()).isEqualTo("v3");
    assertThat(cluster.client("orders").metrics().forSubject("ticket:updated").redelivered())
        .as("v3 came back after the ack wait instead of being dropped").isGreaterThan(redeliveredBefore);
  }

  /**
   * NATS stopped, {@code count} tickets created through the API (each answered 201, its event kept in the outbox),
   * NATS restarted: orders receives every ticket:created exactly once.
   */
  static void outboxAcrossANatsOutage(ServiceCluster cluster, NatsServerRunner nats, int count) {
    String sellerId = "seller-outbox-" + UUID.randomUUID();
    TicketingClient seller = cluster.as(sellerId);
    JdbcClient ticketsDb = cluster.bean("tickets", JdbcClient.class);
    OutboxRelay relay = cluster.bean("tickets", OutboxRelay.class);
    long receivedBefore = cluster.client("orders").metrics().forSubject("ticket:created").received();
    List<String> ids = new ArrayList<>();
    nats.stop();
    try {
      for (int i = 0; i < count; i++) {
        ids.add(seller.createTicket("Outbox " + i, 10 + i).expect(201).get("id").asString());
      }
      // (other tests' events may be waiting too: count only this seller's)
      assertThat(ticketsDb.sql("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND payload LIKE ?")
          .param("%\"" + sellerId + "\"%").query(Long.class).single())
          .as("each ticket:created stored in the outbox, waiting for NATS").isEqualTo(count);
    } finally {
      nats.startAgain();
    }
    Await.until("orders to replicate the " + count + " tickets", EVENTS,
        () -> replicaIds(cluster).containsAll(ids) ? Boolean.TRUE : null);
    Await.until("the outbox to be empty", EVENTS, () -> relay.unsent() == 0 ? Boolean.TRUE : null);
    assertThat(cluster.client("orders").metrics().forSubject("ticket:created").received() - receivedBefore)
        .as("each ticket:created delivered exactly once").isEqualTo(count);
    assertThat(relay.purgeSentBefore(java.time.Instant.now().plusSeconds(1)))
        .as("sent rows can be purged").isGreaterThanOrEqualTo(count);
    assertThat(relay.unsent()).isZero();
  }

  static TicketUpdatedEvent updated(String id, long version, String title) {
    return TicketUpdatedEvent.builder().withId(id).withVersion(version).withTitle(title).withPrice(new BigDecimal("10.0"))
        .withUserId("u").build();
  }

  static JsonNode awaitReplica(ServiceCluster cluster, String id, long version) {
    return Await.until("orders to replicate " + id + " v" + version, EVENTS, () -> {
      JsonNode t = cluster.anonymous().replicatedTicket(id);
      return t != null && t.get("version").asLong() == version ? t : null;
    });
  }

  static Set<String> replicaIds(ServiceCluster cluster) {
    return StreamSupport.stream(cluster.anonymous().replicatedTickets().expect(200).spliterator(), false)
        .map(t -> t.get("id").asString()).collect(Collectors.toSet());
  }
}
