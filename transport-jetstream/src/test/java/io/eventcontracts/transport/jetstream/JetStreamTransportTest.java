package io.eventcontracts.transport.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.eventcontracts.testing.NatsServerRunner;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every test runs against a real nats-server with JetStream and a file store of its own. */
class JetStreamTransportTest {

  private static final String SUBJECT = "ticket:created";
  private static final Duration ACK_WAIT = Duration.ofSeconds(1);

  private NatsServerRunner server;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void startServer() {
    server = NatsServerRunner.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    server.close();
  }

  private JetStreamOptions.Builder options() {
    return JetStreamOptions.builder()
        .servers(server.url())
        .serviceName("test")
        .subjects(List.of(SUBJECT))
        .reconnectWait(Duration.ofMillis(100))
        .drainTimeout(Duration.ofSeconds(2));
  }

  private JetStreamTransport connect(JetStreamOptions options) {
    JetStreamTransport transport = JetStreamTransport.connect(options);
    toClose.add(transport);
    return transport;
  }

  private JetStreamTransport connect() {
    return connect(options().build());
  }

  private static OutboundMessage message(String body) {
    return new OutboundMessage(SUBJECT, body.getBytes(StandardCharsets.UTF_8),
        Map.of("Content-Type", "application/json"), UUID.randomUUID().toString());
  }

  private static SubscriptionRequest request(String durable, boolean deliverAll) {
    return new SubscriptionRequest(SUBJECT, durable, durable, ACK_WAIT, 100, deliverAll, 5);
  }

  private static String body(InboundMessage m) {
    return new String(m.payload(), StandardCharsets.UTF_8);
  }

