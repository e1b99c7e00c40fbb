// The error catalogue: every error the API returns has a stable code, an HTTP status and a
// translatable message. One handler (app.ts) turns them into responses in the user's language.
import type { MessageKey, MessageParams } from '../../../common/i18n/index.ts';

export interface FieldProblem {
  field: string;
  messageKey: MessageKey;
  params?: MessageParams;
}

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_SIGNED_IN'
  | 'SESSION_EXPIRED'
  | 'CSRF'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PERSON_EXISTS'
  | 'UNAVAILABLE'
  | 'DEV_LOGIN_DISABLED'
  | 'SIGN_IN_FAILED'
  | 'TOO_MANY_ATTEMPTS'
  | 'OIDC_NOT_CONFIGURED'
  | 'OIDC_FAILED'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_SIGNED_IN: 401,
  SESSION_EXPIRED: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_REQUIRED: 428,
  IDEMPOTENCY_KEY_REUSED: 422,
  // Registration of someone already in Sammen: the only thing the registrant learns (people/service.ts).
  PERSON_EXISTS: 409,
  // A system Sammen depends on (the population register) cannot be reached; nothing was changed.
  UNAVAILABLE: 503,
  DEV_LOGIN_DISABLED: 404,
  SIGN_IN_FAILED: 401,
  TOO_MANY_ATTEMPTS: 429,
  OIDC_NOT_CONFIGURED: 404,
  OIDC_FAILED: 400,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageKey: MessageKey;
  readonly params: MessageParams | undefined;
  readonly fields: FieldProblem[];

  constructor(code: ErrorCode, messageKey: MessageKey, options: { params?: MessageParams; fields?: FieldProblem[] } = {}) {
    super(`${code}: ${messageKey}`);
    this.code = code;
    this.status = STATUS[code];
    this.messageKey = messageKey;
    this.params = options.params;
    this.fields = options.fields ?? [];
  }
}

/** A validation error on one or more named fields. */
export function invalid(...fields: FieldProblem[]): AppError {
  return new AppError('VALIDATION', 'errors.validation', { fields });
}

export function invalidField(field: string, messageKey: MessageKey, params?: MessageParams): AppError {
  return invalid(params ? { field, messageKey, params } : { field, messageKey });
}

export const notFound = () => new AppError('NOT_FOUND', 'errors.notFound');
export const conflict = () => new AppError('CONFLICT', 'errors.conflict');
export const notSignedIn = () => new AppError('NOT_SIGNED_IN', 'errors.notSignedIn');

/**
 * What the database says when a request lost a race or sent a value it cannot store, as the error
 * the user should see. One place, so no route answers 500 for a conflict or a client's mistake:
 * - a unique or exclusion constraint (23505, 23P01): someone else created the same thing first;
 * - a serialization failure or deadlock (40001, 40P01): concurrent changes, try again;
 * - a data exception (class 22: out of range, null byte, malformed value) or a check constraint
 *   (23514): the schemas should have caught it; answered as a bad request, never as a crash.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code === '23505' || code === '23P01') return new AppError('CONFLICT', 'errors.alreadyExists');
  if (code === '40001' || code === '40P01') return new AppError('CONFLICT', 'errors.concurrentChange');
  if (code.startsWith('22') || code === '23514') return new AppError('VALIDATION', 'errors.invalidData');
  return null;
}

/** PostgreSQL unique_violation, for turning a lost race on a unique index into a clear message. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  if (!e || e.code !== '23505') return false;
  if (!constraint) return true;
  return e.constraint === constraint || (e.message ?? '').includes(constraint);
}
