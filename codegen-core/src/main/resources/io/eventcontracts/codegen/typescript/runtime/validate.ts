// Contract validation on ajv, configured to give the Java runtime's verdict on every payload; see docs/typescript.md.
// Copied verbatim into every generated package by eventcontracts' generate-typescript goal: do not edit.
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import {
  DEFAULT_LIMITS, ReadingLimits, UnparseablePayload, Violation, compareDecimal, isDate, isDateTime, isMultipleOf,
  isUuid, numberViolations, parseDecimal, parseWithExactNumbers, readPayload,
} from './reading';

/** A bundled contract, as the generated contracts.ts lists them. */
export interface ContractDescriptor {
  /** The contract's $id (or bundle location), what the Java runtime keys contracts by. */
  readonly id: string;
  /** The NATS subject of an event contract; absent for shared types. */
  readonly subject?: string;
  readonly version: number;
  /** The $schema URI of the draft the contract is validated with. */
  readonly dialect: string;
  /** The contract file exactly as bundled (text: its numbers are read exactly, see parseWithExactNumbers). */
  readonly schemaText: string;
}

/** Result of reading and validating payload bytes. */
export interface PayloadVerdict {
  /** The parsed payload (undefined when unparseable). */
  value?: unknown;
  /** True when the bytes are no payload at all (Java: UNPARSEABLE_PAYLOAD), else a contract verdict. */
  unparseable: boolean;
  /** Every violation, sorted by pointer; empty when the payload is valid. */
  violations: Violation[];
}

/** Thrown for a subject no bundled contract describes (Java: UNKNOWN_SUBJECT). */
export class UnknownSubject extends Error {
  constructor(readonly subject: string) {
    super(`no bundled contract for subject '${subject}'; regenerate the package from the contracts that define it`);
    this.name = 'UnknownSubject';
  }
}

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const DRAFT_2019_09 = 'https://json-schema.org/draft/2019-09/schema';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema';
const DRAFT_06 = 'http://json-schema.org/draft-06/schema';
const DRAFT_04 = 'http://json-schema.org/draft-04/schema';

