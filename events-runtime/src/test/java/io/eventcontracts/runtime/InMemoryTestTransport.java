package io.eventcontracts.runtime;

import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.runtime.spi.TransportSubscription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A broker in memory, for UNIT tests of the runtime only: a stream per subject, durable queue groups with
 * round-robin members, manual acks, redelivery of unacked messages on demand ({@link #redeliverUnacked()}, standing
 * in for the ack wait), delivery counts and a server-side max-deliver. Deliveries happen synchronously on the
 * publishing thread, which keeps tests deterministic. Not a model of NATS timing or failure behaviour.
 */
final class InMemoryTestTransport implements Transport {

  /** A stored message. */
  record Stored(long sequence, OutboundMessage message) {
    String text() {
      return new String(message.payload(), StandardCharsets.UTF_8);
    }
  }

  private final Map<String, List<Stored>> streams = new LinkedHashMap<>();
  private final List<Stored> all = new ArrayList<>();
  private final Map<String, Durable> durables = new LinkedHashMap<>();
  private boolean closed;
  private Predicate<String> failPublishes = subject -> false;
  /** The dead-letter prefix this transport owns (the client takes it from here); default {@code deadletter}. */
  private String deadLetterPrefix = DEFAULT_DEAD_LETTER_PREFIX;

  private final class Durable {
    final SubscriptionRequest request;
    final List<Member> members = new ArrayList<>();
    final Map<Long, Delivery> unacked = new LinkedHashMap<>();
    int next;

    Durable(SubscriptionRequest request) {
      this.request = request;
    }

    void deliver(Stored stored, long deliveryCount) {
      if (members.isEmpty()) {
        unacked.put(stored.sequence(), new Delivery(this, stored, deliveryCount - 1));
        return;
      }
      Member member = members.get(next++ % members.size());
      Delivery delivery = new Delivery(this, stored, deliveryCount);
      unacked.put(stored.sequence(), delivery);
      member.handler.onMessage(delivery);
    }
  }

  private record Member(InboundHandler handler) {}

  private final class Delivery implements InboundMessage {
    final Durable durable;
    final Stored stored;
    final long count;

    Delivery(Durable durable, Stored stored, long count) {
      this.durable = durable;
      this.stored = stored;
      this.count = count;
    }

    @Override
    public String subject() {
      return stored.message().subject();
    }

    @Override
    public byte[] payload() {
      return stored.message().payload().clone();
    }

    @Override
    public Map<String, String> headers() {
      return stored.message().headers();
    }

    @Override
    public long sequence() {
      return stored.sequence();
    }

    @Override
    public long deliveryCount() {
      return count;
    }

    @Override
    public void ack() {
      synchronized (InMemoryTestTransport.this) {
        durable.unacked.remove(stored.sequence());
        acks++;
      }
    }
  }

  private long acks;

  @Override
  public String name() {
    return "in-memory-test";
  }

  /** Sets the dead-letter prefix, as a real transport's options do; call before creating the client. */
  InMemoryTestTransport deadLetterPrefix(String prefix) {
    this.deadLetterPrefix = prefix;
    return this;
  }

  @Override
  public String deadLetterPrefix() {
    return deadLetterPrefix;
  }

  @Override
  public synchronized CompletableFuture<PublishAck> publish(OutboundMessage message) {
    if (closed) {
      return CompletableFuture.failedFuture(EventException.closed("transport"));
    }
    if (failPublishes.test(message.subject())) {
      return CompletableFuture.failedFuture(EventException.transport(EventException.Kind.NOT_CONNECTED,
          message.subject(), "simulated publish failure", null));
    }
    List<Stored> stream = streams.computeIfAbsent(message.subject(), s -> new ArrayList<>());
    Stored stored = new Stored(stream.size() + 1, message); // one stream per subject
    stream.add(stored);
    all.add(stored);
    for (Durable durable : List.copyOf(durables.values())) {
      if (durable.request.subject().equals(message.subject())) {
        durable.deliver(stored, 1);
      }
    }
    return CompletableFuture.completedFuture(new PublishAck(message.subject(), "memory", stored.sequence(), false));
  }

  /** Publishes raw bytes as a foreign (e.g. Node.js) publisher would: no validation, optional headers. */
  CompletableFuture<PublishAck> inject(String subject, String json) {
    return inject(subject, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  CompletableFuture<PublishAck> inject(String subject, byte[] payload, Map<String, String> headers) {
    return publish(new OutboundMessage(subject, payload, headers, null));
  }

  @Override
  public synchronized TransportSubscription subscribe(SubscriptionRequest request, InboundHandler handler) {
    if (closed) {
      throw EventException.closed("transport");
    }
    String key = request.subject() + "/" + request.durableName();
    Durable durable = durables.get(key);
    boolean fresh = durable == null;
    if (fresh) {
      durable = new Durable(request);
      durables.put(key, durable);
    }
    Member member = new Member(handler);
    durable.members.add(member);
    Durable d = durable;
    if (fresh && request.deliverAllAvailable()) {
      for (Stored stored : List.copyOf(streams.getOrDefault(request.subject(), List.of()))) {
        d.deliver(stored, 1);
      }
    }
    return new TransportSubscription() {
      @Override
      public void close() {
        synchronized (InMemoryTestTransport.this) {
          d.members.remove(member);
        }
      }

      @Override
      public void unsubscribe() {
        synchronized (InMemoryTestTransport.this) {
          d.members.remove(member);
          durables.remove(key);
        }
      }
    };
  }

  /**
   * Redelivers every unacked message once (as if the ack wait had passed), unless it was already delivered
   * {@code maxDeliver} times (the server then gives up, as JetStream does).
   *
   * @return how many messages were redelivered
   */
  synchronized int redeliverUnacked() {
    int count = 0;
    for (Durable durable : List.copyOf(durables.values())) {
      for (Delivery delivery : List.copyOf(durable.unacked.values())) {
        if (delivery.count >= durable.request.maxDeliver()) {
          continue;
        }
        count++;
        durable.deliver(delivery.stored, delivery.count + 1);
      }
    }
    return count;
  }

  /** Makes publishes to matching subjects fail (to simulate an unreachable dead-letter stream). */
  synchronized void failPublishesTo(Predicate<String> subjects) {
    this.failPublishes = subjects;
  }

  /** Everything stored, in order. */
  synchronized List<Stored> stored() {
    return List.copyOf(all);
  }

  /** Messages stored on one subject. */
  synchronized List<Stored> stored(String subject) {
    return List.copyOf(streams.getOrDefault(subject, List.of()));
  }

  /** Unacked messages across all durables. */
  synchronized int unackedCount() {
    return durables.values().stream().mapToInt(d -> d.unacked.size()).sum();
  }

  /** Acks received by the "server". */
  synchronized long acks() {
    return acks;
  }

  /** Live members of all durables. */
  synchronized int members() {
    return durables.values().stream().mapToInt(d -> d.members.size()).sum();
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    closed = true;
    durables.values().forEach(d -> d.members.clear());
  }
}
