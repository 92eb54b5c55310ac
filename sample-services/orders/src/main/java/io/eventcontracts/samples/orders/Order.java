package io.eventcontracts.samples.orders;

import java.time.Instant;

/** An order for one ticket; {@code status} is a generated {@code OrderStatus} value such as {@code created}. */
public record Order(String id, String userId, String status, Instant expiresAt, String ticketId, long version) {

  Order withStatus(String newStatus) {
    return new Order(id, userId, newStatus, expiresAt, ticketId, version + 1);
  }
}
