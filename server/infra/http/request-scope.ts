// What the audit writer must know about the request it runs in, without every caller passing it:
// the client's address as Fastify derived it under the configured trustProxy. Background jobs run
// outside any request and record none.
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestScope {
  clientIp: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope(scope: RequestScope, next: () => void): void {
  storage.run(scope, next);
}

export function currentClientIp(): string | null {
  return storage.getStore()?.clientIp ?? null;
}
