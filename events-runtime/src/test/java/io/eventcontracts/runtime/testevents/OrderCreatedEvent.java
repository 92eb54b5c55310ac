package io.eventcontracts.runtime.testevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.eventcontracts.runtime.EventType;
import java.time.Instant;

/** Hand-written stand-in for the generated class of order:created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "version", "status", "userId", "expiresAt", "ticket"})
public class OrderCreatedEvent {

  public static final EventType<OrderCreatedEvent> TYPE = EventType.of("order:created",
      "https://eventcontracts.io/schemas/ticketing/order-created.json", 1, OrderCreatedEvent.class);

  @JsonProperty("id") public String id;
  @JsonProperty("version") public Integer version;
  @JsonProperty("status") public OrderStatus status;
  @JsonProperty("userId") public String userId;
  @JsonProperty("expiresAt") public Instant expiresAt;
  @JsonProperty("ticket") public OrderCreatedTicket ticket;

  public OrderCreatedEvent() {}

  public OrderCreatedEvent(String id, Integer version, OrderStatus status, String userId, Instant expiresAt,
      OrderCreatedTicket ticket) {
    this.id = id;
    this.version = version;
    this.status = status;
    this.userId = userId;
    this.expiresAt = expiresAt;
    this.ticket = ticket;
  }
}
