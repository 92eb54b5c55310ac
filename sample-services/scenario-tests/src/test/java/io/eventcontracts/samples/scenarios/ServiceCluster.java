package io.eventcontracts.samples.scenarios;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.samples.demo.TicketingClient;
import io.eventcontracts.samples.expiration.ExpirationApplication;
import io.eventcontracts.samples.orders.OrdersApplication;
import io.eventcontracts.samples.payments.PaymentsApplication;
import io.eventcontracts.samples.support.SampleApplication;
import io.eventcontracts.samples.tickets.TicketsApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four sample services in this JVM, one Spring context each, on their own HTTP ports, databases and NATS
 * connections: what the demo starts as processes, but faster to start and to inspect. Services can be stopped and
 * started again on the same database (the durable-resume and expiration tests).
 */
final class ServiceCluster implements AutoCloseable {

  static final String JWT_KEY = "scenario-tests-" + UUID.randomUUID();

  static final Map<String, Class<?>> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put(TicketsApplication.NAME, TicketsApplication.class);
    SERVICES.put(OrdersApplication.NAME, OrdersApplication.class);
    SERVICES.put(ExpirationApplication.NAME, ExpirationApplication.class);
    SERVICES.put(PaymentsApplication.NAME, PaymentsApplication.class);
  }

  private final Map<String, List<String>> settings = new LinkedHashMap<>();
  private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();

  /**
   * @param common settings for every service ({@code name=value})
   * @param perService extra settings of single services
   */
  ServiceCluster(Path dataDir, List<String> common, Map<String, List<String>> perService) {
    for (String name : SERVICES.keySet()) {
      List<String> s = new ArrayList<>(List.of(
          "sample.data-dir=" + dataDir,
          "jwt.key=" + JWT_KEY,
          "spring.main.banner-mode=off",
          "eventcontracts.reconnect-wait=200ms",
          "sample.outbox.poll-interval=200ms"));
      s.addAll(common);
      s.addAll(perService.getOrDefault(name, List.of()));
      settings.put(name, s);
    }
  }

  /** Starts every service that is not running. */
  ServiceCluster startAll() {
    SERVICES.keySet().forEach(this::start);
    return this;
  }

  /** Starts one service (again) on its database, on the port it had before if it ran already. */
  void start(String name) {
    if (running.containsKey(name)) {
      return;
    }
    List<String> args = new ArrayList<>();
    settings.get(name).forEach(s -> args.add("--" + s));
    args.add("--server.port=" + ports.getOrDefault(name, 0));
    ConfigurableApplicationContext context = SampleApplication.builder(SERVICES.get(name), name)
        .run(args.toArray(String[]::new));
    running.put(name, context);
    ports.put(name, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  /** Stops one service gracefully (listeners closed, relay stopped, database closed). */
  void stop(String name) {
    ConfigurableApplicationContext context = running.remove(name);
    if (context != null) {
      context.close();
    }
  }

  ConfigurableApplicationContext context(String name) {
    ConfigurableApplicationContext context = running.get(name);
    if (context == null) {
      throw new IllegalStateException(name + " is not running");
    }
    return context;
  }

  <T> T bean(String service, Class<T> type) {
    return context(service).getBean(type);
  }

  /** The EventClient of a running service (its per-subject counters). */
  EventClient client(String service) {
    return bean(service, EventClient.class);
  }

  /** The services' APIs, signed in as {@code userId}. */
  TicketingClient as(String userId) {
    return new TicketingClient(ports, JWT_KEY, userId);
  }

  /** The services' APIs, anonymous. */
  TicketingClient anonymous() {
    return new TicketingClient(ports, JWT_KEY, null);
  }

  @Override
  public void close() {
    List<String> names = new ArrayList<>(running.keySet());
    for (int i = names.size() - 1; i >= 0; i--) {
      stop(names.get(i));
    }
  }
}
