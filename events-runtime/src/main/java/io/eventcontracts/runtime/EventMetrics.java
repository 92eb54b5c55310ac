package io.eventcontracts.runtime;

import java.util.Map;

/**
 * Live counters of an {@link EventClient}, per subject. Reading returns immutable snapshots; counting is lock-free.
 */
public interface EventMetrics {

  /** A snapshot of the counters of {@code subject} (all zero when nothing happened on it yet). */
  SubjectMetrics forSubject(String subject);

  /** Snapshots of every subject that has counters, sorted by subject. */
  Map<String, SubjectMetrics> snapshot();
}
