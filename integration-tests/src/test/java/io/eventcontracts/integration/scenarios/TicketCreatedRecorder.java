package io.eventcontracts.integration.scenarios;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service's {@code ticket:created} listener, as a service writes it (extends the generated stub), that records
 * every handler invocation before running the scenario's behaviour.
 */
final class TicketCreatedRecorder extends TicketCreatedListener {

  /** What the handler does after recording; acks by default. */
  @FunctionalInterface
  interface Behaviour {
    void handle(TicketCreatedEvent event, MessageContext context) throws Exception;
  }

  /** Record the invocation and ack: a healthy service. */
  static final Behaviour ACK = (event, context) -> context.ack();

  private final String queueGroup;
  private final Duration ackWait;
  private final int maxInFlight;
  private final Behaviour behaviour;
  private final int maxDeliver;
  private final List<TicketCreatedEvent> events = new CopyOnWriteArrayList<>();
  private final List<MessageContext> contexts = new CopyOnWriteArrayList<>();

  TicketCreatedRecorder(EventClient client, String queueGroup, Duration ackWait, int maxInFlight,
      Behaviour behaviour) {
    this(client, queueGroup, ackWait, maxInFlight, ListenOptions.DEFAULT_MAX_DELIVER, behaviour);
  }

  TicketCreatedRecorder(EventClient client, String queueGroup, Duration ackWait, int maxInFlight, int maxDeliver,
      Behaviour behaviour) {
    super(client);
    this.queueGroup = queueGroup;
    this.ackWait = ackWait;
    this.maxInFlight = maxInFlight;
    this.maxDeliver = maxDeliver;
    this.behaviour = behaviour;
  }

  @Override
  protected String queueGroupName() {
    return queueGroup;
  }

  @Override
  protected Duration ackWait() {
    return ackWait;
  }

  @Override
  protected int maxInFlight() {
    return maxInFlight;
  }

  @Override
  protected int maxDeliver() {
    return maxDeliver;
  }

  @Override
  public void onMessage(TicketCreatedEvent event, MessageContext context) throws Exception {
    events.add(event);
    contexts.add(context);
    behaviour.handle(event, context);
  }

  /** Handler invocations so far (failed ones included). */
  int invocations() {
    return events.size();
  }

  /** Ids of the events handled, one entry per invocation, in invocation order. */
  List<String> ids() {
    return events.stream().map(TicketCreatedEvent::getId).toList();
  }

  List<TicketCreatedEvent> events() {
    return List.copyOf(events);
  }

  List<MessageContext> contexts() {
    return List.copyOf(contexts);
  }
}
