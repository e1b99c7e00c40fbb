// The security headers of every answer (helmet's: a strict content security policy, no referrer,
// no framing, HSTS in production). They depend on the configuration only, so they are worked out
// once at start: @fastify/helmet rebuilt helmet's middleware and re-parsed the policy on every
// request (docs/performance.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

export function securityHeaders(production: boolean): Readonly<Record<string, string>> {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  const headers: Record<string, string> = {};
  // helmet writes its headers through setHeader and removeHeader, synchronously, whatever the request.
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let outcome: 'done' | 'failed' | undefined;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    outcome = error ? 'failed' : 'done';
  });
  if (outcome !== 'done') throw new Error(outcome ? 'helmet refused the security header options' : 'helmet did not set its headers synchronously');
  return Object.freeze(headers);
}
