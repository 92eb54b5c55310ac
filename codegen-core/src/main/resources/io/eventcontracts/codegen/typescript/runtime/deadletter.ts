// The dead-letter envelope (formatVersion 1), the same as the Java runtime writes; see docs/dead-letters.md.
// Copied verbatim into every generated package by eventcontracts' generate-typescript goal: do not edit.
import { Violation } from './reading';

/** Why a message was dead-lettered; the Java runtime's EventException.Kind names. */
export type DeadLetterReason =
  'INVALID_PAYLOAD' | 'UNPARSEABLE_PAYLOAD' | 'CONTRACT_MISMATCH' | 'HANDLER_FAILED' | 'MAX_DELIVER_EXCEEDED';

/** A dead letter as both runtimes write and read it. */
export interface DeadLetterEnvelope {
  formatVersion: 1;
  subject: string;
  sequence: number;
  deliveryCount: number;
  queueGroup: string | null;
  durableName: string | null;
  reason: DeadLetterReason;
  error: string;
  violations: Violation[];
  violationsOmitted?: number;
  exception?: string;
  stackTrace?: string;
  contractId: string;
  contractVersion: number;
  headers: Record<string, string>;
  payloadSize: number;
  payloadTruncated: boolean;
  payloadBase64: string;
  payloadText?: string;
  payloadTextOmitted?: boolean;
  timestamp: string;
}

/** Default dead-letter subject prefix, with its separator (Java: JetStreamOptions.deadLetterSubjectPrefix). */
export const DEAD_LETTER_PREFIX = 'deadletter.';
/** Bytes of the original copied into an envelope (Java: ClientOptions.deadLetterPayloadLimit). */
export const DEAD_LETTER_PAYLOAD_LIMIT = 256 * 1024;
const MAX_ERROR_CHARS = 8192;
const MAX_VIOLATIONS = 20;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}...(${text.length} chars)`;
}

/** What the dead letter describes. */
export interface DeadLetterInput {
  subject: string;
  sequence: number;
  deliveryCount: number;
  queueGroup: string | null;
  durableName: string | null;
  reason: DeadLetterReason;
  error: string;
  violations: Violation[];
  contractId: string;
  contractVersion: number;
  headers: Record<string, string>;
  payload: Uint8Array;
  exception?: Error;
}

/** Builds an envelope, bounded as the Java runtime bounds it. */
export function deadLetterEnvelope(input: DeadLetterInput, now: Date = new Date()): DeadLetterEnvelope {
  const truncated = input.payload.length > DEAD_LETTER_PAYLOAD_LIMIT;
  const kept = truncated ? input.payload.subarray(0, DEAD_LETTER_PAYLOAD_LIMIT) : input.payload;
  const envelope: DeadLetterEnvelope = {
    formatVersion: 1,
    subject: input.subject,
    sequence: input.sequence,
    deliveryCount: input.deliveryCount,
    queueGroup: input.queueGroup,
    durableName: input.durableName,
    reason: input.reason,
    error: cut(input.error, MAX_ERROR_CHARS),
    violations: input.violations.slice(0, MAX_VIOLATIONS).map((v) => ({
      pointer: cut(v.pointer, 200), message: cut(v.message, 300), keyword: cut(v.keyword, 50) })),
    contractId: input.contractId,
    contractVersion: input.contractVersion,
    headers: Object.fromEntries(Object.entries(input.headers).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)),
    payloadSize: input.payload.length,
    payloadTruncated: truncated,
    payloadBase64: Buffer.from(kept).toString('base64'),
    payloadText: new TextDecoder('utf-8').decode(kept),
    timestamp: now.toISOString(),
  };
  if (input.violations.length > MAX_VIOLATIONS) envelope.violationsOmitted = input.violations.length - MAX_VIOLATIONS;
  if (input.exception) {
    envelope.exception = input.exception.name;
    envelope.stackTrace = cut(input.exception.stack ?? String(input.exception), MAX_ERROR_CHARS);
  }
  return envelope;
}

/** The error text the Java runtime writes for an invalid payload. */
export function invalidPayloadText(subject: string, contractId: string, violations: Violation[]): string {
  const n = violations.length;
  return `payload on '${subject}' violates contract ${contractId} (${n} violation${n === 1 ? '' : 's'})`
    + violations.map((v) => `\n  ${v.pointer}: ${v.message} [${v.keyword}]`).join('');
}

/** Reads an envelope written by either runtime; throws when it is not a formatVersion 1 envelope. */
export function readDeadLetter(bytes: Uint8Array): DeadLetterEnvelope & { payload: Uint8Array } {
  const envelope = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as DeadLetterEnvelope;
  if (envelope.formatVersion !== 1) {
    throw new Error(`not a dead-letter envelope of formatVersion 1: ${String(envelope.formatVersion)}`);
  }
  return { ...envelope, payload: new Uint8Array(Buffer.from(envelope.payloadBase64, 'base64')) };
}
