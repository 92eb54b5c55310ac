// The one reading of a JSON payload that the Java runtime (events-runtime) applies too; see docs/typescript.md.
// Copied verbatim into every generated package by eventcontracts' generate-typescript goal: do not edit.

/** One problem with a payload: where (JSON pointer), what, and which keyword or limit. Same shape as Java's Violation. */
export interface Violation {
  pointer: string;
  message: string;
  keyword: string;
}

/** Limits of the reading; the defaults equal the Java runtime's (ClientOptions / EventCodec). */
export interface ReadingLimits {
  /** Larger payloads are refused before parsing (Java: maxPayloadBytes, 1 MiB). */
  maxPayloadBytes: number;
  /** Deeper nesting of arrays/objects is refused (Java: maxNestingDepth, 64). */
  maxNestingDepth: number;
  /** Longest number token in characters (Java/Jackson: maxNumberLength, 1000). */
  maxNumberLength: number;
  /** Longest property name in UTF-16 units (Java/Jackson: maxNameLength, 50,000). */
  maxNameLength: number;
}

export const DEFAULT_LIMITS: ReadingLimits = Object.freeze({
  maxPayloadBytes: 1024 * 1024,
  maxNestingDepth: 64,
  maxNumberLength: 1000,
  maxNameLength: 50000,
});

/** Thrown by {@link readPayload} when the bytes are not a payload at all (Java: UNPARSEABLE_PAYLOAD). */
export class UnparseablePayload extends Error {
  readonly violation: Violation;
  constructor(violation: Violation) {
    super(`${violation.pointer}: ${violation.message} [${violation.keyword}]`);
    this.name = 'UnparseablePayload';
    this.violation = violation;
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads payload bytes the way the Java runtime does: at most maxPayloadBytes, strict UTF-8 without a byte order mark
 * (RFC 8259 §8.1), JSON syntax, nesting, number and name lengths within the limits. Duplicate keys: the last wins
 * (as JSON.parse and Jackson).
 *
 * @returns the parsed value and the source text of every number token (for {@link numberViolations})
 */
export function readPayload(bytes: Uint8Array, limits: ReadingLimits = DEFAULT_LIMITS): { value: unknown; text: string } {
  if (bytes.length > limits.maxPayloadBytes) {
    throw new UnparseablePayload({ pointer: '', keyword: 'maxPayloadBytes',
      message: `payload has ${bytes.length} bytes, more than the limit of ${limits.maxPayloadBytes} bytes` });
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new UnparseablePayload({ pointer: '', keyword: 'encoding', message: 'payload starts with a UTF-8 byte order mark' });
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch (e) {
    throw new UnparseablePayload({ pointer: '', keyword: 'encoding', message: 'payload is not strict UTF-8' });
  }
  return { value: readText(text, limits), text };
}

/** Parses JSON text within the limits (see {@link readPayload}). */
export function readText(text: string, limits: ReadingLimits = DEFAULT_LIMITS): unknown {
  if (text.trim().length === 0) {
    throw new UnparseablePayload({ pointer: '', keyword: 'syntax', message: 'payload is empty' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UnparseablePayload({ pointer: '', keyword: 'syntax', message: (e as Error).message });
  }
  const limit = scanLimits(text, limits);
  if (limit) {
    throw new UnparseablePayload(limit);
  }
  return value;
}

/** Walks the tokens of syntactically valid JSON text and reports the first limit it breaks. */
function scanLimits(text: string, limits: ReadingLimits): Violation | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i + 1;
      let units = 0;
      for (i = start; text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \ */) {
          i += text.charCodeAt(i + 1) === 0x75 /* u */ ? 5 : 1;
        }
        units++;
      }
      // a name is a string followed by ':' (after whitespace)
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j++;
      if (text[j] === ':' && units > limits.maxNameLength) {
        return { pointer: '', keyword: 'maxNameLength',
          message: `a property name is longer than the limit of ${limits.maxNameLength} characters` };
      }
    } else if (c === 0x7b || c === 0x5b /* { [ */) {
      if (++depth > limits.maxNestingDepth) {
        return { pointer: '', keyword: 'maxNestingDepth',
          message: `payload nests arrays/objects deeper than the limit of ${limits.maxNestingDepth}` };
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i++;
      if (i + 1 - start > limits.maxNumberLength) {
        return { pointer: '', keyword: 'maxNumberLength',
          message: `a number is longer than the limit of ${limits.maxNumberLength} characters` };
      }
    }
  }
  return null;
}

/**
 * The number rule: a number written with a fraction or an exponent must be exactly the value a JavaScript number
 * (IEEE-754 double) holds, read back as its shortest decimal (ECMA-262 Number::toString): 19.99, 0.1, 1e2, 1.0 pass;
 * 1.0000000000000000001, 1e400 and -1e-400 do not (a JavaScript consumer would see another value). Integers written as
 * digits pass at any size: the validator compares them by their source text (exactIntegers), as Java compares its
 * Long/BigInteger; a JavaScript consumer sees the nearest double beyond 2^53. The Java runtime applies the same rule.
 *
 * @param exactIntegers when given, receives the source text of every integer token of more than 15 digits, by pointer
 * @returns a violation (keyword numberPrecision) per number token that breaks the rule, with the token's pointer
 */
export function numberViolations(text: string, exactIntegers?: Map<string, string>): Violation[] {
  const out: Violation[] = [];
  // pointer tracking: a stack of containers with the current key (raw source slice, decoded only for a violation)
  const stack: { array: boolean; keyStart: number; keyEnd: number; index: number }[] = [];
  let expectKey = false;
  const pointer = () => stack.map((s) => '/' + (s.array ? String(s.index)
    : escapePointer(JSON.parse(text.slice(s.keyStart, s.keyEnd)) as string))).join('');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i = i + 1; text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \ */) i++;
      }
      if (expectKey) {
        const top = stack[stack.length - 1];
        top.keyStart = start;
        top.keyEnd = i + 1;
        expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      stack.push({ array: false, keyStart: 0, keyEnd: 0, index: 0 });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ array: true, keyStart: 0, keyEnd: 0, index: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top.array) top.index++;
      else expectKey = true;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i++;
      const token = text.slice(start, i + 1);
      if (/^-?\d+$/.test(token)) {
        // an integer token: accepted; beyond 15 digits its text is kept for exact comparisons
        if (exactIntegers && i + 1 - start > 15) exactIntegers.set(pointer(), token);
      } else {
        const problem = numberProblem(token);
        if (problem) out.push({ pointer: pointer(), message: problem, keyword: 'numberPrecision' });
      }
    }
  }
  return out;
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Why a number token breaks the number rule, or null. */
export function numberProblem(token: string): string | null {
  const value = Number(token);
  if (!Number.isFinite(value)) {
    return `${token} is beyond the range of a JavaScript number`;
  }
  if (!sameDecimal(parseDecimal(token), parseDecimal(String(value)))) {
    return `${token} is not exactly representable as a JavaScript number (it would read as ${String(value)})`;
  }
  return null;
}

