// The seed's abstract Listener<T> / Publisher<T> on NATS Streaming (node-nats-streaming, legacy), validating on
// publish and on receive like the Java runtime's NATS Streaming transport; see docs/typescript.md.
// Copied verbatim into every generated package by eventcontracts' generate-typescript goal: do not edit.
// node-nats-streaming is an optional peer dependency: only this entry point (dist/stan-events) loads it.
import { Message, Stan } from 'node-nats-streaming';
import { DeadLetterReason, deadLetterEnvelope, invalidPayloadText } from './deadletter';
import { InvalidPayload, ContractEvent } from './jetstream';
import { Violation } from './reading';
import { ContractValidator } from './validate';

/** Dead letters go to `<prefix>.<subject>` (Java: ClientOptions.deadLetterPrefix, default "deadletter"). */
export const STAN_DEAD_LETTER_PREFIX = 'deadletter';

/** The seed's Publisher<T> on a connected node-nats-streaming client, validated first. */
export abstract class StanPublisher<T extends ContractEvent> {
  abstract readonly subject: T['subject'];

  constructor(protected readonly client: Stan, protected readonly validator: ContractValidator) {}

  /** Validates and publishes the bare JSON; rejects with InvalidPayload (nothing sent) or the server's error. */
  publish(data: T['data']): Promise<void> {
    const contract = this.validator.contractFor(this.subject)!;
    const bytes = Buffer.from(JSON.stringify(data) ?? 'null', 'utf8');
    const verdict = this.validator.validateBytes(this.subject, bytes);
    if (verdict.violations.length > 0) {
      return Promise.reject(new InvalidPayload(this.subject, contract.id, verdict.violations));
    }
    return new Promise((resolve, reject) => {
      this.client.publish(this.subject, bytes, (err) => (err ? reject(err) : resolve()));
    });
  }
}

/**
 * The seed's Listener<T>: queue group, durable name = queue group, manual ack, ack wait 5 s, deliver all available.
 * Invalid messages never reach onMessage: they are dead-lettered (the Java envelope) to `deadletter.<subject>` and
 * acked.
 */
export abstract class StanListener<T extends ContractEvent> {
  abstract readonly subject: T['subject'];
  abstract readonly queueGroupName: string;
  abstract onMessage(data: T['data'], msg: Message): void | Promise<void>;
  protected ackWait = 5 * 1000;
  protected maxDeliver = 5;
  protected deadLetterPrefix = STAN_DEAD_LETTER_PREFIX;
  private readonly deliveries = new Map<number, number>();

  constructor(protected readonly client: Stan, protected readonly validator: ContractValidator) {}

  /** The seed's subscription options. */
  subscriptionOptions() {
    return this.client.subscriptionOptions()
      .setDeliverAllAvailable()
      .setManualAckMode(true)
      .setAckWait(this.ackWait)
      .setDurableName(this.queueGroupName);
  }

  /** Subscribes and handles messages until the subscription or the client is closed. */
  listen() {
    const subscription = this.client.subscribe(this.subject, this.queueGroupName, this.subscriptionOptions());
    subscription.on('message', (msg: Message) => { void this.deliver(msg); });
    return subscription;
  }

  private async deliver(msg: Message): Promise<void> {
    const raw = msg.getRawData();
    const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    const seq = msg.getSequence();
    const deliveryCount = (this.deliveries.get(seq) ?? 0) + 1; // NATS Streaming has no count: counted here
    this.deliveries.set(seq, deliveryCount);
    const verdict = this.validator.validateBytes(this.subject, bytes);
    const contract = this.validator.contractFor(this.subject)!;
    if (verdict.unparseable) {
      this.deadLetter(msg, bytes, deliveryCount, 'UNPARSEABLE_PAYLOAD', `payload on '${this.subject}' is not readable`
        + ` JSON: ${verdict.violations.map((v) => `${v.message} [${v.keyword}]`).join('; ')}`, verdict.violations);
      return;
    }
    if (verdict.violations.length > 0) {
      this.deadLetter(msg, bytes, deliveryCount, 'INVALID_PAYLOAD',
        invalidPayloadText(this.subject, contract.id, verdict.violations), verdict.violations);
      return;
    }
    try {
      await this.onMessage(verdict.value as T['data'], msg);
      this.deliveries.delete(seq);
    } catch (e) {
      if (deliveryCount >= this.maxDeliver) {
        const error = e instanceof Error ? e : new Error(String(e));
        this.deadLetter(msg, bytes, deliveryCount, 'HANDLER_FAILED', `handler of '${this.subject}' failed on delivery`
          + ` ${deliveryCount}: ${error.message}`, [], error);
      }
    }
  }

  private deadLetter(msg: Message, payload: Uint8Array, deliveryCount: number, reason: DeadLetterReason, error: string,
      violations: Violation[], exception?: Error): void {
    const contract = this.validator.contractFor(this.subject)!;
    const envelope = deadLetterEnvelope({
      subject: this.subject, sequence: msg.getSequence(), deliveryCount, queueGroup: this.queueGroupName,
      durableName: this.queueGroupName, reason, error, violations, contractId: contract.id,
      contractVersion: contract.version, headers: {}, payload, exception,
    });
    // acked only once the dead letter is stored: redelivered otherwise, never lost
    this.client.publish(`${this.deadLetterPrefix}.${this.subject}`, JSON.stringify(envelope), (err) => {
      if (!err) {
        this.deliveries.delete(msg.getSequence());
        msg.ack();
      }
    });
  }
}
