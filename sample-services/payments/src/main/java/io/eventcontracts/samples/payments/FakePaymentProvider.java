package io.eventcontracts.samples.payments;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A local stand-in for Stripe, with no network: {@code tok_visa} (Stripe's test token, as in the seed's tests) and
 * any other token succeed, a token starting with {@code tok_fail} is declined.
 */
public class FakePaymentProvider implements PaymentProvider {

  @Override
  public String charge(String token, BigDecimal amount, String orderId) {
    if (token == null || token.isBlank()) {
      throw new PaymentDeclinedException("a card token is required");
    }
    if (token.startsWith("tok_fail")) {
      throw new PaymentDeclinedException("card declined (fake provider, token " + token + ")");
    }
    return "ch_fake_" + UUID.randomUUID().toString().replace("-", "");
  }
}
