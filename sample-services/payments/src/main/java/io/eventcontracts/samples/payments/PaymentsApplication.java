package io.eventcontracts.samples.payments;

import io.eventcontracts.samples.support.SampleApplication;
import io.eventcontracts.samples.support.ServiceSupportConfiguration;
import io.eventcontracts.spring.EventPublishers;
import io.eventcontracts.ticketing.PaymentCreatedPublisher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The payments service: charges for orders it has replicated and publishes payment:created. */
@SpringBootApplication
@Import(ServiceSupportConfiguration.class)
@EventPublishers(PaymentCreatedPublisher.class)
public class PaymentsApplication {

  public static final String NAME = "payments";

  public static void main(String[] args) {
    SampleApplication.run(PaymentsApplication.class, NAME, args);
  }

  /** The local fake unless the application defines a real provider. */
  @Bean
  @ConditionalOnMissingBean
  PaymentProvider paymentProvider() {
    return new FakePaymentProvider();
  }
}
