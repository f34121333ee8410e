import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { DOCUMENT_ONLY_HEADERS } from '../src/platform/web-app.js';

/*
 * How the built web app is served (src/platform/web-app.ts): precompressed files by Accept-Encoding with
 * Vary, hashed assets cached for a year, index.html and the client-side routes revalidated, the security
 * headers on all of it and the API's no-store untouched. A build of its own in a temporary folder, laid out
 * as `vite build` writes it (a .br and a .gz next to each file).
 */
const SCRIPT = `console.log(${JSON.stringify('Sinovik '.repeat(400))});\n`;
const INDEX = `<!doctype html><html lang="id"><head><title>Sinovik</title><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"><p>Memuat Sinovik…</p></div></body></html>\n`;
const HOME = INDEX.replace('<p>Memuat Sinovik…</p>', '<h1>Kompetisi Inovasi Pelayanan Publik</h1>');

function writeBuild(root: string) {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  const files: Record<string, string> = {
    'index.html': INDEX,
    'home.html': HOME,
    'assets/index-AbC123.js': SCRIPT,
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.writeFileSync(file, text);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
  }
}

function expectSecurityHeaders(headers: Record<string, unknown>, url: string) {
  expect(String(headers['content-security-policy']), url).toContain("default-src 'self'");
  expect(headers['x-content-type-options'], url).toBe('nosniff');
  expect(headers['referrer-policy'], url).toBe('no-referrer');
  expect(headers['x-frame-options'], url).toBe('SAMEORIGIN');
}

/** A hashed script keeps the headers that guard a subresource and drops those only a document obeys. */
function expectAssetHeaders(headers: Record<string, unknown>, url: string) {
  expect(headers['x-content-type-options'], url).toBe('nosniff');
  expect(headers['cross-origin-resource-policy'], url).toBe('same-origin');
  for (const name of DOCUMENT_ONLY_HEADERS) expect(headers[name], `${url} ${name}`).toBeUndefined();
}

describe('the web app is served compressed and cached', () => {
  let ctx: TestContext;
  let root: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-web-'));
    writeBuild(root);
    ctx = await createTestApp({ webRoot: root });
  });
  afterAll(async () => {
    await ctx.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    ctx.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('sends a hashed asset as brotli, else gzip, else plain, cached for a year, varying by encoding, without the document-only headers', async () => {
    const br = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    const gz = await get('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    for (const res of [br, gz, plain]) {
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
      expectAssetHeaders(res.headers, '/assets/index-AbC123.js');
    }
  });

  it('sends the page with its shell, at / (home.html) and for every client-side route (index.html), compressed and revalidated on each visit', async () => {
    for (const [url, page] of [
      ['/', HOME],
      ['/?lang=en', HOME],
      ['/kompetisi/12', INDEX],
      ['/sekretariat/outbox?status=failed', INDEX],
    ] as const) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toBe(page);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(String(res.headers.vary).toLowerCase(), url).toContain('accept-encoding');
      expectSecurityHeaders(res.headers, url);
      const plain = await get(url);
      expect(plain.body, url).toBe(page);
      expect(plain.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers a missing asset with 404, not with index.html under a script name', async () => {
    const res = await get('/assets/index-Old999.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().error.code).toBe('not_found');
  });

  it('leaves the API as it was: no-store, JSON 404 for an unknown route', async () => {
    const health = await get('/api/health', 'br');
    expect(health.statusCode).toBe(200);
    expect(health.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(health.headers, '/api/health');
    const unknown = await get('/api/tidak-ada', 'br');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['cache-control']).toBe('no-store');
    expect(unknown.json().error.code).toBe('not_found');
  });
});