function normalizeDialect(uri: string): string {
  return uri.replace(/#$/, '');
}

/** The source text of the long integer tokens of the payload being validated (validation is synchronous). */
let currentIntegers: Map<string, string> | undefined;

/** The exact source text of a number keyword of a schema object, when the schema was read by this validator. */
type ExactText = (schema: object, keyword: string) => string | undefined;

const BOUNDS: Record<string, (c: number) => boolean> = {
  minimum: (c) => c >= 0,
  maximum: (c) => c <= 0,
  exclusiveMinimum: (c) => c > 0,
  exclusiveMaximum: (c) => c < 0,
};

function newAjv(dialect: string, exactText: ExactText): Ajv {
  const options = { allErrors: true, strict: false, validateFormats: true, unicodeRegExp: true } as const;
  let ajv: Ajv;
  switch (normalizeDialect(dialect)) {
    case DRAFT_2020_12: ajv = new Ajv2020(options); break;
    case DRAFT_2019_09: ajv = new Ajv2019(options); break;
    case DRAFT_07: ajv = new Ajv(options); break;
    case DRAFT_06:
      ajv = new Ajv(options);
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
      break;
    case DRAFT_04: ajv = new AjvDraft04(options) as unknown as Ajv; break;
    default: throw new Error(`unsupported JSON Schema dialect ${dialect}`);
  }
  addFormats(ajv);
  // The formats whose reading both runtimes pin (reading.ts); they replace ajv-formats' looser ones.
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('uuid', { type: 'string', validate: isUuid });
  // Number keywords on exact decimals, as the Java runtime compares BigDecimals: ajv's own divide and compare binary
  // doubles (19.99 would not be a multiple of 0.01; 9223372036854776000 would pass maximum 9223372036854775807).
  // A payload value is its source text when the reading kept it (an integer beyond 15 digits), else its shortest
  // decimal, which the number rule makes equal to its source text.
  type Dec = ReturnType<typeof parseDecimal>;
  const numberKeyword = (keyword: string, test: (value: Dec, bound: Dec) => boolean) => {
    ajv.removeKeyword(keyword);
    ajv.addKeyword({
      keyword,
      type: 'number',
      schemaType: 'number',
      errors: false,
      compile: (bound: number, parent: object) => {
        const exact = parseDecimal(exactText(parent, keyword) ?? String(bound));
        return (value: number, cxt?: { instancePath?: string }) => {
          if (!Number.isFinite(value)) return false;
          const text = currentIntegers?.get(cxt?.instancePath ?? '');
          return test(parseDecimal(text ?? String(value)), exact);
        };
      },
    });
  };
  numberKeyword('multipleOf', (value, divisor) => isMultipleOf(value, divisor));
  if (normalizeDialect(dialect) !== DRAFT_04) { // draft-04's boolean exclusiveMaximum stays ajv's own
    for (const [keyword, holds] of Object.entries(BOUNDS)) {
      numberKeyword(keyword, (value, bound) => holds(compareDecimal(value, bound)));
    }
  }
  return ajv;
}

function toViolation(error: ErrorObject): Violation {
  let pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    pointer += '/' + escape(params.missingProperty);
  } else if ((error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties')
      && typeof (params.additionalProperty ?? params.unevaluatedProperty) === 'string') {
    pointer += '/' + escape(String(params.additionalProperty ?? params.unevaluatedProperty));
  }
  return { pointer, message: error.message ?? error.keyword, keyword: error.keyword };
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function sortViolations(violations: Violation[]): Violation[] {
  return violations.sort((a, b) => a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1
    : a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/**
 * Validates payloads against bundled contracts, each with its own draft. Compiles every contract once, at
 * construction, so a broken contract fails at start-up, not at the first message. Thread-safe (no state per call).
 */
export class ContractValidator {
  private readonly bySubject = new Map<string, ContractDescriptor>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(contracts: readonly ContractDescriptor[], readonly limits: ReadingLimits = DEFAULT_LIMITS) {
    const instances = new Map<string, Ajv>();
    const exactNumbers: WeakMap<object, Map<string, string>>[] = [];
    const exactText: ExactText = (schema, keyword) => {
      for (const map of exactNumbers) {
        const text = map.get(schema)?.get(keyword);
        if (text !== undefined) return text;
      }
      return undefined;
    };
    for (const c of contracts) {
      const dialect = normalizeDialect(c.dialect);
      let ajv = instances.get(dialect);
      if (!ajv) {
        ajv = newAjv(dialect, exactText);
        instances.set(dialect, ajv);
      }
      const parsed = parseWithExactNumbers(c.schemaText);
      exactNumbers.push(parsed.exact);
      ajv.addSchema(parsed.value as Record<string, unknown>, c.id);
    }
    for (const c of contracts) {
      const fn = instances.get(normalizeDialect(c.dialect))!.getSchema(c.id);
      if (!fn) throw new Error(`contract ${c.id} did not compile`);
      this.compiled.set(c.id, fn);
      if (c.subject !== undefined) this.bySubject.set(c.subject, c);
    }
  }

  /** The contract of a subject, or undefined. */
  contractFor(subject: string): ContractDescriptor | undefined {
    return this.bySubject.get(subject);
  }

  /** Subjects with a contract. */
  subjects(): string[] {
    return [...this.bySubject.keys()].sort();
  }

  /**
   * Validates a payload value. The value is checked as the bytes JSON.stringify would send: what a Node publisher
   * sends is exactly what was validated (a NaN, for one, is sent as null and judged as null).
   *
   * @throws UnknownSubject when no contract describes the subject
   */
  validate(subject: string, data: unknown): Violation[] {
    const text = JSON.stringify(data);
    if (text === undefined) {
      return [{ pointer: '', message: 'value has no JSON form', keyword: 'type' }];
    }
    return this.validateBytes(subject, Buffer.from(text, 'utf8')).violations;
  }

  /**
   * Reads and validates payload bytes exactly as the Java runtime's receive path does: the reading of reading.ts
   * (limits, strict UTF-8, the number rule), then the contract.
   *
   * @throws UnknownSubject when no contract describes the subject
   */
  validateBytes(subject: string, bytes: Uint8Array): PayloadVerdict {
    const contract = this.bySubject.get(subject);
    if (!contract) throw new UnknownSubject(subject);
    let read: { value: unknown; text: string };
    try {
      read = readPayload(bytes, this.limits);
    } catch (e) {
      if (e instanceof UnparseablePayload) return { unparseable: true, violations: [e.violation] };
      throw e;
    }
    const integers = new Map<string, string>();
    const violations = numberViolations(read.text, integers);
    const fn = this.compiled.get(contract.id)!;
    currentIntegers = integers.size > 0 ? integers : undefined;
    try {
      if (!fn(read.value)) {
        for (const error of fn.errors ?? []) violations.push(toViolation(error));
      }
    } finally {
      currentIntegers = undefined;
    }
    return { value: read.value, unparseable: false, violations: sortViolations(violations) };
  }
}
