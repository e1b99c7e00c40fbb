// Server log lines never carry a national identity number. The redaction sits on the log stream, the
// one place every line passes after pino has serialized messages, fields, errors, child-logger
// bindings and Fastify's request data, so no call site can forget it.
import { parseNationalId } from '../../common/national-id.ts';

const MASK = '***********';
/** Eleven digits not part of a longer number, also written 6 + 5 with a space, dot or dash. */
const CANDIDATE = /(?<!\d)(\d{6})([ .-]?)(\d{5})(?!\d)/g;
const ANY_CANDIDATE = new RegExp(CANDIDATE.source);

/** Any run of exactly eleven digits is masked (cheaper and safer than deciding which are real); a
 * separated 6 + 5 only when it is a valid national id, so dates and phone numbers survive. */
export function redactNationalIds(text: string): string {
  return text.replace(CANDIDATE, (match, head: string, separator: string, tail: string) =>
    !separator || parseNationalId(head + tail).valid ? MASK : match,
  );
}

/** The valid national ids in a text, however written; tests scan logs with it. */
export function findNationalIds(text: string): string[] {
  return [...text.matchAll(CANDIDATE)].map((m) => `${m[1]}${m[3]}`).filter((id) => parseNationalId(id).valid);
}

/** Every string, key and whole number in a JSON value (a decimal's fraction digits are no id). */
function* textsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (typeof value === 'number') {
    if (Number.isInteger(value)) yield String(value);
  } else if (Array.isArray(value)) {
    for (const v of value) yield* textsOf(v);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield k;
      yield* textsOf(v);
    }
  }
}

/** The valid national ids in one written log line (JSON, or plain text if it is not). */
export function findNationalIdsInLogLine(line: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return findNationalIds(line);
  }
  return [...textsOf(parsed)].flatMap(findNationalIds);
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactNationalIds(value);
  if (typeof value === 'number') return Number.isInteger(value) && /^\d{11}$/.test(String(value)) ? MASK : value;
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactNationalIds(k), redactValue(v)]));
  }
  return value;
}

/** Masks one serialized log line; keeps it JSON, so log shippers still parse it. */
export function redactLogLine(line: string): string {
  if (!ANY_CANDIDATE.test(line)) return line;
  const newline = line.endsWith('\n') ? '\n' : '';
  try {
    return JSON.stringify(redactValue(JSON.parse(line))) + newline;
  } catch {
    return redactNationalIds(line);
  }
}

/** A pino destination that redacts every line before it reaches `destination`. */
export function redactingStream(destination: { write(chunk: string): unknown }): { write(chunk: string): void } {
  return { write: (chunk) => void destination.write(redactLogLine(chunk)) };
}
