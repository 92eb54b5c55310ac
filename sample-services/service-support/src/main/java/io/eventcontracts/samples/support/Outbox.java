package io.eventcontracts.samples.support;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.EventType;
import io.eventcontracts.runtime.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Writes events to the outbox table inside the caller's transaction (the seed's "failed event publishing" lesson:
 * the entity change and its event commit or roll back together). The event is validated against its contract
 * first, so an invalid event rolls the change back instead of sitting in the outbox forever.
 */
public class Outbox {

  private final JdbcClient jdbc;
  private final EventClient client;
  private final EventLog log;
  private final Clock clock;
  private final Runnable onCommit;

  public Outbox(JdbcClient jdbc, EventClient client, EventLog log, Clock clock, Runnable onCommit) {
    this.jdbc = jdbc;
    this.client = client;
    this.log = log;
    this.clock = clock;
    this.onCommit = onCommit;
  }

  /**
   * Validates {@code event} and stores it for the relay; must run inside a transaction.
   *
   * @throws EventException {@code INVALID_PAYLOAD} with every violation when the event breaks its contract
   */
  public <T> void add(EventType<T> type, T event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Outbox.add must run inside the transaction that changes the entity");
    }
    byte[] bytes = client.codec().write(type.subject(), event);
    JsonNode tree = client.codec().readTree(type.subject(), bytes);
    Object version = tree.has("version") ? tree.get("version").asLong() : null;
    List<Violation> violations = client.contracts().validate(type.contractId(), tree);
    if (!violations.isEmpty()) {
      String text = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
      log.refused(type.subject(), version, text);
      throw EventException.invalidPayload(type.subject(), type.contractId(), violations);
    }
    jdbc.sql("INSERT INTO outbox (subject, payload, created_at) VALUES (?, ?, ?)")
        .params(type.subject(), new String(bytes, StandardCharsets.UTF_8), OffsetDateTime.now(clock))
        .update();
    log.stored(type.subject(), version);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        onCommit.run();
      }
    });
  }
}
