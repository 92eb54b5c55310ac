package io.eventcontracts.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventcontracts.integration.fixtures.TicketingSamples;
import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.spi.Transport;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedListener;
import io.eventcontracts.ticketing.TicketCreatedPublisher;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The starter against a real nats-server: what a service gets by adding the dependency and a few properties. */
class EventContractsAutoConfigurationTest {

  private static NatsServerRunner nats;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(EventContractsAutoConfiguration.class))
        .withPropertyValues("eventcontracts.servers=" + nats.url(), "spring.application.name=starter-test");
  }

  /** A fresh server (and so fresh durables) per test: each test sees only its own messages. */
  @BeforeEach
  void startNats() {
    nats = NatsServerRunner.start();
  }

  @AfterEach
  void stopNats() {
    nats.close();
  }

  @Test
  void publisherBeansPublishAndListenerBeansReceiveOnceTheApplicationIsReady() {
    runner().withUserConfiguration(TicketsApp.class).run(context -> {
      assertThat(context).hasSingleBean(Transport.class).hasSingleBean(EventClient.class);
      Recorder recorder = context.getBean(Recorder.class);
      EventListenerLifecycle lifecycle = context.getBean(EventListenerLifecycle.class);
      assertThat(lifecycle.isRunning()).as("not started before the application is ready").isFalse();

      context.publishEvent(new ApplicationReadyEvent(new org.springframework.boot.SpringApplication(), null,
          context, Duration.ZERO));
      assertThat(lifecycle.subscriptions()).singleElement().satisfies(s -> assertThat(s.isActive()).isTrue());

      context.getBean(TicketCreatedPublisher.class).publish(TicketingSamples.ticketCreated("t-starter")).join();
      await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.events.isEmpty());
      assertThat(recorder.events).extracting(TicketCreatedEvent::getId).containsExactly("t-starter");

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(EventMetricsBinder.class).bindTo(registry);
      FunctionCounter published = registry.get("eventcontracts.events.published")
          .tag("subject", "ticket:created").functionCounter();
      assertThat(published.count()).isEqualTo(1.0);
      await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("eventcontracts.events.acked")
          .tag("subject", "ticket:created").functionCounter().count() == 1.0);
      assertThat(registry.find("eventcontracts.events.received").tag("subject", "order:created").functionCounter())
          .as("every bundled event subject has meters, also before its first message").isNotNull();

      var health = context.getBean(EventContractsHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("connected", true).containsKey("streams")
          .containsKey("listeners");

      lifecycle.stop();
      assertThat(lifecycle.isRunning()).isFalse();
      assertThat(recorder.subscriptionClosed()).as("listener closed on stop").isTrue();
    });
  }

  @Test
  void stoppingLetsTheHandlerInHandFinishAndItsMessageIsNotDeliveredAgain() {
    runner().withUserConfiguration(SlowApp.class).run(context -> {
      ready(context);
      SlowListener slow = context.getBean(SlowListener.class);
      context.getBean(TicketCreatedPublisher.class).publish(TicketingSamples.ticketCreated("t-slow")).join();
      assertThat(slow.started.await(10, TimeUnit.SECONDS)).as("handler started").isTrue();

      Thread stopper = new Thread(context.getBean(EventListenerLifecycle.class)::stop);
      stopper.start();
      stopper.join(500);
      assertThat(stopper.isAlive()).as("stop waits for the handler in hand").isTrue();
      slow.release.countDown();
      stopper.join(10_000);
      assertThat(stopper.isAlive()).isFalse();
      assertThat(slow.handled).containsExactly("t-slow");
      assertThat(context.getBean(EventClient.class).metrics().forSubject("ticket:created").acked()).isEqualTo(1);
    });
    // the same durable in a new application: the acked message is not delivered again
    runner().withUserConfiguration(SlowApp.class).run(context -> {
      ready(context);
      SlowListener slow = context.getBean(SlowListener.class);
      slow.release.countDown();
      Thread.sleep(2500); // longer than the listener's 1 s ack wait
      assertThat(slow.handled).isEmpty();
    });
  }

  private static void ready(org.springframework.context.ConfigurableApplicationContext context) {
    context.publishEvent(new ApplicationReadyEvent(new org.springframework.boot.SpringApplication(), null,
        context, Duration.ZERO));
  }

  @Test
  void healthIsDownWhileTheServerIsGone() {
    try (NatsServerRunner own = NatsServerRunner.start()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(EventContractsAutoConfiguration.class))
          .withPropertyValues("eventcontracts.servers=" + own.url(), "eventcontracts.reconnect-wait=100ms",
              "eventcontracts.jetstream.subjects=ticket:created")
          .run(context -> {
            EventContractsHealthIndicator health = context.getBean(EventContractsHealthIndicator.class);
            assertThat(health.health(true)).extracting(h -> h.getStatus()).as(health.health(true).toString()).isEqualTo(Status.UP);
            own.stop();
            await().atMost(Duration.ofSeconds(10))
                .until(() -> health.health(true).getStatus().equals(Status.DOWN));
            assertThat(health.health(true).getDetails()).containsEntry("connected", false);
          });
    }
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnEventClient() {
    runner().withUserConfiguration(OwnClient.class).run(context -> {
      assertThat(context).hasSingleBean(EventClient.class).doesNotHaveBean(Transport.class);
      assertThat(context.getBean(EventClient.class)).isSameAs(OwnClient.created);
    });
  }

  @Test
  void aServerUrlThatIsNotNatsFailsStartUpNamingTheProperty() {
    runner().withPropertyValues("eventcontracts.servers=http://127.0.0.1:4222").run(context ->
        assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("eventcontracts.servers: 'http://127.0.0.1:4222' is not a NATS URL"));
  }

  @Test
  void propertiesReachTheTransportOptionsAndTheDeadLetterPrefixHasOneOwner() {
    EventContractsProperties properties = new EventContractsProperties();
    properties.setServers(List.of("nats://a:1", "nats://b:2"));
    properties.setDeadLetterPrefix("dlq");
    properties.getJetstream().setStreamName("TICKETING");
    properties.getJetstream().setPublishTimeout(Duration.ofSeconds(9));
    JetStreamOptions options = TransportFactory.jetStreamOptions(properties, "orders");
    assertThat(options.servers()).containsExactly("nats://a:1", "nats://b:2");
    assertThat(options.serviceName()).isEqualTo("orders");
    assertThat(options.streamName()).isEqualTo("TICKETING");
    assertThat(options.deadLetterSubjectPrefix()).isEqualTo("dlq.");
    assertThat(options.publishTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(StanTransportFactory.options(properties, "orders").deadLetterPrefix()).isEqualTo("dlq");
  }

  @Configuration(proxyBeanMethods = false)
  @EventPublishers(TicketCreatedPublisher.class)
  static class TicketsApp {
    @Bean
    Recorder recorder(EventClient client) {
      return new Recorder(client);
    }
  }

  static class Recorder extends TicketCreatedListener {
    final List<TicketCreatedEvent> events = new CopyOnWriteArrayList<>();
    private io.eventcontracts.runtime.Subscription subscription;

    Recorder(EventClient client) {
      super(client);
    }

    @Override
    protected String queueGroupName() {
      return "starter-test";
    }

    @Override
    public synchronized io.eventcontracts.runtime.Subscription listen() {
      subscription = super.listen();
      return subscription;
    }

    boolean subscriptionClosed() {
      return subscription != null && !subscription.isActive();
    }

    @Override
    public void onMessage(TicketCreatedEvent event, MessageContext context) {
      events.add(event);
      context.ack();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EventPublishers(TicketCreatedPublisher.class)
  static class SlowApp {
    @Bean
    SlowListener slowListener(EventClient client) {
      return new SlowListener(client);
    }
  }

  /** Blocks in the handler until released; acks when done. */
  static class SlowListener extends TicketCreatedListener {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> handled = new CopyOnWriteArrayList<>();

    SlowListener(EventClient client) {
      super(client);
    }

    @Override
    protected String queueGroupName() {
      return "starter-graceful";
    }

    @Override
    protected Duration ackWait() {
      return Duration.ofSeconds(1);
    }

    @Override
    public void onMessage(TicketCreatedEvent event, MessageContext context) throws InterruptedException {
      started.countDown();
      release.await(10, TimeUnit.SECONDS);
      handled.add(event.getId());
      context.ack();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    static EventClient created;

    @Bean(destroyMethod = "close")
    EventClient myClient() {
      created = EventClient.create(JetStreamTransport.connect(JetStreamOptions.builder().servers(nats.url()).build()),
          ClientOptions.defaults());
      return created;
    }
  }
}
