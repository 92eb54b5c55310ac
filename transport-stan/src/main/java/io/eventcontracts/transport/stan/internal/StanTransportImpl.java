package io.eventcontracts.transport.stan.internal;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.eventcontracts.runtime.EventException.Kind;
import io.eventcontracts.transport.stan.StanOptions;
import io.eventcontracts.transport.stan.StanTransport;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.streaming.Message;
import io.nats.streaming.NatsStreaming;
import io.nats.streaming.StreamingConnection;
import io.nats.streaming.Subscription;
import io.nats.streaming.SubscriptionOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StanTransport} implementation; not API, may change in any release. Create it with {@link
 * StanTransport#connect(StanOptions)}.
 */
public final class StanTransportImpl implements StanTransport {

  private static final Logger LOG = LoggerFactory.getLogger(StanTransport.class);
  /**
   * How long closing a subscription waits for its running handlers (so their acks reach the server instead of
   * failing on a closed subscription and the message coming back); as JetStream's default drain timeout.
   */
  static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(5);
  /** How long a failed connect waits for jnats' error listener to report the reason. */
  private static final Duration CONNECT_REPORT_WAIT = Duration.ofMillis(500);

  private final StanOptions options;
  private final StreamingConnection connection;
  private final Connection natsConnection;
  private final boolean ownsNatsConnection;
  private final List<StanSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Exception connectionLost;

  private StanTransportImpl(StanOptions options, StreamingConnection connection, Connection nats, boolean owns) {
    this.options = options;
    this.connection = connection;
    this.natsConnection = nats;
    this.ownsNatsConnection = owns;
  }

  /** See {@link StanTransport#connect(StanOptions)}. */
  public static StanTransport connect(StanOptions options) {
    Connection nats = options.connection();
    boolean owns = nats == null;
    if (owns) {
      io.nats.client.Options natsOptions = options.natsConnectionOptions();
      NatsErrors errors = new NatsErrors(natsOptions.getErrorListener());
      try {
        nats = Nats.connect(new io.nats.client.Options.Builder(natsOptions).errorListener(errors).build());
      } catch (IOException e) {
        // jnats' exception only says "Unable to connect"; the reason (TLS, auth, refused) went to the listener
        throw StanFailures.natsConnectFailed(options, e, errors.awaitFirstReport(CONNECT_REPORT_WAIT));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw StanFailures.failure(Kind.NOT_CONNECTED, null, "interrupted while connecting to NATS", e);
      }
    }
    StanTransportImpl[] self = new StanTransportImpl[1];
    io.nats.streaming.Options stanOptions = new io.nats.streaming.Options.Builder()
        .clusterId(options.clusterId())
        .clientId(options.clientId())
        .natsConn(nats)
        .connectWait(options.connectWait())
        .pubAckWait(options.pubAckWait())
        .pingInterval(options.pingInterval())
        .maxPingsOut(options.maxPingsOut())
        .maxPubAcksInFlight(options.maxPubAcksInFlight())
        .discoverPrefix(options.discoverPrefix())
        .connectionLostHandler((sc, ex) -> {
          LOG.warn("NATS Streaming session of client {} lost: {}", options.clientId(), ex.toString());
          if (self[0] != null) {
            self[0].connectionLost = ex;
          }
        })
        .build();
    StreamingConnection sc;
    try {
      sc = NatsStreaming.connect(options.clusterId(), options.clientId(), stanOptions);
    } catch (IOException | RuntimeException e) {
      closeQuietly(nats, owns);
      throw StanFailures.stanConnectFailed(options, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(nats, owns);
      throw StanFailures.failure(Kind.NOT_CONNECTED, null, "interrupted while connecting to NATS Streaming", e);
    }
    StanTransportImpl transport = new StanTransportImpl(options, sc, nats, owns);
    self[0] = transport;
    return transport;
  }

  /**
   * Routes jnats' asynchronous error reports to the log (and to the listener the user configured through
   * {@code natsOptions}, if any); keeps the first one so that a failed connect can say why.
   */
  private static final class NatsErrors implements io.nats.client.ErrorListener {
    private final io.nats.client.ErrorListener userListener;
    private final CompletableFuture<Object> firstReport = new CompletableFuture<>();

    NatsErrors(io.nats.client.ErrorListener configured) {
      // jnats' default listener logs through java.util.logging; ours logs through SLF4J instead
      this.userListener = configured == null || configured.getClass().getName().startsWith("io.nats.client.impl.")
          ? null : configured;
    }

    @Override
    public void errorOccurred(Connection conn, String error) {
      firstReport.complete(error);
      LOG.warn("NATS error: {}", error);
      if (userListener != null) {
        userListener.errorOccurred(conn, error);
      }
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
      firstReport.complete(exp);
      LOG.warn("NATS exception: {}", exp.toString());
      if (userListener != null) {
        userListener.exceptionOccurred(conn, exp);
      }
    }

    @Override
    public void slowConsumerDetected(Connection conn, io.nats.client.Consumer consumer) {
      LOG.warn("NATS slow consumer detected: {}", consumer);
      if (userListener != null) {
        userListener.slowConsumerDetected(conn, consumer);
      }
    }

    /** The first error (String) or exception reported, waiting briefly: jnats reports on another thread. */
    Object awaitFirstReport(Duration wait) {
      try {
        return firstReport.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
        return null;
      }
    }
  }

  @Override
  public String name() {
    return "stan";
  }

  @Override
  public String deadLetterPrefix() {
    return options.deadLetterPrefix();
  }

  @Override
  public StanOptions options() {
    return options;
  }

  @Override
  public String clientId() {
    return options.clientId();
  }

  @Override
  public String clusterId() {
    return options.clusterId();
  }

  /**
   * Publishes the payload bytes unchanged. The future completes with the server's PubAck. STAN PubAcks carry only
   * the GUID, so {@link PublishAck#sequence()} is 0 and {@link PublishAck#stream()} is the cluster id.
   */
  @Override
  public CompletableFuture<PublishAck> publish(OutboundMessage message) {
    CompletableFuture<PublishAck> result = new CompletableFuture<>();
    String subject = message.subject();
    if (closed.get()) {
      result.completeExceptionally(StanFailures.failure(Kind.CLOSED, subject, "transport is closed", null));
      return result;
    }
    Exception lost = connectionLost;
    if (lost != null) {
      result.completeExceptionally(StanFailures.failure(Kind.NOT_CONNECTED, subject,
          "the NATS Streaming session was lost (" + lost.getMessage() + "); create a new transport", lost));
      return result;
    }
    if (natsConnection.getStatus() == Connection.Status.CLOSED) {
      result.completeExceptionally(StanFailures.failure(Kind.NOT_CONNECTED, subject, "NATS connection is closed",
          null));
      return result;
    }
    try {
      connection.publish(subject, message.payload(), (guid, error) -> {
        if (error == null) {
          result.complete(new PublishAck(subject, options.clusterId(), 0, false));
        } else {
          result.completeExceptionally(mapPublishError(subject, error));
        }
      });
    } catch (IOException | TimeoutException | RuntimeException e) {
      result.completeExceptionally(mapPublishError(subject, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.completeExceptionally(StanFailures.failure(Kind.TRANSPORT_ERROR, subject, "interrupted", e));
    }
    // Belt and braces: the client's own ack timer normally fires first.
    long guardMillis = options.pubAckWait().plusSeconds(1).toMillis();
    return result.orTimeout(guardMillis, TimeUnit.MILLISECONDS).exceptionallyCompose(error -> {
      Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
          ? error.getCause() : error;
      return CompletableFuture.failedFuture(mapPublishError(subject, cause));
    });
  }

  private RuntimeException mapPublishError(String subject, Throwable error) {
    if (error instanceof EventException e) {
      return e;
    }
    String m = String.valueOf(error.getMessage());
    if (error instanceof TimeoutException || m.contains("ack timeout")) {
      return StanFailures.failure(Kind.PUBLISH_TIMEOUT, subject, "no PubAck from NATS Streaming cluster '"
          + options.clusterId() + "' within " + options.pubAckWait() + "; is the streaming server up?", error);
    }
    if (m.contains("connection closed") || m.contains("Closed") || m.contains("closed")) {
      return StanFailures.failure(Kind.NOT_CONNECTED, subject, m, error);
    }
    return StanFailures.failure(Kind.TRANSPORT_ERROR, subject, "publish refused: " + m, error);
  }

  @Override
  public TransportSubscription subscribe(SubscriptionRequest request, InboundHandler handler) {
    if (closed.get()) {
      throw StanFailures.failure(Kind.CLOSED, request.subject(), "transport is closed", null);
    }
    SubscriptionOptions.Builder b = new SubscriptionOptions.Builder()
        .manualAcks()
        .ackWait(ackWaitSeconds(request.ackWait()))
        .maxInFlight(request.maxInFlight())
        .subscriptionTimeout(options.connectWait());
    if (request.durableName() != null && !request.durableName().isBlank()) {
      b.durableName(request.durableName());
    }
    if (request.deliverAllAvailable()) {
      b.deliverAllAvailable();
    }
    StanSubscription subscription = new StanSubscription(request, handler);
    try {
      Subscription sub = request.queueGroup() == null || request.queueGroup().isBlank()
          ? connection.subscribe(request.subject(), subscription::onMessage, b.build())
          : connection.subscribe(request.subject(), request.queueGroup(), subscription::onMessage, b.build());
      subscription.attach(sub);
    } catch (IOException | TimeoutException | RuntimeException e) {
      Kind kind = e instanceof TimeoutException || String.valueOf(e.getMessage()).contains("timeout")
          || String.valueOf(e.getMessage()).contains("closed") ? Kind.NOT_CONNECTED : Kind.TRANSPORT_ERROR;
      throw StanFailures.failure(kind, request.subject(), "subscribe to '" + request.subject() + "' failed: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StanFailures.failure(Kind.TRANSPORT_ERROR, request.subject(), "interrupted while subscribing", e);
    }
    subscriptions.add(subscription);
    return subscription;
  }

  /** STAN ack waits are whole seconds ({@code ackWaitInSecs}), at least 1: round up. */
  static Duration ackWaitSeconds(Duration ackWait) {
    long seconds = Math.max(1, (ackWait.toMillis() + 999) / 1000);
    return Duration.ofSeconds(seconds);
  }

  /**
   * Closes every subscription (durable state stays on the server), then the STAN session: the CloseRequest makes
   * the server forget this client id at once. Closes the NATS connection if the transport opened it. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (StanSubscription s : subscriptions) {
      s.close();
    }
    try {
      connection.close();
    } catch (IOException | TimeoutException | RuntimeException e) {
      LOG.warn("closing NATS Streaming session of {} failed: {}", options.clientId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(natsConnection, ownsNatsConnection);
    }
  }

  private static void closeQuietly(Connection nats, boolean owns) {
    if (owns && nats != null) {
      try {
        nats.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One STAN subscription plus the local per-sequence delivery counts. */
  private final class StanSubscription implements TransportSubscription {
    private final SubscriptionRequest request;
    private final InboundHandler handler;
    private final Map<Long, Long> deliveries = new ConcurrentHashMap<>();
    private final AtomicBoolean done = new AtomicBoolean();
    /** Handlers running now; close() waits for them so that their acks still reach the server. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Subscription sub;

    StanSubscription(SubscriptionRequest request, InboundHandler handler) {
      this.request = request;
      this.handler = handler;
    }

    void attach(Subscription sub) {
      this.sub = sub;
    }

    void onMessage(Message m) {
      inFlight.incrementAndGet();
      try {
        if (done.get()) {
          return; // closing: not acked, the server redelivers it (to another member of the queue group)
        }
        deliver(m);
      } finally {
        if (inFlight.decrementAndGet() == 0) {
          synchronized (inFlight) {
            inFlight.notifyAll();
          }
        }
      }
    }

    /** Waits (bounded by {@link #CLOSE_WAIT}) until no handler of this subscription runs. */
    private void awaitHandlers() {
      long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
      synchronized (inFlight) {
        while (inFlight.get() > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            LOG.warn("handler for '{}' still busy after {}; closing anyway (the message will be redelivered)",
                request.subject(), CLOSE_WAIT);
            return;
          }
          try {
            inFlight.wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }

    private void deliver(Message m) {
      long seq = m.getSequence();
      // java-nats-streaming 2.2.3 drops MsgProto.redeliveryCount (field 7, newer servers) when it builds its
      // Message, so count deliveries here; a redelivery never seen before (restart, other queue member) counts 2.
      long count = deliveries.compute(seq, (k, v) -> {
        if (!m.isRedelivered()) {
          return 1L;
        }
        return v == null ? 2L : v + 1;
      });
      InboundMessage inbound = new StanInboundMessage(m, count, () -> deliveries.remove(seq));
      try {
        handler.onMessage(inbound);
      } catch (RuntimeException e) {
        LOG.warn("handler for '{}' (seq {}) threw; not acked, the server redelivers after the ack wait", 
            request.subject(), seq, e);
      }
    }

    @Override
    public void close() {
      if (done.compareAndSet(false, true)) {
        subscriptions.remove(this);
        awaitHandlers(); // their acks need the subscription still open
        Subscription s = sub;
        if (s != null) {
          try {
            s.close();
          } catch (IOException | RuntimeException e) {
            LOG.debug("closing subscription on '{}': {}", request.subject(), e.toString());
          }
        }
      }
    }

    @Override
    public void unsubscribe() {
      if (done.compareAndSet(false, true)) {
        subscriptions.remove(this);
        awaitHandlers();
        try {
          sub.unsubscribe();
        } catch (IOException | RuntimeException e) {
          throw StanFailures.failure(Kind.TRANSPORT_ERROR, request.subject(), "unsubscribe from '"
              + request.subject() + "' failed: " + e.getMessage(), e);
        }
      }
    }
  }

  /** A STAN delivery as the SPI sees it. */
  private static final class StanInboundMessage implements InboundMessage {
    private final Message message;
    private final long deliveryCount;
    private final Runnable onAck;

    StanInboundMessage(Message message, long deliveryCount, Runnable onAck) {
      this.message = message;
      this.deliveryCount = deliveryCount;
      this.onAck = onAck;
    }

    @Override
    public String subject() {
      return message.getSubject();
    }

    @Override
    public byte[] payload() {
      return message.getData();
    }

    @Override
    public Map<String, String> headers() {
      return Map.of();
    }

    @Override
    public long sequence() {
      return message.getSequence();
    }

    @Override
    public long deliveryCount() {
      return deliveryCount;
    }

    @Override
    public void ack() {
      try {
        message.ack();
        onAck.run();
      } catch (IOException | RuntimeException e) {
        throw StanFailures.failure(Kind.TRANSPORT_ERROR, message.getSubject(), "ack of sequence "
            + message.getSequence() + " failed: " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "StanInboundMessage{subject=" + subject() + ", sequence=" + sequence() + ", deliveryCount="
          + deliveryCount + "}";
    }
  }
}
