package io.eventcontracts.samples.support;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.Publisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Publishes the outbox in id order, one event at a time, through the service's publisher beans, and marks each row
 * sent once the server acknowledged it. When publishing fails (NATS down, timeout) the relay stops at that row and
 * retries it after {@code pollInterval}: nothing is skipped, nothing is reordered, the API keeps answering.
 *
 * <p>Delivery is at least once: if the service dies between the server's ack and the "sent" update, the event is
 * published again on the next start. Listeners are idempotent (version rule, "already applied" checks), so a
 * repeat is acked and ignored. One relay per database: run one instance of a service per outbox table (a second
 * replica would need {@code SELECT ... FOR UPDATE SKIP LOCKED}). Sent rows are kept for {@code retention} (for
 * inspection), then deleted.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 100;

  private final JdbcClient jdbc;
  private final EventClient client;
  private final Map<String, Publisher<?>> publishers = new HashMap<>();
  private final EventLog log;
  private final Duration pollInterval;
  private final Duration publishTimeout;
  private final Duration retention;
  private final Clock clock;
  private Instant nextPurge = Instant.MIN;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean running;
  private volatile boolean paused;
  private Thread thread;

  public OutboxRelay(JdbcClient jdbc, EventClient client, List<Publisher<?>> publishers, EventLog log,
      Duration pollInterval, Duration publishTimeout, Duration retention, Clock clock) {
    this.jdbc = jdbc;
    this.client = client;
    publishers.forEach(p -> this.publishers.put(p.subject(), p));
    this.log = log;
    this.pollInterval = pollInterval;
    this.publishTimeout = publishTimeout;
    this.retention = retention;
    this.clock = clock;
  }

  /** Asks the relay to look at the outbox now (called after a transaction with events commits). */
  public void wakeUp() {
    wakeUp.release();
  }

  /** Rows not yet acknowledged by the server. */
  public long unsent() {
    return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single();
  }

  /** Deletes rows sent before {@code instant}; unsent rows are never deleted. Returns how many were deleted. */
  public int purgeSentBefore(Instant instant) {
    return jdbc.sql("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?")
        .param(instant.atOffset(ZoneOffset.UTC)).update();
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "outbox-relay-" + log.service());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      wakeUp.release();
      try {
        thread.join(publishTimeout.toMillis() + 2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the listeners (which may still be adding events) and before the client closes. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1;
  }

  private void loop() {
    while (running) {
      try {
        drain();
        purgeOncePerMinute();
      } catch (RuntimeException e) {
        LOG.warn("outbox relay of {}: {}", log.service(), e.toString());
      }
      try {
        wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void purgeOncePerMinute() {
    Instant now = clock.instant();
    if (now.isAfter(nextPurge)) {
      nextPurge = now.plus(Duration.ofMinutes(1));
      purgeSentBefore(now.minus(retention));
    }
  }

  /** Publishes unsent rows in order until the outbox is empty or a publish fails. */
  void drain() {
    while (running) {
      List<Row> rows = jdbc.sql("SELECT id, subject, payload FROM outbox WHERE sent_at IS NULL ORDER BY id"
              + " FETCH FIRST " + BATCH + " ROWS ONLY")
          .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))
          .list();
      if (rows.isEmpty()) {
        return;
      }
      for (Row row : rows) {
        if (!running || !publish(row)) {
          return;
        }
      }
    }
  }

  private boolean publish(Row row) {
    Publisher<?> publisher = publishers.get(row.subject());
    if (publisher == null) {
      throw new IllegalStateException("no publisher bean for " + row.subject()
          + "; list its …Publisher class in @EventPublishers");
    }
    byte[] bytes = row.payload().getBytes(StandardCharsets.UTF_8);
    JsonNode tree = client.codec().readTree(row.subject(), bytes);
    try {
      long sequence = send(publisher, tree);
      jdbc.sql("UPDATE outbox SET sent_at = ? WHERE id = ?").params(OffsetDateTime.now(clock), row.id()).update();
      if (paused) {
        paused = false;
        LOG.info("outbox relay of {}: publishing again", log.service());
      }
      log.published(row.subject(), tree.has("version") ? tree.get("version").asLong() : null, sequence);
      return true;
    } catch (Exception e) {
      if (!paused) {
        paused = true;
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        LOG.warn("outbox relay of {}: publishing paused at outbox row {} ({}); the row stays unsent and is retried "
            + "every {} ms", log.service(), row.id(), cause.getMessage(), pollInterval.toMillis());
      }
      return false;
    }
  }

  private <T> long send(Publisher<T> publisher, JsonNode tree) throws Exception {
    T event = client.codec().read(publisher.subject(), tree, publisher.eventType().javaType());
    return publisher.publish(event).get(publishTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS).sequence();
  }

  private record Row(long id, String subject, String payload) {}
}
