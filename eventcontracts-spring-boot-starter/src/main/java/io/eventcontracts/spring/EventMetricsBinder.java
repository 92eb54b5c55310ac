package io.eventcontracts.spring;

import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.SubjectMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Exposes the client's per-subject counters ({@link io.eventcontracts.runtime.EventMetrics}) as Micrometer function
 * counters: {@code eventcontracts.events.<counter>} with tag {@code subject}, for every event subject in the
 * bundled contracts. The counters are read from the runtime on each scrape; nothing is counted twice.
 */
public class EventMetricsBinder implements MeterBinder {

  /** Counter name suffix to the {@link SubjectMetrics} component it reads. */
  static final Map<String, ToLongFunction<SubjectMetrics>> COUNTERS = new LinkedHashMap<>();

  static {
    COUNTERS.put("published", SubjectMetrics::published);
    COUNTERS.put("received", SubjectMetrics::received);
    COUNTERS.put("acked", SubjectMetrics::acked);
    COUNTERS.put("redelivered", SubjectMetrics::redelivered);
    COUNTERS.put("dead.lettered", SubjectMetrics::deadLettered);
    COUNTERS.put("invalid", SubjectMetrics::invalid);
    COUNTERS.put("handler.failed", SubjectMetrics::handlerFailed);
  }

  private final EventClient client;

  public EventMetricsBinder(EventClient client) {
    this.client = client;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ContractRegistry.Contract contract : client.contracts().contracts()) {
      if (!contract.isEvent()) {
        continue;
      }
      String subject = contract.subject();
      COUNTERS.forEach((name, read) -> FunctionCounter
          .builder("eventcontracts.events." + name, client,
              c -> read.applyAsLong(c.metrics().forSubject(subject)))
          .tag("subject", subject)
          .description("eventcontracts " + name.replace('.', ' ') + " messages per subject")
          .register(registry));
    }
  }
}
