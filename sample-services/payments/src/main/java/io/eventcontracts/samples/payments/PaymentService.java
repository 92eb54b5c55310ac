package io.eventcontracts.samples.payments;

import io.eventcontracts.samples.support.ApiException;
import io.eventcontracts.samples.support.CurrentUser;
import io.eventcontracts.samples.support.Outbox;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.OrderStatus;
import io.eventcontracts.ticketing.PaymentCreatedEvent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Replicated orders and payments; a payment and its payment:created event commit together (outbox). */
@Service
public class PaymentService {

  /** The payments service's copy of an order. */
  public record PaidOrder(String id, String userId, BigDecimal price, String status, long version) {}

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final PaymentProvider provider;

  PaymentService(JdbcClient jdbc, Outbox outbox, PaymentProvider provider) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.provider = provider;
  }

  public Optional<PaidOrder> order(String id) {
    return jdbc.sql("SELECT * FROM orders WHERE id = ?").param(id)
        .query((rs, n) -> new PaidOrder(rs.getString("id"), rs.getString("user_id"), rs.getBigDecimal("price"),
            rs.getString("status"), rs.getLong("version")))
        .optional();
  }

  /** order:created: store the copy. False for a redelivery. */
  @Transactional
  public boolean orderCreated(PaidOrder order) {
    if (order(order.id()).isPresent()) {
      return false;
    }
    jdbc.sql("INSERT INTO orders (id, user_id, price, status, version) VALUES (?, ?, ?, ?, ?)")
        .params(order.id(), order.userId(), order.price(), order.status(), order.version()).update();
    return true;
  }

  /**
   * order:cancelled at {@code version}: applied over version - 1 (the seed's rule); empty when the order or its
   * predecessor is not here yet (leave unacked), otherwise what happened.
   */
  @Transactional
  public Optional<String> orderCancelled(String orderId, long version) {
    PaidOrder stored = order(orderId).orElse(null);
    if (stored == null || version > stored.version() + 1) {
      return Optional.empty();
    }
    if (version <= stored.version()) {
      return Optional.of("already applied (duplicate)");
    }
    int rows = jdbc.sql("UPDATE orders SET status = ?, version = ? WHERE id = ? AND version = ?")
        .params(OrderStatus.CANCELLED.value(), version, orderId, version - 1).update();
    if (rows != 1) {
      throw new OptimisticLockingFailureException("order " + orderId + " changed concurrently");
    }
    return Optional.of("order " + orderId + " cancelled");
  }

  @Transactional
  public Map<String, String> pay(CurrentUser user, String orderId, String token) {
    if (orderId == null || orderId.isBlank()) {
      throw ApiException.badRequest("OrderId must be provided");
    }
    PaidOrder order = order(orderId).orElseThrow(() -> ApiException.notFound("order " + orderId));
    if (!order.userId().equals(user.id())) {
      throw ApiException.notAuthorized();
    }
    if (OrderStatus.CANCELLED.value().equals(order.status())) {
      throw ApiException.badRequest("Cannot pay for a cancelled order");
    }
    boolean paid = jdbc.sql("SELECT COUNT(*) FROM payments WHERE order_id = ?").param(orderId)
        .query(Long.class).single() > 0;
    if (paid) {
      throw ApiException.badRequest("Order is already paid");
    }
    String chargeId;
    try {
      chargeId = provider.charge(token, order.price(), orderId);
    } catch (PaymentProvider.PaymentDeclinedException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO payments (id, order_id, charge_id, version) VALUES (?, ?, ?, 0)")
        .params(id, orderId, chargeId).update();
    outbox.add(EventTypes.PAYMENT_CREATED,
        PaymentCreatedEvent.builder().withId(id).withOrderId(orderId).withStripeId(chargeId).build());
    return Map.of("id", id);
  }
}
