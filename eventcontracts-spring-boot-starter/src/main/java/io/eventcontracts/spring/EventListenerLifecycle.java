package io.eventcontracts.spring;

import io.eventcontracts.runtime.Listener;
import io.eventcontracts.runtime.Subscription;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Starts every {@link Listener} bean once the application is ready (so handlers never see a half-built context or
 * an un-migrated database) and stops them first on shutdown: each subscription is closed, the transport waits for
 * the handler in hand, and un-handled messages stay unacked on the server for the next start.
 */
public class EventListenerLifecycle implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(EventListenerLifecycle.class);

  private final ObjectProvider<Listener<?>> listeners;
  private final boolean autoStartup;
  private final List<Listener<?>> started = new ArrayList<>();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private volatile boolean running;

  public EventListenerLifecycle(ObjectProvider<Listener<?>> listeners, boolean autoStartup) {
    this.listeners = listeners;
    this.autoStartup = autoStartup;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (autoStartup) {
      start();
    }
  }

  /** Subscribes every listener bean; idempotent. */
  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    for (Listener<?> listener : listeners.orderedStream().toList()) {
      subscriptions.add(listener.listen());
      started.add(listener);
      LOG.info("listening on {} as {}", listener.subject(), listener.getClass().getSimpleName());
    }
    running = true;
  }

  /** Closes every subscription (durables stay on the server); in-flight handlers finish first. */
  @Override
  public synchronized void stop() {
    for (Listener<?> listener : started) {
      try {
        listener.close();
      } catch (RuntimeException e) {
        LOG.warn("closing listener on {} failed: {}", listener.subject(), e.toString());
      }
    }
    started.clear();
    subscriptions.clear();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Started only by the ready event, not at refresh. */
  @Override
  public boolean isAutoStartup() {
    return false;
  }

  /** Subscriptions of the started listeners (empty before the application is ready). */
  public synchronized List<Subscription> subscriptions() {
    return List.copyOf(subscriptions);
  }
}
