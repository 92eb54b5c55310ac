
package io.eventcontracts.ticketing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * The reserved ticket.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "price"
})
public class OrderCreatedTicket {

    /**
     * Ticket id.
     * (Required)
     * 
     */
    @JsonProperty("id")
    @JsonPropertyDescription("Ticket id.")
    private String id;
    /**
     * Price of the ticket when the order was placed; never negative.
     * (Required)
     * 
     */
    @JsonProperty("price")
    @JsonPropertyDescription("Price of the ticket when the order was placed; never negative.")
    private Double price;

    /**
     * No args constructor for use in serialization
     * 
     */
    public OrderCreatedTicket() {
    }

    /**
     * 
     * @param price
     *     Price of the ticket when the order was placed; never negative.
     * @param id
     *     Ticket id.
     */
    public OrderCreatedTicket(String id, Double price) {
        super();
        this.id = id;
        this.price = price;
    }

    public static OrderCreatedTicket.OrderCreatedTicketBuilderBase<? extends OrderCreatedTicket> builder() {
        return new OrderCreatedTicket.OrderCreatedTicketBuilder();
    }

    /**
     * Ticket id.
     * (Required)
     * 
     */
    @JsonProperty("id")
    public String getId() {
        return id;
    }

    /**
     * Ticket id.
     * (Required)
     * 
     */
    @JsonProperty("id")
    public void setId(String id) {
        this.id = id;
    }

    /**
     * Price of the ticket when the order was placed; never negative.
     * (Required)
     * 
     */
    @JsonProperty("price")
    public Double getPrice() {
        return price;
    }

    /**
     * Price of the ticket when the order was placed; never negative.
     * (Required)
     * 
     */
    @JsonProperty("price")
    public void setPrice(Double price) {
        this.price = price;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(OrderCreatedTicket.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("id");
        sb.append('=');
        sb.append(((this.id == null)?"<null>":this.id));
        sb.append(',');
        sb.append("price");
        sb.append('=');
        sb.append(((this.price == null)?"<null>":this.price));
        sb.append(',');
        if (sb.charAt((sb.length()- 1)) == ',') {
            sb.setCharAt((sb.length()- 1), ']');
        } else {
            sb.append(']');
        }
        return sb.toString();
    }

    @Override
    public int hashCode() {
        int result = 1;
        result = ((result* 31)+((this.price == null)? 0 :this.price.hashCode()));
        result = ((result* 31)+((this.id == null)? 0 :this.id.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof OrderCreatedTicket) == false) {
            return false;
        }
        OrderCreatedTicket rhs = ((OrderCreatedTicket) other);
        return (((this.price == rhs.price)||((this.price!= null)&&this.price.equals(rhs.price)))&&((this.id == rhs.id)||((this.id!= null)&&this.id.equals(rhs.id))));
    }

    public static class OrderCreatedTicketBuilder
        extends OrderCreatedTicket.OrderCreatedTicketBuilderBase<OrderCreatedTicket>
    {


        public OrderCreatedTicketBuilder() {
            super();
        }

        public OrderCreatedTicketBuilder(String id, Double price) {
            super(id, price);
        }

    }

    public static abstract class OrderCreatedTicketBuilderBase<T extends OrderCreatedTicket >{

        protected T instance;

        @SuppressWarnings("unchecked")
        public OrderCreatedTicketBuilderBase() {
            // Skip initialization when called from subclass
            if (this.getClass().equals(OrderCreatedTicket.OrderCreatedTicketBuilder.class)) {
                this.instance = ((T) new OrderCreatedTicket());
            }
        }

        @SuppressWarnings("unchecked")
        public OrderCreatedTicketBuilderBase(String id, Double price) {
            // Skip initialization when called from subclass
            if (this.getClass().equals(OrderCreatedTicket.OrderCreatedTicketBuilder.class)) {
                this.instance = ((T) new OrderCreatedTicket(id, price));
            }
        }

        public T build() {
            T result;
            result = this.instance;
            this.instance = null;
            return result;
        }

        public OrderCreatedTicket.OrderCreatedTicketBuilderBase<T> withId(String id) {
            ((OrderCreatedTicket) this.instance).id = id;
            return this;
        }

        public OrderCreatedTicket.OrderCreatedTicketBuilderBase<T> withPrice(Double price) {
            ((OrderCreatedTicket) this.instance).price = price;
            return this;
        }

    }

}
