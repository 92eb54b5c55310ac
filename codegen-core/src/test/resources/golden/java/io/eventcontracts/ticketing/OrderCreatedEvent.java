
package io.eventcontracts.ticketing;

import java.time.Instant;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * OrderCreated
 * <p>
 * A user created an order that reserves a ticket until expiresAt. Published by orders; consumed by tickets, expiration and payments.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "version",
    "status",
    "userId",
    "expiresAt",
    "ticket"
})
public class OrderCreatedEvent {

    /**
     * Order id, assigned by the orders service.
     * (Required)
     * 
     */
    @JsonProperty("id")
    @JsonPropertyDescription("Order id, assigned by the orders service.")
    private String id;
    /**
     * Version of the order record; starts at 0.
     * (Required)
     * 
     */
    @JsonProperty("version")
    @JsonPropertyDescription("Version of the order record; starts at 0.")
    private Integer version;
    /**
     * OrderStatus
     * <p>
     * Life cycle of an order. created: the ticket is not reserved yet. cancelled: the ticket was reserved by someone else, the user cancelled, or the order expired. awaiting:payment: the ticket is reserved. complete: the order reserved the ticket and the user paid.
     * (Required)
     * 
     */
    @JsonProperty("status")
    @JsonPropertyDescription("Life cycle of an order. created: the ticket is not reserved yet. cancelled: the ticket was reserved by someone else, the user cancelled, or the order expired. awaiting:payment: the ticket is reserved. complete: the order reserved the ticket and the user paid.")
    private OrderStatus status;
    /**
     * Id of the user who placed the order.
     * (Required)
     * 
     */
    @JsonProperty("userId")
    @JsonPropertyDescription("Id of the user who placed the order.")
    private String userId;
    /**
     * When the reservation lapses, as an RFC 3339 date-time in UTC (what JavaScript's Date.toISOString() writes).
     * (Required)
     * 
     */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    @JsonProperty("expiresAt")
    @JsonPropertyDescription("When the reservation lapses, as an RFC 3339 date-time in UTC (what JavaScript's Date.toISOString() writes).")
    private Instant expiresAt;
    /**
     * The reserved ticket.
     * (Required)
     * 
     */
    @JsonProperty("ticket")
    @JsonPropertyDescription("The reserved ticket.")
    private OrderCreatedTicket ticket;

    /**
     * No args constructor for use in serialization
     * 
     */
    public OrderCreatedEvent() {
    }

    /**
     * 
     * @param ticket
     *     The reserved ticket.
     * @param id
     *     Order id, assigned by the orders service.
     * @param version
     *     Version of the order record; starts at 0.
     * @param userId
     *     Id of the user who placed the order.
     * @param expiresAt
     *     When the reservation lapses, as an RFC 3339 date-time in UTC (what JavaScript's Date.toISOString() writes).
     * @param status
     *     Status of the order when it was created.
     */
    public OrderCreatedEvent(String id, Integer version, OrderStatus status, String userId, Instant expiresAt, OrderCreatedTicket ticket) {
        super();
        this.id = id;
        this.version = version;
        this.status = status;
        this.userId = userId;
        this.expiresAt = expiresAt;
        this.ticket = ticket;
    }

    public static OrderCreatedEvent.OrderCreatedEventBuilderBase<? extends OrderCreatedEvent> builder() {
        return new OrderCreatedEvent.OrderCreatedEventBuilder();
    }

    /**
     * Order id, assigned by the orders service.
     * (Required)
     * 
     */
    @JsonProperty("id")
    public String getId() {
        return id;
    }

    /**
     * Order id, assigned by the orders service.
     * (Required)
     * 
     */
    @JsonProperty("id")
    public void setId(String id) {
        this.id = id;
    }

    /**
     * Version of the order record; starts at 0.
     * (Required)
     * 
     */
    @JsonProperty("version")
    public Integer getVersion() {
        return version;
    }

    /**
     * Version of the order record; starts at 0.
     * (Required)
     * 
     */
    @JsonProperty("version")
    public void setVersion(Integer version) {
        this.version = version;
    }

    /**
     * OrderStatus
     * <p>
     * Life cycle of an order. created: the ticket is not reserved yet. cancelled: the ticket was reserved by someone else, the user cancelled, or the order expired. awaiting:payment: the ticket is reserved. complete: the order reserved the ticket and the user paid.
     * (Required)
     * 
     */
    @JsonProperty("status")
    public OrderStatus getStatus() {
        return status;
    }

    /**
     * OrderStatus
     * <p>
     * Life cycle of an order. created: the ticket is not reserved yet. cancelled: the ticket was reserved by someone else, the user cancelled, or the order expired. awaiting:payment: the ticket is reserved. complete: the order reserved the ticket and the user paid.
     * (Required)
     * 
     */
    @JsonProperty("status")
    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    /**
     * Id of the user who placed the order.
     * (Required)
     * 
     */
    @JsonProperty("userId")
    public String getUserId() {
        return userId;
    }

    /**
     * Id of the user who placed the order.
     * (Required)
     * 
     */
    @JsonProperty("userId")
    public void setUserId(String userId) {
        this.userId = userId;
    }

    /**
     * When the reservation lapses, as an RFC 3339 date-time in UTC (what JavaScript's Date.toISOString() writes).
     * (Required)
     * 
     */
    @JsonProperty("expiresAt")
    public Instant getExpiresAt() {
        return expiresAt;
    }

