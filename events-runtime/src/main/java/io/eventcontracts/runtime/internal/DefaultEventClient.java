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
import io.eventcontracts.runtime.PayloadFormat;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.Subscription;
import io.eventcontracts.runtime.Violation;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.runtime.spi.TransportSubscription;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** The {@link EventClient} behind {@link EventClient#create}. */
public final class DefaultEventClient implements EventClient {

  /**
   * The one header naming the contract of a published event: {@code <contract $id>@<major version>}, e.g.
   * {@code https://eventcontracts.io/schemas/ticketing/ticket-created.json@1} (docs/runtime.md#wire-format). One
   * header instead of three: every header costs the client (encoding) and the server (parsing, storing) per message.
   */
  public static final String HEADER_CONTRACT = "Ec-Contract";
  /** Before {@link #HEADER_CONTRACT}: the contract {@code $id} alone; still read on receive, no longer sent. */
  public static final String HEADER_CONTRACT_ID = "Ec-Contract-Id";
  /** Before {@link #HEADER_CONTRACT}: the contract version alone; still read on receive, no longer sent. */
  public static final String HEADER_CONTRACT_VERSION = "Ec-Contract-Version";
  /**
   * Content type header: sent only for a format other than JSON (protobuf). A delivery that names its contract
   * ({@link #HEADER_CONTRACT} or the older headers) and has no content type is JSON.
   */
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
  /** Per event type, resolved on its first publish (failures are not cached: they throw from computeIfAbsent). */
  private final Map<EventType<?>, OutboundBinding> bindings = new ConcurrentHashMap<>();
  private final Thread shutdownHook;
  private final String deadLetterPrefix;

  /** The transport owns the dead-letter prefix (one owner per fact); a transport answering null gets the default. */
  private static String deadLetterPrefix(Transport transport) {
    String owned = transport.deadLetterPrefix();
    return owned == null ? Transport.DEFAULT_DEAD_LETTER_PREFIX : owned;
  }

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
    this.deadLetterPrefix = deadLetterPrefix(transport);
    if (options.closeOnShutdown()) {
      shutdownHook = new Thread(this::closeOnShutdown, "eventcontracts-shutdown-" + transport.name());
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      shutdownHook = null;
    }
  }

  @Override
  public <T> CompletableFuture<PublishAck> publish(EventType<T> type, T event) {
    return publish(type, event, null);
  }

  @Override
  public <T> CompletableFuture<PublishAck> publish(EventType<T> type, T event, String messageId) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(event, "event");
    ensureOpen();
    OutboundBinding binding = bindings.get(type);
    if (binding == null) {
      binding = bindings.computeIfAbsent(type, this::bind);
    }
    if (!type.javaType().isInstance(event)) {
      throw new IllegalArgumentException("event is a " + event.getClass().getName() + ", but " + type.subject()
          + " carries " + type.javaType().getName());
    }
    String subject = binding.subject;
    // validate the tree the bytes are written from: what is sent is exactly what was validated, with no re-parse
    JsonNode tree = codec.toTree(subject, event);
    List<Violation> violations = contracts.validate(binding.contract.id(), tree);
    if (!violations.isEmpty()) {
      throw EventException.invalidPayload(subject, binding.contract.id(), violations);
    }
    byte[] payload = binding.format == PayloadFormat.PROTOBUF
        ? protobuf().fromJson(subject, tree) : codec.write(subject, tree);
    if (payload.length > codec.maxPayloadBytes()) {
      // receivers would refuse it unread
      throw new EventException(EventException.Kind.INVALID_PAYLOAD, subject, "event for '" + subject
          + "' exceeds the runtime limits", List.of(new Violation("", "payload has " + payload.length
          + " bytes, more than the limit of " + codec.maxPayloadBytes() + " bytes", "maxPayloadBytes")), null);
    }
    return send(new OutboundMessage(subject, payload, binding.headers, messageId), binding.onOutcome);
  }

  /**
   * What publishing an event type needs, resolved once per type: contract, headers, counters, and the outcome
   * callback (counts the publish or reports its failure), so a publish creates no callback of its own.
   */
  private record OutboundBinding(String subject, Contract contract, Map<String, String> headers,
      DefaultEventMetrics.Counters counters, PayloadFormat format,
      BiConsumer<PublishAck, Throwable> onOutcome) {}

  private BiConsumer<PublishAck, Throwable> outcomeCallback(String subject, DefaultEventMetrics.Counters counters) {
    return (ack, error) -> {
      if (error == null) {
        counters.published.increment();
      } else {
        report(l -> l.publishFailed(subject, unwrap(error)), subject);
      }
    };
  }

  private OutboundBinding bind(EventType<?> type) {
    Contract contract = contractFor(type);
    PayloadFormat format = options.payloadFormat(type.subject());
    if (format == PayloadFormat.PROTOBUF && !protobuf().supports(type.subject())) {
      throw new IllegalStateException("payload format PROTOBUF for '" + type.subject() + "', but its contract has "
          + "no protobuf message (no protobufJavaType in the bundle index); author it in or twin it with a .proto");
    }
    String contractHeader = contract.id() + "@" + contract.version();
    // JSON is what a delivery naming its contract is read as when it has no Content-Type: only protobuf says so
    Map<String, String> headers = format == PayloadFormat.JSON ? Map.of(HEADER_CONTRACT, contractHeader)
        : Map.of(HEADER_CONTRACT, contractHeader, HEADER_CONTENT_TYPE, format.contentType());
    DefaultEventMetrics.Counters counters = metrics.of(type.subject());
    return new OutboundBinding(type.subject(), contract, headers, counters, format,
        outcomeCallback(type.subject(), counters));
  }

  /** The protobuf side of the payload format seam, created on first use (protobuf-java is optional). */
  private ProtobufPayloads protobuf() {
    ProtobufPayloads current = protobufPayloads;
    if (current == null) {
      synchronized (this) {
        if (protobufPayloads == null) {
          ClassLoader loader = Thread.currentThread().getContextClassLoader();
          protobufPayloads = ProtobufPayloads.fromClasspath(loader != null ? loader : getClass().getClassLoader());
        }
        current = protobufPayloads;
      }
    }
    return current;
  }

  private volatile ProtobufPayloads protobufPayloads;

  /**
   * The JSON form of a received payload: as is, or converted from protobuf. The format is the {@code Content-Type}
   * header's; without one, JSON when the delivery names its contract (the runtimes send a content type only for
   * protobuf), else (no headers: NATS Streaming, a foreign publisher) the subject's configured format.
   */
  private byte[] jsonPayload(String subject, InboundMessage message, boolean namesContract) {
    String contentType = message.header(HEADER_CONTENT_TYPE);
    PayloadFormat format = contentType != null ? PayloadFormat.ofContentType(contentType).orElse(PayloadFormat.JSON)
        : namesContract ? PayloadFormat.JSON : options.payloadFormat(subject);
    return format == PayloadFormat.PROTOBUF ? protobuf().toJson(subject, message.payload()) : message.payload();
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
        listenOptions.deliverAllAvailable(), listenOptions.maxDeliver(), listenOptions.concurrency());
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

  /** Publishes through the transport's one-step outcome hook; {@code onOutcome} runs whatever way it fails. */
  private CompletableFuture<PublishAck> send(OutboundMessage message, BiConsumer<PublishAck, Throwable> onOutcome) {
    CompletableFuture<PublishAck> future;
    try {
      future = transport.publish(message, onOutcome);
    } catch (RuntimeException e) {
      return failedSend(message, e).whenComplete(onOutcome);
    }
    return future != null ? future : failedSend(message, null).whenComplete(onOutcome);
  }

  private CompletableFuture<PublishAck> failedSend(OutboundMessage message, RuntimeException thrown) {
    if (thrown == null) {
      return CompletableFuture.failedFuture(EventException.transport(EventException.Kind.TRANSPORT_ERROR,
          message.subject(), transport.name() + " returned no future", null));
    }
    return CompletableFuture.failedFuture(thrown instanceof EventException ? thrown
        : EventException.transport(EventException.Kind.TRANSPORT_ERROR, message.subject(),
            "publish to '" + message.subject() + "' failed: " + thrown, thrown));
  }

  private CompletableFuture<PublishAck> send(OutboundMessage message) {
    CompletableFuture<PublishAck> future;
    try {
      future = transport.publish(message);
    } catch (RuntimeException e) {
      return failedSend(message, e);
    }
    return future != null ? future : failedSend(message, null);
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

  /** Handles the deliveries of one subscription. */
  private final class InboundProcessor<T> {
    private final EventType<T> type;
    private final Contract contract;
    private final ListenOptions listenOptions;
    private final EventHandler<T> handler;
    private final DefaultSubscription subscription;
    private final DefaultEventMetrics.Counters counters;
    private final String deadLetterSubject;
    private final long ackWaitNanos;
    private final RecentSequences finished = new RecentSequences();
    /** The major version this listener reads, as the {@code Ec-Contract-Version} header writes it. */
    private final String contractVersion;
    /** The {@code Ec-Contract} value a publisher of this listener's contract sends. */
    private final String contractHeader;

    InboundProcessor(EventType<T> type, Contract contract, ListenOptions listenOptions, EventHandler<T> handler,
        DefaultSubscription subscription) {
      this.type = type;
      this.contract = contract;
      this.listenOptions = listenOptions;
      this.handler = handler;
      this.subscription = subscription;
      this.counters = metrics.of(type.subject());
      this.deadLetterSubject = deadLetterPrefix + "." + type.subject();
      this.ackWaitNanos = listenOptions.ackWait().toNanos();
      this.contractVersion = Integer.toString(contract.version());
      this.contractHeader = contract.id() + "@" + contractVersion;
    }

    void process(InboundMessage message) {
      if (!subscription.isActive()) {
        return; // closing: leave it unacked, the server redelivers it to another member
      }
      String subject = type.subject();
      counters.received.increment();
      long deliveryCount = message.deliveryCount();
      if (deliveryCount > 1) {
        counters.redelivered.increment();
        if (finished.contains(message.sequence())) {
          // a copy of a message this subscription already acked or dead-lettered (redelivered while the handler
          // ran past the ack wait, or the ack was lost): never hand it to the handler again; ack the copy
          LOG.debug("{} #{} (delivery {}) was already finished here; acking the copy", subject,
              message.sequence(), deliveryCount);
          ackCopyQuietly(message);
          return;
        }
      }
      long waited = message.waitedNanos();
      if (waited >= ackWaitNanos) {
        // waited in the client's prefetch past its ack wait: the server has already sent it again (a later
        // delivery will arrive); handling this copy as well would process the message twice
        LOG.debug("{} #{} (delivery {}) waited {} ms in the client, past the ack wait; skipped", subject,
            message.sequence(), deliveryCount, waited / 1_000_000);
        return;
      }
      if (waited >= ackWaitNanos / 2) {
        inProgressQuietly(message); // restart the ack wait before working on it
      }
      DefaultMessageContext context = new DefaultMessageContext(message, listenOptions.queueGroup(), counters,
          finished);
      try {
        String headerId;
        String headerVersion;
        String named = message.header(HEADER_CONTRACT);
        if (named != null) {
          if (named.equals(contractHeader)) {
            headerId = null; // the common case: exactly this listener's contract and major, nothing to compare
            headerVersion = null;
          } else {
            int at = named.lastIndexOf('@');
            headerId = at < 0 ? named : named.substring(0, at);
            headerVersion = at < 0 ? "" : named.substring(at + 1);
          }
        } else {
          // the two headers runtimes sent before Ec-Contract: still understood
          headerId = message.header(HEADER_CONTRACT_ID);
          headerVersion = message.header(HEADER_CONTRACT_VERSION);
        }
        if (headerId != null && !contract.id().equals(BundledSchemas.normalizeId(headerId.trim()))) {
          reject(context, EventException.contractMismatch(subject, contract.id(), headerId));
          return;
        }
        // another major of the same contract (docs/compatibility.md#versioning): refused, never misread
        if (headerVersion != null && !contractVersion.equals(headerVersion.trim())) {
          reject(context, EventException.contractMismatch(subject, contract.id() + " version " + contractVersion,
              contract.id() + " version " + headerVersion.trim()));
          return;
        }
        boolean namesContract = named != null || headerId != null || headerVersion != null;
        T event;
        try {
          JsonNode tree = codec.readTree(subject, jsonPayload(subject, message, namesContract));
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
        if (deliveryCount > listenOptions.maxDeliver()) {
          // maxDeliver holds on the delivery count whatever the handler did (returned without acking, ran past
          // the ack wait): the message is given up, not handed over once more
          deadLetter(context, EventException.maxDeliverExceeded(subject, deliveryCount, listenOptions.maxDeliver()),
              false);
          return;
        }
        invoke(event, context);
      } catch (RuntimeException unexpected) {
        LOG.error("unexpected failure processing {}; left unacked", context, unexpected);
        report(l -> l.errorOccurred(subject, unexpected), subject);
      }
    }

    private void ackCopyQuietly(InboundMessage message) {
      try {
        message.ack();
      } catch (RuntimeException e) {
        LOG.debug("ack of an already finished copy failed", e);
      }
    }

    private void inProgressQuietly(InboundMessage message) {
      try {
        message.inProgress();
      } catch (RuntimeException e) {
        LOG.debug("in-progress signal failed", e);
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
          deadLetter(context, EventException.handlerFailed(context.subject(), context.deliveryCount(), failure),
              false);
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
      deadLetter(context, reason, true);
    }

    /**
     * Publishes the dead letter, then acks the original. Counters move once per message: the dead letter's id is
     * derived from durable and sequence, so a redelivered copy's dead letter is recognised by the server as a
     * duplicate and counts neither as {@code deadLettered} nor as {@code invalid} again.
     */
    private void deadLetter(DefaultMessageContext context, EventException reason, boolean invalid) {
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
          boolean duplicate = ack != null && ack.duplicate();
          ackQuietly(context);
          finished.add(context.sequence());
          if (!duplicate) {
            counters.deadLettered.increment();
            if (invalid) {
              counters.invalid.increment();
            }
            report(l -> l.deadLettered(context, reason), context.subject());
          }
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
    private final AtomicBoolean closing = new AtomicBoolean();
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

    /**
     * Closes the transport subscription first (it stops fetching, hands prefetched deliveries back where it can and
     * waits for those being handled), then goes inactive: a delivery in the handler finishes normally.
     */
    @Override
    public void close() {
      if (closing.compareAndSet(false, true)) {
        try {
          if (delegate != null) {
            delegate.close();
          }
        } finally {
          active.set(false);
          subscriptions.remove(this);
        }
      }
    }

    @Override
    public void unsubscribe() {
      closing.set(true);
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
}
