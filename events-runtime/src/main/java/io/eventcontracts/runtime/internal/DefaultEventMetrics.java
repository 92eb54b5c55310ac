package io.eventcontracts.runtime.internal;

import io.eventcontracts.runtime.EventMetrics;
import io.eventcontracts.runtime.SubjectMetrics;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free per-subject counters. */
public final class DefaultEventMetrics implements EventMetrics {

  /** The counters of one subject. */
  public static final class Counters {
    final String subject;
    final LongAdder published = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder redelivered = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    final LongAdder invalid = new LongAdder();
    final LongAdder handlerFailed = new LongAdder();

    Counters(String subject) {
      this.subject = subject;
    }

    SubjectMetrics snapshot() {
      return new SubjectMetrics(subject, published.sum(), received.sum(), acked.sum(), redelivered.sum(),
          deadLettered.sum(), invalid.sum(), handlerFailed.sum());
    }
  }

  private final ConcurrentHashMap<String, Counters> bySubject = new ConcurrentHashMap<>();

  /** The live counters of {@code subject}, created on first use. */
  public Counters of(String subject) {
    return bySubject.computeIfAbsent(subject, Counters::new);
  }

  @Override
  public SubjectMetrics forSubject(String subject) {
    Counters counters = bySubject.get(subject);
    return counters == null ? SubjectMetrics.empty(subject) : counters.snapshot();
  }

  @Override
  public Map<String, SubjectMetrics> snapshot() {
    Map<String, SubjectMetrics> result = new TreeMap<>();
    bySubject.forEach((subject, counters) -> result.put(subject, counters.snapshot()));
    return Collections.unmodifiableMap(result);
  }

  @Override
  public String toString() {
    return snapshot().values().toString();
  }
}
