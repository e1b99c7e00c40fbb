// JSON calls to the Sammen API. State-changing calls carry the CSRF token from /api/auth/me; an
// error response becomes an ApiError with the server's (already translated) message and the
// problems per field. A 401 means the session is gone: the session provider sends the user back to
// the sign-in page.
//
// Nothing is created twice: every POST carries an Idempotency-Key, the same request made again while
// the first is under way (a double click) shares its answer, and a request whose answer was lost on
// the network is sent once more with the same key, so the server replays the first answer instead
// of creating again. Updates name the version they read: in the body (as the forms do) or as
// `ifMatch`, sent as the If-Match header; a stale version comes back as a 409 ApiError.
//
// Answers are typed by the response schemas in common/contracts (types only: zod stays out of the
// bundle); in development each answer is parsed with its schema (contract-check.ts).
import { LANGUAGE_HEADER, type Language } from '../../common/roles.ts';
import { initialLanguage } from './messages.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let csrfToken: string | null = null;
/** The language on screen: every call names it, so answers come in the page's language (server/modules/identity/language.ts). */
let language: Language = initialLanguage();
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called by the language provider before it shows the page in another language. */
export function setRequestLanguage(lang: Language): void {
  language = lang;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface WriteOptions {
  /** The version read (the record's ETag), sent as If-Match. */
  ifMatch?: number;
}

function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

async function send(method: Method, url: string, headers: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/** POSTs under way, by method, address and body: a second identical one waits for the first's answer. */
const inFlight = new Map<string, Promise<unknown>>();

function request<T>(method: Method, url: string, body?: unknown, options: WriteOptions = {}): Promise<T> {
  if (method !== 'POST') return perform<T>(method, url, body, options);
  const signature = `${method} ${url} ${JSON.stringify(body ?? null)}`;
  const pending = inFlight.get(signature);
  if (pending) return pending as Promise<T>;
  const promise = perform<T>(method, url, body, options).finally(() => inFlight.delete(signature));
  inFlight.set(signature, promise);
  return promise;
}

async function perform<T>(method: Method, url: string, body: unknown, options: WriteOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', [LANGUAGE_HEADER]: language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (method === 'POST') headers['idempotency-key'] = newIdempotencyKey();
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await send(method, url, headers, body);
  } catch {
    // The answer may have been lost after the server acted: the same key makes the repeat safe.
    if (method !== 'POST') throw new ApiError(0, 'NETWORK', '');
    try {
      response = await send(method, url, headers, body);
    } catch {
      throw new ApiError(0, 'NETWORK', '');
    }
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; fields?: FieldProblem[] } } | null)?.error;
    if (response.status === 401 && url !== '/api/auth/me') onUnauthorized?.();
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? '', error?.fields ?? []);
  }
  // The answer's type comes from its route's schema in common/contracts; development checks it.
  if (import.meta.env.DEV) (await import('./contract-check.ts')).checkAnswer(method, url, payload);
  return payload as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}, options?: WriteOptions) => request<T>('POST', url, body, options),
  put: <T>(url: string, body: unknown = {}, options?: WriteOptions) => request<T>('PUT', url, body, options),
};

/** Query string without empty values. Never used for national identity numbers. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
