package io.eventcontracts.runtime.testevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.eventcontracts.runtime.EventType;
import java.util.Objects;

/** Hand-written stand-in for the generated class of ticket:created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "version", "title", "price", "userId"})
public class TicketCreatedEvent {

  public static final EventType<TicketCreatedEvent> TYPE = EventType.of("ticket:created",
      "https://eventcontracts.io/schemas/ticketing/ticket-created.json", 1, TicketCreatedEvent.class);

  @JsonProperty("id") private String id;
  @JsonProperty("version") private Integer version;
  @JsonProperty("title") private String title;
  @JsonProperty("price") private Double price;
  @JsonProperty("userId") private String userId;

  public TicketCreatedEvent() {}

  public TicketCreatedEvent(String id, Integer version, String title, Double price, String userId) {
    this.id = id;
    this.version = version;
    this.title = title;
    this.price = price;
    this.userId = userId;
  }

  public String getId() { return id; }
  public Integer getVersion() { return version; }
  public String getTitle() { return title; }
  public Double getPrice() { return price; }
  public String getUserId() { return userId; }

  @Override
  public boolean equals(Object o) {
    return o instanceof TicketCreatedEvent t && Objects.equals(id, t.id) && Objects.equals(version, t.version)
        && Objects.equals(title, t.title) && Objects.equals(price, t.price) && Objects.equals(userId, t.userId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, title, price, userId);
  }

  @Override
  public String toString() {
    return "TicketCreatedEvent[" + id + ", v" + version + ", " + title + ", " + price + ", " + userId + "]";
  }
}
