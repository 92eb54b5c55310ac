package io.eventcontracts.samples.orders;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and replicated tickets; updates check and increment the version column. */
@Repository
public class OrderStore {

  private static final RowMapper<Order> ORDER = (rs, n) -> new Order(rs.getString("id"), rs.getString("user_id"),
      rs.getString("status"), rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getString("ticket_id"),
      rs.getLong("version"));
  private static final RowMapper<ReplicatedTicket> TICKET = (rs, n) -> new ReplicatedTicket(rs.getString("id"),
      rs.getString("title"), rs.getBigDecimal("price"), rs.getLong("version"));

  private final JdbcClient jdbc;

  OrderStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ReplicatedTicket> ticket(String id) {
    return jdbc.sql("SELECT * FROM tickets WHERE id = ?").param(id).query(TICKET).optional();
  }

  public List<ReplicatedTicket> tickets() {
    return jdbc.sql("SELECT * FROM tickets ORDER BY id").query(TICKET).list();
  }

  void insertTicket(ReplicatedTicket t) {
    jdbc.sql("INSERT INTO tickets (id, title, price, version) VALUES (?, ?, ?, ?)")
        .params(t.id(), t.title(), t.price(), t.version()).update();
  }

  /** Applies {@code t} only over its predecessor ({@code t.version() - 1}). */
  void updateTicket(ReplicatedTicket t) {
    int rows = jdbc.sql("UPDATE tickets SET title = ?, price = ?, version = ? WHERE id = ? AND version = ?")
        .params(t.title(), t.price(), t.version(), t.id(), t.version() - 1).update();
    if (rows != 1) {
      throw new OptimisticLockingFailureException("ticket " + t.id() + " is not at version " + (t.version() - 1));
    }
  }

  public Optional<Order> order(String id) {
    return jdbc.sql("SELECT * FROM orders WHERE id = ?").param(id).query(ORDER).optional();
  }

  public List<Order> ordersOf(String userId) {
    return jdbc.sql("SELECT * FROM orders WHERE user_id = ? ORDER BY expires_at").param(userId).query(ORDER).list();
  }

  /** The seed's isReserved(): an order for the ticket that is not cancelled. */
  boolean reserved(String ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM orders WHERE ticket_id = ? AND status <> 'cancelled'")
        .param(ticketId).query(Long.class).single() > 0;
  }

  void insertOrder(Order o) {
    jdbc.sql("INSERT INTO orders (id, user_id, status, expires_at, ticket_id, version) VALUES (?, ?, ?, ?, ?, ?)")
        .params(o.id(), o.userId(), o.status(), utc(o.expiresAt()), o.ticketId(), o.version()).update();
  }

  void updateOrder(Order o) {
    int rows = jdbc.sql("UPDATE orders SET status = ?, version = ? WHERE id = ? AND version = ?")
        .params(o.status(), o.version(), o.id(), o.version() - 1).update();
    if (rows != 1) {
      throw new OptimisticLockingFailureException("order " + o.id() + " changed concurrently");
    }
  }

  static OffsetDateTime utc(java.time.Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
