package io.eventcontracts.spring;

import io.eventcontracts.runtime.Subscription;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health/eventcontracts}: UP when the connection is up, the event and dead-letter streams exist
 * (JetStream) and every started listener's subscription is active; DOWN otherwise, with the reason in the details.
 */
public class EventContractsHealthIndicator extends AbstractHealthIndicator {

  private final Transport transport;
  private final EventListenerLifecycle listeners;

  public EventContractsHealthIndicator(Transport transport, EventListenerLifecycle listeners) {
    super("eventcontracts health check failed");
    this.transport = transport;
    this.listeners = listeners;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean up = true;
    builder.withDetail("transport", transport == null ? "user-defined EventClient" : transport.name());
    if (transport instanceof JetStreamTransport js) {
      boolean connected = js.isConnected();
      builder.withDetail("connected", connected);
      up = connected;
      if (connected) {
        Map<String, Boolean> streams = new LinkedHashMap<>();
        streams.put(js.options().streamName(), streamExists(js, js.options().streamName()));
        streams.put(js.options().deadLetterStreamName(), streamExists(js, js.options().deadLetterStreamName()));
        builder.withDetail("streams", streams);
        up = !streams.containsValue(false);
      }
    }
    List<Subscription> subscriptions = listeners == null ? List.of() : listeners.subscriptions();
    Map<String, Boolean> active = new LinkedHashMap<>();
    for (Subscription s : subscriptions) {
      active.put(s.subject() + " (" + s.queueGroup() + ")", s.isActive());
    }
    builder.withDetail("listeners", active);
    up = up && !active.containsValue(false);
    if (up) {
      builder.up();
    } else {
      builder.down();
    }
  }

  private static boolean streamExists(JetStreamTransport js, String name) {
    try {
      js.connection().jetStreamManagement().getStreamInfo(name);
      return true;
    } catch (JetStreamApiException e) {
      return false;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
