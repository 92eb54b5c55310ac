package io.eventcontracts.runtime.testevents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Hand-written stand-in for the generated enum of order-status.json. */
public enum OrderStatus {
  CREATED("created"),
  CANCELLED("cancelled"),
  AWAITING_PAYMENT("awaiting:payment"),
  COMPLETE("complete");

  private final String value;

  OrderStatus(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  @JsonCreator
  public static OrderStatus fromValue(String value) {
    for (OrderStatus s : values()) {
      if (s.value.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException(value);
  }
}
