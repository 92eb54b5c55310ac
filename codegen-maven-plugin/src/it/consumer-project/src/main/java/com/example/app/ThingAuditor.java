package com.example.app;

import com.example.things.ThingHappenedEvent;
import com.example.things.ThingHappenedListener;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import java.util.ArrayList;
import java.util.List;

/** What a service writes: a listener that only implements its handler and queue group. */
public class ThingAuditor extends ThingHappenedListener {

  private final List<String> seen = new ArrayList<>();

  public ThingAuditor(EventClient client) {
    super(client);
  }

  @Override
  protected String queueGroupName() {
    return "auditor";
  }

  @Override
  public void onMessage(ThingHappenedEvent event, MessageContext context) {
    seen.add(event.getId());
    context.ack();
  }

  public List<String> seen() {
    return seen;
  }
}
