import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeUser, sessionCookie } from './helpers/fixtures.js';

/*
 * Deny by default (platform/auth.ts): a signed-out request to a route not declared public is refused with
 * the 401 `unauthenticated` before its body is read, parsed or validated. Whatever it sends — broken JSON,
 * JSON of the wrong type, an unknown content type, malformed multipart, a body over the size limit, bad
 * path parameters or query — it learns nothing of the route's schema and is told to sign in. A signed-in
 * caller's bad body is still answered with the field messages.
 */

const UNAUTHENTICATED = {
  code: 'unauthenticated',
  message: { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' },
  fields: {},
};

interface Malformed {
  name: string;
  payload?: string | Buffer;
  contentType?: string;
  /** Path parameters replaced by this (URL-encoded) text. */
  param?: string;
  query?: Record<string, string>;
}

/** Over the app's bodyLimit (2 MB): Fastify's body reader would answer 413. */
const OVERSIZED = Buffer.alloc(3 * 1024 * 1024, 'a');

const MALFORMED: readonly Malformed[] = [
  { name: 'unparsable JSON', payload: '{"nonsense": [', contentType: 'application/json' },
  { name: 'JSON of the wrong type', payload: '[5, "x", null]', contentType: 'application/json' },
  { name: 'a JSON string', payload: '"garbage"', contentType: 'application/json' },
  { name: 'an unknown content type', payload: '<x/>', contentType: 'application/xml' },
  {
    name: 'malformed multipart',
    payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nxx',
    contentType: 'multipart/form-data; boundary=b',
  },
  { name: 'a body over the size limit', payload: OVERSIZED, contentType: 'application/json' },
  {
    name: 'bad path parameters and query',
    param: 'bukan-angka',
    query: { page: '-1', pageSize: 'banyak', format: '<x>', year: '1e309' },
  },
];

const fill = (url: string, param = '1') =>
  url.replace(/:\w+/g, encodeURIComponent(param)).replace(/\*$/, 'x');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const send = (method: string, url: string, m: Malformed, cookie?: string): Promise<LightMyRequestResponse> =>
  ctx.app.inject({
    method: method as 'POST',
    url: fill(url, m.param),
    query: m.query,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(m.contentType ? { 'content-type': m.contentType } : {}),
    },
    payload: method === 'GET' ? undefined : m.payload,
  });

describe('a signed-out request is refused before its body is validated', () => {
  it('answers 401 unauthenticated to every malformed request on every route not declared public', async () => {
    const routes = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.public);
    // The guard must see the routes that take input: most of the API's writes.
    expect(routes.filter((r) => r.method !== 'GET').length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const route of routes)
      for (const m of MALFORMED) {
        if (route.method === 'GET' && m.payload !== undefined) continue;
        const res = await send(route.method, route.url, m);
        const body = res.statusCode === 401 ? res.json() : null;
        if (res.statusCode !== 401 || JSON.stringify(body?.error) !== JSON.stringify(UNAUTHENTICATED))
          wrong.push(
            `${route.method} ${route.url} [${m.name}] → ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    expect(wrong).toEqual([]);
  });

  it('PATCH /api/proposals/:id with { title: 5 }: 401 signed out, 400 naming the field signed in', async () => {
    const anonymous = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/proposals/1',
      payload: { title: 5 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: UNAUTHENTICATED });

    const upp = await makeUser(ctx.db, { role: 'upp' });
    const signedIn = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/proposals/1',
      headers: { cookie: await sessionCookie(ctx, upp.id) },
      payload: { title: 5 },
    });
    expect(signedIn.statusCode).toBe(400);
    const error = signedIn.json().error;
    expect(error.code).toBe('validation_failed');
    // The autosave's body needs the version it edits (every other field is checked one by one).
    expect(Object.keys(error.fields)).toEqual(['version']);
  });

  it('POST /api/proposals/:id/forward with garbage: 401 signed out, 400 naming the field signed in', async () => {
    for (const payload of ['{"nonsense": [', '"garbage"']) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/proposals/bukan-angka/forward',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(401);
      expect(res.json(), payload).toEqual({ error: UNAUTHENTICATED });
    }

    const localAdmin = await makeUser(ctx.db, { role: 'local_admin' });
    const signedIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/proposals/bukan-angka/forward',
      headers: { cookie: await sessionCookie(ctx, localAdmin.id), 'content-type': 'application/json' },
      payload: '"garbage"',
    });
    expect(signedIn.statusCode).toBe(400);
    const error = signedIn.json().error;
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields)).toEqual(['id']);
  });

  it('still answers a public route for signed-out callers, and an unknown address with 404', async () => {
    const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    // A public route's own validation still speaks to signed-out callers (a login form's field messages).
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 5 } });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.code).toBe('validation_failed');
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/tidak-ada' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
  });
});
