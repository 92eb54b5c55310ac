// The seed's abstract Listener<T> / Publisher<T>, on NATS JetStream (the `nats` client), validating on publish and
// on receive like the Java runtime and its JetStream transport; see docs/typescript.md.
// Copied verbatim into every generated package by eventcontracts' generate-typescript goal: do not edit.
import {
  AckPolicy, ConnectionOptions, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg, MsgHdrs, NatsConnection,
  PubAck, StorageType, connect, headers as natsHeaders, nanos,
} from 'nats';
import { DEAD_LETTER_PREFIX, DeadLetterReason, deadLetterEnvelope, invalidPayloadText } from './deadletter';
import { Violation } from './reading';
import { ContractValidator } from './validate';

/** What every generated XxxEvent is: a subject and the data published on it (the seed's Event shape). */
export interface ContractEvent {
  subject: string;
  data: unknown;
}

/** Thrown by Publisher.publish for an invalid event; nothing was sent (Java: EventException INVALID_PAYLOAD). */
export class InvalidPayload extends Error {
  readonly kind = 'INVALID_PAYLOAD';
  constructor(readonly subject: string, readonly contractId: string, readonly violations: Violation[]) {
    super(invalidPayloadText(subject, contractId, violations));
    this.name = 'InvalidPayload';
  }
}

/** Options of {@link EventClient.connect}; the defaults equal the Java JetStream transport's. */
export interface EventClientOptions {
  /** Passed to `nats`' connect (servers, credentials, TLS, name...). */
  connection?: ConnectionOptions;
  /** The stream holding every event subject (Java: JetStreamOptions.streamName). */
  streamName?: string;
  /** The dead-letter stream (Java: deadLetterStreamName). */
  deadLetterStreamName?: string;
  /** The dead-letter subject prefix, with its separator (Java: deadLetterSubjectPrefix). */
  deadLetterPrefix?: string;
  /** Create missing streams and add missing subjects (Java: createStreams). */
  createStreams?: boolean;
}

/**
 * Headers both runtimes send and read (Java: DefaultEventClient). Every event carries one `Ec-Contract:
 * <contract $id>@<major version>` header; `Content-Type` only for a non-JSON format (protobuf), so a delivery naming
 * its contract without one is JSON. `Ec-Contract-Id` / `Ec-Contract-Version` are what runtimes sent before
 * `Ec-Contract`: still read, no longer sent.
 */
export const HEADER_CONTRACT = 'Ec-Contract';
export const HEADER_CONTENT_TYPE = 'Content-Type';
export const HEADER_CONTRACT_ID = 'Ec-Contract-Id';
export const HEADER_CONTRACT_VERSION = 'Ec-Contract-Version';
export const HEADER_DEAD_LETTER_REASON = 'Ec-Dead-Letter-Reason';
export const HEADER_ORIGINAL_SUBJECT = 'Ec-Original-Subject';

/** A connection to NATS JetStream with the contracts of this package: what listeners and publishers are built on. */
export class EventClient {
  readonly streamName: string;
  readonly deadLetterStreamName: string;
  readonly deadLetterPrefix: string;
  private readonly createStreams: boolean;
  private readonly knownSubjects = new Set<string>();

  private constructor(readonly nc: NatsConnection, readonly js: JetStreamClient, readonly jsm: JetStreamManager,
      readonly validator: ContractValidator, options: EventClientOptions) {
    this.streamName = options.streamName ?? 'EVENTCONTRACTS';
    this.deadLetterStreamName = options.deadLetterStreamName ?? 'EVENTCONTRACTS_DEADLETTER';
    this.deadLetterPrefix = options.deadLetterPrefix ?? DEAD_LETTER_PREFIX;
    this.createStreams = options.createStreams ?? true;
  }

  /** Connects and makes sure the dead-letter stream exists. */
  static async connect(validator: ContractValidator, options: EventClientOptions = {}): Promise<EventClient> {
    const nc = await connect({ name: `eventcontracts-node-${Math.random().toString(16).slice(2, 10)}`,
      ...options.connection });
    const client = new EventClient(nc, nc.jetstream(), await nc.jetstreamManager(), validator, options);
    await client.ensureStream(client.deadLetterStreamName, `${client.deadLetterPrefix}>`);
    return client;
  }

  /** Makes sure the event stream stores this subject (adds it to an existing stream, never removes any). */
  async ensureSubject(subject: string): Promise<void> {
    if (!this.knownSubjects.has(subject)) {
      await this.ensureStream(this.streamName, subject);
      this.knownSubjects.add(subject);
    }
  }

