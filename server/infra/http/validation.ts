// Turns zod issues into field problems with translatable messages. Schemas that need a specific
// message pass a message key (e.g. 'errors.nationalIdChecksum') as the zod message.
import type { z } from 'zod';
import { messages, type MessageKey } from '../../../common/i18n/index.ts';
import { invalid, type AppError, type FieldProblem } from './errors.ts';
import { hasForbiddenCharacters, normaliseLineEnds } from './schemas.ts';

function isMessageKey(message: string | undefined): message is MessageKey {
  return typeof message === 'string' && message in messages.nb;
}

function toProblem(issue: z.core.$ZodIssue, prefix: string): FieldProblem[] {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  if (isMessageKey(issue.message)) return [{ field, messageKey: issue.message }];
  switch (issue.code) {
    case 'invalid_type':
      return [{ field, messageKey: issue.input === undefined || issue.input === null ? 'errors.required' : 'errors.invalidType' }];
    case 'too_small':
      if (issue.origin === 'string') {
        return [{ field, messageKey: Number(issue.minimum) <= 1 ? 'errors.required' : 'errors.tooShort' }];
      }
      if (issue.origin === 'array') return [{ field, messageKey: 'errors.required' }];
      return [{ field, messageKey: 'errors.tooSmall', params: { min: Number(issue.minimum) } }];
    case 'too_big':
      if (issue.origin === 'string') return [{ field, messageKey: 'errors.tooLong', params: { max: Number(issue.maximum) } }];
      return [{ field, messageKey: 'errors.tooBig', params: { max: Number(issue.maximum) } }];
    case 'invalid_format':
      if (issue.format === 'email') return [{ field, messageKey: 'errors.invalidEmail' }];
      if (issue.format === 'uuid' || issue.format === 'guid') return [{ field, messageKey: 'errors.invalidUuid' }];
      if (issue.format === 'date') return [{ field, messageKey: 'errors.invalidDate' }];
      return [{ field, messageKey: 'errors.invalidType' }];
    case 'invalid_value':
      return [{ field, messageKey: 'errors.invalidOption' }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: [field, key].filter(Boolean).join('.'), messageKey: 'errors.unknownField' as const, params: { field: key } }));
    default:
      return [{ field, messageKey: 'errors.invalidType' }];
  }
}

export function validationError(error: z.ZodError, prefix = ''): AppError {
  return invalid(...error.issues.flatMap((issue) => toProblem(issue, prefix)));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Every string in a request, whatever schema a module wrote for it, is held to the free-text rule
 * (no control characters or bidi overrides; CRLF becomes LF), so a field typed as a bare z.string()
 * cannot let one through. Returns a copy with line ends normalised.
 */
function screenStrings(value: unknown, path: string[], problems: FieldProblem[]): unknown {
  if (typeof value === 'string') {
    if (hasForbiddenCharacters(value)) problems.push({ field: path.join('.'), messageKey: 'errors.controlCharacter' });
    return normaliseLineEnds(value);
  }
  if (Array.isArray(value)) return value.map((v, i) => screenStrings(v, [...path, String(i)], problems));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => {
      if (hasForbiddenCharacters(k)) problems.push({ field: [...path, k].join('.'), messageKey: 'errors.controlCharacter' });
      return [k, screenStrings(v, [...path, k], problems)];
    }));
  }
  return value;
}

export function parseInput<T extends z.ZodType>(schema: T, raw: unknown, prefix = ''): z.infer<T> {
  const problems: FieldProblem[] = [];
  const value = screenStrings(raw, prefix ? [prefix] : [], problems);
  if (problems.length) throw invalid(...problems);
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}
