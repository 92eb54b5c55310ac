package com.example.app;

import com.example.things.EventTypes;
import com.example.things.Subjects;
import com.example.things.ThingHappenedEvent;
import com.example.things.ThingHappenedPublisher;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventType;
import io.eventcontracts.runtime.PublishAck;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;

/** Publishes through the generated, typed publisher. */
public class ThingNotifier {

  private final ThingHappenedPublisher publisher;

  public ThingNotifier(EventClient client) {
    this.publisher = new ThingHappenedPublisher(client);
  }

  public CompletableFuture<PublishAck> happened(String id, long count) {
    ThingHappenedEvent event = new ThingHappenedEvent();
    event.setId(id);
    event.setCount(count);
    event.setHappenedAt(OffsetDateTime.now());
    return publisher.publish(event);
  }

  public static String subject() {
    EventType<ThingHappenedEvent> type = EventTypes.THING_HAPPENED;
    return Subjects.THING_HAPPENED.value() + " " + type.subject();
  }
}
