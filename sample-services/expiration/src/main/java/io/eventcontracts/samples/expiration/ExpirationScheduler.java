package io.eventcontracts.samples.expiration;

import io.eventcontracts.samples.support.Outbox;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.ExpirationCompleteEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pending expirations in the database (the seed used a Bull queue in Redis for the same reason: they must survive
 * a restart). Every {@code expiration.poll-interval} the due ones are turned into expiration:complete events: the
 * row is deleted and the event written to the outbox in one transaction, so each fires exactly once.
 */
@Component
public class ExpirationScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ExpirationScheduler.class);

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration pollInterval;
  private ScheduledExecutorService executor;

  ExpirationScheduler(JdbcClient jdbc, Outbox outbox, TransactionTemplate tx, Clock clock,
      @Value("${expiration.poll-interval:250ms}") Duration pollInterval) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  /** order:created: remember when the order expires. False when it was already scheduled (a redelivery). */
  public boolean schedule(String orderId, Instant expiresAt) {
    return Boolean.TRUE.equals(tx.execute(status -> {
      boolean known = jdbc.sql("SELECT COUNT(*) FROM pending_expirations WHERE order_id = ?").param(orderId)
          .query(Long.class).single() > 0;
      if (!known) {
        jdbc.sql("INSERT INTO pending_expirations (order_id, expires_at) VALUES (?, ?)")
            .params(orderId, expiresAt.atOffset(ZoneOffset.UTC)).update();
      }
      return !known;
    }));
  }

  /** Expirations still waiting. */
  public long pending() {
    return jdbc.sql("SELECT COUNT(*) FROM pending_expirations").query(Long.class).single();
  }

  /** Fires every due expiration; returns how many fired. */
  int fireDue() {
    List<String> due = jdbc.sql("SELECT order_id FROM pending_expirations WHERE expires_at <= ? ORDER BY expires_at")
        .param(OffsetDateTime.now(clock)).query(String.class).list();
    int fired = 0;
    for (String orderId : due) {
      Boolean done = tx.execute(status -> {
        if (jdbc.sql("DELETE FROM pending_expirations WHERE order_id = ?").param(orderId).update() != 1) {
          return false;
        }
        outbox.add(EventTypes.EXPIRATION_COMPLETE, ExpirationCompleteEvent.builder().withOrderId(orderId).build());
        return true;
      });
      fired += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    return fired;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "expiration-scheduler");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        fireDue();
      } catch (RuntimeException e) {
        LOG.warn("firing due expirations failed (retried in {} ms): {}", pollInterval.toMillis(), e.toString());
      }
    }, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
