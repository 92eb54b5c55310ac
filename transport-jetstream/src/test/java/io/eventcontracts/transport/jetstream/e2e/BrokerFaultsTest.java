package io.eventcontracts.transport.jetstream.e2e;

import java.math.BigDecimal;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker misbehaves: killed with SIGKILL mid-publish, its dead-letter stream deleted. Real nats-server. */
class BrokerFaultsTest {

  /**
   * Client lifecycles (connect, subscribe, publish, close) in the leak test: 50 take ≈ 4 s on a loaded 2-core machine
   * (200, as in the issue, took 17.6 s); a leak of one thread per cycle shows either way.
   */
  static final int CYCLES = 50;

  @RegisterExtension
  final JetStreamClientFixture nats = JetStreamClientFixture.forService("faults")
      .publishTimeout(Duration.ofSeconds(2)).drainTimeout(Duration.ofSeconds(2));

  @Test
  void killMinus9DuringAsyncPublishesLosesNoAcknowledgedEventAndTheClientResumes() throws Exception {
    List<CompletableFuture<PublishAck>> sent = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      if (i == 2000) {
        nats.server().kill(); // SIGKILL: file store as far as it was synced
      }
      sent.add(nats.client().publish(EventTypes.TICKET_CREATED,
          new TicketCreatedEvent("t" + i, 0L, "c", new BigDecimal("1.0"), "u")));
    }
    long acked = 0;
    for (CompletableFuture<PublishAck> f : sent) {
      try {
        f.get(10, TimeUnit.SECONDS); // no hang: every future completes, acked or failed
        acked++;
      } catch (java.util.concurrent.ExecutionException failed) {
        // not acknowledged: the caller knows it was not stored
      }
    }
    nats.server().startAgain(); // same port and store
    PublishAck after = publishWhenReconnected();

    assertThat(acked).isGreaterThan(0);
    assertThat(after.sequence()).as("every acknowledged publish survived the kill").isGreaterThan(acked);
  }

  @Test
  void aDeletedDeadLetterStreamLosesNothingAndDoesNotSpin() throws Exception {
    AtomicInteger handled = new AtomicInteger();
    nats.client().subscribe(EventTypes.TICKET_CREATED, ListenOptions.builder("dl-gone").ackWait(Duration.ofMillis(500))
        .build(), (event, ctx) -> {
          handled.incrementAndGet();
          ctx.ack();
        });
    try (Connection c = Nats.connect(nats.server().url())) {
      c.jetStreamManagement().deleteStream("EVENTCONTRACTS_DEADLETTER");
      c.publish("ticket:created", "{\"id\":\"broken\"}".getBytes(StandardCharsets.UTF_8));
      c.flush(Duration.ofSeconds(2));
      Thread.sleep(2000); // four ack waits

      long received = nats.client().metrics().forSubject("ticket:created").received();
      assertThat(received).as("redelivered once per ack wait, no spin").isBetween(1L, 8L);
      assertThat(handled.get()).isZero();
      // never acked without a stored dead letter: either the transport re-created the stream and stored it, or
      // the original is still pending on the consumer
      boolean deadLettered;
      try {
        deadLettered = c.jetStreamManagement().getStreamInfo("EVENTCONTRACTS_DEADLETTER").getStreamState()
            .getMsgCount() == 1;
      } catch (io.nats.client.JetStreamApiException gone) {
        deadLettered = false;
      }
      long pending = c.jetStreamManagement().getConsumerInfo("EVENTCONTRACTS", "dl-gone__ticket:created")
          .getNumAckPending();
      assertThat(deadLettered || pending == 1).as("dead-lettered %s, ack pending %d", deadLettered, pending)
          .isTrue();
    }
  }

  @Test
  void clientOpenCloseCyclesLeaveNoThreadsBehind() throws Exception {
    JetStreamOptions options = JetStreamOptions.builder().servers(nats.server().url()).serviceName("cycles")
        .subjects(List.of("ticket:created")).drainTimeout(Duration.ofMillis(500)).build();
    Runnable cycle = () -> {
      try (EventClient c = EventClient.create(JetStreamTransport.connect(options),
          ClientOptions.builder().closeOnShutdown(false).build())) {
        c.subscribe(EventTypes.TICKET_CREATED, ListenOptions.of("cycles"), (event, ctx) -> ctx.ack());
        c.publish(EventTypes.TICKET_CREATED, new TicketCreatedEvent("c", 0L, "c", new BigDecimal("1.0"), "u")).join();
      }
    };
    for (int i = 0; i < 5; i++) {
      cycle.run(); // warm-up: class loading, jnats' shared pools
    }
    int baseline = settledThreadCount();
    for (int i = 0; i < CYCLES; i++) {
      cycle.run();
    }
    int after = settledThreadCount();

    assertThat(after).as("live threads after %d open/close cycles (baseline %d)", CYCLES, baseline)
        .isLessThanOrEqualTo(baseline + 3);
  }

  /** Live threads once idle pool threads (jnats' and the handler pool's) have ended. */
  private static int settledThreadCount() throws InterruptedException {
    int count = Thread.activeCount();
    for (int i = 0; i < 30; i++) {
      Thread.sleep(100);
      int now = Thread.activeCount();
      if (now == count && i >= 10) {
        return now;
      }
      count = now;
    }
    return count;
  }

  private PublishAck publishWhenReconnected() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        return nats.client().publish(EventTypes.TICKET_CREATED,
          new TicketCreatedEvent("after", 0L, "c", new BigDecimal("1.0"), "u"))
            .get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(100);
      }
    }
  }
}
