package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.ConsumeOptions;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ConsumerContext;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JetStream binding; see {@link JetStreamTransport} and {@code docs/transport-jetstream.md}. */
public final class JetStreamTransportImpl implements JetStreamTransport {

  private static final Logger LOG = LoggerFactory.getLogger(JetStreamTransportImpl.class);
  /** JetStream API error code: consumer not found. */
  private static final int CONSUMER_NOT_FOUND = 10014;
  /** Unnamed/non-durable consumers vanish this long after their last subscriber left. */
  private static final Duration EPHEMERAL_INACTIVE_THRESHOLD = Duration.ofSeconds(30);
  /** How often prefetched deliveries are checked for an in-progress signal (see PullSubscription#keepQueuedAlive). */
  private static final long KEEP_ALIVE_TICK_MILLIS = 100;
  /** How long a failed connect waits for jnats to report the reason on its callback thread. */
  private static final Duration CONNECT_REPORT_WAIT = Duration.ofMillis(500);
  /** JetStream publish headers (what jnats' PublishOptions would set). */
  static final String HEADER_EXPECTED_STREAM = "Nats-Expected-Stream";
  static final String HEADER_MSG_ID = "Nats-Msg-Id";

  private final JetStreamOptions options;
  private final long publishTimeoutNanos;
  private final String connectionName;
  private final Connection connection;
  private final JetStream js;
  private final JetStreamManagement jsm;
  private final StreamManager streams;
  private final Set<PullSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  /**
   * jnats' publish futures not yet completed, with their deadline ({@link System#nanoTime()}). The
   * {@link #publishTimeouts} sweeper fails the overdue ones with a {@link TimeoutException}. This replaces a
   * per-message {@code orTimeout(publishTimeout)}, which scheduled and cancelled one task per publish in the JDK's
   * single {@code CompletableFuture.Delayer} thread (~14 % of jnats' threads' CPU in the publish benchmark). jnats'
   * own request timeout can't take its place: {@code publishAsync} passes none, so its futures expire after
   * {@code Options.requestCleanupInterval}, checked once per interval. (A queue swept per tick instead of this map
   * was measured too: it kept completed publishes alive until the next sweep and cost more CPU, not less.)
   */
  private final Map<CompletableFuture<io.nats.client.api.PublishAck>, Long> pendingPublishes =
      new ConcurrentHashMap<>();
  /**
   * Per subject, the {@code Nats-Expected-Stream} of a publish to it: the dead-letter stream for subjects under the
   * dead-letter prefix, the event stream otherwise. Cached because matching splits both strings.
   */
  private final Map<String, String> expectedStreamBySubject = new ConcurrentHashMap<>();
  /** Read-only jnats headers shared by publishes without a message id; bounded (dead letters vary them). */
  private final Map<HeadersKey, Headers> sharedHeaders = new ConcurrentHashMap<>();
  private static final int MAX_SHARED_HEADERS = 1024;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ExecutorService restarts = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "eventcontracts-jetstream-restart");
    t.setDaemon(true);
    return t;
  });
  /**
   * Threads that run listeners' parsing, validation and handlers (each subscription uses at most its
   * {@code concurrency} of them at once). Shared and cached: an idle listener holds no thread of its own here.
   */
  private final ExecutorService handlerThreads = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
    private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "eventcontracts-jetstream-handler-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  });
  /** One thread per transport that enforces {@code publishTimeout}; see {@link #pendingPublishes}. */
  private final ScheduledExecutorService publishTimeouts = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "eventcontracts-jetstream-publish-timeout");
    t.setDaemon(true);
    return t;
  });

  private JetStreamTransportImpl(JetStreamOptions options, String connectionName, Connection connection) {
    this.options = options;
    this.connectionName = connectionName;
    this.connection = connection;
    try {
      this.js = connection.jetStream();
      this.jsm = connection.jetStreamManagement();
    } catch (IOException e) {
      throw Failures.transportError("JetStream is not available on " + connection.getConnectedUrl() + ": "
          + e.getMessage(), e);
    }
    this.streams = new StreamManager(jsm, options);
    this.publishTimeoutNanos = options.publishTimeout().toNanos();
    // a publish fails at most one tick after its deadline: 50 ms late for the default 5 s, 10 ms for short ones
    long tick = Math.max(10, Math.min(50, options.publishTimeout().toMillis() / 10));
    publishTimeouts.scheduleWithFixedDelay(this::failOverduePublishes, tick, tick, TimeUnit.MILLISECONDS);
    publishTimeouts.scheduleWithFixedDelay(this::keepQueuedAlive, KEEP_ALIVE_TICK_MILLIS, KEEP_ALIVE_TICK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private void keepQueuedAlive() {
    for (PullSubscription subscription : subscriptions) {
      try {
        subscription.keepQueuedAlive();
      } catch (RuntimeException e) {
        LOG.debug("in-progress signals for {} failed", subscription, e);
      }
    }
  }

  public static JetStreamTransport connect(JetStreamOptions options) {
    Objects.requireNonNull(options, "options");
    String name = NatsOptionsFactory.connectionName(options);
    Connection connection;
    LoggingConnectionListener listener = new LoggingConnectionListener();
    LoggingErrorListener errors = new LoggingErrorListener();
    try {
      connection = Nats.connect(NatsOptionsFactory.build(options, name, errors, listener));
    } catch (IOException e) {
      // jnats' exception only says "Unable to connect"; the reason (TLS, auth, refused) went to the error listener
      throw Failures.connectFailed(options, name, e, errors.awaitFirstReport(CONNECT_REPORT_WAIT));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.notConnected("interrupted while connecting to " + options.servers(), e);
    }
    JetStreamTransportImpl transport = null;
    try {
      transport = new JetStreamTransportImpl(options, name, connection);
      transport.streams.initialise();
      listener.onReconnect = transport::restartSubscriptions;
      LOG.info("connected to {} as {} (stream {}, dead letters {})", connection.getConnectedUrl(), name,
          options.streamName(), options.deadLetterStreamName());
      return transport;
    } catch (RuntimeException e) {
      if (transport != null) {
        transport.publishTimeouts.shutdownNow(); // its thread is already running
        transport.handlerThreads.shutdownNow();
      }
      closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public String name() {
    return "jetstream";
  }

  /** The dead-letter stream's prefix ({@code JetStreamOptions.deadLetterSubjectPrefix} without the final dot). */
  @Override
  public String deadLetterPrefix() {
    String prefix = options.deadLetterSubjectPrefix();
    return prefix.substring(0, prefix.length() - 1);
  }

  @Override
  public JetStreamOptions options() {
    return options;
  }

  @Override
  public String connectionName() {
    return connectionName;
  }

  @Override
  public boolean isConnected() {
    return !closed.get() && connection.getStatus() == Connection.Status.CONNECTED;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public void ensureSubject(String subject) {
    ensureOpen();
    streams.ensureSubject(subject);
  }

  // ---------------------------------------------------------------------------------------------- publish

  @Override
  public CompletableFuture<PublishAck> publish(OutboundMessage message) {
    return publish(message, null);
  }

  /**
   * One future per publish on top of jnats': the step that maps jnats' ack (or failure) to ours also runs
   * {@code onOutcome}, so the caller's bookkeeping needs no second future.
   */
  @Override
  public CompletableFuture<PublishAck> publish(OutboundMessage message,
      BiConsumer<? super PublishAck, ? super Throwable> onOutcome) {
    Objects.requireNonNull(message, "message");
    CompletableFuture<io.nats.client.api.PublishAck> sent;
    try {
      sent = send(message);
    } catch (RuntimeException e) {
      CompletableFuture<PublishAck> failed = CompletableFuture.failedFuture(e);
      return onOutcome == null ? failed : failed.whenComplete(onOutcome);
    }
    pendingPublishes.put(sent, System.nanoTime() + publishTimeoutNanos);
    String subject = message.subject();
    return sent.handle((ack, error) -> {
      pendingPublishes.remove(sent);
      if (error != null) {
        RuntimeException failure = mapPublishError(subject, unwrap(error));
        if (onOutcome != null) {
          try {
            onOutcome.accept(null, failure);
          } catch (RuntimeException e) {
            failure.addSuppressed(e); // as whenComplete: the publish's own failure is what the caller sees
          }
        }
        throw failure;
      }
      PublishAck mapped = new PublishAck(subject, ack.getStream(), ack.getSeqno(), ack.isDuplicate());
      if (onOutcome != null) {
        onOutcome.accept(mapped, null);
      }
      return mapped;
    });
  }

  /** Hands the message to jnats; throws the EventException a publish that can't start fails with. */
  private CompletableFuture<io.nats.client.api.PublishAck> send(OutboundMessage message) {
    if (closed.get()) {
      throw Failures.closed("transport " + connectionName + " is closed");
    }
    Connection.Status status = connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      // fail fast rather than park the publish in the reconnect buffer: the caller decides whether to retry
      throw Failures.notConnected("cannot publish to " + message.subject()
          + ": connection to " + options.servers() + " is " + status, null);
    }
    try {
      streams.ensureSubject(message.subject());
      Headers headers;
      if (message.messageId() != null && !message.messageId().isBlank()) {
        headers = buildHeaders(message);
        headers.put(HEADER_MSG_ID, message.messageId());
      } else {
        // no per-message header: the same read-only jnats Headers (validated and serialized once) for every
        // message with the same subject and headers, e.g. every publish of one event type
        headers = sharedHeaders.get(new HeadersKey(message.subject(), message.headers()));
        if (headers == null) {
          headers = new Headers(buildHeaders(message), true);
          if (sharedHeaders.size() < MAX_SHARED_HEADERS) {
            sharedHeaders.putIfAbsent(new HeadersKey(message.subject(), message.headers()), headers);
          }
        }
      }
      NatsMessage msg = NatsMessage.builder()
          .subject(message.subject())
          .headers(headers)
          .data(message.payload())
          .build();
      return js.publishAsync(msg);
    } catch (IllegalStateException e) {
      throw Failures.notConnected("cannot publish to " + message.subject() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw isOurs(e) ? e
          : Failures.transportError("cannot publish to " + message.subject() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Nats-Expected-Stream and Nats-Msg-Id are plain JetStream headers: set here, in the one Headers, rather than
   * through PublishOptions, whose use makes jnats copy and re-validate every header of every message
   * (NatsJetStream.mergePublishOptions). The server treats both ways identically.
   */
  private Headers buildHeaders(OutboundMessage message) {
    Headers headers = new Headers();
    message.headers().forEach(headers::put);
    headers.put(HEADER_EXPECTED_STREAM, expectedStreamBySubject.computeIfAbsent(message.subject(),
        subject -> SubjectMatcher.matches(streams.deadLetterFilter(), subject)
            ? options.deadLetterStreamName() : options.streamName()));
    return headers;
  }

  private record HeadersKey(String subject, Map<String, String> headers) {}

  /** Fails every publish whose ack is overdue; runs every few ms on {@link #publishTimeouts}. */
  private void failOverduePublishes() {
    if (pendingPublishes.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    pendingPublishes.forEach((sent, deadline) -> {
      if (now - deadline >= 0) {
        try {
          // completes jnats' future, as orTimeout did; its handle step maps this to PUBLISH_TIMEOUT. Callers'
          // callbacks on the publish future run here too: an exception from them must not stop the sweeper
          sent.completeExceptionally(new TimeoutException("publish ack not received within "
              + options.publishTimeout()));
        } catch (RuntimeException e) {
          LOG.warn("a publish-timeout callback failed", e);
        }
      }
    });
  }

  private RuntimeException mapPublishError(String subject, Throwable e) {
    String text = String.valueOf(e.getMessage());
    if (e instanceof TimeoutException) {
      return Failures.publishTimeout(subject, "no ack from the server for " + subject + " within "
          + options.publishTimeout() + " (connection " + connection.getStatus() + ")", e);
    }
    if (text.contains("No Responders") || text.contains("503")) {
      return Failures.streamMissing(subject, "no stream stores subject " + subject + " (nothing answered the publish): "
          + "enable createStreams or add the subject to stream " + options.streamName());
    }
    if (e instanceof IllegalStateException || connection.getStatus() != Connection.Status.CONNECTED) {
      return Failures.notConnected(subject, "publish to " + subject + " failed: " + text, e);
    }
    return Failures.transportError(subject, "publish to " + subject + " failed: " + text, e);
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static boolean isOurs(RuntimeException e) {
    return e instanceof EventException;
  }

  // ---------------------------------------------------------------------------------------------- subscribe

  @Override
  public TransportSubscription subscribe(SubscriptionRequest request, InboundHandler handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    ensureOpen();
    streams.ensureSubject(request.subject());
    String name = ConsumerNames.of(request);
    boolean durable = ConsumerNames.isDurable(request);
    try {
      StreamContext stream = js.getStreamContext(options.streamName());
      ConsumerContext context = consumerFor(stream, name, durable, request);
      String consumerName = context.getConsumerName();
      PullSubscription[] holder = new PullSubscription[1];
      PullSubscription subscription = new PullSubscription(connection, stream, consumerName, request.subject(),
          !durable && name == null, handler, options.drainTimeout(), () -> subscriptions.remove(holder[0]),
          handlerThreads, Math.min(request.concurrency(), request.maxInFlight()), request.ackWait());
      holder[0] = subscription;
      // jnats' default pull batches (500 messages, re-pull at 25 %); the server never has more than
      // maxInFlight (max_ack_pending) unacked deliveries out, which bounds the prefetch, and prefetched
      // deliveries are kept alive with in-progress signals while they wait (PullSubscription#keepQueuedAlive)
      ConsumeOptions consume = ConsumeOptions.builder()
          .expiresIn(options.pullExpiry().toMillis())
          .build();
      subscription.start((s, dispatcher) -> {
        try {
          context.getConsumerInfo();
        } catch (JetStreamApiException gone) {
          // the server lost the consumer (memory storage, or deleted by an operator): create it again
          consumerFor(stream, name, durable, request);
        }
        // explicit dispatcher, owned and closed by the subscription (jnats' implicit one would leak its thread)
        return context.consume(consume, dispatcher, s::onMessage);
      });
      subscriptions.add(subscription);
      LOG.debug("subscribed to {} with consumer {} ({})", request.subject(), consumerName, request);
      return subscription;
    } catch (Exception e) {
      if (e instanceof IllegalStateException) {
        throw Failures.notConnected("cannot subscribe to " + request.subject() + ": " + e.getMessage(), e);
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw Failures.transportError("cannot subscribe to " + request.subject() + " as " + name + ": "
          + e.getMessage(), e);
    }
  }

  private ConsumerContext consumerFor(StreamContext stream, String name, boolean durable,
      SubscriptionRequest request) throws IOException, JetStreamApiException {
    ConsumerInfo existing = name == null ? null : consumerInfo(stream, name);
    if (existing != null) {
      ConsumerConfiguration current = existing.getConsumerConfiguration();
      boolean differs = !Objects.equals(current.getAckWait(), request.ackWait())
          || current.getMaxAckPending() != request.maxInFlight();
      if (differs) {
        // deliver policy is kept: deliver-all-available applies to the very first start only, as in the seed
        ConsumerConfiguration updated = ConsumerConfiguration.builder(current)
            .ackWait(request.ackWait())
            .maxAckPending(request.maxInFlight())
            .build();
        try {
          return stream.createOrUpdateConsumer(updated);
        } catch (JetStreamApiException e) {
          LOG.warn("consumer {} keeps its settings (ackWait {}, maxAckPending {}): the server refused the update: "
              + "{}", name, current.getAckWait(), current.getMaxAckPending(), e.getMessage());
        }
      }
      return stream.getConsumerContext(name);
    }
    ConsumerConfiguration.Builder config = ConsumerConfiguration.builder()
        .filterSubject(request.subject())
        .ackPolicy(AckPolicy.Explicit)
        .ackWait(request.ackWait())
        .maxAckPending(request.maxInFlight())
        // unlimited: the runtime counts deliveries and dead-letters at request.maxDeliver(); the server must not
        // drop a message on its own before that happened
        .maxDeliver(-1)
        .deliverPolicy(request.deliverAllAvailable() ? DeliverPolicy.All : DeliverPolicy.New);
    if (durable) {
      config.durable(name);
    } else {
      if (name != null) {
        config.name(name);
      }
      config.inactiveThreshold(EPHEMERAL_INACTIVE_THRESHOLD);
    }
    return stream.createOrUpdateConsumer(config.build());
  }

  private static ConsumerInfo consumerInfo(StreamContext stream, String name)
      throws IOException, JetStreamApiException {
    try {
      return stream.getConsumerInfo(name);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == CONSUMER_NOT_FOUND || e.getErrorCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private void restartSubscriptions() {
    if (closed.get()) {
      return;
    }
    try {
      restarts.execute(() -> {
        for (PullSubscription subscription : List.copyOf(subscriptions)) {
          subscription.restart();
        }
      });
    } catch (RejectedExecutionException ignored) {
      // closing
    }
  }

  // ---------------------------------------------------------------------------------------------- close

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + options.drainTimeout().toNanos();
    for (PullSubscription subscription : List.copyOf(subscriptions)) {
      subscription.stop(); // durable state stays on the server
    }
    List<CompletableFuture<?>> publishes = List.copyOf(pendingPublishes.keySet());
    if (!publishes.isEmpty()) {
      try {
        CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new))
            .get(remaining(deadline), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.debug("not every pending publish completed before close", e);
      }
    }
    try {
      if (connection.getStatus() == Connection.Status.CONNECTED) {
        connection.flush(Duration.ofNanos(Math.max(remaining(deadline), TimeUnit.MILLISECONDS.toNanos(100))));
      }
    } catch (Exception e) {
      LOG.debug("flush before close failed", e);
    }
    restarts.shutdownNow();
    publishTimeouts.shutdownNow();
    handlerThreads.shutdownNow(); // only idle workers are left: subscriptions were stopped above
    closeQuietly(connection);
    LOG.info("closed connection {}", connectionName);
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw Failures.closed("transport " + connectionName + " is closed");
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("closing connection failed", e);
    }
  }

  @Override
  public String toString() {
    return "JetStreamTransport{" + connectionName + " -> " + options.servers() + ", stream "
        + options.streamName() + "}";
  }

  /**
   * jnats reports asynchronous trouble here; route it to the service's log. The first report is kept so that a
   * failed connect can say why (jnats' own exception does not).
   */
  private static final class LoggingErrorListener implements ErrorListener {
    private final CompletableFuture<Object> firstReport = new CompletableFuture<>();

    @Override
    public void errorOccurred(Connection conn, String error) {
      firstReport.complete(error);
      LOG.warn("NATS error: {}", error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
      firstReport.complete(exp);
      LOG.warn("NATS exception: {}", exp.toString());
    }

    /** The first error (String) or exception reported, waiting briefly since jnats reports on another thread. */
    Object awaitFirstReport(Duration wait) {
      try {
        return firstReport.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (ExecutionException | TimeoutException e) {
        return null;
      }
    }

    @Override
    public void slowConsumerDetected(Connection conn, io.nats.client.Consumer consumer) {
      LOG.warn("NATS slow consumer detected: {}", consumer);
    }
  }

  private static final class LoggingConnectionListener implements ConnectionListener {
    volatile Runnable onReconnect;

    @Override
    public void connectionEvent(Connection conn, Events type) {
      switch (type) {
        case DISCONNECTED -> LOG.warn("NATS connection lost; reconnecting");
        case RECONNECTED -> {
          LOG.info("NATS connection re-established to {}", conn.getConnectedUrl());
          Runnable hook = onReconnect;
          if (hook != null) {
            hook.run();
          }
        }
        default -> LOG.debug("NATS connection event {}", type);
      }
    }
  }
}
