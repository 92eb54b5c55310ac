package io.eventcontracts.samples.payments;

import io.eventcontracts.samples.support.CurrentUser;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/payments {orderId, token}}: the owner of an order that is not cancelled pays for it. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

  record PaymentRequest(String orderId, String token) {}

  private final PaymentService payments;

  PaymentController(PaymentService payments) {
    this.payments = payments;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> pay(CurrentUser user, @RequestBody PaymentRequest request) {
    return payments.pay(user, request.orderId(), request.token());
  }
}
