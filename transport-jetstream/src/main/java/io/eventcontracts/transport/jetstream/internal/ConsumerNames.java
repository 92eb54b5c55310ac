package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.runtime.spi.SubscriptionRequest;

/**
 * Derives JetStream consumer names from the seed's subscription options.
 *
 * <p>NATS Streaming scopes a durable (queue) subscription to its channel; JetStream scopes consumers to a stream,
 * and all event subjects share one stream. The subject therefore becomes part of the name:
 * {@code <durable>__<subject>} ({@code payments-service__order_created} for durable {@code payments-service} on
 * {@code order.created}). When a queue group and a different durable name are both given, both are kept:
 * {@code <queueGroup>__<durable>__<subject>}. Characters consumer names may not hold ({@code . * > / \} and
 * whitespace) become {@code _}.
 */
final class ConsumerNames {

  private ConsumerNames() {}

  /** The consumer name, or null for an unnamed ephemeral consumer (no queue group, no durable). */
  static String of(SubscriptionRequest request) {
    String durable = blankToNull(request.durableName());
    String group = blankToNull(request.queueGroup());
    String base;
    if (durable == null && group == null) {
      return null;
    } else if (durable == null) {
      base = group;
    } else if (group == null || group.equals(durable)) {
      base = durable;
    } else {
      base = group + "__" + durable;
    }
    return sanitize(base) + "__" + sanitize(request.subject());
  }

  static boolean isDurable(SubscriptionRequest request) {
    return blankToNull(request.durableName()) != null;
  }

  static String sanitize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = c == '.' || c == '*' || c == '>' || c == '/' || c == '\\' || Character.isWhitespace(c)
          || Character.isISOControl(c);
      out.append(bad ? '_' : c);
    }
    return out.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
