// The load on the app: wrk (Debian's `wrk`), a closed loop of `clients` keep-alive connections, each
// sending its next request as soon as the last one answered, for a fixed time, only ever aimed at the
// app the runner started on 127.0.0.1. wrk is to HTTP what pgbench is to PostgreSQL: a client in C
// whose own cost is next to nothing. The load generator shares the two cores with the app and
// PostgreSQL, and a client written in Node cost the machine a third as much as the app itself per
// request (docs/performance.md), which the app's figure then carried and pgbench's did not.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  /** Cookie header (the session) and, for POST, the CSRF token. */
  headers: Record<string, string>;
  body?: unknown;
}

export interface LoadResult {
  /** Answers with a status of 400 or more, and requests that failed to connect, send, read or finish in time. */
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export function findWrk(): string | null {
  for (const candidate of ['/usr/bin/wrk', '/usr/local/bin/wrk']) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The headers and body as they go on the wire. */
function wireOf(spec: RequestSpec): { headers: Record<string, string>; body: string | undefined } {
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  return { headers: { ...spec.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body };
}

/** One request, its status and body (the capture of a request's SQL). */
export async function send(port: number, spec: RequestSpec): Promise<{ status: number; body: string }> {
  const { headers, body } = wireOf(spec);
  const response = await fetch(`http://127.0.0.1:${port}${spec.path}`, { method: spec.method, headers, ...(body !== undefined ? { body } : {}) });
  return { status: response.status, body: await response.text() };
}

/** A Lua string literal: quotes and backslashes escaped, control characters as decimal escapes, UTF-8 as it is. */
const luaString = (text: string) =>
  `"${text.replace(/[\\"\x00-\x1f\x7f]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\${String(c.charCodeAt(0)).padStart(3, '0')}`))}"`;

/**
 * The wrk script: the requests, each formatted once per thread (in init, when wrk knows the Host
 * header), sent in turn, and a summary printed as JSON at the end (latencies in microseconds).
 */
function scriptOf(specs: RequestSpec[]): string {
  const entries = specs.map((spec) => {
    const { headers, body } = wireOf(spec);
    const headerTable = Object.entries(headers).map(([k, v]) => `[${luaString(k)}] = ${luaString(v)}`).join(', ');
    return `  { ${luaString(spec.method)}, ${luaString(spec.path)}, { ${headerTable} }${body !== undefined ? `, ${luaString(body)}` : ''} },`;
  });
  return `local specs = {
${entries.join('\n')}
}
local requests = {}
local n = 0
init = function(_)
  for i, s in ipairs(specs) do requests[i] = wrk.format(s[1], s[2], s[3], s[4]) end
end
request = function()
  n = n + 1
  return requests[(n % #requests) + 1]
end
done = function(summary, latency, _)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"micros":%d,"errors":%d,"p50":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;
}

/** Runs wrk with `clients` connections for `seconds` over the specs, on as many threads as pgbench uses (-j). */
export async function runLoad(wrk: string, dir: string, port: number, specs: RequestSpec[], clients: number, seconds: number): Promise<LoadResult> {
  const script = path.join(dir, 'load.lua');
  await writeFile(script, scriptOf(specs));
  const args = ['-t', String(Math.min(clients, 2)), '-c', String(clients), '-d', `${seconds}s`, '--timeout', '30s', '-s', script, `http://127.0.0.1:${port}`];
  const { stdout } = await execFileAsync(wrk, args, { maxBuffer: 16 * 1024 * 1024 });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  let summary: { requests: number; micros: number; errors: number; p50: number; p95: number; p99: number };
  try {
    summary = JSON.parse(line) as typeof summary;
  } catch {
    throw new Error(`wrk printed no summary:\n${stdout.slice(-2000)}`);
  }
  return {
    errors: summary.errors,
    rps: summary.requests / (summary.micros / 1e6), p50: summary.p50 / 1000, p95: summary.p95 / 1000, p99: summary.p99 / 1000,
  };
}
