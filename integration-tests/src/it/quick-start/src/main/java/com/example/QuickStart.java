package com.example;

import com.example.events.TicketCreatedEvent;
import com.example.events.TicketCreatedListener;
import com.example.events.TicketCreatedPublisher;
import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import java.math.BigDecimal;

/** The README's step 3, verbatim (verify.groovy checks it line by line against README.md). */
public final class QuickStart {

  private QuickStart() {}

  public static void main(String[] args) {
    EventClient client = EventClient.create(
        JetStreamTransport.connect(JetStreamOptions.builder()
            .servers("nats://127.0.0.1:4222")
            .serviceName("orders-service") // connection name: orders-service-<random>
            .build()),
        ClientOptions.defaults());        // contracts: every index bundled on the class path

    // Publisher: publish(...) accepts only TicketCreatedEvent — a wrong subject/type pairing does not compile.
    new TicketCreatedPublisher(client)
        .publish(TicketCreatedEvent.builder().withId("t1").withVersion(0L).withTitle("concert")
            .withPrice(new BigDecimal("20.0")).withUserId("u1").build())
        .join(); // completes on the server's ack

    // Listener: as the seed's Listener<T>, typed.
    class TicketCreatedHandler extends TicketCreatedListener {
      TicketCreatedHandler(EventClient client) { super(client); }
      @Override protected String queueGroupName() { return "orders-service"; }
      @Override public void onMessage(TicketCreatedEvent event, MessageContext context) {
        // ... save the ticket ...
        context.ack();
      }
    }
    new TicketCreatedHandler(client).listen();
  }
}
