package io.eventcontracts.samples.tickets;

import io.eventcontracts.samples.support.ApiException;
import io.eventcontracts.samples.support.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tickets}: listing is public, creating and updating need a signed-in user. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

  record TicketRequest(String title, BigDecimal price) {}

  private final TicketService tickets;
  private final TicketStore store;

  TicketController(TicketService tickets, TicketStore store) {
    this.tickets = tickets;
    this.store = store;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Ticket create(CurrentUser user, @RequestBody TicketRequest request) {
    return tickets.create(user, request.title(), request.price());
  }

  @PutMapping("/{id}")
  Ticket update(CurrentUser user, @PathVariable String id, @RequestBody TicketRequest request) {
    return tickets.update(user, id, request.title(), request.price());
  }

  @GetMapping
  List<Ticket> all() {
    return store.all();
  }

  @GetMapping("/{id}")
  Ticket one(@PathVariable String id) {
    return store.find(id).orElseThrow(() -> ApiException.notFound("ticket " + id));
  }
}
