package io.eventcontracts.samples.tickets;

import io.eventcontracts.samples.support.SampleApplication;
import io.eventcontracts.samples.support.ServiceSupportConfiguration;
import io.eventcontracts.spring.EventPublishers;
import io.eventcontracts.ticketing.TicketCreatedPublisher;
import io.eventcontracts.ticketing.TicketUpdatedPublisher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The tickets service: tickets for sale, reserved and released by orders. */
@SpringBootApplication
@Import(ServiceSupportConfiguration.class)
@EventPublishers({TicketCreatedPublisher.class, TicketUpdatedPublisher.class})
public class TicketsApplication {

  public static final String NAME = "tickets";

  public static void main(String[] args) {
    SampleApplication.run(TicketsApplication.class, NAME, args);
  }
}
