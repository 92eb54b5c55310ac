package io.eventcontracts.samples.expiration;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.samples.support.EventLog;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.OrderCreatedListener;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** order:created: schedule the expiration at {@code expiresAt}. */
@Component
class OrderCreatedHandler extends OrderCreatedListener {

  private final ExpirationScheduler scheduler;
  private final EventLog log;
  private final Clock clock;

  OrderCreatedHandler(EventClient client, ExpirationScheduler scheduler, EventLog log, Clock clock) {
    super(client);
    this.scheduler = scheduler;
    this.log = log;
    this.clock = clock;
  }

  @Override
  protected String queueGroupName() {
    return "expiration-service";
  }

  @Override
  public void onMessage(OrderCreatedEvent event, MessageContext context) {
    boolean scheduled = scheduler.schedule(event.getId(), event.getExpiresAt().toInstant());
    long ms = Duration.between(clock.instant(), event.getExpiresAt().toInstant()).toMillis();
    log.handled(subject(), event.getVersion(), context, scheduled
        ? "expiration of order " + event.getId() + " scheduled in " + Math.max(ms, 0) + " ms"
        : "already scheduled (duplicate)");
    context.ack();
  }
}
