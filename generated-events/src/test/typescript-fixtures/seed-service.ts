// Compiles: a seed-style service using the generated package (the other fixtures differ from it in one line each).
import {
  EventClient, OrderStatus, Subjects, TicketCreatedData, TicketCreatedListener, TicketUpdatedPublisher, validate,
} from '@eventcontracts/ticketing-events';
import { JsMsg } from 'nats';

export class TicketCreatedHandler extends TicketCreatedListener {
  readonly queueGroupName = 'orders-service';
  onMessage(data: TicketCreatedData, msg: JsMsg): void {
    const title: string = data.title;
    const price: number = data.price;
    console.log(title, price, OrderStatus.AwaitingPayment);
    msg.ack();
  }
}

export async function update(client: EventClient): Promise<void> {
  await new TicketUpdatedPublisher(client).publish({
    id: 't1', version: 1, title: 'concert', price: 20, userId: 'u1', orderId: 'o1',
  });
  const violations = validate(Subjects.TicketCreated, { id: 't1' });
  console.log(violations.map((v) => `${v.pointer} ${v.keyword}`));
}
