package io.eventcontracts.runtime;

/**
 * An immutable snapshot of one subject's counters.
 *
 * @param subject the subject
 * @param published events published and acknowledged by the server
 * @param received deliveries received (redeliveries included)
 * @param acked messages acknowledged (by the handler, by auto-ack, or by the runtime after dead-lettering)
 * @param redelivered deliveries with {@code deliveryCount > 1}
 * @param deadLettered messages whose dead letter the server stored, once per message (a redelivered copy's dead
 *     letter, discarded by the server as a duplicate, does not count)
 * @param invalid messages refused before the handler (unparseable, over a limit, invalid, contract mismatch),
 *     counted once per message when its dead letter is stored, not per redelivery
 * @param handlerFailed handler invocations that threw
 */
public record SubjectMetrics(
    String subject,
    long published,
    long received,
    long acked,
    long redelivered,
    long deadLettered,
    long invalid,
    long handlerFailed) {

  /** All-zero counters for {@code subject}. */
  public static SubjectMetrics empty(String subject) {
    return new SubjectMetrics(subject, 0, 0, 0, 0, 0, 0, 0);
  }
}
