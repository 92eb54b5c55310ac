// Must not compile: TicketCreated data through the TicketUpdated publisher (the shapes are alike; the brand differs).
import { EventClient, TicketCreatedData, TicketUpdatedPublisher } from '@eventcontracts/ticketing-events';

export async function wrong(client: EventClient, created: TicketCreatedData): Promise<void> {
  await new TicketUpdatedPublisher(client).publish(created);
}
