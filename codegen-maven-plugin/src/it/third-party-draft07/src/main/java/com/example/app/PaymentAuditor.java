package com.example.app;

import com.example.webhooks.AcmeMemberEvent;
import com.example.webhooks.AcmeMemberListener;
import com.example.webhooks.AcmePaymentEvent;
import com.example.webhooks.AcmePaymentListener;
import com.example.webhooks.BankTransferMethod;
import com.example.webhooks.CardMethod;
import com.example.webhooks.MemberAdded;
import com.example.webhooks.MemberRemoved;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A service's handlers over the generated, typed unions: switch over the sealed branches. */
public class PaymentAuditor extends AcmePaymentListener {

  private final List<String> seen = new ArrayList<>();

  public PaymentAuditor(EventClient client) {
    super(client);
  }

  @Override
  protected String queueGroupName() {
    return "auditor";
  }

  @Override
  public void onMessage(AcmePaymentEvent event, MessageContext context) {
    BigDecimal amount = event.getAmount();
    String how;
    if (event.getMethod() instanceof CardMethod card) {
      how = "card " + card.getLast4();
    } else if (event.getMethod() instanceof BankTransferMethod bank) {
      how = "bank " + bank.getIban();
    } else {
      how = "unknown";
    }
    seen.add(amount.toPlainString() + " by " + how + (event.hasRefundedAt() ? " refunded" : ""));
    context.ack();
  }

  /** Members come as one of two shapes; the event type is a sealed interface. */
  public static final class MemberAuditor extends AcmeMemberListener {
    public MemberAuditor(EventClient client) {
      super(client);
    }

    @Override
    protected String queueGroupName() {
      return "auditor";
    }

    @Override
    public void onMessage(AcmeMemberEvent event, MessageContext context) {
      String who = event instanceof MemberAdded added ? added.getAddedMember().getLogin()
          : ((MemberRemoved) event).getRemovedMember().getLogin();
      context.ack();
    }
  }

  public List<String> seen() {
    return seen;
  }
}
