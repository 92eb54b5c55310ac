package io.eventcontracts.transport.jetstream.e2e;

import java.math.BigDecimal;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventType;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.SubjectMetrics;
import io.eventcontracts.runtime.Subscription;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listener faults against a real nats-server: handlers slower than the ack wait, handlers that never ack, close
 * while messages are prefetched, and redelivered invalid messages. Each case once broke (issue 11).
 */
class ListenerFaultsTest {

  static final EventType<TicketCreatedEvent> TICKET = EventTypes.TICKET_CREATED;

  @RegisterExtension
  final JetStreamClientFixture nats = JetStreamClientFixture.forService("faults").drainTimeout(Duration.ofSeconds(3));

  private void publish(int count) {
    for (int i = 1; i <= count; i++) {
      nats.client().publish(TICKET, new TicketCreatedEvent("t" + i, 0L, "concert", new BigDecimal("20.0"), "u1"))
          .join();
    }
  }

  private static void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
    JetStreamClientFixture.await(what, seconds, condition);
  }

  private long deadLetters() {
    return nats.deadLetters();
  }

  @Test
  void aHandlerSlowerThanTheAckWaitGetsEveryMessageExactlyOnce() throws Exception {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    List<String> acked = new CopyOnWriteArrayList<>();
    EventClient client = nats.client();
    client.subscribe(TICKET, ListenOptions.builder("slow").ackWait(Duration.ofSeconds(1)).build(), (event, ctx) -> {
      calls.computeIfAbsent(event.getId(), id -> new AtomicInteger()).incrementAndGet();
      sleep(1300); // past the ack wait: the server redelivers this one while we work on it
      ctx.ack();
      acked.add(event.getId());
    });

    publish(3);
    await("three acks", 15, () -> acked.size() == 3);
    Thread.sleep(1500); // any copy still in flight arrives and must not reach the handler

    assertThat(calls).containsOnlyKeys("t1", "t2", "t3");
    assertThat(calls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(deadLetters()).isZero();
  }

  @Test
  void inProgressKeepsALongHandlersMessageFromBeingRedelivered() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Long> deliveries = new CopyOnWriteArrayList<>();
    EventClient client = nats.client();
    client.subscribe(TICKET, ListenOptions.builder("long").ackWait(Duration.ofMillis(700)).build(), (event, ctx) -> {
      calls.incrementAndGet();
      deliveries.add(ctx.deliveryCount());
      for (int i = 0; i < 8; i++) {
        sleep(200);
        ctx.inProgress(); // 1.6 s of work in total, each step well inside the 0.7 s ack wait
      }
      ctx.ack();
    });

    publish(1);
    await("ack", 10, () -> nats.client().metrics().forSubject("ticket:created").acked() == 1);
    Thread.sleep(1000);

    assertThat(calls.get()).isEqualTo(1);
    assertThat(deliveries).containsExactly(1L);
    assertThat(nats.client().metrics().forSubject("ticket:created").redelivered()).isZero();
  }

  @Test
  void maxDeliverHoldsWhenTheHandlerNeverAcksNorThrows() throws Exception {
    List<Long> deliveries = new CopyOnWriteArrayList<>();
    nats.client().subscribe(TICKET, ListenOptions.builder("forgetful").ackWait(Duration.ofMillis(500)).maxDeliver(2)
        .build(), (event, ctx) -> deliveries.add(ctx.deliveryCount()));

    publish(1);
    await("dead letter", 10, () -> deadLetters() == 1);
    Thread.sleep(800); // acked after dead-lettering: no further delivery

    assertThat(deliveries).containsExactly(1L, 2L);
    try (Connection c = Nats.connect(nats.server().url())) {
      MessageInfo dead = c.jetStreamManagement().getLastMessage(JetStreamClientFixture.DEAD_LETTER_STREAM,
          "deadletter.ticket:created");
      assertThat(new String(dead.getData(), StandardCharsets.UTF_8)).contains("\"reason\":\"MAX_DELIVER_EXCEEDED\"")
          .contains("\"deliveryCount\":3");
    }
    SubjectMetrics m = nats.client().metrics().forSubject("ticket:created");
    assertThat(m.deadLettered()).isEqualTo(1);
    assertThat(m.invalid()).isZero();
  }

  @Test
  void closeHandsPrefetchedMessagesBackAtOnce() throws Exception {
    ListenOptions options = ListenOptions.builder("group").ackWait(Duration.ofSeconds(30)).build();
    List<String> first = new CopyOnWriteArrayList<>();
    Subscription a = nats.client().subscribe(TICKET, options, (event, ctx) -> {
      first.add(event.getId());
      sleep(300);
      ctx.ack();
    });
    publish(10);
    await("first member busy", 5, () -> !first.isEmpty());

    a.close(); // waits for the message in hand; naks the prefetched rest
    List<String> second = new CopyOnWriteArrayList<>();
    nats.client().subscribe(TICKET, options, (event, ctx) -> {
      second.add(event.getId());
      ctx.ack();
    });

    // the 30 s ack wait would hold back anything not handed back
    await("all ten handled", 5, () -> first.size() + second.size() == 10);
    Thread.sleep(300);
    assertThat(first.size() + second.size()).isEqualTo(10);
    assertThat(second).doesNotContainAnyElementsOf(first);
  }

  @Test
  void aHandlerClosingItsOwnSubscriptionDoesNotWaitForItself() throws Exception {
    Subscription[] self = new Subscription[1];
    List<Long> closeMillis = new CopyOnWriteArrayList<>();
    self[0] = nats.client().subscribe(TICKET, ListenOptions.of("self-closing"), (event, ctx) -> {
      ctx.ack();
      long start = System.nanoTime();
      self[0].close();
      closeMillis.add((System.nanoTime() - start) / 1_000_000);
    });

    publish(1);
    await("close from the handler", 10, () -> !closeMillis.isEmpty());

    assertThat(closeMillis.get(0)).as("ms in close(); the drain timeout is 3 s").isLessThan(2000);
    assertThat(self[0].isActive()).isFalse();
  }

  @Test
  void aRedeliveredInvalidMessageIsDeadLetteredAndCountedOnce() throws Exception {
    ListenOptions options = ListenOptions.of("again");
    Subscription s = nats.client().subscribe(TICKET, options, (event, ctx) -> ctx.ack());
    try (Connection seed = Nats.connect(nats.server().url())) {
      seed.publish("ticket:created", "{\"id\":\"bad\"}".getBytes(StandardCharsets.UTF_8));
      seed.flush(Duration.ofSeconds(2));
    }
    await("dead letter", 10, () -> deadLetters() == 1);
    // the durable starts over (deleted and created again): the same message arrives again, its dead letter is a
    // duplicate the server discards, and no counter moves a second time
    s.unsubscribe();
    nats.client().subscribe(TICKET, options, (event, ctx) -> ctx.ack());
    await("second delivery acked", 10, () -> nats.client().metrics().forSubject("ticket:created").acked() == 2);
    Thread.sleep(300);

    assertThat(deadLetters()).isEqualTo(1);
    SubjectMetrics m = nats.client().metrics().forSubject("ticket:created");
    assertThat(m.received()).isEqualTo(2);
    assertThat(m.deadLettered()).isEqualTo(1);
    assertThat(m.invalid()).isEqualTo(1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