  private async ensureStream(name: string, subject: string): Promise<void> {
    let subjects: string[] | undefined;
    try {
      subjects = (await this.jsm.streams.info(name)).config.subjects ?? [];
    } catch (e) {
      if (!this.createStreams) throw new Error(`stream ${name} missing and createStreams is false`);
      await this.jsm.streams.add({ name, subjects: [subject], storage: StorageType.File,
        duplicate_window: nanos(120_000) });
      return;
    }
    if (!subjects.includes(subject)) {
      if (!this.createStreams) throw new Error(`stream ${name} does not store ${subject} and createStreams is false`);
      await this.jsm.streams.update(name, { subjects: [...subjects, subject] });
    }
  }

  /** Drains and closes the connection. */
  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}

/** The seed's Publisher<T>: `new TicketCreatedPublisher(client).publish(data)`, validated first. */
export abstract class Publisher<T extends ContractEvent> {
  abstract readonly subject: T['subject'];

  constructor(protected readonly client: EventClient) {}

  /**
   * Validates and publishes. An invalid event rejects with {@link InvalidPayload} and nothing is sent. The bytes sent
   * are exactly the bytes validated, with the Java runtime's headers.
   */
  async publish(data: T['data']): Promise<PubAck> {
    const contract = this.client.validator.contractFor(this.subject)!;
    const bytes = Buffer.from(JSON.stringify(data) ?? 'null', 'utf8');
    const verdict = this.client.validator.validateBytes(this.subject, bytes);
    if (verdict.violations.length > 0) throw new InvalidPayload(this.subject, contract.id, verdict.violations);
    await this.client.ensureSubject(this.subject);
    const h = natsHeaders();
    h.set(HEADER_CONTRACT, `${contract.id}@${contract.version}`);
    const key = this.deduplicationKey(data);
    return this.client.js.publish(this.subject, bytes, { headers: h, expect: { streamName: this.client.streamName },
      ...(key === undefined ? {} : { msgID: key }) });
  }

  /** A key that makes a retried publish a duplicate JetStream drops (Java: Publisher.deduplicationKey); none by default. */
  protected deduplicationKey(_data: T['data']): string | undefined {
    return undefined;
  }
}

/** A running subscription of a {@link Listener}. */
export interface ListenerSubscription {
  /** Stops pulling; the durable consumer stays. */
  close(): Promise<void>;
  /** Resolves when the pull loop has ended. */
  readonly closed: Promise<void>;
}

/**
 * The seed's Listener<T>: subject, queueGroupName, onMessage(data, msg), ackWait, manual ack, deliver all, durable
 * name = queue group. Invalid messages never reach onMessage: they are dead-lettered with their violations, in the
 * Java runtime's envelope, then acked.
 */
export abstract class Listener<T extends ContractEvent> {
  abstract readonly subject: T['subject'];
  abstract readonly queueGroupName: string;
  abstract onMessage(data: T['data'], msg: JsMsg): void | Promise<void>;
  /** Milliseconds before an unacked message is redelivered (seed: 5 * 1000). */
  protected ackWait = 5 * 1000;
  /** Deliveries before a failing message is dead-lettered (Java: ListenOptions.maxDeliver). */
  protected maxDeliver = 5;
  /** Messages handed out but not acked, for the whole group (Java: maxInFlight). */
  protected maxInFlight = 64;

  constructor(protected readonly client: EventClient) {}

  /** The durable name (seed: setDurableName(queueGroupName)). */
  protected durableName(): string {
    return this.queueGroupName;
  }

  /** Binds the queue group's durable pull consumer (the Java transport's name) and starts handling messages. */
  async listen(): Promise<ListenerSubscription> {
    await this.client.ensureSubject(this.subject);
    const name = `${sanitize(this.queueGroupName === this.durableName() ? this.durableName()
      : `${this.queueGroupName}__${this.durableName()}`)}__${sanitize(this.subject)}`;
    try {
      await this.client.jsm.consumers.info(this.client.streamName, name);
    } catch (e) {
      await this.client.jsm.consumers.add(this.client.streamName, {
        durable_name: name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All,
        filter_subject: this.subject, ack_wait: nanos(this.ackWait), max_deliver: -1,
        max_ack_pending: this.maxInFlight,
      });
    }
    const consumer = await this.client.js.consumers.get(this.client.streamName, name);
    const messages = await consumer.consume();
    const closed = (async () => {
      for await (const msg of messages) {
        await this.deliver(msg);
      }
    })();
    return { close: async () => { await messages.close(); await closed; }, closed };
  }