/** An exact decimal: sign * digits * 10^exponent, digits without leading zeros ('' for zero). */
export interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

/** Parses a JSON number token or a Number::toString result (e.g. '1e+21', '5e-324') into an exact decimal. */
export function parseDecimal(text: string): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  let digits = m[2] + (m[3] ?? '');
  let exponent = (m[4] ? parseInt(m[4], 10) : 0) - (m[3] ? m[3].length : 0);
  digits = digits.replace(/^0+/, '');
  while (digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  if (digits === '') exponent = 0;
  return { negative: m[1] === '-' && digits !== '', digits, exponent };
}

/** True when two exact decimals are the same number (-0 equals 0). */
export function sameDecimal(a: Decimal, b: Decimal): boolean {
  return a.negative === b.negative && a.digits === b.digits && a.exponent === b.exponent;
}

/** Compares two exact decimals (-1, 0, 1), whatever their exponents. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const sa = a.digits === '' ? 0 : a.negative ? -1 : 1;
  const sb = b.digits === '' ? 0 : b.negative ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const ma = a.digits.length + a.exponent;
  const mb = b.digits.length + b.exponent;
  let c: number;
  if (ma !== mb) {
    c = ma < mb ? -1 : 1;
  } else {
    const n = Math.max(a.digits.length, b.digits.length);
    const da = a.digits.padEnd(n, '0');
    const db = b.digits.padEnd(n, '0');
    c = da < db ? -1 : da > db ? 1 : 0;
  }
  return sa * c;
}

/** Exact decimal multipleOf: value / divisor is an integer. */
export function isMultipleOf(v: Decimal, divisor: Decimal): boolean {
  if (divisor.digits === '') return false;
  if (v.digits === '') return true;
  if (v.exponent < divisor.exponent - 400) return false;
  const exp = Math.min(v.exponent, divisor.exponent);
  const x = BigInt(v.digits) * 10n ** BigInt(v.exponent - exp);
  const y = BigInt(divisor.digits) * 10n ** BigInt(divisor.exponent - exp);
  return x % y === 0n;
}

/**
 * Parses JSON text (a contract) like JSON.parse, and remembers the exact source text of every number that is the
 * value of an object property, so the validator compares payload numbers with contract bounds as exact decimals
 * (9223372036854775807 is not 2^63 for a maximum).
 */
export function parseWithExactNumbers(text: string): { value: unknown; exact: WeakMap<object, Map<string, string>> } {
  const exact = new WeakMap<object, Map<string, string>>();
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const value = (): unknown => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws();
        const key = str();
        ws();
        i++; // ':'
        ws();
        const start = i;
        const v = value();
        if (typeof v === 'number') {
          let m = exact.get(obj);
          if (!m) { m = new Map(); exact.set(obj, m); }
          m.set(key, text.slice(start, i).trim());
        }
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i++] === '}') return obj;
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i++] === ']') return arr;
      }
    }
    if (ch === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 1100));
    if (!m) throw new SyntaxError(`invalid JSON at ${i}`);
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const str = (): string => {
    const start = i;
    for (i++; text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  JSON.parse(text); // syntax check with the engine's own parser first
  const result = value();
  return { value: result, exact };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function validDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

/**
 * format date-time: RFC 3339 section 5.6 exactly, read so that java.time.OffsetDateTime holds every accepted value:
 * 'T' or 't', 'Z' or 'z' or a ±HH:MM offset of at most 18:00, seconds 00-59 (no leap second 60), at most 9
 * fraction digits.
 */
export function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  if (!validDate(+m[1], +m[2], +m[3])) return false;
  if (+m[4] > 23 || +m[5] > 59 || +m[6] > 59) return false;
  if (m[9]) {
    const h = +m[10];
    const min = +m[11];
    if (min > 59 || h > 18 || (h === 18 && min > 0)) return false;
  }
  return true;
}

/** format date: RFC 3339 full-date. */
export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && validDate(+m[1], +m[2], +m[3]);
}

/** format uuid: the RFC 4122 string form only, hex digits in either case; no 'urn:uuid:' prefix, no braces. */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}
