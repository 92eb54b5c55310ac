package io.eventcontracts.samples.support;

import io.eventcontracts.runtime.MessageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log line per event a service stores, publishes or handles, always in the same shape so that the demo
 * (and a person reading the log) can follow an event through the services:
 *
 * <pre>
 * event: [orders] handled ticket:updated v2 valid #7 (delivery 1) -&gt; applied
 * event: [tickets] published ticket:created v0 valid #3
 * </pre>
 */
public final class EventLog {

  /** Logger name of every event line; the demo reads lines that start with {@link #PREFIX}. */
  public static final String LOGGER = "events";
  /** Start of every event line. */
  public static final String PREFIX = "event: ";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final String service;

  public EventLog(String service) {
    this.service = service;
  }

  public String service() {
    return service;
  }

  /** An event that passed validation was written to the outbox (same transaction as the entity change). */
  public void stored(String subject, Object version) {
    LOG.info("{}[{}] stored {} {} valid -> outbox", PREFIX, service, subject, v(version));
  }

  /** An event failed validation before it reached the outbox; the change was rolled back. */
  public void refused(String subject, Object version, String violations) {
    LOG.warn("{}[{}] refused {} {} INVALID: {}", PREFIX, service, subject, v(version), violations);
  }

  /** The server acknowledged an event from the outbox. */
  public void published(String subject, Object version, long sequence) {
    LOG.info("{}[{}] published {} {} valid #{}", PREFIX, service, subject, v(version), sequence);
  }

  /** A valid event reached a handler; {@code outcome} says what the handler did (applied, waiting, duplicate). */
  public void handled(String subject, Object version, MessageContext context, String outcome) {
    LOG.info("{}[{}] handled {} {} valid #{} (delivery {}) -> {}", PREFIX, service, subject, v(version),
        context.sequence(), context.deliveryCount(), outcome);
  }

  /** An invalid message was dead-lettered by the runtime and never reached a handler. */
  public void deadLettered(String subject, long sequence, String reason) {
    LOG.warn("{}[{}] dead-lettered {} #{} INVALID: {}", PREFIX, service, subject, sequence, reason);
  }

  private static String v(Object version) {
    return version == null ? "-" : "v" + version;
  }
}
