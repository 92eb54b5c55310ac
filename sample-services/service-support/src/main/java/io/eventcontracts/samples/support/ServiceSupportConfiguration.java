package io.eventcontracts.samples.support;

import io.eventcontracts.runtime.ErrorListener;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.Publisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The beans every sample service shares: event log, JWT verification, outbox and relay, and an
 * {@link ErrorListener} that logs dead letters in the event log format. Import it on the application class.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebSupport.class)
public class ServiceSupportConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  EventLog eventLog(@Value("${spring.application.name}") String service) {
    return new EventLog(service);
  }

  @Bean
  JwtVerifier jwtVerifier(@Value("${jwt.key:}") String key, Clock clock) {
    return new JwtVerifier(key, clock);
  }

  @Bean
  OutboxRelay outboxRelay(JdbcClient jdbc, EventClient client, ObjectProvider<Publisher<?>> publishers, EventLog log,
      @Value("${sample.outbox.poll-interval:500ms}") Duration pollInterval,
      @Value("${eventcontracts.jetstream.publish-timeout:5s}") Duration publishTimeout,
      @Value("${sample.outbox.retention:24h}") Duration retention, Clock clock) {
    List<Publisher<?>> all = publishers.orderedStream().toList();
    return new OutboxRelay(jdbc, client, all, log, pollInterval, publishTimeout, retention, clock);
  }

  @Bean
  Outbox outbox(JdbcClient jdbc, EventClient client, EventLog log, Clock clock, @Lazy OutboxRelay relay) {
    return new Outbox(jdbc, client, log, clock, relay::wakeUp);
  }

  /** Dead letters in the event log: an invalid message is visible where valid ones are. */
  @Bean
  ErrorListener eventLogErrorListener(EventLog log) {
    return new ErrorListener() {
      @Override
      public void deadLettered(MessageContext context, EventException reason) {
        log.deadLettered(context.subject(), context.sequence(), reason.kind() + " " + reason.violations());
      }
    };
  }
}
