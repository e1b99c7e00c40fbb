// A small closed-loop HTTP load generator: `clients` connections (keep-alive), each sending its next
// request as soon as the last one answered, for a fixed time. Bounded in time and count, and only
// ever aimed at the app the runner started on 127.0.0.1. It runs on undici's client, which costs
// the machine less per request than node:http: the load generator shares the two
// cores with the app and PostgreSQL, and pgbench's own client costs next to nothing.
import { Client } from 'undici';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  /** Cookie header (the session) and, for POST, the CSRF token. */
  headers: Record<string, string>;
  body?: unknown;
}

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  /** The first unexpected status and body, to say what went wrong. */
  firstError: string | null;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A connection to the app the runner started, kept alive between requests. */
export function connect(port: number): Client {
  return new Client(`http://127.0.0.1:${port}`, { headersTimeout: 30_000, bodyTimeout: 30_000 });
}

/** The spec as undici sends it. */
function requestOf(spec: RequestSpec) {
  const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  return {
    method: spec.method, path: spec.path,
    headers: { ...spec.headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(payload !== undefined ? { body: payload } : {}),
  };
}

/** One request, its status and body. */
export async function send(client: Client, spec: RequestSpec): Promise<{ status: number; body: string }> {
  const response = await client.request(requestOf(spec));
  return { status: response.statusCode, body: await response.body.text() };
}

/**
 * Runs `clients` loops for `seconds`; client i sends specs[i % specs.length] each time, so every
 * client keeps to one session, as one person's browser would.
 */
export async function runLoad(port: number, specs: RequestSpec[], clients: number, seconds: number, okStatus: (status: number) => boolean): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async (i: number) => {
    const request = requestOf(specs[i % specs.length]!);
    const client = connect(port);
    try {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const response = await client.request(request);
          if (okStatus(response.statusCode)) {
            await response.body.dump({ limit: Number.MAX_SAFE_INTEGER });
          } else {
            errors++;
            const body = await response.body.text();
            firstError ??= `${response.statusCode} ${body.slice(0, 300)}`;
          }
        } catch (error) {
          errors++;
          firstError ??= (error as Error).message;
        }
        latencies.push(performance.now() - t0);
      }
    } finally {
      await client.close();
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => loop(i)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients, seconds: elapsed, requests: latencies.length, errors, firstError,
    rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
  };
}
