package io.eventcontracts.samples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The seed's ticketing flow over the four services' REST APIs: a seller creates a ticket and updates it twice, a
 * buyer orders it and lets the order expire, orders a second ticket and pays for it. Each step waits until the
 * events it caused have reached the services that listen to them; {@link #run()} ends with the final state checked.
 * The demo prints it; the end-to-end tests run exactly this.
 */
public final class TicketingScenario {

  /** What the scenario ended with. */
  public record Result(JsonNode expiredOrder, JsonNode paidOrder, JsonNode releasedTicket, JsonNode soldTicket,
      JsonNode replicatedTicket, List<String> checks) {}

  private final TicketingClient seller;
  private final TicketingClient buyer;
  private final Duration expirationWindow;
  private final Consumer<String> progress;
  private final Duration eventTimeout = Duration.ofSeconds(30);

  /**
   * @param seller signed in as the ticket owner
   * @param buyer signed in as the buyer
   * @param expirationWindow the orders service's {@code orders.expiration-window}
   * @param progress receives one line per step
   */
  public TicketingScenario(TicketingClient seller, TicketingClient buyer, Duration expirationWindow,
      Consumer<String> progress) {
    this.seller = seller;
    this.buyer = buyer;
    this.expirationWindow = expirationWindow;
    this.progress = progress;
  }

  public Result run() {
    step(1, "seller creates a ticket (POST /api/tickets)");
    JsonNode ticket = seller.createTicket("Concert", 20).expect(201);
    String ticketId = ticket.get("id").asString();
    awaitReplica(ticketId, 0);

    step(2, "seller updates it twice (PUT /api/tickets/{id})");
    seller.updateTicket(ticketId, "Concert", 25).expect(200);
    seller.updateTicket(ticketId, "Concert (front row)", 25).expect(200);
    JsonNode replica = awaitReplica(ticketId, 2);

    step(3, "buyer orders it; this order is left to expire (POST /api/orders)");
    Instant firstOrderedAt = Instant.now();
    String expiringOrder = buyer.createOrder(ticketId).expect(201).get("id").asString();
    Await.until("tickets to mark ticket " + ticketId + " reserved", eventTimeout,
        () -> expiringOrder.equals(text(seller.ticket(ticketId).expect(200), "orderId")));
    check(seller.updateTicket(ticketId, "Concert", 30).status() == 400,
        "a reserved ticket cannot be edited (400)");

    step(4, "seller creates a second ticket; buyer orders it and pays (POST /api/payments)");
    String secondTicket = seller.createTicket("Opera", 40).expect(201).get("id").asString();
    awaitReplica(secondTicket, 0);
    String paidOrder = buyer.createOrder(secondTicket).expect(201).get("id").asString();
    Await.until("payments to know order " + paidOrder, eventTimeout, () -> {
      TicketingClient.Response paid = buyer.pay(paidOrder, "tok_visa");
      if (paid.status() == 404) {
        return null; // order:created not replicated yet
      }
      return paid.expect(201);
    });
    Await.until("order " + paidOrder + " to be complete", eventTimeout,
        () -> "complete".equals(text(buyer.order(paidOrder).expect(200), "status")));

    step(5, "waiting for the first order to expire (window " + expirationWindow.toMillis() + " ms)");
    Duration expiryWait = expirationWindow.plus(eventTimeout);
    Await.until("order " + expiringOrder + " to be cancelled by expiration", expiryWait,
        () -> "cancelled".equals(text(buyer.order(expiringOrder).expect(200), "status")));
    JsonNode released = Await.until("ticket " + ticketId + " to be released", eventTimeout, () -> {
      JsonNode t = seller.ticket(ticketId).expect(200);
      return t.get("orderId") == null || t.get("orderId").isNull() ? t : null;
    });
    long expiringOrderAge = Duration.between(firstOrderedAt, Instant.now()).toMillis();
    check(expiringOrderAge >= expirationWindow.toMillis(), "the order expired after its window, not before");

    step(6, "checking the final state");
    JsonNode paid = buyer.order(paidOrder).expect(200);
    Instant paidExpiresAt = Instant.parse(paid.get("expiresAt").asString());
    Await.until("the paid order's own expiration to pass", expiryWait,
        () -> Instant.now().isAfter(paidExpiresAt.plusSeconds(1)) ? Boolean.TRUE : null);
    // the expiration of the paid order fired too; orders must have left it complete
    Await.until("expiration of the paid order to be handled", eventTimeout,
        () -> "complete".equals(text(buyer.order(paidOrder).expect(200), "status")));
    JsonNode expired = buyer.order(expiringOrder).expect(200);
    paid = buyer.order(paidOrder).expect(200);
    JsonNode sold = seller.ticket(secondTicket).expect(200);
    check("cancelled".equals(text(expired, "status")), "order " + expiringOrder + " expired: cancelled");
    check("complete".equals(text(paid, "status")), "order " + paidOrder + " paid: complete, did not expire");
    check(released.get("version").asLong() == 4, "ticket " + ticketId + " at v4 (created, 2 updates, reserved, "
        + "released), free again");
    check(paidOrder.equals(text(sold, "orderId")), "ticket " + secondTicket + " reserved by the paid order");
    check(replica.get("version").asLong() == 2 && "Concert (front row)".equals(text(replica, "title")),
        "orders replicated the ticket's updates in version order");
    JsonNode finalReplica = awaitReplica(ticketId, 4);
    return new Result(expired, paid, released, sold, finalReplica, List.copyOf(checks));
  }

  private final List<String> checks = new ArrayList<>();

  private void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("check failed: " + what);
    }
    checks.add(what);
    progress.accept("      ok: " + what);
  }

  private void step(int n, String what) {
    progress.accept("step " + n + "/6: " + what);
  }

  private JsonNode awaitReplica(String ticketId, long version) {
    return Await.until("orders to replicate ticket " + ticketId + " v" + version, eventTimeout, () -> {
      JsonNode t = seller.replicatedTicket(ticketId);
      return t != null && t.get("version").asLong() == version ? t : null;
    });
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
