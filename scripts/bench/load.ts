// A small closed-loop HTTP load generator: `clients` connections (keep-alive), each sending its next
// request as soon as the last one answered, for a fixed time. Bounded in time and count, and only
// ever aimed at the app the runner started on 127.0.0.1. The load runs on undici's client, which
// costs the machine about half what node:http does per request: the load generator shares the two
// cores with the app and PostgreSQL, and pgbench's own client costs next to nothing.
import http from 'node:http';
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

export function send(agent: http.Agent, port: number, spec: RequestSpec): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const request = http.request({
      host: '127.0.0.1', port, method: spec.method, path: spec.path, agent,
      headers: { ...spec.headers, ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(30_000, () => request.destroy(new Error('timeout after 30 s')));
    if (payload !== undefined) request.write(payload);
    request.end();
  });
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
    const spec = specs[i % specs.length]!;
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const headers = { ...spec.headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) };
    const client = new Client(`http://127.0.0.1:${port}`, { headersTimeout: 30_000, bodyTimeout: 30_000 });
    try {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const response = await client.request({ method: spec.method, path: spec.path, headers, ...(payload !== undefined ? { body: payload } : {}) });
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
