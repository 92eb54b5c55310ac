package io.eventcontracts.runtime.testevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Hand-written stand-in for the generated nested type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "price"})
public class OrderCreatedTicket {
  @JsonProperty("id") public String id;
  @JsonProperty("price") public Double price;

  public OrderCreatedTicket() {}

  public OrderCreatedTicket(String id, Double price) {
    this.id = id;
    this.price = price;
  }
}
