// How the front end and the API reach the browser: compressed (brotli or gzip), hashed files cached
// for good, the app shell checked again on every visit. Runs against the built front end in
// dist/web (the test command builds it first); without a build it serves a tiny stand-in in its
// place and removes it afterwards.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const IMMUTABLE = 'public, max-age=31536000, immutable';

let t: TestApp;
let standIn = false;
/** A hashed JavaScript file of the build, as served under /assets/. */
let asset: { url: string; content: Buffer };

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    standIn = true;
    mkdirSync(path.join(DIST, 'assets'), { recursive: true });
    writeFileSync(path.join(DIST, 'index.html'), '<!doctype html><html lang="nb"><head><script type="module" src="/assets/index-Stand1n.js"></script></head><body><div id="root"></div></body></html>');
    writeFileSync(path.join(DIST, 'assets', 'index-Stand1n.js'), `export const texts = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `tekst ${i}`))};\n`);
  }
  const file = readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js')).sort()[0]!;
  asset = { url: `/assets/${file}`, content: readFileSync(path.join(DIST, 'assets', file)) };
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
  if (standIn) rmSync(DIST, { recursive: true, force: true });
});

describe('the front end’s files', () => {
  it('sends a hashed file brotli-compressed when the browser accepts it, to be cached for a year', async () => {
    const response = await t.app.inject({ method: 'GET', url: asset.url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).equals(asset.content)).toBe(true);
  });

  it('sends gzip to a browser that accepts only gzip, and the plain file to one that accepts nothing', async () => {
    const gzipped = await t.app.inject({ method: 'GET', url: asset.url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gzipped.rawPayload).equals(asset.content)).toBe(true);

    const plain = await t.app.inject({ method: 'GET', url: asset.url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(asset.content)).toBe(true);
  });

  it('has the browser check the app shell again on every visit, at / and at a page of the app', async () => {
    for (const url of ['/', '/tjenester']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      const html = response.headers['content-encoding'] === 'br' ? brotliDecompressSync(response.rawPayload).toString() : response.body;
      expect(html, url).toContain('<div id="root">');
    }
  });

  it('answers a hashed file that no longer exists with 404, not with the app shell', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assets/index-Gone0000.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['cache-control']).not.toBe(IMMUTABLE);
  });
});

describe('the API’s answers', () => {
  it('compresses JSON for a client that accepts it, and not for one that does not', async () => {
    const uncompressed = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(uncompressed.headers['content-encoding']).toBeUndefined();

    const br = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(uncompressed.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(uncompressed.json());

    const gzip = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(uncompressed.json());
  });

  it('leaves a small answer as it is', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toMatchObject({ status: 'ok' });
  });
});
