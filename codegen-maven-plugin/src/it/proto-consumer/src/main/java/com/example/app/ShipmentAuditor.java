package com.example.app;

import com.example.shop.ShopOrderShippedEvent;
import com.example.shop.ShopOrderShippedListener;
import com.example.shop.ShopCustomerNotifiedPublisher;
import com.example.shop.ShopCustomerNotifiedEvent;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import java.time.OffsetDateTime;

/** Extends the stub generated from a .proto contract exactly like one generated from a JSON Schema. */
public class ShipmentAuditor extends ShopOrderShippedListener {

  private final ShopCustomerNotifiedPublisher notifier;

  public ShipmentAuditor(EventClient client) {
    super(client);
    this.notifier = new ShopCustomerNotifiedPublisher(client);
  }

  @Override
  protected String queueGroupName() {
    return "auditor";
  }

  @Override
  public void onMessage(ShopOrderShippedEvent event, MessageContext context) {
    OffsetDateTime at = event.getShippedAt();
    String tracking = event.getTracking();
    notifier.publish(ShopCustomerNotifiedEvent.builder().withOrderId(event.getOrderId())
        .withText("shipped at " + at + " tracking " + tracking).build());
  }

  /** The protobuf-java class protoc generated from the same file. */
  public static byte[] wire(String orderId) {
    return com.example.shop.proto.OrderShipped.newBuilder().setOrderId(orderId).build().toByteArray();
  }
}
