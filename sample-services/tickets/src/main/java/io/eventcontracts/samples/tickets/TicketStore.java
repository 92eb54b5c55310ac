package io.eventcontracts.samples.tickets;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets in the database; every update checks and increments the version column. */
@Repository
class TicketStore {

  private static final RowMapper<Ticket> ROW = (rs, n) -> new Ticket(rs.getString("id"), rs.getString("title"),
      rs.getBigDecimal("price"), rs.getString("user_id"), rs.getString("order_id"), rs.getLong("version"));

  private final JdbcClient jdbc;

  TicketStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Ticket> all() {
    return jdbc.sql("SELECT * FROM tickets ORDER BY id").query(ROW).list();
  }

  Optional<Ticket> find(String id) {
    return jdbc.sql("SELECT * FROM tickets WHERE id = ?").param(id).query(ROW).optional();
  }

  void insert(Ticket t) {
    jdbc.sql("INSERT INTO tickets (id, title, price, user_id, order_id, version) VALUES (?, ?, ?, ?, ?, ?)")
        .params(t.id(), t.title(), t.price(), t.userId(), t.orderId(), t.version())
        .update();
  }

  /** Stores {@code changed} (whose version is the old one + 1) if nobody changed the row since it was read. */
  void update(Ticket changed) {
    int rows = jdbc.sql("UPDATE tickets SET title = ?, price = ?, order_id = ?, version = ? WHERE id = ? AND version = ?")
        .params(changed.title(), changed.price(), changed.orderId(), changed.version(), changed.id(),
            changed.version() - 1)
        .update();
    if (rows != 1) {
      throw new OptimisticLockingFailureException("ticket " + changed.id() + " changed concurrently");
    }
  }
}
