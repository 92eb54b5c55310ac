
package io.eventcontracts.ticketing;

import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/**
 * OrderStatus
 * <p>
 * Life cycle of an order. created: the ticket is not reserved yet. cancelled: the ticket was reserved by someone else, the user cancelled, or the order expired. awaiting:payment: the ticket is reserved. complete: the order reserved the ticket and the user paid.
 * 
 */
public enum OrderStatus {

    CREATED("created"),
    CANCELLED("cancelled"),
    AWAITING_PAYMENT("awaiting:payment"),
    COMPLETE("complete");
    private final String value;
    private final static Map<String, OrderStatus> CONSTANTS = new HashMap<String, OrderStatus>();

    static {
        for (OrderStatus c: values()) {
            CONSTANTS.put(c.value, c);
        }
    }

    OrderStatus(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return this.value;
    }

    @JsonValue
    public String value() {
        return this.value;
    }

    @JsonCreator
    public static OrderStatus fromValue(String value) {
        OrderStatus constant = CONSTANTS.get(value);
        if (constant == null) {
            throw new IllegalArgumentException(value);
        } else {
            return constant;
        }
    }

}
