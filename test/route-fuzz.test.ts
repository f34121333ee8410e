import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { sessionCookie } from './helpers/fixtures.js';
import { ROUTE_CASES } from './access/routes.js';
import { buildWorld, type World } from './access/world.js';

/*
 * Property-based fuzzing of every route of the API (issue 9): for each route in the app's route table, at
 * least RUNS generated requests — bodies and query strings made of the route's own field names with values
 * of every JSON type (odd strings, huge and negative numbers, nested arrays, nulls), whole random JSON,
 * broken JSON, wrong content types, malformed multipart, odd path parameters — sent as an actor the route
 * serves (so the requests reach the handler, not just the login check). None may be answered with a 5xx.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

let ctx: TestContext;
let w: World;
beforeAll(async () => {
  ctx = await createTestApp({ env: { SINOVIK_CLOCK_CONTROL: '1' } });
  w = await buildWorld(ctx);
}, 120_000);
afterAll(async () => ctx?.close());

/** The field names a zod schema of an object knows (through preprocess/pipe and refinements). */
function fieldNames(schema: unknown): string[] {
  let s = schema as { shape?: Record<string, unknown>; def?: { type?: string; in?: unknown; out?: unknown } };
  for (let i = 0; i < 5 && s && !s.shape && s.def?.type === 'pipe'; i++)
    s = ((s.def.out as typeof s)?.shape ? s.def.out : s.def.in) as typeof s;
  return s?.shape ? Object.keys(s.shape) : [];
}

const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e\u200b',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '../../etc/passwd',
    '2026-02-30T25:61:00Z',
    '1e309',
    '-1',
    '0',
    'NaN',
    'null',
    '9'.repeat(40),
    'x'.repeat(5000),
    '%00',
    'https://',
    'javascript:alert(1)',
  ),
);
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, Number.MIN_VALUE, 0.5),
);
const leaf = fc.oneof(oddString, oddNumber, fc.boolean(), fc.constant(null));
const value = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 4 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.dictionary(fc.constantFrom('sectionKey', 'text', 'label', 'url'), leaf), {
      maxLength: 3,
    }),
  },
);

/** An object with some of the route's own fields (and now and then one it does not know). */
const objectOf = (names: string[]) =>
  fc
    .tuple(
      fc.subarray(names.length ? names : ['x']),
      fc.array(value, { minLength: 12, maxLength: 12 }),
      fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    )
    .map(([keys, values, extra]) => {
      const o: Record<string, unknown> = {};
      keys.forEach((k, i) => (o[k] = values[i % values.length]));
      if (extra !== undefined) o[extra] = values[11];
      return o;
    });

type Request = {
  payload?: string | Buffer;
  contentType?: string;
  query?: Record<string, string>;
  param?: string;
};

const multipartJunk = fc
  .tuple(
    fc.constantFrom('', 'abc', '----x'),
    fc.uint8Array({ maxLength: 300 }),
    fc.boolean(),
    fc.string({ maxLength: 40 }),
  )
  .map(([boundary, bytes, close, name]): Request => {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const tail = close ? `\r\n--${boundary}--\r\n` : '';
    return {
      payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]),
      contentType: boundary ? `multipart/form-data; boundary=${boundary}` : 'multipart/form-data',
    };
  });

function requests(route: { schema?: { body?: unknown; querystring?: unknown }; multipart: boolean }) {
  const bodyNames = fieldNames(route.schema?.body);
  const queryNames = fieldNames(route.schema?.querystring);
  const query = fc
    .dictionary(fc.constantFrom(...(queryNames.length ? queryNames : ['q'])), oddString, { maxKeys: 4 })
    .map((q): Request => ({ query: q }));
  const json = objectOf(bodyNames).map((o): Request => ({
    payload: JSON.stringify(o),
    contentType: 'application/json',
  }));
  const anyJson = fc
    .jsonValue({ maxDepth: 3 })
    .map((v): Request => ({ payload: JSON.stringify(v), contentType: 'application/json' }));
  const broken = fc
    .tuple(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
      ),
    )
    .map(([text, type]): Request => ({ payload: text, contentType: type }));
  const param = oddString.map((p): Request => ({ param: p }));
  return fc.oneof(
    { weight: route.multipart ? 1 : 5, arbitrary: json },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: broken },
    { weight: route.multipart ? 5 : 0, arbitrary: multipartJunk },
    { weight: 2, arbitrary: query },
    { weight: 1, arbitrary: param },
  );
}

/** A short account of a generated request, for the failure list. */
const describeRequest = (r: Request) =>
  [
    r.contentType,
    r.payload === undefined ? '' : JSON.stringify(r.payload.toString('latin1').slice(0, 120)),
    r.query ? `?${new URLSearchParams(r.query).toString().slice(0, 120)}` : '',
    r.param !== undefined ? `param=${JSON.stringify(r.param.slice(0, 40))}` : '',
  ]
    .filter(Boolean)
    .join(' ');

describe('fuzzing every route (issue 9)', () => {
  it(`answers no generated request with a 5xx (at least ${RUNS} per route)`, async () => {
    const routes = ctx.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
    );
    const failures: string[] = [];
    let total = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const c = ROUTE_CASES[key];
      const binding = c?.bindings?.find((b) => b.allow.length > 0);
      const actor = binding?.allow.find((a) => a !== 'anonymous') ?? 'system_admin';
      const cookie = await sessionCookie(ctx, w.userIds[actor]);
      const params = (await (binding?.params ?? c?.params)?.(w)) ?? {};
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(requests(route as never), async (r) => {
          runs++;
          const url = route.url
            .replace(/\*$/, 'x')
            .replace(/:(\w+)/g, (_, k: string) =>
              encodeURIComponent(
                r.param !== undefined && crypto.randomInt(2) === 0 ? r.param : String(params[k] ?? 1),
              ),
            );
          const res = await ctx.app.inject({
            method: route.method as 'GET',
            url,
            query: r.query,
            headers: { cookie, ...(r.contentType ? { 'content-type': r.contentType } : {}) },
            payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : r.payload,
          });
          if (res.statusCode >= 500 && failures.filter((f) => f.startsWith(`${key} `)).length < 3)
            failures.push(`${key} ${describeRequest(r)} → ${res.statusCode}`);
          return true;
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261206) },
      );
      expect(runs, key).toBeGreaterThanOrEqual(RUNS);
      total += runs;
    }
    expect(total).toBeGreaterThanOrEqual(RUNS * routes.length);
    expect([...new Set(failures)]).toEqual([]);
  }, 900_000);
});
