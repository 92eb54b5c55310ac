package io.eventcontracts.runtime;

import java.util.Objects;

/**
 * Binds a NATS subject to the contract that governs it and to the Java class generated from that contract.
 *
 * <p>Generated code declares one constant per event in {@code EventTypes}; services never build these by hand.
 *
 * @param subject the NATS subject (channel), e.g. {@code ticket:created}
 * @param contractId the contract's {@code $id}; the key into the bundled contract index
 * @param contractVersion the contract's {@code x-version}
 * @param javaType the generated event class
 * @param <T> the generated event class
 */
public record EventType<T>(String subject, String contractId, int contractVersion, Class<T> javaType) {

  public EventType {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(javaType, "javaType");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
  }

  public static <T> EventType<T> of(String subject, String contractId, int contractVersion, Class<T> javaType) {
    return new EventType<>(subject, contractId, contractVersion, javaType);
  }
}
