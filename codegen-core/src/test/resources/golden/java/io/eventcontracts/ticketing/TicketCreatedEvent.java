
package io.eventcontracts.ticketing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * TicketCreated
 * <p>
 * A ticket was put up for sale. Published by the tickets service; consumed by orders.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "version",
    "title",
    "price",
    "userId"
})
public class TicketCreatedEvent {

    /**
     * Ticket id, assigned by the tickets service.
     * (Required)
     * 
     */
    @JsonProperty("id")
    @JsonPropertyDescription("Ticket id, assigned by the tickets service.")
    private String id;
    /**
     * Optimistic-concurrency version of the ticket record; starts at 0 and grows by one per change.
     * (Required)
     * 
     */
    @JsonProperty("version")
    @JsonPropertyDescription("Optimistic-concurrency version of the ticket record; starts at 0 and grows by one per change.")
    private Integer version;
    /**
     * Title shown to buyers, e.g. the concert name.
     * (Required)
     * 
     */
    @JsonProperty("title")
    @JsonPropertyDescription("Title shown to buyers, e.g. the concert name.")
    private String title;
    /**
     * Price in the ticket's currency; never negative.
     * (Required)
     * 
     */
    @JsonProperty("price")
    @JsonPropertyDescription("Price in the ticket's currency; never negative.")
    private Double price;
    /**
     * Id of the user who put the ticket up for sale.
     * (Required)
     * 
     */
    @JsonProperty("userId")
    @JsonPropertyDescription("Id of the user who put the ticket up for sale.")
    private String userId;

    /**
     * No args constructor for use in serialization
     * 
     */
    public TicketCreatedEvent() {
    }

    /**
     * 
     * @param price
     *     Price in the ticket's currency; never negative.
     * @param id
     *     Ticket id, assigned by the tickets service.
     * @param title
     *     Title shown to buyers, e.g. the concert name.
     * @param version
     *     Optimistic-concurrency version of the ticket record; starts at 0 and grows by one per change.
     * @param userId
     *     Id of the user who put the ticket up for sale.
     */
    public TicketCreatedEvent(String id, Integer version, String title, Double price, String userId) {
        super();
        this.id = id;
        this.version = version;
        this.title = title;
        this.price = price;
        this.userId = userId;
    }

    public static TicketCreatedEvent.TicketCreatedEventBuilderBase<? extends TicketCreatedEvent> builder() {
        return new TicketCreatedEvent.TicketCreatedEventBuilder();
    }

    /**
     * Ticket id, assigned by the tickets service.
     * (Required)
     * 
     */
    @JsonProperty("id")
    public String getId() {
        return id;
    }

    /**
     * Ticket id, assigned by the tickets service.
     * (Required)
     * 
     */
    @JsonProperty("id")
    public void setId(String id) {
        this.id = id;
    }

    /**
     * Optimistic-concurrency version of the ticket record; starts at 0 and grows by one per change.
     * (Required)
     * 
     */
    @JsonProperty("version")
    public Integer getVersion() {
        return version;
    }

    /**
     * Optimistic-concurrency version of the ticket record; starts at 0 and grows by one per change.
     * (Required)
     * 
     */
    @JsonProperty("version")
    public void setVersion(Integer version) {
        this.version = version;
    }

    /**
     * Title shown to buyers, e.g. the concert name.
     * (Required)
     * 
     */
    @JsonProperty("title")
    public String getTitle() {
        return title;
    }

    /**
     * Title shown to buyers, e.g. the concert name.
     * (Required)
     * 
     */
    @JsonProperty("title")
    public void setTitle(String title) {
        this.title = title;
    }

    /**
     * Price in the ticket's currency; never negative.
     * (Required)
     * 
     */
    @JsonProperty("price")
    public Double getPrice() {
        return price;
    }

    /**
     * Price in the ticket's currency; never negative.
     * (Required)
     * 
     */
    @JsonProperty("price")
    public void setPrice(Double price) {
        this.price = price;
    }

    /**
     * Id of the user who put the ticket up for sale.
     * (Required)
     * 
     */
    @JsonProperty("userId")
    public String getUserId() {
        return userId;
    }

