package io.eventcontracts.runtime.internal;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.ContractRegistry.Contract;
import io.eventcontracts.runtime.ErrorListener;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.EventHandler;
import io.eventcontracts.runtime.EventMetrics;
import io.eventcontracts.runtime.EventType;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.Subscription;
import io.eventcontracts.runtime.Violation;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.spi.PublishAck;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.runtime.spi.TransportSubscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** The {@link EventClient} behind {@link EventClient#create}. */
public final class DefaultEventClient implements EventClient {

  /** Header carrying the contract {@code $id} of a published event. */
  public static final String HEADER_CONTRACT_ID = "Ec-Contract-Id";
  /** Header carrying the contract version of a published event. */
  public static final String HEADER_CONTRACT_VERSION = "Ec-Contract-Version";
  /** Content type header. */
  public static final String HEADER_CONTENT_TYPE = "Content-Type";

  private static final Logger LOG = LoggerFactory.getLogger(EventClient.class);

  private final Transport transport;
  private final ContractRegistry contracts;
  private final EventCodec codec;
  private final ClientOptions options;
  private final ErrorListener errors;
  private final DefaultEventMetrics metrics = new DefaultEventMetrics();
  private final Set<DefaultSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final MessageIds messageIds = new MessageIds();
  private final Thread shutdownHook;

  /**
   * Creates the client; loads the contracts (failing fast on broken ones) and registers the shutdown hook.
   *
   * @param transport the connected transport, owned by the client from now on
   * @param options the options
   */
  public DefaultEventClient(Transport transport, ClientOptions options) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.options = Objects.requireNonNull(options, "options");
    this.contracts = options.contracts();
    this.codec = EventCodec.create(options.maxPayloadBytes(), options.maxNestingDepth());
    this.errors = options.errorListener();
    if (options.closeOnShutdown()) {
      shutdownHook = new Thread(this::closeOnShutdown, "eventcontracts-shutdown-" + transport.name());
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      shutdownHook = null;
    }
  }

  @Override
  public <T> CompletableFuture<PublishAck> publish(EventType<T> type, T event) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(event, "event");
    ensureOpen();
    if (!type.javaType().isInstance(event)) {
      throw new IllegalArgumentException("event is a " + event.getClass().getName() + ", but " + type.subject()
          + " carries " + type.javaType().getName());
    }
    String subject = type.subject();
    Contract contract = contractFor(type);
    byte[] payload = codec.write(subject, event);
    JsonNode tree;
    try {
      tree = codec.readTree(subject, payload);
    } catch (EventException e) {
      // Our own bytes: the only way to fail here is a limit, which makes the event invalid for every receiver.
      throw new EventException(EventException.Kind.INVALID_PAYLOAD, subject, "event for '" + subject
          + "' exceeds the runtime limits", e.violations(), e);
    }
    List<Violation> violations = contracts.validate(contract.id(), tree);
    if (!violations.isEmpty()) {
      throw EventException.invalidPayload(subject, contract.id(), violations);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(HEADER_CONTENT_TYPE, "application/json");
    headers.put(HEADER_CONTRACT_ID, contract.id());
    headers.put(HEADER_CONTRACT_VERSION, Integer.toString(contract.version()));
    OutboundMessage message = new OutboundMessage(subject, payload, headers, messageIds.next());
    DefaultEventMetrics.Counters counters = metrics.of(subject);
    return send(message).whenComplete((ack, error) -> {
      if (error == null) {
        counters.published.increment();
      } else {
        report(l -> l.publishFailed(subject, unwrap(error)), subject);
      }
    });
  }

  @Override
  public <T> Subscription subscribe(EventType<T> type, ListenOptions listenOptions, EventHandler<T> handler) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(listenOptions, "listenOptions");
    Objects.requireNonNull(handler, "handler");
    ensureOpen();
    Contract contract = contractFor(type);
    SubscriptionRequest request = new SubscriptionRequest(type.subject(), listenOptions.queueGroup(),
        listenOptions.durableName(), listenOptions.ackWait(), listenOptions.maxInFlight(),
        listenOptions.deliverAllAvailable(), listenOptions.maxDeliver());
    DefaultSubscription subscription = new DefaultSubscription(type.subject(), listenOptions.queueGroup());
    InboundProcessor<T> processor = new InboundProcessor<>(type, contract, listenOptions, handler, subscription);
    subscriptions.add(subscription);
    try {
      subscription.attach(transport.subscribe(request, processor::process));
    } catch (RuntimeException e) {
      subscriptions.remove(subscription);
      throw e;
    }
    return subscription;
  }

  @Override
  public EventMetrics metrics() {
    return metrics;
  }

  @Override
  public ContractRegistry contracts() {
    return contracts;
  }

  @Override
  public EventCodec codec() {
    return codec;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (DefaultSubscription subscription : List.copyOf(subscriptions)) {
      try {
        subscription.close();
      } catch (RuntimeException e) {
        report(l -> l.errorOccurred(subscription.subject(), e), subscription.subject());
      }
    }
    try {
      transport.close();
    } finally {
      if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
          // The JVM is already shutting down; the hook will find the client closed.
        }
      }
    }
  }

  private void closeOnShutdown() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.warn("closing the event client on shutdown failed: {}", e.toString());
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw EventException.closed("event client");
    }
  }

  private Contract contractFor(EventType<?> type) {
    Contract bySubject = contracts.forSubject(type.subject())
        .orElseThrow(() -> EventException.unknownSubject(type.subject()));
    // "$id": "...json#" names the same contract as "...json" (the registry keys ids without the empty fragment)
    String contractId = BundledSchemas.normalizeId(type.contractId());
    if (contracts.forId(contractId).isEmpty()) {
      throw EventException.schemaNotBundled(type.subject(), type.contractId(), null);
    }
    if (!bySubject.id().equals(contractId)) {
      throw EventException.contractMismatch(type.subject(), bySubject.id(), type.contractId());
    }
    if (type.contractVersion() != bySubject.version()) {
      throw EventException.contractMismatch(type.subject(), bySubject.id() + " version " + bySubject.version(),
          type.contractId() + " version " + type.contractVersion());
    }
    return bySubject;
  }

  private CompletableFuture<PublishAck> send(OutboundMessage message) {
    try {
      CompletableFuture<PublishAck> future = transport.publish(message);
      return future != null ? future : CompletableFuture.failedFuture(EventException.transport(
          EventException.Kind.TRANSPORT_ERROR, message.subject(), transport.name() + " returned no future", null));
    } catch (EventException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(EventException.transport(EventException.Kind.TRANSPORT_ERROR,
          message.subject(), "publish to '" + message.subject() + "' failed: " + e, e));
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof java.util.concurrent.CompletionException
        || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private void report(Consumer<ErrorListener> call, String subject) {
    try {
      call.accept(errors);
    } catch (RuntimeException e) {
      LOG.warn("error listener failed for '{}': {}", subject, e.toString());
    }
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (name.equalsIgnoreCase(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Handles the deliveries of one subscription. */
  private final class InboundProcessor<T> {
    private final EventType<T> type;
    private final Contract contract;
    private final ListenOptions listenOptions;
    private final EventHandler<T> handler;
    private final DefaultSubscription subscription;
    private final DefaultEventMetrics.Counters counters;
    private final String deadLetterSubject;

    InboundProcessor(EventType<T> type, Contract contract, ListenOptions listenOptions, EventHandler<T> handler,
        DefaultSubscription subscription) {
      this.type = type;
      this.contract = contract;
      this.listenOptions = listenOptions;
      this.handler = handler;
      this.subscription = subscription;
      this.counters = metrics.of(type.subject());
      this.deadLetterSubject = options.deadLetterPrefix() + "." + type.subject();
    }

    void process(InboundMessage message) {
      if (!subscription.isActive()) {
        return; // closing: leave it unacked, the server redelivers it to another member
      }
      String subject = type.subject();
      counters.received.increment();
      if (message.deliveryCount() > 1) {
        counters.redelivered.increment();
      }
      DefaultMessageContext context = new DefaultMessageContext(message, listenOptions.queueGroup(), counters);
      try {
        String headerId = header(message.headers(), HEADER_CONTRACT_ID);
        if (headerId != null && !contract.id().equals(BundledSchemas.normalizeId(headerId.trim()))) {
          reject(context, EventException.contractMismatch(subject, contract.id(), headerId));
          return;
        }
        T event;
        try {
          JsonNode tree = codec.readTree(subject, message.payload());
          List<Violation> violations = contracts.validate(contract.id(), tree);
          if (!violations.isEmpty()) {
            reject(context, EventException.invalidPayload(subject, contract.id(), violations));
            return;
          }
          event = codec.read(subject, tree, type.javaType());
        } catch (EventException e) {
          reject(context, e);
          return;
        }
        invoke(event, context);
      } catch (RuntimeException unexpected) {
        LOG.error("unexpected failure processing {}; left unacked", context, unexpected);
        report(l -> l.errorOccurred(subject, unexpected), subject);
      }
    }

    private void invoke(T event, DefaultMessageContext context) {
      try {
        handler.onMessage(event, context);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable failure) {
        counters.handlerFailed.increment();
        report(l -> l.handlerFailed(context, failure), context.subject());
        if (context.acked()) {
          LOG.warn("handler for {} threw after acking it: {}", context, failure.toString());
        } else if (context.deliveryCount() >= listenOptions.maxDeliver()) {
          deadLetter(context, EventException.handlerFailed(context.subject(), context.deliveryCount(), failure));
        } else {
          LOG.warn("handler for {} failed (delivery {} of {}), redelivery after {}: {}", context,
              context.deliveryCount(), listenOptions.maxDeliver(), listenOptions.ackWait(), failure.toString());
        }
        return;
      }
      if (listenOptions.autoAck()) {
        ackQuietly(context);
      }
    }

    private void reject(DefaultMessageContext context, EventException reason) {
      counters.invalid.increment();
      deadLetter(context, reason);
    }

    private void deadLetter(DefaultMessageContext context, EventException reason) {
      LOG.warn("dead-lettering {} #{} (delivery {}) to {}: {} {}", context.subject(), context.sequence(),
          context.deliveryCount(), deadLetterSubject, reason.kind(), DeadLetters.reasons(reason));
      CompletableFuture<PublishAck> sent;
      try {
        byte[] envelope = DeadLetters.envelope(context, listenOptions.durableName(), contract, reason,
            context.message().payload(), options.deadLetterPayloadLimit(), options.clock().instant());
        String id = "dl:" + listenOptions.durableName() + ":" + context.subject() + ":" + context.sequence();
        sent = send(new OutboundMessage(deadLetterSubject, envelope, DeadLetters.headers(reason, context), id));
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      sent.whenComplete((ack, error) -> {
        if (error == null) {
          counters.deadLettered.increment();
          ackQuietly(context);
          report(l -> l.deadLettered(context, reason), context.subject());
        } else {
          Throwable cause = unwrap(error);
          LOG.warn("could not dead-letter {} to {}; NOT acked, it will be redelivered: {}", context,
              deadLetterSubject, cause.toString());
          report(l -> l.deadLetterFailed(context, reason, cause), context.subject());
        }
      });
    }

    private void ackQuietly(DefaultMessageContext context) {
      try {
        context.ack();
      } catch (RuntimeException e) {
        LOG.warn("ack of {} failed: {}", context, e.toString());
        report(l -> l.errorOccurred(context.subject(), e), context.subject());
      }
    }
  }

  /** A subscription handle; closing it stops the processor and the transport subscription. */
  private final class DefaultSubscription implements Subscription {
    private final String subject;
    private final String queueGroup;
    private final AtomicBoolean active = new AtomicBoolean(true);
    private volatile TransportSubscription delegate;

    DefaultSubscription(String subject, String queueGroup) {
      this.subject = subject;
      this.queueGroup = queueGroup;
    }

    void attach(TransportSubscription delegate) {
      this.delegate = delegate;
    }

    @Override
    public String subject() {
      return subject;
    }

    @Override
    public String queueGroup() {
      return queueGroup;
    }

    @Override
    public boolean isActive() {
      return active.get();
    }

    @Override
    public void close() {
      if (active.compareAndSet(true, false)) {
        subscriptions.remove(this);
        if (delegate != null) {
          delegate.close();
        }
      }
    }

    @Override
    public void unsubscribe() {
      boolean wasActive = active.getAndSet(false);
      subscriptions.remove(this);
      if (delegate != null && (wasActive || !closed.get())) {
        delegate.unsubscribe();
      }
    }

    @Override
    public String toString() {
      return "Subscription[" + subject + ", queueGroup=" + queueGroup + (isActive() ? "" : ", closed") + "]";
    }
  }

  /**
   * Message ids ({@code Nats-Msg-Id} on JetStream): a random 96-bit prefix drawn once per client instance from
   * {@code java.security.SecureRandom}, then a per-client counter — unique across clients and restarts without a
   * {@code UUID.randomUUID()} (a SecureRandom draw, ~5 % of the publishing thread's CPU) per publish. 36 characters
   * like a UUID, so columns and log formats sized for UUIDs still fit: 19 base-36 digits of the prefix, {@code -},
   * 16 base-36 digits of the counter (zero-padded), e.g. {@code 0k3q9x1b7c2m4n8p5r6-0000000000000001}.
   */
  static final class MessageIds {
    private static final int PREFIX_DIGITS = 19; // 36^19 > 2^96
    private static final int COUNTER_DIGITS = 16; // 36^13 > 2^63 already
    private final char[] prefix = new char[PREFIX_DIGITS + 1];
    private final AtomicLong counter = new AtomicLong();

    MessageIds() {
      String random = new java.math.BigInteger(96, new java.security.SecureRandom()).toString(36);
      int pad = PREFIX_DIGITS - random.length();
      for (int i = 0; i < pad; i++) {
        prefix[i] = '0';
      }
      random.getChars(0, random.length(), prefix, pad);
      prefix[PREFIX_DIGITS] = '-';
    }

    String next() {
      long n = counter.incrementAndGet();
      char[] id = new char[PREFIX_DIGITS + 1 + COUNTER_DIGITS];
      System.arraycopy(prefix, 0, id, 0, prefix.length);
      for (int i = id.length - 1; i > PREFIX_DIGITS; i--) {
        id[i] = Character.forDigit((int) (n % 36), 36);
        n /= 36;
      }
      return new String(id);
    }
  }
}