  private async deliver(msg: JsMsg): Promise<void> {
    const validator = this.client.validator;
    const contract = validator.contractFor(this.subject)!;
    const deliveryCount = msg.info.redeliveryCount;
    const named = msg.headers?.get(HEADER_CONTRACT) ?? '';
    const at = named.lastIndexOf('@');
    // the Java runtime's check: Ec-Contract (else the older Ec-Contract-Id / Ec-Contract-Version) must name this
    // subject's contract ($id compared without an empty '#' fragment) and its major version
    const headerId = (named ? (at < 0 ? named : named.substring(0, at)) : msg.headers?.get(HEADER_CONTRACT_ID) ?? '')
      .trim().replace(/#$/, '');
    const headerVersion = (named ? (at < 0 ? '' : named.substring(at + 1)) : msg.headers?.get(HEADER_CONTRACT_VERSION))
      ?.trim();
    if (headerId && headerId !== contract.id) {
      await this.deadLetter(msg, 'CONTRACT_MISMATCH', `message on '${this.subject}' names contract ${headerId}`
        + `, but the subject's contract is ${contract.id}`, []);
      return;
    }
    if ((named || headerVersion) && headerVersion !== String(contract.version)) {
      await this.deadLetter(msg, 'CONTRACT_MISMATCH', `message on '${this.subject}' names contract ${contract.id}`
        + ` version ${headerVersion}, but the subject's contract is version ${contract.version}`, []);
      return;
    }
    const verdict = validator.validateBytes(this.subject, msg.data);
    if (verdict.unparseable) {
      await this.deadLetter(msg, 'UNPARSEABLE_PAYLOAD', `payload on '${this.subject}' is not readable JSON: `
        + verdict.violations.map((v) => `${v.message} [${v.keyword}]`).join('; '), verdict.violations);
      return;
    }
    if (verdict.violations.length > 0) {
      await this.deadLetter(msg, 'INVALID_PAYLOAD', invalidPayloadText(this.subject, contract.id, verdict.violations),
        verdict.violations);
      return;
    }
    if (deliveryCount > this.maxDeliver) {
      await this.deadLetter(msg, 'MAX_DELIVER_EXCEEDED', `message on '${this.subject}' was delivered ${deliveryCount}`
        + ` times without an ack (maxDeliver ${this.maxDeliver})`, []);
      return;
    }
    try {
      await this.onMessage(verdict.value as T['data'], msg);
    } catch (e) {
      if (deliveryCount >= this.maxDeliver) {
        const error = e instanceof Error ? e : new Error(String(e));
        await this.deadLetter(msg, 'HANDLER_FAILED', `handler of '${this.subject}' failed on delivery ${deliveryCount}`
          + `: ${error.message}`, [], error);
      }
      // otherwise not acked: redelivered after ackWait
    }
  }

  private async deadLetter(msg: JsMsg, reason: DeadLetterReason, error: string, violations: Violation[],
      exception?: Error): Promise<void> {
    const contract = this.client.validator.contractFor(this.subject)!;
    const envelope = deadLetterEnvelope({
      subject: this.subject, sequence: msg.info.streamSequence, deliveryCount: msg.info.redeliveryCount,
      queueGroup: this.queueGroupName, durableName: this.durableName(), reason, error, violations,
      contractId: contract.id, contractVersion: contract.version, headers: flatten(msg.headers),
      payload: msg.data, exception,
    });
    const h = natsHeaders();
    h.set(HEADER_CONTENT_TYPE, 'application/json');
    h.set(HEADER_DEAD_LETTER_REASON, reason);
    h.set(HEADER_ORIGINAL_SUBJECT, this.subject);
    // not acked when the dead letter cannot be stored: redelivered, never lost
    await this.client.js.publish(`${this.client.deadLetterPrefix}${this.subject}`,
      Buffer.from(JSON.stringify(envelope), 'utf8'), { headers: h,
        msgID: `dl:${this.durableName()}:${this.subject}:${msg.info.streamSequence}`,
        expect: { streamName: this.client.deadLetterStreamName } });
    msg.ack();
  }
}

function flatten(h: MsgHdrs | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (h) for (const k of h.keys()) out[k] = h.get(k);
  return out;
}

function sanitize(s: string): string {
  return s.replace(/[.*>/\\\s\u0000-\u001f\u007f-\u009f]/g, '_');
}
