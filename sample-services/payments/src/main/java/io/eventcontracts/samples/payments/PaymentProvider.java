package io.eventcontracts.samples.payments;

import java.math.BigDecimal;

/** Charges a card token (the seed: Stripe). Define a bean of this type to replace the local fake. */
public interface PaymentProvider {

  /**
   * Charges {@code amount} to {@code token}.
   *
   * @return the provider's charge id
   * @throws PaymentDeclinedException when the provider refuses the charge
   */
  String charge(String token, BigDecimal amount, String orderId);

  /** The provider refused the charge; answered as 400 with the provider's reason. */
  class PaymentDeclinedException extends RuntimeException {
    public PaymentDeclinedException(String reason) {
      super(reason);
    }
  }
}
