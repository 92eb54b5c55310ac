package io.eventcontracts.samples.expiration;

import io.eventcontracts.samples.support.SampleApplication;
import io.eventcontracts.samples.support.ServiceSupportConfiguration;
import io.eventcontracts.spring.EventPublishers;
import io.eventcontracts.ticketing.ExpirationCompletePublisher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The expiration service: publishes expiration:complete when an order's reservation window has passed. */
@SpringBootApplication
@Import(ServiceSupportConfiguration.class)
@EventPublishers(ExpirationCompletePublisher.class)
public class ExpirationApplication {

  public static final String NAME = "expiration";

  public static void main(String[] args) {
    SampleApplication.run(ExpirationApplication.class, NAME, args);
  }
}
