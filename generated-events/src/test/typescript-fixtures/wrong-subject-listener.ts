// Must not compile: a listener typed for TicketCreated that claims another subject.
import { Listener, Subjects, TicketCreatedEvent } from '@eventcontracts/ticketing-events';
import { JsMsg } from 'nats';

export abstract class Wrong extends Listener<TicketCreatedEvent> {
  readonly subject = Subjects.OrderCreated;
  readonly queueGroupName = 'x';
  onMessage(_data: TicketCreatedEvent['data'], msg: JsMsg): void {
    msg.ack();
  }
}
