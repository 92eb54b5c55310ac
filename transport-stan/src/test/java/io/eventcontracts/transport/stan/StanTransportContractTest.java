package io.eventcontracts.transport.stan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.transport.stan.internal.StanFailures;
import io.nats.streaming.NatsStreaming;
import io.nats.streaming.StreamingConnection;
import io.nats.streaming.SubscriptionOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour services rely on, written once and run against every {@link StanBackend}: the protocol test double
 * and, when installed, a real nats-streaming-server. Scenarios follow the seed (queue groups, durable queue
 * subscriptions with deliver-all-available, manual acks with a 5 s ack wait, close on SIGINT), with short waits.
 */
abstract class StanTransportContractTest {

  static final String CLUSTER = "ticketing";
  static final String SUBJECT = "ticket:created";
  static final Duration WAIT = Duration.ofSeconds(15);

  StanBackend backend;
  final List<AutoCloseable> cleanup = new ArrayList<>();

  protected abstract StanBackend startBackend(String clusterId);

  @BeforeEach
  void startServer() {
    backend = startBackend(CLUSTER);
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      try {
        cleanup.get(i).close();
      } catch (Exception ignored) {
        // best effort
      }
    }
    if (backend != null) {
      backend.close();
    }
  }

  // ------------------------------------------------------------------ publish

  @Test
  void publishCompletesOnTheServersPubAck() throws Exception {
    StanTransport t = transport();

    PublishAck ack = t.publish(message(SUBJECT, ticketJson(1))).get(5, TimeUnit.SECONDS);

    assertThat(ack).isEqualTo(new PublishAck(SUBJECT, CLUSTER, 0, false));
  }

  @Test
  void connectWithoutAnyServerFailsNotConnected() {
    int nobody = NatsServerRunner.freePort();

    Throwable error = catchThrowable(() -> StanTransport.connect(StanOptions.builder().clusterId(CLUSTER)
        .server("nats://127.0.0.1:" + nobody).connectWait(Duration.ofMillis(500)).build()));

    assertThat(StanFailures.kindOf(error)).isEqualTo("NOT_CONNECTED");
  }

  @Test
  void connectToAnotherClusterIdFailsNotConnectedAndSaysWhy() {
    Throwable error = catchThrowable(() -> transport(b -> b.clusterId("no-such-cluster")
        .connectWait(Duration.ofMillis(500))));

    assertThat(StanFailures.kindOf(error)).isEqualTo("NOT_CONNECTED");
    assertThat(error).hasMessageContaining("no-such-cluster").hasMessageContaining("-cid");
  }

  @Test
  void publishWithoutStreamingServerFailsWithPublishTimeout() {
    StanTransport t = transport(b -> b.pubAckWait(Duration.ofMillis(700)));
    backend.stopStreaming();

    CompletableFuture<PublishAck> f = t.publish(message(SUBJECT, ticketJson(1)));
    Throwable error = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));

    assertThat(StanFailures.kindOf(error)).isIn("PUBLISH_TIMEOUT", "NOT_CONNECTED");
  }

  @Test
  void publishAfterCloseFailsClosed() {
    StanTransport t = transport();
    t.close();
    t.close(); // idempotent

    Throwable error = catchThrowable(() -> t.publish(message(SUBJECT, ticketJson(1))).get(5, TimeUnit.SECONDS));

    assertThat(StanFailures.kindOf(error)).isEqualTo("CLOSED");
  }

  // ------------------------------------------------------------------ queue groups and durables

  @Test
  void queueGroupOfTwoProcessesEachOfAThousandMessagesExactlyOnce() throws Exception {
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    SubscriptionRequest req = request("orders-service", "orders-service", Duration.ofSeconds(5), 100, true);
    transport().subscribe(req, m -> {
      seen.merge(text(m), 1, Integer::sum);
      first.incrementAndGet();
      m.ack();
    });
    transport().subscribe(req, m -> {
      seen.merge(text(m), 1, Integer::sum);
      second.incrementAndGet();
      m.ack();
    });

    publishAll(transport(), 1, 1000);
    await(() -> first.get() + second.get() >= 1000);
    Thread.sleep(300);

    assertThat(first.get() + second.get()).isEqualTo(1000);
    assertThat(seen).hasSize(1000).allSatisfy((payload, count) -> assertThat(count).isEqualTo(1));
    assertThat(first.get()).as("first member").isPositive();
    assertThat(second.get()).as("second member").isPositive();
  }

  @Test
  void durableQueueSubscriptionResumesWithExactlyTheMissedMessages() throws Exception {
    SubscriptionRequest req = request("payments-service", "payments-service", Duration.ofSeconds(5), 1024, true);
    AtomicInteger before = new AtomicInteger();
    StanTransport listener = transport();
    listener.subscribe(req, m -> {
      before.incrementAndGet();
      m.ack();
    });
    StanTransport publisher = transport();
    publishAll(publisher, 0, 1);
    await(() -> before.get() == 1);
    listener.close(); // the seed's SIGINT handler: stan.close()

    publishAll(publisher, 1, 100);
    Set<String> after = ConcurrentHashMap.newKeySet();
    AtomicInteger deliveries = new AtomicInteger();
    transport().subscribe(req, m -> {
      after.add(text(m));
      deliveries.incrementAndGet();
      m.ack();
    });
    await(() -> deliveries.get() >= 100);
    Thread.sleep(500);

    assertThat(deliveries.get()).isEqualTo(100);
    assertThat(after).isEqualTo(IntStream.rangeClosed(1, 100).mapToObj(StanTransportContractTest::ticketJson)
        .collect(Collectors.toSet()));
  }

  @Test
  void deliverAllAvailableReplaysEverythingForANewDurableWhileNewOnlyDoesNot() throws Exception {
    StanTransport t = transport();
    publishAll(t, 1, 5);
    AtomicInteger all = new AtomicInteger();
    AtomicInteger newOnly = new AtomicInteger();

    t.subscribe(request("replay", "replay", Duration.ofSeconds(5), 1024, true), m -> {
      all.incrementAndGet();
      m.ack();
    });
    t.subscribe(request("live", "live", Duration.ofSeconds(5), 1024, false), m -> {
      newOnly.incrementAndGet();
      m.ack();
    });
    await(() -> all.get() == 5);
    Thread.sleep(300);
    assertThat(newOnly.get()).isZero();

    publishAll(t, 6, 1);
    await(() -> newOnly.get() == 1 && all.get() == 6);
  }

  @Test
  void unsubscribeDeletesTheDurableSoANewOneStartsFresh() throws Exception {
    StanTransport t = transport();
    AtomicInteger first = new AtomicInteger();
    TransportSubscription sub = t.subscribe(request("audit", "audit", Duration.ofSeconds(5), 10, true), m -> {
      first.incrementAndGet();
      m.ack();
    });
    publishAll(t, 1, 1);
    await(() -> first.get() == 1);
    sub.unsubscribe();

    publishAll(t, 2, 3);
    AtomicInteger second = new AtomicInteger();
    t.subscribe(request("audit", "audit", Duration.ofSeconds(5), 10, false), m -> {
      second.incrementAndGet();
      m.ack();
    });
    Thread.sleep(500);

    assertThat(second.get()).as("a resumed durable would have received the 3 missed messages").isZero();
  }

  @Test
  void closingOnlyTheSubscriptionKeepsTheDurableQueueGroup() throws Exception {
    StanTransport t = transport();
    AtomicInteger first = new AtomicInteger();
    TransportSubscription sub = t.subscribe(request("billing", "billing", Duration.ofSeconds(5), 10, true), m -> {
      first.incrementAndGet();
      m.ack();
    });
    publishAll(t, 1, 2);
    await(() -> first.get() == 2);
    sub.close();
    sub.close(); // idempotent

    publishAll(t, 3, 4);
    AtomicInteger second = new AtomicInteger();
    t.subscribe(request("billing", "billing", Duration.ofSeconds(5), 10, true), m -> {
      second.incrementAndGet();
      m.ack();
    });
    await(() -> second.get() >= 4);
    Thread.sleep(300);
    assertThat(second.get()).isEqualTo(4);
  }

  @Test
  void plainDurableResumesOnlyWithTheSameClientId() throws Exception {
    String id = "reporting-" + UUID.randomUUID().toString().substring(0, 8);
    SubscriptionRequest req = new SubscriptionRequest(SUBJECT, null, "reporting", Duration.ofSeconds(5), 10, true, 5);
    AtomicInteger first = new AtomicInteger();
    StanTransport t = transport(b -> b.clientId(id));
    t.subscribe(req, m -> {
      first.incrementAndGet();
      m.ack();
    });
    StanTransport publisher = transport();
    publishAll(publisher, 1, 1);
    await(() -> first.get() == 1);
    t.close();

    publishAll(publisher, 2, 3);
    AtomicInteger second = new AtomicInteger();
    transport(b -> b.clientId(id)).subscribe(req, m -> {
      second.incrementAndGet();
      m.ack();
    });
    await(() -> second.get() >= 3);
    Thread.sleep(300);
    assertThat(second.get()).isEqualTo(3);
  }

  // ------------------------------------------------------------------ acks

  @Test
  void unackedMessageIsRedeliveredAfterAckWaitWithDeliveryCountTwo() throws Exception {
    List<Long> counts = new CopyOnWriteArrayList<>();
    StanTransport t = transport();
    t.subscribe(request("slow", "slow", Duration.ofSeconds(1), 10, true), m -> {
      counts.add(m.deliveryCount());
      if (m.deliveryCount() >= 2) {
        m.ack();
      }
    });

    publishAll(t, 1, 1);
    await(() -> counts.size() >= 2);
    Thread.sleep(1500);

    assertThat(counts).containsExactly(1L, 2L);
  }

  @Test
  void maxInFlightBoundsUnackedDeliveries() throws Exception {
    BlockingQueue<InboundMessage> held = new LinkedBlockingQueue<>();
    AtomicInteger received = new AtomicInteger();
    StanTransport t = transport();
    t.subscribe(request("bounded", "bounded", Duration.ofSeconds(30), 3, true), m -> {
      received.incrementAndGet();
      held.add(m);
    });

    publishAll(t, 1, 10);
    for (int expected : new int[] {3, 6, 9, 10}) {
      await(() -> received.get() >= expected);
      Thread.sleep(300);
      assertThat(received.get()).as("deliveries while %d are unacked", held.size()).isEqualTo(expected);
      List<InboundMessage> batch = new ArrayList<>();
      held.drainTo(batch);
      batch.forEach(InboundMessage::ack);
    }
  }

  // ------------------------------------------------------------------ close

  @Test
  void closeMakesTheServerForgetTheClientAtOnce() {
    String id = "ticketing-" + UUID.randomUUID().toString().substring(0, 8);
    StanTransport t = transport(b -> b.clientId(id));

    Throwable duplicate = catchThrowable(() -> transport(b -> b.clientId(id)));
    assertThat(StanFailures.kindOf(duplicate)).isEqualTo("NOT_CONNECTED");
    assertThat(duplicate).hasMessageContaining("already registered");
    assertThat(backend.knowsClient(id)).isTrue();

    t.close();

    assertThat(backend.knowsClient(id)).as("known right after close()").isFalse();
    long start = System.nanoTime();
    StanTransport again = transport(b -> b.clientId(id));
    assertThat(again.clientId()).isEqualTo(id);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void defaultClientIdIsRandomPerInstance() {
    StanTransport a = transport(b -> b.serviceName("tickets"));
    StanTransport b = transport(o -> o.serviceName("tickets"));

    assertThat(a.clientId()).startsWith("tickets-").isNotEqualTo(b.clientId());
  }

  // ------------------------------------------------------------------ wire format

  @Test
  void payloadOnTheWireIsTheBareJsonBothWays() throws Exception {
    byte[] json = "{\"id\":\"123\",\"title\":\"concert\",\"price\":20}".getBytes(StandardCharsets.UTF_8);
    StreamingConnection raw = NatsStreaming.connect(CLUSTER, "node-style-" + UUID.randomUUID().toString()
        .substring(0, 8), new io.nats.streaming.Options.Builder().natsUrl(backend.natsUrl()).build());
    cleanup.add(raw::close);
    BlockingQueue<byte[]> rawReceived = new LinkedBlockingQueue<>();
    raw.subscribe(SUBJECT, m -> rawReceived.add(m.getData()),
        new SubscriptionOptions.Builder().deliverAllAvailable().build());
    StanTransport t = transport();

    t.publish(new OutboundMessage(SUBJECT, json, Map.of("Ec-Contract-Id", "dropped"), "id-1"))
        .get(5, TimeUnit.SECONDS);
    assertThat(rawReceived.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(json);

    BlockingQueue<InboundMessage> received = new LinkedBlockingQueue<>();
    t.subscribe(request("reader", "reader", Duration.ofSeconds(5), 10, false), m -> {
      received.add(m);
      m.ack();
    });
    raw.publish(SUBJECT, json); // what node-nats-streaming's stan.publish(subject, JSON.stringify(data)) sends
    InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(in).isNotNull();
    assertThat(in.payload()).isEqualTo(json);
    assertThat(in.headers()).isEmpty();
    assertThat(in.subject()).isEqualTo(SUBJECT);
    assertThat(in.sequence()).isEqualTo(2);
    assertThat(in.deliveryCount()).isEqualTo(1);
  }

  @Test
  void subscribeAfterCloseFailsClosed() {
    StanTransport t = transport();
    t.close();

    assertThatThrownBy(() -> t.subscribe(request("x", "x", Duration.ofSeconds(1), 1, false), m -> {}))
        .satisfies(e -> assertThat(StanFailures.kindOf(e)).isEqualTo("CLOSED"));
  }

  // ------------------------------------------------------------------ helpers

  StanTransport transport() {
    return transport(b -> {});
  }

  @Test
  void closeWaitsForTheRunningHandlerSoItsAckCounts() throws Exception {
    StanTransport t = transport();
    java.util.concurrent.CountDownLatch inHandler = new java.util.concurrent.CountDownLatch(1);
    List<Long> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
    TransportSubscription sub = t.subscribe(request("slow", "slow", Duration.ofSeconds(1), 10, true), m -> {
      inHandler.countDown();
      sleepQuietly(500);
      m.ack(); // after close() was called: must still reach the server
      acked.add(m.sequence());
    });
    publishAll(t, 1, 1);
    assertThat(inHandler.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    sub.close();

    assertThat(acked).hasSize(1);
    AtomicInteger again = new AtomicInteger();
    t.subscribe(request("slow", "slow", Duration.ofSeconds(1), 10, true), m -> {
      again.incrementAndGet();
      m.ack();
    });
    Thread.sleep(1800); // past the 1 s ack wait: an unacked message would be back by now
    assertThat(again.get()).as("redeliveries of the message acked during close()").isZero();
  }

  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  StanTransport transport(Consumer<StanOptions.Builder> customizer) {
    StanOptions.Builder b = StanOptions.builder()
        .clusterId(backend.clusterId())
        .server(backend.natsUrl())
        .serviceName("contract-test")
        .connectWait(Duration.ofSeconds(3))
        .pubAckWait(Duration.ofSeconds(5));
    customizer.accept(b);
    StanTransport t = StanTransport.connect(b.build());
    cleanup.add(t);
    return t;
  }

  static SubscriptionRequest request(String queueGroup, String durable, Duration ackWait, int maxInFlight,
      boolean deliverAll) {
    return new SubscriptionRequest(SUBJECT, queueGroup, durable, ackWait, maxInFlight, deliverAll, 5);
  }

  static OutboundMessage message(String subject, String json) {
    return new OutboundMessage(subject, json.getBytes(StandardCharsets.UTF_8), Map.of(),
        UUID.randomUUID().toString());
  }

  static String ticketJson(int n) {
    return "{\"id\":\"" + n + "\",\"title\":\"concert " + n + "\",\"price\":" + (20 + n) + "}";
  }

  static String text(InboundMessage m) {
    return new String(m.payload(), StandardCharsets.UTF_8);
  }

  static void publishAll(StanTransport t, int from, int count) throws Exception {
    List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      acks.add(t.publish(message(SUBJECT, ticketJson(i))));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(10);
    }
  }
}
