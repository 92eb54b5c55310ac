package io.eventcontracts.samples.orders;

import io.eventcontracts.samples.support.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/orders}: every endpoint needs a signed-in user and shows only the user's own orders. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

  record OrderRequest(String ticketId) {}

  private final OrderService orders;
  private final OrderStore store;

  OrderController(OrderService orders, OrderStore store) {
    this.orders = orders;
    this.store = store;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Order create(CurrentUser user, @RequestBody OrderRequest request) {
    return orders.create(user, request.ticketId());
  }

  @GetMapping
  List<Order> mine(CurrentUser user) {
    return store.ordersOf(user.id());
  }

  @GetMapping("/{id}")
  Order one(CurrentUser user, @PathVariable String id) {
    return orders.owned(user, id);
  }

  @DeleteMapping("/{id}")
  Order cancel(CurrentUser user, @PathVariable String id) {
    return orders.cancel(user, id);
  }

  /** The replicated tickets with their versions (what the version rule produced). */
  @GetMapping("/tickets")
  List<ReplicatedTicket> tickets() {
    return store.tickets();
  }
}