  private static List<PublishAck> publishAll(JetStreamTransport t, String prefix, int count) throws Exception {
    List<CompletableFuture<PublishAck>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(t.publish(message("{\"id\":\"" + prefix + i + "\"}")));
    }
    List<PublishAck> acks = new ArrayList<>();
    for (CompletableFuture<PublishAck> f : futures) {
      acks.add(f.get(10, TimeUnit.SECONDS));
    }
    return acks;
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** The kind of the EventException in {@code e} or its causes. */
  static String kindOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EventException ee) {
        return ee.kind().name();
      }
    }
    throw new AssertionError("no EventException in " + e, e);
  }

  private long storedMessages(String stream) throws Exception {
    try (Connection c = Nats.connect(server.url())) {
      JetStreamManagement jsm = c.jetStreamManagement();
      StreamInfo info = jsm.getStreamInfo(stream);
      return info.getStreamState().getMsgCount();
    }
  }

  // --------------------------------------------------------------------------------------------- publish

  @Test
  void publishAckCarriesStreamAndSequence() throws Exception {
    JetStreamTransport t = connect();
    List<PublishAck> acks = publishAll(t, "a", 3);
    assertThat(acks).extracting(PublishAck::sequence).containsExactly(1L, 2L, 3L);
    assertThat(acks).allSatisfy(a -> {
      assertThat(a.stream()).isEqualTo("EVENTCONTRACTS");
      assertThat(a.subject()).isEqualTo(SUBJECT);
      assertThat(a.duplicate()).isFalse();
    });
    assertThat(t.connectionName()).matches("test-[0-9a-f]{8}");
    assertThat(t.name()).isEqualTo("jetstream");
  }

  @Test
  void sameMessageIdTwiceIsStoredOnce() throws Exception {
    JetStreamTransport t = connect();
    OutboundMessage m = message("{\"id\":\"1\"}");
    PublishAck first = t.publish(m).get(5, TimeUnit.SECONDS);
    PublishAck second = t.publish(m).get(5, TimeUnit.SECONDS);
    assertThat(first.duplicate()).isFalse();
    assertThat(second.duplicate()).isTrue();
    assertThat(second.sequence()).isEqualTo(first.sequence());
    assertThat(storedMessages("EVENTCONTRACTS")).isEqualTo(1);
  }

  @Test
  void publishWithoutServerFailsQuicklyAsNotConnected() throws Exception {
    JetStreamTransport t = connect(options().publishTimeout(Duration.ofSeconds(1)).build());
    server.kill();
    await("disconnect noticed", Duration.ofSeconds(5), () -> !t.isConnected());
    long start = System.nanoTime();
    CompletableFuture<PublishAck> f = t.publish(message("{}"));
    assertThatThrownBy(() -> f.get(3, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo("NOT_CONNECTED"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void publishToAFrozenServerFailsAsPublishTimeout() throws Exception {
    JetStreamTransport t = connect(options().publishTimeout(Duration.ofMillis(500)).build());
    // SIGSTOP: the socket stays open, so the client still believes it is connected, but nothing answers
    long pid = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("-p " + server.port() + " "))
        .findFirst().orElseThrow().pid();
    signal("STOP", pid);
    try {
      long start = System.nanoTime();
      CompletableFuture<PublishAck> f = t.publish(message("{}"));
      assertThatThrownBy(() -> f.get(3, TimeUnit.SECONDS))
          .satisfies(e -> assertThat(kindOf(e)).isEqualTo("PUBLISH_TIMEOUT"));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400),
          Duration.ofMillis(2500));
    } finally {
      signal("CONT", pid);
    }
  }

  private static void signal(String signal, long pid) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
  }

  @Test
  void connectWithoutServerFailsAsNotConnected() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> JetStreamTransport.connect(JetStreamOptions.builder()
        .servers("nats://127.0.0.1:" + NatsServerRunner.freePort())
        .connectTimeout(Duration.ofMillis(500))
        .build()))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo("NOT_CONNECTED"))
        .hasMessageContaining("cannot connect to");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void publishAfterCloseFailsAsClosedAndCloseIsIdempotent() {
    JetStreamTransport t = connect();
    t.close();
    t.close();
    assertThatThrownBy(() -> t.publish(message("{}")).join())
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo("CLOSED"));
    assertThat(t.isConnected()).isFalse();
  }

  // --------------------------------------------------------------------------------------------- streams

  @Test
  void missingStreamWithCreateStreamsFalseIsAClearError() {
    assertThatThrownBy(() -> connect(options().createStreams(false).build()))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo("STREAM_MISSING"))
        .hasMessageContaining("stream EVENTCONTRACTS")
        .hasMessageContaining("missing")
        .hasMessageContaining("enable createStreams")
        .hasMessageContaining("nats stream add");
  }

  @Test
  void existingStreamsAreUsedWithCreateStreamsFalseAndNewSubjectsAreAddedOtherwise() throws Exception {
    connect().close(); // creates both streams with ticket:created
    JetStreamTransport strict = connect(options().createStreams(false).build());
    assertThat(strict.publish(message("{}")).get(5, TimeUnit.SECONDS).sequence()).isEqualTo(1);
    assertThatThrownBy(() -> strict.ensureSubject("order:created"))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo("STREAM_MISSING"))
        .hasMessageContaining("order:created");

    JetStreamTransport lenient = connect();
    PublishAck ack = lenient.publish(new OutboundMessage("order:created", "{}".getBytes(StandardCharsets.UTF_8),
        Map.of(), "x1")).get(5, TimeUnit.SECONDS);
    assertThat(ack.stream()).isEqualTo("EVENTCONTRACTS");
    PublishAck dead = lenient.publish(new OutboundMessage("deadletter.ticket:created",
        "{}".getBytes(StandardCharsets.UTF_8), Map.of(), "d1")).get(5, TimeUnit.SECONDS);
    assertThat(dead.stream()).isEqualTo("EVENTCONTRACTS_DEADLETTER");
    assertThat(storedMessages("EVENTCONTRACTS")).isEqualTo(2);
    assertThat(storedMessages("EVENTCONTRACTS_DEADLETTER")).isEqualTo(1);
  }

  // --------------------------------------------------------------------------------------------- subscribe

  @Test
  void queueGroupOfTwoProcessesEachMessageExactlyOnce() throws Exception {
    JetStreamTransport t = connect();
    Map<String, AtomicInteger> perMessage = new ConcurrentHashMap<>();
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    AtomicInteger total = new AtomicInteger();
    SubscriptionRequest request = new SubscriptionRequest(SUBJECT, "orders-service", "orders-service", ACK_WAIT,
        50, true, 5);
    // two members on two connections, as two replicas of a service would be
    JetStreamTransport other = connect();
    t.subscribe(request, m -> {
      perMessage.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet();
      first.incrementAndGet();
      total.incrementAndGet();
      m.ack();
    });
    other.subscribe(request, m -> {
      perMessage.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet();
      second.incrementAndGet();
      total.incrementAndGet();
      m.ack();
    });
    publishAll(t, "q", 1000);
    await("1000 deliveries", Duration.ofSeconds(20), () -> total.get() >= 1000);
    Thread.sleep(ACK_WAIT.toMillis() + 500); // any redelivery would show up now
    assertThat(perMessage).hasSize(1000);
    assertThat(perMessage.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(total.get()).isEqualTo(1000);
    assertThat(first.get()).isPositive();
    assertThat(second.get()).isPositive();
  }

  @Test
  void durableResumesWhereItLeftOff() throws Exception {
    JetStreamTransport t = connect();
    List<String> before = new CopyOnWriteArrayList<>();
    TransportSubscription sub = t.subscribe(request("accounting", true), m -> {
      before.add(body(m));
      m.ack();
    });
    publishAll(t, "old", 10);
    await("first 10", Duration.ofSeconds(10), () -> before.size() == 10);
    sub.close();

    publishAll(t, "new", 100);
    List<InboundMessage> after = new CopyOnWriteArrayList<>();
    JetStreamTransport restarted = connect();
    restarted.subscribe(request("accounting", true), m -> {
      after.add(m);
      m.ack();
    });
    await("100 resumed", Duration.ofSeconds(10), () -> after.size() >= 100);
    Thread.sleep(ACK_WAIT.toMillis() + 500);
    assertThat(after).hasSize(100);
    assertThat(after).extracting(JetStreamTransportTest::body).allMatch(b -> b.contains("new")).doesNotHaveDuplicates();
    assertThat(after).extracting(InboundMessage::sequence).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(11, 110).boxed().toList());
    assertThat(before).hasSize(10);
  }

  @Test
  void unackedMessageIsRedeliveredAfterAckWait() throws Exception {
    JetStreamTransport t = connect();
    List<Long> deliveryCounts = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    List<Long> atMillis = new CopyOnWriteArrayList<>();
    t.subscribe(request("payments", true), m -> {
      deliveryCounts.add(m.deliveryCount());
      atMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      if (m.deliveryCount() >= 2) {
        m.ack();
      }
    });
    t.publish(message("{\"id\":\"r\"}")).get(5, TimeUnit.SECONDS);
    await("redelivery", Duration.ofSeconds(5), () -> deliveryCounts.size() >= 2);
    Thread.sleep(ACK_WAIT.toMillis() + 500);
    assertThat(deliveryCounts).containsExactly(1L, 2L);
    assertThat(atMillis.get(1) - atMillis.get(0)).isGreaterThanOrEqualTo(ACK_WAIT.toMillis() - 100);
  }

  @Test
  void handlerExceptionMeansRedelivery() throws Exception {
    JetStreamTransport t = connect();
    List<Long> deliveryCounts = new CopyOnWriteArrayList<>();
    t.subscribe(request("flaky", true), m -> {
      deliveryCounts.add(m.deliveryCount());
      if (m.deliveryCount() == 1) {
        throw new IllegalStateException("boom (expected by the test)");
      }
      m.ack();
    });
    t.publish(message("{}")).get(5, TimeUnit.SECONDS);
    await("redelivery", Duration.ofSeconds(5), () -> deliveryCounts.size() >= 2);
    assertThat(deliveryCounts).containsExactly(1L, 2L);
  }

  @Test
  void deliverAllAvailableDeliversWhatWasPublishedBeforeTheFirstSubscribe() throws Exception {
    JetStreamTransport t = connect();
    publishAll(t, "early", 5);
    List<String> all = new CopyOnWriteArrayList<>();
    List<String> onlyNew = new CopyOnWriteArrayList<>();
    t.subscribe(request("replayer", true), m -> {
      all.add(body(m));
      m.ack();
    });
    t.subscribe(request("latecomer", false), m -> {
      onlyNew.add(body(m));
      m.ack();
    });
    await("5 early", Duration.ofSeconds(5), () -> all.size() >= 5);
    t.publish(message("{\"id\":\"late\"}")).get(5, TimeUnit.SECONDS);
    await("6 in all, 1 new", Duration.ofSeconds(5), () -> all.size() >= 6 && onlyNew.size() >= 1);
    Thread.sleep(300);
    assertThat(all).hasSize(6);
    assertThat(onlyNew).containsExactly("{\"id\":\"late\"}");
  }

  @Test
  void everyAcknowledgedPublishSurvivesAServerRestart() throws Exception {
    JetStreamTransport t = connect();
    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    t.subscribe(request("survivor", true), m -> {
      received.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet();
      sleepQuietly(3); // a slow consumer, so that the restart hits it mid-stream
      m.ack();
    });
    assertThat(publishAll(t, "before", 200)).hasSize(200);
    int beforeRestart = received.size();
    server.restart();
    await("reconnect", Duration.ofSeconds(15), t::isConnected);
    assertThat(publishAll(t, "after", 200)).hasSize(200);
    await("400 distinct", Duration.ofSeconds(30), () -> received.size() >= 400);
    assertThat(received).hasSize(400);
    assertThat(received.keySet()).filteredOn(k -> k.contains("before")).hasSize(200);
    assertThat(received.keySet()).filteredOn(k -> k.contains("after")).hasSize(200);
    assertThat(storedMessages("EVENTCONTRACTS")).isEqualTo(400);
    assertThat(beforeRestart).as("consumed when the server went down").isLessThan(200);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void headersRoundTrip() throws Exception {
    JetStreamTransport t = connect();
    List<InboundMessage> got = new CopyOnWriteArrayList<>();
    t.subscribe(request("headers", true), m -> {
      got.add(m);
      m.ack();
    });
    Map<String, String> headers = Map.of(
        "Content-Type", "application/json",
        "Ec-Contract-Id", "https://eventcontracts.io/schemas/ticketing/ticket-created.json",
        "Ec-Contract-Version", "1");
    t.publish(new OutboundMessage(SUBJECT, "{\"id\":\"h\"}".getBytes(StandardCharsets.UTF_8), headers, "msg-42"))
        .get(5, TimeUnit.SECONDS);
    await("delivery", Duration.ofSeconds(5), () -> got.size() == 1);
    InboundMessage m = got.get(0);
    assertThat(m.headers()).containsAllEntriesOf(headers).containsEntry("Nats-Msg-Id", "msg-42");
    assertThat(m.subject()).isEqualTo(SUBJECT);
    assertThat(m.sequence()).isEqualTo(1);
    assertThat(m.deliveryCount()).isEqualTo(1);
    assertThat(body(m)).isEqualTo("{\"id\":\"h\"}");
  }

  @Test
  void plainCorePublishWithoutHeadersIsDeliveredWithEmptyHeaders() throws Exception {
    JetStreamTransport t = connect();
    List<InboundMessage> got = new CopyOnWriteArrayList<>();
    t.subscribe(request("seedstyle", true), m -> {
      got.add(m);
      m.ack();
    });
    String json = "{\"id\":\"abc\",\"title\":\"concert\",\"price\":20,\"userId\":\"u1\",\"version\":0}";
    try (Connection seedPublisher = Nats.connect(server.url())) {
      // what a seed-style service does: bare JSON on the subject, no headers, no JetStream API
      seedPublisher.publish(SUBJECT, json.getBytes(StandardCharsets.UTF_8));
      seedPublisher.flush(Duration.ofSeconds(2));
    }
    await("delivery", Duration.ofSeconds(5), () -> got.size() == 1);
    assertThat(got.get(0).headers()).isEmpty();
    assertThat(body(got.get(0))).isEqualTo(json);
  }

  @Test
  void closeKeepsTheDurableAndUnsubscribeDeletesIt() throws Exception {
    JetStreamTransport t = connect();
    TransportSubscription kept = t.subscribe(request("keeper", true), InboundMessage::ack);
    TransportSubscription gone = t.subscribe(request("leaver", true), InboundMessage::ack);
    kept.close();
    gone.unsubscribe();
    try (Connection c = Nats.connect(server.url())) {
      List<String> names = c.jetStreamManagement().getConsumerNames("EVENTCONTRACTS");
      assertThat(names).containsExactly("keeper__ticket:created");
    }
  }

  @Test
  void subscribeAndCloseCyclesDoNotLeakDispatcherThreads() throws Exception {
    JetStreamTransport t = connect();
    // one warm-up cycle, so that threads started once per connection (jnats' scheduler etc.) are in the baseline
    t.subscribe(request("cycler", true), InboundMessage::ack).close();
    int baseline = liveThreads(Duration.ofSeconds(5), Integer.MAX_VALUE);
    for (int i = 0; i < 20; i++) {
      TransportSubscription s = t.subscribe(request("cycler", true), InboundMessage::ack);
      if (i % 2 == 0) {
        s.close();
      } else {
        s.unsubscribe(); // deletes the durable; the next subscribe creates it again
      }
    }
    // jnats runs dispatchers on a cached pool whose idle threads end after 500 ms: wait for that, bounded.
    // Before the fix every cycle left its dispatcher (and thread) open: baseline + 20 until the connection closed.
    int after = liveThreads(Duration.ofSeconds(10), baseline + 2);
    assertThat(after).as("live threads after 20 subscribe/close cycles (baseline %d)", baseline)
        .isLessThanOrEqualTo(baseline + 2);
  }

  /**
   * The live thread count once it is at most {@code limit} or, at the latest, after {@code timeout}; with
   * {@code limit = MAX_VALUE} the count once it stopped falling for 1 s (so idle pool threads have gone).
   */
  private static int liveThreads(Duration timeout, int limit) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int count = Thread.activeCount();
    int stableFor = 0;
    while (System.nanoTime() < deadline) {
      count = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
      if (count <= limit && limit != Integer.MAX_VALUE) {
        return count;
      }
      Thread.sleep(100);
      int next = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
      stableFor = next >= count ? stableFor + 100 : 0;
      if (limit == Integer.MAX_VALUE && stableFor >= 1000) {
        return next;
      }
      count = next;
    }
    return count;
  }
}