    /**
     * When the reservation lapses, as an RFC 3339 date-time in UTC (what JavaScript's Date.toISOString() writes).
     * (Required)
     * 
     */
    @JsonProperty("expiresAt")
    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    /**
     * The reserved ticket.
     * (Required)
     * 
     */
    @JsonProperty("ticket")
    public OrderCreatedTicket getTicket() {
        return ticket;
    }

    /**
     * The reserved ticket.
     * (Required)
     * 
     */
    @JsonProperty("ticket")
    public void setTicket(OrderCreatedTicket ticket) {
        this.ticket = ticket;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(OrderCreatedEvent.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("id");
        sb.append('=');
        sb.append(((this.id == null)?"<null>":this.id));
        sb.append(',');
        sb.append("version");
        sb.append('=');
        sb.append(((this.version == null)?"<null>":this.version));
        sb.append(',');
        sb.append("status");
        sb.append('=');
        sb.append(((this.status == null)?"<null>":this.status));
        sb.append(',');
        sb.append("userId");
        sb.append('=');
        sb.append(((this.userId == null)?"<null>":this.userId));
        sb.append(',');
        sb.append("expiresAt");
        sb.append('=');
        sb.append(((this.expiresAt == null)?"<null>":this.expiresAt));
        sb.append(',');
        sb.append("ticket");
        sb.append('=');
        sb.append(((this.ticket == null)?"<null>":this.ticket));
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
        result = ((result* 31)+((this.ticket == null)? 0 :this.ticket.hashCode()));
        result = ((result* 31)+((this.id == null)? 0 :this.id.hashCode()));
        result = ((result* 31)+((this.version == null)? 0 :this.version.hashCode()));
        result = ((result* 31)+((this.userId == null)? 0 :this.userId.hashCode()));
        result = ((result* 31)+((this.expiresAt == null)? 0 :this.expiresAt.hashCode()));
        result = ((result* 31)+((this.status == null)? 0 :this.status.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof OrderCreatedEvent) == false) {
            return false;
        }
        OrderCreatedEvent rhs = ((OrderCreatedEvent) other);
        return (((((((this.ticket == rhs.ticket)||((this.ticket!= null)&&this.ticket.equals(rhs.ticket)))&&((this.id == rhs.id)||((this.id!= null)&&this.id.equals(rhs.id))))&&((this.version == rhs.version)||((this.version!= null)&&this.version.equals(rhs.version))))&&((this.userId == rhs.userId)||((this.userId!= null)&&this.userId.equals(rhs.userId))))&&((this.expiresAt == rhs.expiresAt)||((this.expiresAt!= null)&&this.expiresAt.equals(rhs.expiresAt))))&&((this.status == rhs.status)||((this.status!= null)&&this.status.equals(rhs.status))));
    }

    public static class OrderCreatedEventBuilder
        extends OrderCreatedEvent.OrderCreatedEventBuilderBase<OrderCreatedEvent>
    {


        public OrderCreatedEventBuilder() {
            super();
        }

        public OrderCreatedEventBuilder(String id, Integer version, OrderStatus status, String userId, Instant expiresAt, OrderCreatedTicket ticket) {
            super(id, version, status, userId, expiresAt, ticket);
        }

    }

    public static abstract class OrderCreatedEventBuilderBase<T extends OrderCreatedEvent >{

        protected T instance;

        @SuppressWarnings("unchecked")
        public OrderCreatedEventBuilderBase() {
            // Skip initialization when called from subclass
            if (this.getClass().equals(OrderCreatedEvent.OrderCreatedEventBuilder.class)) {
                this.instance = ((T) new OrderCreatedEvent());
            }
        }

        @SuppressWarnings("unchecked")
        public OrderCreatedEventBuilderBase(String id, Integer version, OrderStatus status, String userId, Instant expiresAt, OrderCreatedTicket ticket) {
            // Skip initialization when called from subclass
            if (this.getClass().equals(OrderCreatedEvent.OrderCreatedEventBuilder.class)) {
                this.instance = ((T) new OrderCreatedEvent(id, version, status, userId, expiresAt, ticket));
            }
        }

        public T build() {
            T result;
            result = this.instance;
            this.instance = null;
            return result;
        }

        public OrderCreatedEvent.OrderCreatedEventBuilderBase<T> withId(String id) {
            ((OrderCreatedEvent) this.instance).id = id;
            return this;
        }

        public OrderCreatedEvent.OrderCreatedEventBuilderBase<T> withVersion(Integer version) {
            ((OrderCreatedEvent) this.instance).version = version;
            return this;
        }

        public OrderCreatedEvent.OrderCreatedEventBuilderBase<T> withStatus(OrderStatus status) {
            ((OrderCreatedEvent) this.instance).status = status;
            return this;
        }

        public OrderCreatedEvent.OrderCreatedEventBuilderBase<T> withUserId(String userId) {
            ((OrderCreatedEvent) this.instance).userId = userId;
            return this;
        }

        public OrderCreatedEvent.OrderCreatedEventBuilderBase<T> withExpiresAt(Instant expiresAt) {
            ((OrderCreatedEvent) this.instance).expiresAt = expiresAt;
            return this;
        }

        public OrderCreatedEvent.OrderCreatedEventBuilderBase<T> withTicket(OrderCreatedTicket ticket) {
            ((OrderCreatedEvent) this.instance).ticket = ticket;
            return this;
        }

    }

}
