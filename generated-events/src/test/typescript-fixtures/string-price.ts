// Must not compile: a string where the contract says number.
import { TicketCreatedData } from '@eventcontracts/ticketing-events';

export const data: TicketCreatedData = { id: 't1', version: 0, title: 'concert', price: '20', userId: 'u1' };
