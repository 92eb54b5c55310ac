package io.eventcontracts.runtime;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes events of one type. Generated code declares one subclass per event, e.g.
 * {@code new TicketCreatedPublisher(client).publish(event)}; the seed's {@code Publisher<T>} with a typed
 * {@code publish(data)} that resolves once the server has stored the message.
 *
 * @param <T> the event class
 */
public class Publisher<T> {

  private final EventClient client;
  private final EventType<T> type;

  /**
   * Binds a publisher to a client and an event type.
   *
   * @param client the client that validates and sends
   * @param type the event type ({@code EventTypes.TICKET_CREATED} in generated code)
   */
  public Publisher(EventClient client, EventType<T> type) {
    this.client = Objects.requireNonNull(client, "client");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The subject events are published to. */
  public final String subject() {
    return type.subject();
  }

  /** The event type. */
  public final EventType<T> eventType() {
    return type;
  }

  /**
   * Validates and publishes {@code event}; see {@link EventClient#publish(EventType, Object)}.
   *
   * @throws EventException {@code INVALID_PAYLOAD} with every violation when the event breaks its contract
   */
  public CompletableFuture<PublishAck> publish(T event) {
    return client.publish(type, event, deduplicationKey(event));
  }

  /**
   * The de-duplication key of {@code event}, or {@code null} (the default: no de-duplication, the cheapest publish).
   * Override it to make retries safe on JetStream, deriving the key from the event's identity, e.g.
   * {@code return event.getId() + ":" + event.getVersion();} — see {@link EventClient#publish(EventType, Object,
   * String)}.
   */
  protected String deduplicationKey(T event) {
    return null;
  }
}
