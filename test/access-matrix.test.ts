import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from './helpers/fixtures.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { ROUTE_CASES, type Binding, type Body, type RouteCase } from './access/routes.js';
import { ACTORS, CANARIES, buildWorld, type ActorName, type World } from './access/world.js';

/*
 * The role × route matrix of issue 9: every route of the API (taken from the running app's route table),
 * every actor (anonymous, UPP, admin lokal, the organizer's secretariat and another organizer's, evaluator,
 * panelist, system administrator), on objects of their own scope and of another institution and another
 * organizer. An actor the route's entry does not allow must be refused (401 anonymous, else 403/404); an
 * allowed actor must get past authorization. No answer to anybody may carry a text the actor may not see
 * (the world's markers) or a secret (a reset link's token).
 */

interface Outcome {
  route: string;
  binding: string;
  actor: ActorName;
  status: number;
  problem: string | null;
}

let ctx: TestContext;
let w: World;
const outcomes: Outcome[] = [];

const fill = (url: string, params: Record<string, string | number>) =>
  url.replace(/:(\w+)/g, (_, k: string) => {
    if (!(k in params)) throw new Error(`no value for :${k} in ${url}`);
    return encodeURIComponent(String(params[k]));
  });

async function send(
  method: string,
  url: string,
  actor: ActorName,
  body: Body | undefined,
  query: Record<string, string> | undefined,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  // A fresh session per request: a route that ends sessions (logout, password change) cannot spoil the next.
  if (actor !== 'anonymous') headers.cookie = await sessionCookie(ctx, w.userIds[actor]);
  let payload: string | Buffer | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body && 'multipart' in body) {
    Object.assign(headers, body.multipart.headers);
    payload = body.multipart.payload;
  } else if (body && 'raw' in body) {
    headers['content-type'] = body.contentType;
    payload = body.raw;
  }
  return ctx.app.inject({ method: method as 'GET', url, headers, payload, query });
}

/** What an answer carries that `actor` may not see, or null. */
function leak(actor: ActorName, res: LightMyRequestResponse, routeKey: string): string | null {
  const text = res.body;
  for (const [name, c] of Object.entries(CANARIES))
    if (!(c.readers as readonly string[]).includes(actor) && text.includes(c.marker))
      return `carries ${name} (${c.marker})`;
  // The reset link's secret: nobody reads it through the API; only the administrator may open mail files.
  if (text.includes(w.resetToken) && !(actor === 'system_admin' && routeKey === 'GET /api/outbox/:id/eml'))
    return 'carries the reset token';
  return null;
}

function judge(
  routeKey: string,
  c: RouteCase,
  b: Binding | null,
  actor: ActorName,
  res: LightMyRequestResponse,
) {
  const s = res.statusCode;
  const leaked = leak(actor, res, routeKey);
  if (leaked) return leaked;
  if (s >= 500) return `answered ${s}`;
  if (c.public) {
    const fine = (s >= 200 && s < 400) || (c.alsoAccept ?? []).includes(s);
    return fine ? null : `public route answered ${s}`;
  }
  const allowed = b!.allow.includes(actor);
  if (allowed) {
    const fine = (s >= 200 && s < 400) || ((b!.alsoAccept ?? []).includes(s) && ![401, 403, 404].includes(s));
    return fine ? null : `allowed but answered ${s}: ${res.body.slice(0, 200)}`;
  }
  // Anonymous: 401 (refused before the route runs where no object of it is served to signed-out callers),
  // or 404 where the object is public to some (a draft competition is not found).
  if (actor === 'anonymous') {
    if (!servesAnonymous(c)) return s === 401 ? null : `anonymous answered ${s} (expected 401)`;
    return s === 401 || s === 404 ? null : `anonymous answered ${s} (expected 401 or 404)`;
  }
  return s === 403 || s === 404 ? null : `not allowed but answered ${s}`;
}

/**
 * Whether a route serves signed-out callers: `public` here, or a binding that allows the anonymous actor
 * (a published competition, while its drafts are refused). Exactly these must the app declare
 * `config: { public: true }`; every other route refuses a signed-out caller before reading its request.
 */
const servesAnonymous = (c: RouteCase) =>
  c.public === true || (c.bindings ?? []).some((b) => b.allow.includes('anonymous'));

beforeAll(async () => {
  ctx = await createTestApp({ env: { SINOVIK_CLOCK_CONTROL: '1' } });
  w = await buildWorld(ctx);
  const api = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/'));
  const keys = api.map((r) => `${r.method} ${r.url}`);
  const ordered = [...keys.filter((k) => !ROUTE_CASES[k]?.last), ...keys.filter((k) => ROUTE_CASES[k]?.last)];
  // Refusals first, on the untouched world; then what the allowed actors do, the routes marked `last` last.
  for (const phase of ['refused', 'allowed'] as const) {
    for (const key of ordered) {
      const c = ROUTE_CASES[key];
      if (!c) continue;
      const [method, url] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      const bindings: (Binding | null)[] = c.public ? [null] : [...(c.bindings ?? [])];
      for (const b of bindings) {
        for (const actor of ACTORS) {
          const allowed = c.public || b!.allow.includes(actor);
          if ((phase === 'allowed') !== allowed) continue;
          const body = await (b?.body ?? c.body)?.(w);
          const query = (b?.query ?? c.query)?.(w);
          const res = await send(
            method,
            fill(url.replace('/*', '/index.css'), (await (b?.params ?? c.params)?.(w)) ?? {}),
            actor,
            body,
            query,
          );
          outcomes.push({
            route: key,
            binding: b?.name ?? 'public',
            actor,
            status: res.statusCode,
            problem: judge(key, c, b, actor, res),
          });
        }
      }
    }
  }
}, 600_000);
afterAll(async () => ctx?.close());

describe('role × route matrix (issue 9)', () => {
  it('names every route of the API, and no route that does not exist', () => {
    const keys = new Set(
      ctx.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`),
    );
    expect([...keys].filter((k) => !ROUTE_CASES[k]).sort()).toEqual([]);
    expect(
      Object.keys(ROUTE_CASES)
        .filter((k) => !keys.has(k))
        .sort(),
    ).toEqual([]);
  });

  it('declares public (config.public) exactly the routes this matrix serves to signed-out callers', () => {
    const declared = ctx.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && r.public)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const served = Object.entries(ROUTE_CASES)
      .filter(([, c]) => servesAnonymous(c))
      .map(([key]) => key)
      .sort();
    expect(declared).toEqual(served);
  });

  it('covers every route with every actor', () => {
    for (const key of Object.keys(ROUTE_CASES))
      for (const actor of ACTORS)
        expect(
          outcomes.some((o) => o.route === key && o.actor === actor),
          `${key} as ${actor}`,
        ).toBe(true);
  });

  it('answers every actor as its role and scope allow, and no answer carries what the actor may not see', () => {
    const problems = outcomes
      .filter((o) => o.problem)
      .map((o) => `${o.route} [${o.binding}] as ${o.actor}: ${o.problem}`);
    expect(problems).toEqual([]);
  });
});
