package io.eventcontracts.spring;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.ErrorListener;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.Listener;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.spi.Transport;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of eventcontracts for Spring Boot: the transport and {@link EventClient} from
 * {@code eventcontracts.*} properties, listener start/stop, Micrometer meters and a health indicator.
 *
 * <p>Backs off when the application defines its own {@link EventClient} (then no transport is created either), its
 * own {@link ClientOptions}, or its own {@link Transport}. Publishers become beans through {@link EventPublishers}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "eventcontracts", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EventContractsProperties.class)
public class EventContractsAutoConfiguration {

  /** The transport and the client, unless the application brings its own client. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(EventClient.class)
  static class ClientConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Transport eventContractsTransport(EventContractsProperties properties, Environment environment) {
      return TransportFactory.connect(properties, serviceName(properties, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    ClientOptions eventContractsClientOptions(EventContractsProperties properties,
        ObjectProvider<ErrorListener> errorListeners) {
      return ClientOptions.builder()
          .contracts(ContractRegistry.fromClasspath())
          .maxPayloadBytes(properties.getMaxPayloadBytes())
          .maxNestingDepth(properties.getMaxNestingDepth())
          .deadLetterPayloadLimit(properties.getDeadLetterPayloadLimit())
          .errorListener(composite(errorListeners.orderedStream().toList()))
          // Spring closes the client when the context closes; a JVM hook of its own would race the context.
          .closeOnShutdown(false)
          .build();
    }

    @Bean(destroyMethod = "close")
    EventClient eventClient(Transport transport, ClientOptions options) {
      return EventClient.create(transport, options);
    }
  }

  @Bean
  @ConditionalOnMissingBean
  EventListenerLifecycle eventListenerLifecycle(ObjectProvider<Listener<?>> listeners,
      EventContractsProperties properties) {
    return new EventListenerLifecycle(listeners, properties.getListeners().isAutoStartup());
  }

  /** Per-subject counters as Micrometer meters, when Micrometer is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventMetricsBinder eventMetricsBinder(EventClient client) {
      return new EventMetricsBinder(client);
    }
  }

  /** {@code eventcontracts} health contributor, when Spring Boot's health support is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class HealthConfiguration {

    @Bean(name = "eventcontracts")
    @ConditionalOnMissingBean(name = "eventcontracts")
    EventContractsHealthIndicator eventContractsHealthIndicator(ObjectProvider<Transport> transport,
        EventListenerLifecycle listeners) {
      return new EventContractsHealthIndicator(transport.getIfAvailable(), listeners);
    }
  }

  static String serviceName(EventContractsProperties properties, Environment environment) {
    if (properties.getServiceName() != null && !properties.getServiceName().isBlank()) {
      return properties.getServiceName();
    }
    return environment.getProperty("spring.application.name", "eventcontracts");
  }

  /** Every {@link ErrorListener} bean receives every failure; one failing listener does not silence the others. */
  static ErrorListener composite(List<ErrorListener> listeners) {
    if (listeners.isEmpty()) {
      return ErrorListener.NONE;
    }
    if (listeners.size() == 1) {
      return listeners.get(0);
    }
    return new ErrorListener() {
      @Override
      public void handlerFailed(MessageContext context, Throwable error) {
        listeners.forEach(l -> l.handlerFailed(context, error));
      }

      @Override
      public void deadLettered(MessageContext context, EventException reason) {
        listeners.forEach(l -> l.deadLettered(context, reason));
      }

      @Override
      public void deadLetterFailed(MessageContext context, EventException reason, Throwable error) {
        listeners.forEach(l -> l.deadLetterFailed(context, reason, error));
      }

      @Override
      public void publishFailed(String subject, Throwable error) {
        listeners.forEach(l -> l.publishFailed(subject, error));
      }

      @Override
      public void errorOccurred(String subject, Throwable error) {
        listeners.forEach(l -> l.errorOccurred(subject, error));
      }
    };
  }
}
