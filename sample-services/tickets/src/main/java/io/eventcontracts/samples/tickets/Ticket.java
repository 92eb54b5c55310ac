package io.eventcontracts.samples.tickets;

import java.math.BigDecimal;

/**
 * A ticket. {@code version} starts at 0 and grows by one with every change; it is both the optimistic-concurrency
 * check and the version the orders service applies updates in.
 */
public record Ticket(String id, String title, BigDecimal price, String userId, String orderId, long version) {

  public boolean reserved() {
    return orderId != null;
  }
}