    /**
     * Id of the user who put the ticket up for sale.
     * (Required)
     * 
     */
    @JsonProperty("userId")
    public void setUserId(String userId) {
        this.userId = userId;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(TicketCreatedEvent.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("id");
        sb.append('=');
        sb.append(((this.id == null)?"<null>":this.id));
        sb.append(',');
        sb.append("version");
        sb.append('=');
        sb.append(((this.version == null)?"<null>":this.version));
        sb.append(',');
        sb.append("title");
        sb.append('=');
        sb.append(((this.title == null)?"<null>":this.title));
        sb.append(',');
        sb.append("price");
        sb.append('=');
        sb.append(((this.price == null)?"<null>":this.price));
        sb.append(',');
        sb.append("userId");
        sb.append('=');
        sb.append(((this.userId == null)?"<null>":this.userId));
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
        result = ((result* 31)+((this.id == null)? 0 :this.id.hashCode()));
        result = ((result* 31)+((this.title == null)? 0 :this.title.hashCode()));
        result = ((result* 31)+((this.version == null)? 0 :this.version.hashCode()));
        result = ((result* 31)+((this.userId == null)? 0 :this.userId.hashCode()));
        result = ((result* 31)+((this.price == null)? 0 :this.price.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof TicketCreatedEvent) == false) {
            return false;
        }
        TicketCreatedEvent rhs = ((TicketCreatedEvent) other);
        return ((((((this.id == rhs.id)||((this.id!= null)&&this.id.equals(rhs.id)))&&((this.title == rhs.title)||((this.title!= null)&&this.title.equals(rhs.title))))&&((this.version == rhs.version)||((this.version!= null)&&this.version.equals(rhs.version))))&&((this.userId == rhs.userId)||((this.userId!= null)&&this.userId.equals(rhs.userId))))&&((this.price == rhs.price)||((this.price!= null)&&this.price.equals(rhs.price))));
    }

    public static class TicketCreatedEventBuilder
        extends TicketCreatedEvent.TicketCreatedEventBuilderBase<TicketCreatedEvent>
    {


        public TicketCreatedEventBuilder() {
            super();
        }

        public TicketCreatedEventBuilder(String id, Integer version, String title, Double price, String userId) {
            super(id, version, title, price, userId);
        }

    }

    public static abstract class TicketCreatedEventBuilderBase<T extends TicketCreatedEvent >{

        protected T instance;

        @SuppressWarnings("unchecked")
        public TicketCreatedEventBuilderBase() {
            // Skip initialization when called from subclass
            if (this.getClass().equals(TicketCreatedEvent.TicketCreatedEventBuilder.class)) {
                this.instance = ((T) new TicketCreatedEvent());
            }
        }

        @SuppressWarnings("unchecked")
        public TicketCreatedEventBuilderBase(String id, Integer version, String title, Double price, String userId) {
            // Skip initialization when called from subclass
            if (this.getClass().equals(TicketCreatedEvent.TicketCreatedEventBuilder.class)) {
                this.instance = ((T) new TicketCreatedEvent(id, version, title, price, userId));
            }
        }

        public T build() {
            T result;
            result = this.instance;
            this.instance = null;
            return result;
        }

        public TicketCreatedEvent.TicketCreatedEventBuilderBase<T> withId(String id) {
            ((TicketCreatedEvent) this.instance).id = id;
            return this;
        }

        public TicketCreatedEvent.TicketCreatedEventBuilderBase<T> withVersion(Integer version) {
            ((TicketCreatedEvent) this.instance).version = version;
            return this;
        }

        public TicketCreatedEvent.TicketCreatedEventBuilderBase<T> withTitle(String title) {
            ((TicketCreatedEvent) this.instance).title = title;
            return this;
        }

        public TicketCreatedEvent.TicketCreatedEventBuilderBase<T> withPrice(Double price) {
            ((TicketCreatedEvent) this.instance).price = price;
            return this;
        }

        public TicketCreatedEvent.TicketCreatedEventBuilderBase<T> withUserId(String userId) {
            ((TicketCreatedEvent) this.instance).userId = userId;
            return this;
        }

    }

}
