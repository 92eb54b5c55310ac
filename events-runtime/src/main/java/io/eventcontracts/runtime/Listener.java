package io.eventcontracts.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Listens to events of one type in a queue group; the seed's abstract {@code Listener<T>}. Generated code declares
 * one abstract subclass per event (e.g. {@code TicketCreatedListener}); services extend it:
 *
 * <pre>{@code
 * class TicketCreatedHandler extends TicketCreatedListener {
 *   TicketCreatedHandler(EventClient client) { super(client); }
 *   protected String queueGroupName() { return "orders-service"; }
 *   public void onMessage(TicketCreatedEvent event, MessageContext context) {
 *     tickets.save(event);
 *     context.ack();
 *   }
 * }
 * new TicketCreatedHandler(client).listen();
 * }</pre>
 *
 * <p>Override the protected settings to change the defaults (ack wait 5 s, durable name = queue group, manual ack,
 * deliver all available, 5 deliveries before dead-lettering, 64 in flight).
 *
 * @param <T> the event class
 */
public abstract class Listener<T> implements AutoCloseable {

  private final EventClient client;
  private final EventType<T> type;
  private Subscription subscription;

  /**
   * Binds a listener to a client and an event type.
   *
   * @param client the client that subscribes and validates
   * @param type the event type ({@code EventTypes.TICKET_CREATED} in generated code)
   */
  protected Listener(EventClient client, EventType<T> type) {
    this.client = Objects.requireNonNull(client, "client");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The subject listened on. */
  public final String subject() {
    return type.subject();
  }

  /** The event type. */
  public final EventType<T> eventType() {
    return type;
  }

  /** The queue group (and, by default, the durable name), e.g. {@code orders-service}. */
  protected abstract String queueGroupName();

  /** How long the server waits for an ack before redelivering. Default 5 s. */
  protected Duration ackWait() {
    return ListenOptions.DEFAULT_ACK_WAIT;
  }

  /** The durable name. Default: {@link #queueGroupName()}. */
  protected String durableName() {
    return queueGroupName();
  }

  /** Unacked messages in flight. Default 64. */
  protected int maxInFlight() {
    return ListenOptions.DEFAULT_MAX_IN_FLIGHT;
  }

  /** Deliveries after which a failing message is dead-lettered. Default 5. */
  protected int maxDeliver() {
    return ListenOptions.DEFAULT_MAX_DELIVER;
  }

  /** Ack automatically when {@link #onMessage} returns. Default {@code false}: call {@code context.ack()}. */
  protected boolean autoAck() {
    return false;
  }

  /** On the durable's first start, deliver everything still stored. Default {@code true}. */
  protected boolean deliverAllAvailable() {
    return true;
  }

  /**
   * Deliveries handled at once, each on its own thread. Default 1: one at a time, in order (the seed's behaviour).
   * See {@link ListenOptions#concurrency()}.
   */
  protected int concurrency() {
    return 1;
  }

  /**
   * Handles one valid event. Throwing leaves the message unacked (redelivered after the ack wait).
   *
   * @param event the event, already validated against its contract
   * @param context delivery details and {@link MessageContext#ack()}
   */
  public abstract void onMessage(T event, MessageContext context) throws Exception;

  /** The options this listener subscribes with, from the overridable settings. */
  protected ListenOptions listenOptions() {
    return ListenOptions.builder(queueGroupName())
        .durableName(durableName())
        .ackWait(ackWait())
        .maxInFlight(maxInFlight())
        .maxDeliver(maxDeliver())
        .autoAck(autoAck())
        .deliverAllAvailable(deliverAllAvailable())
        .concurrency(concurrency())
        .build();
  }

  /**
   * Starts listening. Calling it again while the subscription is active returns the same subscription.
   *
   * @throws EventException see {@link EventClient#subscribe}
   */
  public synchronized Subscription listen() {
    if (subscription != null && subscription.isActive()) {
      return subscription;
    }
    subscription = client.subscribe(type, listenOptions(), this::onMessage);
    return subscription;
  }

  /** Stops listening (the durable stays on the server). Idempotent; a no-op when not listening. */
  @Override
  public synchronized void close() {
    if (subscription != null) {
      subscription.close();
    }
  }
}
